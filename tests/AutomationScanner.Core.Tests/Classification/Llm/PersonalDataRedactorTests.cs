using AutomationScanner.Core.Classification.Llm;

namespace AutomationScanner.Core.Tests.Classification.Llm;

public sealed class PersonalDataRedactorTests
{
    [Theory]
    [InlineData("Mail jan.devries@contoso.com for approval", "Mail [EMAIL] for approval")]
    [InlineData("Pay to NL91ABNA0417164300 today", "Pay to [IBAN] today")]
    [InlineData("Pay to GB82 WEST 1234 5698 7654 32 today", "Pay to [IBAN] today")]
    [InlineData("Card 4111 1111 1111 1111 was charged", "Card [CARD] was charged")]
    [InlineData("Card 4111-1111-1111-1111 was charged", "Card [CARD] was charged")]
    [InlineData("SSN 123-45-6789 on file", "SSN [NATIONAL-ID] on file")]
    [InlineData("BSN 111222333 on file", "BSN [NATIONAL-ID] on file")]
    [InlineData("Call +31 20 123 4567 now", "Call [PHONE] now")]
    [InlineData("Call (555) 123-4567 now", "Call [PHONE] now")]
    [InlineData("Call 020-1234567 now", "Call [PHONE] now")]
    [InlineData("Ask Mr. Jansen to sign", "Ask [PERSON] to sign")]
    [InlineData("Ask Ms Anna Schmidt to sign", "Ask [PERSON] to sign")]
    [InlineData("Escalate to the manager Peter Smith", "Escalate to the manager [PERSON]")]
    [InlineData("Peter Smith (approver) signs off", "[PERSON] (approver) signs off")]
    [InlineData("Send it to Maria Lopez, the team lead", "Send it to [PERSON], the team lead")]
    public void Redact_PersonalData_ReplacedByToken(string input, string expected)
    {
        Assert.Equal(expected, PersonalDataRedactor.Redact(input));
    }

    [Theory]
    [InlineData("The Accounts Payable clerk checks invoice 12345 dated 2024-01-15")]
    [InlineData("Pay to NL91ABNA0417164301 today")]
    [InlineData("Card 4111 1111 1111 1112 was charged")]
    [InlineData("The clerk Purchase Order desk approves amounts up to 5000.00 EUR")]
    [InlineData("Review 3 items per day at 08:30")]
    public void Redact_BusinessTextWithoutPersonalData_Unchanged(string input)
    {
        Assert.Equal(input, PersonalDataRedactor.Redact(input));
    }

    [Fact]
    public void Redact_Null_ReturnsEmpty()
    {
        Assert.Equal("", PersonalDataRedactor.Redact(null));
    }
}
