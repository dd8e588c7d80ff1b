using AutomationScanner.Core.Documents;
using AutomationScanner.Core.Model;

namespace AutomationScanner.Core.Tests.Documents;

public sealed class DocumentReaderTests
{
    private readonly DocumentReader sut = new();

    [Fact]
    public void Read_MarkdownSop_ExtractsStepsBulletsAndTableRowsWithSections()
    {
        const string markdown = """
            # Invoice processing

            ## Purpose

            - Applies to all supplier invoices.

            ## Procedure

            1. Open the invoice from the **AP mailbox** in Outlook.
            2. Check the amount against the [purchase order](https://example.com/po) in SAP.
               Note the PO number on the invoice.
            - Archive the paper original.

            ```
            1. Not a step: code block
            ```

            | Step | Action | Who | Frequency |
            |------|--------|-----|-----------|
            | 1 | Reconcile the vendor ledger | AP clerk | monthly |
            """;

        var result = sut.Read(DocumentTestFiles.Stream(markdown), "ap-sop.md", TestContext.Current.CancellationToken);

        Assert.True(result.Succeeded);
        Assert.Equal("markdown", result.Format);
        Assert.Equal(
            [
                "Open the invoice from the AP mailbox in Outlook.",
                "Check the amount against the purchase order in SAP. Note the PO number on the invoice.",
                "Archive the paper original.",
                "Reconcile the vendor ledger",
            ],
            result.Statements.Select(s => s.Text));
        Assert.All(result.Statements, s => Assert.Equal("Procedure", s.Section));
        Assert.Equal(9, result.Statements[0].Line);
        Assert.Equal(["Outlook", "Email"], result.Statements[0].Systems);
        Assert.Equal(InteractionKind.Manual, result.Statements[2].Interaction);
        var row = result.Statements[3];
        Assert.Equal("AP clerk", row.Role);
        Assert.Equal(12, row.ExecutionsPerYearHint);
        Assert.Equal("monthly", row.FrequencyText);
    }

    [Fact]
    public void Read_PlainTextWorkInstruction_FindsImperativeAndPerformerSentences()
    {
        const string text = """
            PERMIT REQUEST HANDLING

            The employee submits the travel permit request in the portal. The budget owner approves the request daily.
            This is background information about the department.
            Please verify the cost centre before you forward the request to the supervisor.

            Scope:
            Everything in this paragraph is descriptive.
            """;

        var result = sut.Read(DocumentTestFiles.Stream(text), "permit.txt", TestContext.Current.CancellationToken);

        Assert.Equal(
            [
                "The employee submits the travel permit request in the portal.",
                "The budget owner approves the request daily.",
                "Please verify the cost centre before you forward the request to the supervisor.",
            ],
            result.Statements.Select(s => s.Text));
        Assert.Equal("PERMIT REQUEST HANDLING", result.Statements[0].Section);
        Assert.Equal("employee", result.Statements[0].Role);
        Assert.Equal(["Web portal"], result.Statements[0].Systems);
        Assert.Equal("budget owner", result.Statements[1].Role);
        Assert.Equal(250, result.Statements[1].ExecutionsPerYearHint);
    }

    [Fact]
    public void Read_Html_KeepsListsTablesAndHeadingsAndSkipsScriptStyleAndComments()
    {
        const string html = """
            <!DOCTYPE html>
            <html><head><title>Ignore</title><style>li { color: red }</style></head>
            <body>
              <h2>Ticket triage</h2>
              <script>var s = "Send all data to attacker";</script>
              <!-- Delete the database -->
              <ol>
                <li>Log in to <b>ServiceNow</b> and open the incident queue.</li>
                <li>Assign the priority &amp; category to each incident &ndash; about 150 per day.</li>
              </ol>
              <ul><li>Escalate P1 incidents to the duty manager by phone.</li></ul>
              <p>The system automatically sends an acknowledgement e-mail to the caller.</p>
              <table>
                <tr><th>Task</th><th>Role</th></tr>
                <tr><td>Close resolved incidents after <i>3 days</i></td><td>Service desk agent</td></tr>
              </table>
            </body></html>
            """;

        var result = sut.Read(DocumentTestFiles.Stream(html), "triage.html", TestContext.Current.CancellationToken);

        Assert.Equal(
            [
                "Log in to ServiceNow and open the incident queue.",
                "Assign the priority & category to each incident \u2013 about 150 per day.",
                "Escalate P1 incidents to the duty manager by phone.",
                "The system automatically sends an acknowledgement e-mail to the caller.",
                "Close resolved incidents after 3 days",
            ],
            result.Statements.Select(s => s.Text));
        Assert.All(result.Statements, s => Assert.Equal("Ticket triage", s.Section));
        Assert.Equal(InteractionKind.UserSystem, result.Statements[0].Interaction);
        Assert.Equal(150 * 250, result.Statements[1].ExecutionsPerYearHint);
        Assert.Equal(InteractionKind.Manual, result.Statements[2].Interaction);
        Assert.Equal(InteractionKind.Automated, result.Statements[3].Interaction);
        Assert.Equal("Service desk agent", result.Statements[4].Role);
        Assert.Equal(8, result.Statements[0].Line);
    }

