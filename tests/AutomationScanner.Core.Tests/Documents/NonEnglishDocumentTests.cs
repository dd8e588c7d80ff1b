using AutomationScanner.Core.Documents;
using AutomationScanner.Core.Model;

namespace AutomationScanner.Core.Tests.Documents;

public sealed class NonEnglishDocumentTests
{
    private readonly DocumentReader sut = new();

    [Fact]
    public void Read_GermanMarkdownSop_ExtractsNumberedStepsWithFrequencyAndSystems()
    {
        const string markdown = """
            # Arbeitsanweisung Rechnungsprüfung

            ## Zweck

            Diese Anweisung beschreibt die Prüfung eingehender Rechnungen.

            ## Ablauf

            1. Rechnung aus dem Postfach öffnen und in SAP erfassen.
            2. Rechnungsbetrag mit der Bestellung vergleichen (täglich, etwa 120 pro Tag).
            3. Abweichungen telefonisch mit dem Lieferanten klären.
            """;

        var result = sut.Read(DocumentTestFiles.Stream(markdown), "rechnungspruefung.md", TestContext.Current.CancellationToken);

        Assert.True(result.Succeeded);
        Assert.Equal(3, result.Statements.Count);
        Assert.All(result.Statements, s => Assert.Equal("Ablauf", s.Section));
        Assert.Equal(["SAP"], result.Statements[0].Systems);
        Assert.Equal(InteractionKind.UserSystem, result.Statements[0].Interaction);
        Assert.Equal(120 * 250, result.Statements[1].ExecutionsPerYearHint);
        Assert.Equal("Abweichungen telefonisch mit dem Lieferanten klären.", result.Statements[2].Text);
    }

    [Fact]
    public void Read_DutchDocxWithLocalisedHeadingStyle_ExtractsBulletsUnderTheHeading()
    {
        using var docx = DocumentTestFiles.Docx(
            DocumentTestFiles.Styled("berschrift2", "Werkwijze vergunningaanvraag"),
            DocumentTestFiles.ListItem(2, "Aanvraag registreren in het zaaksysteem (wekelijks)."),
            DocumentTestFiles.ListItem(2, "Persoonsgegevens van de aanvrager controleren."),
            DocumentTestFiles.ListItem(1, "Besluit per e-mail naar de aanvrager sturen."));

        var result = sut.Read(docx, "vergunning.docx", TestContext.Current.CancellationToken);

        Assert.True(result.Succeeded, result.Error);
        Assert.Equal(3, result.Statements.Count);
        Assert.All(result.Statements, s => Assert.Equal("Werkwijze vergunningaanvraag", s.Section));
        Assert.Equal(52, result.Statements[0].ExecutionsPerYearHint);
        Assert.Contains("personal", result.Statements[1].DataCategories);
        Assert.Equal(["Email"], result.Statements[2].Systems);
    }

    [Fact]
    public void Read_NonLatinText_DoesNotCrashAndKeepsNumberedSteps()
    {
        const string text = "1. 检查发票金额\n2. Проверить счёт в SAP\n3. فاتورة المراجعة اليومية\n";

        var result = sut.Read(DocumentTestFiles.Stream(text), "mixed.txt", TestContext.Current.CancellationToken);

        Assert.Equal(["检查发票金额", "Проверить счёт в SAP", "فاتورة المراجعة اليومية"], result.Statements.Select(s => s.Text));
    }
}
