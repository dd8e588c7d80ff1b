using AutomationScanner.Core.Classification;

namespace AutomationScanner.Core.Tests.Classification;

public sealed class ActivityNameNormalizerTests
{
    [Theory]
    [InlineData("Declaration SUBMITTED by EMPLOYEE", "Submit declaration by employee")]
    [InlineData("Declaration FINAL_APPROVED by SUPERVISOR", "Approve declaration final by supervisor")]
    [InlineData("Payment Handled", "Handle payment")]
    [InlineData("Request Payment", "Request payment")]
    [InlineData("A_PARTLYSUBMITTED", "Submit partly")]
    [InlineData("W_Completeren aanvraag", "Completeren aanvraag")]
    [InlineData("createPurchaseOrder+complete", "Create purchase order")]
    [InlineData("Check ticket (start)", "Check ticket")]
    [InlineData("ERRegistration", "Emergency room registration")]
    [InlineData("Update cust addr", "Update customer address")]
    [InlineData("Send PO to vendor", "Send purchase order to vendor")]
    [InlineData("LacticAcid", "Lactic acid")]
    [InlineData("Approve invoice start", "Approve invoice")]
    [InlineData("A_ACCEPTED", "Accept")]
    [InlineData("O_SENT_BACK", "Send back")]
    public void Normalize_LogActivityName_ReadsAsTask(string name, string expected)
    {
        var actual = ActivityNameNormalizer.Normalize(name);

        Assert.Equal(expected, actual);
    }

    [Theory]
    [InlineData("Antrag prüfen und genehmigen")]
    [InlineData("申请审批")]
    [InlineData("Заявка_Одобрена")]
    [InlineData("  ")]
    [InlineData("+complete")]
    [InlineData("___")]
    public void Normalize_NonEnglishOrDegenerateInput_DoesNotThrowAndKeepsLetters(string name)
    {
        var actual = ActivityNameNormalizer.Normalize(name);

        Assert.NotNull(actual);
        Assert.Equal(
            new string(name.Where(char.IsLetter).Select(char.ToLowerInvariant).ToArray()),
            new string(actual.Where(char.IsLetter).Select(char.ToLowerInvariant).ToArray()));
    }

    [Fact]
    public void Normalize_OnlyLifecycleWord_KeepsIt()
    {
        var actual = ActivityNameNormalizer.Normalize("Complete");

        Assert.Equal("Complete", actual);
    }
}