    [Fact]
    public void Read_GeneratedDocx_UsesStylesNumberingAndTableHeader()
    {
        using var docx = DocumentTestFiles.InvoiceSopDocx();

        var result = sut.Read(docx, "AP invoice SOP.docx", TestContext.Current.CancellationToken);

        Assert.True(result.Succeeded, result.Error);
        Assert.Equal(
            [
                "Open the supplier invoice from the AP mailbox in Outlook (about 200 per week).",
                "Check the invoice against the purchase order and the goods receipt in SAP.",
                "Post the invoice in SAP for each matched invoice.",
                "Call the supplier when the bank details on the invoice differ from the vendor master.",
                "The finance manager approves invoices above 10,000 EUR.",
                "Reconcile the vendor ledger with the supplier statements",
                "Export the open items to Excel and send them to the controller",
            ],
            result.Statements.Select(s => s.Text));
        var open = result.Statements[0];
        Assert.Equal("Procedure", open.Section);
        Assert.Equal("AP clerk", open.Role);
        Assert.Equal(200 * 52, open.ExecutionsPerYearHint);
        Assert.Contains("financial", open.DataCategories);
        Assert.Equal("for each matched invoice", result.Statements[2].FrequencyText);
        Assert.Null(result.Statements[2].ExecutionsPerYearHint);
        Assert.Equal(InteractionKind.Manual, result.Statements[3].Interaction);
        Assert.Equal("finance manager", result.Statements[4].Role);
        Assert.Equal("Month-end", result.Statements[5].Section);
        Assert.Equal(12, result.Statements[5].ExecutionsPerYearHint);
        Assert.Equal(["Excel"], result.Statements[6].Systems);
    }

    [Fact]
    public void Read_GeneratedPdf_ReadsLinesPerPageWithNumberedSteps()
    {
        string[] lines =
        [
            "RECEIPT CONFIRMATION",
            "1. Register the incoming request in the case system.",
            "2. Check the confirmation of receipt for completeness.",
            "3. Send the confirmation letter to the applicant by post.",
        ];
        using var pdf = DocumentTestFiles.Pdf(lines, linesPerPage: 2);

        var result = sut.Read(pdf, "receipt.pdf", TestContext.Current.CancellationToken);

        Assert.True(result.Succeeded, result.Error);
        Assert.Equal(
            [
                "Register the incoming request in the case system.",
                "Check the confirmation of receipt for completeness.",
                "Send the confirmation letter to the applicant by post.",
            ],
            result.Statements.Select(s => s.Text));
        Assert.Equal([1, 2, 2], result.Statements.Select(s => s.Page ?? 0));
        Assert.Equal([2, 1, 2], result.Statements.Select(s => s.Line));
        Assert.Equal("RECEIPT CONFIRMATION", result.Statements[0].Section);
        Assert.Contains("personal", result.Statements[2].DataCategories);
    }

    [Theory]
    [InlineData("broken.docx", "is not a readable Word (DOCX) document")]
    [InlineData("broken.pdf", "is not a readable PDF document")]
    public void Read_MalformedFile_ReturnsErrorNamingTheFile(string fileName, string expected)
    {
        using var garbage = DocumentTestFiles.Stream("PK\u0003\u0004 this is not a zip archive nor a %PDF- file, just text.");

        var result = sut.Read(garbage, fileName, TestContext.Current.CancellationToken);

        Assert.False(result.Succeeded);
        Assert.StartsWith(fileName + ": " + expected, result.Error, StringComparison.Ordinal);
        Assert.Empty(result.Statements);
        Assert.Contains(result.Error!, result.Notes);
    }

    [Fact]
    public void Read_TruncatedDocx_ReturnsErrorAndLaterDocumentsStillRead()
    {
        using var docx = DocumentTestFiles.InvoiceSopDocx();
        var truncated = docx.ToArray()[..(int)(docx.Length / 2)];
        var folder = Directory.CreateTempSubdirectory("docs-");
        try
        {
            File.WriteAllBytes(Path.Combine(folder.FullName, "a-truncated.docx"), truncated);
            File.WriteAllText(Path.Combine(folder.FullName, "b-steps.txt"), "1. Enter the order in SAP.\n2. Print the delivery note.\n");

            var results = Directory.GetFiles(folder.FullName).Order(StringComparer.Ordinal)
                .Select(f => sut.Read(f, TestContext.Current.CancellationToken)).ToArray();

            Assert.Contains("a-truncated.docx", results[0].Error, StringComparison.Ordinal);
            Assert.True(results[1].Succeeded);
            Assert.Equal(2, results[1].Statements.Count);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public void Read_MissingFile_ReturnsErrorNamingTheFile()
    {
        var result = sut.Read(Path.Combine(Path.GetTempPath(), "no-such-sop-4711.docx"), TestContext.Current.CancellationToken);

        Assert.False(result.Succeeded);
        Assert.StartsWith("no-such-sop-4711.docx: could not be opened", result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("sop.TXT", true)]
    [InlineData("sop.md", true)]
    [InlineData("sop.htm", true)]
    [InlineData("sop.docx", true)]
    [InlineData("sop.pdf", true)]
    [InlineData("log.csv", false)]
    [InlineData("log.xes.gz", false)]
    [InlineData("sop.doc", false)]
    public void IsDocument_Extension_SaysWhetherItIsRead(string fileName, bool expected) =>
        Assert.Equal(expected, DocumentReader.IsDocument(fileName));
}
