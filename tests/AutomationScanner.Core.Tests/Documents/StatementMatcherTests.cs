using AutomationScanner.Core.Documents;
using AutomationScanner.Core.Model;

namespace AutomationScanner.Core.Tests.Documents;

public sealed class StatementMatcherTests
{
    private readonly StatementMatcher sut = new();

    private static TaskStatement Statement(string text, double? perYear = null, string file = "sop.md") => new()
    {
        Text = text,
        SourceFile = file,
        Line = 1,
        ExecutionsPerYearHint = perYear,
    };

    [Theory]
    [InlineData("Resolve ticket", "Resolve the ticket and write the solution in the knowledge base.")]
    [InlineData("Take in charge ticket", "The service desk agent takes the ticket in charge.")]
    [InlineData("Create SW anomaly", "Create a software anomaly in Jira when the fault is reproducible.")]
    [InlineData("T02 Check confirmation of receipt", "Check the confirmation of receipt for completeness.")]
    [InlineData("register request", "Registration of the request in the case system.")]
    [InlineData("Closed", "The system automatically closes the ticket after five days.")]
    [InlineData("ApproveInvoice_complete", "The finance manager approves invoices above the limit.")]
    [InlineData("Verify invoce", "Verify the invoice against the purchase order.")]
    public void Score_SameTaskInOtherWords_ReachesThreshold(string activity, string statement) =>
        Assert.True(StatementMatcher.Score(activity, statement) >= StatementMatcher.DefaultThreshold, StatementMatcher.Score(activity, statement).ToString(System.Globalization.CultureInfo.InvariantCulture));

    [Theory]
    [InlineData("Resolve SW anomaly", "Resolve the ticket and write the solution in the knowledge base.")]
    [InlineData("Create SW anomaly", "The development team resolves the SW anomaly in Jira.")]
    [InlineData("Check ticket", "Check the invoice amount.")]
    [InlineData("Closed", "Export the closed tickets of the month to Excel.")]
    [InlineData("Wait", "Send a reminder when the customer keeps us waiting.")]
    [InlineData("Insert ticket", "Archive the call recording every month.")]
    public void Score_NearMiss_StaysBelowThreshold(string activity, string statement) =>
        Assert.True(StatementMatcher.Score(activity, statement) < StatementMatcher.DefaultThreshold, StatementMatcher.Score(activity, statement).ToString(System.Globalization.CultureInfo.InvariantCulture));

    [Fact]
    public void Match_StatementFitsTwoActivities_AttachesToTheBestOnly()
    {
        TaskCandidate resolveTicket = new("Resolve ticket", "helpdesk");
        TaskCandidate resolveAnomaly = new("Resolve SW anomaly", "helpdesk");

        var result = sut.Match([resolveTicket, resolveAnomaly], [Statement("The development team resolves the SW anomaly.")]);

        var match = Assert.Single(result.Matches);
        Assert.Same(resolveAnomaly, match.Candidate);
        Assert.Empty(resolveTicket.Statements);
        Assert.Single(resolveAnomaly.Statements);
        Assert.InRange(match.Score, StatementMatcher.DefaultThreshold, 1.0);
        Assert.Empty(result.DocumentCandidates);
    }

    [Fact]
    public void Match_UnmatchedStatements_BecomeCandidatesOfTheDocumentSizedFromHints()
    {
        TaskCandidate insert = new("Insert ticket", "helpdesk");
        TaskStatement[] statements =
        [
            Statement("Insert the ticket in the ticketing system.", file: "HD-04 ticket SOP.docx"),
            Statement("Send the satisfaction survey by e-mail.", perYear: 10_400, file: "HD-04 ticket SOP.docx"),
            Statement("Send the satisfaction survey by e-mail.", perYear: 5_200, file: "HD-04 ticket SOP.docx"),
            Statement("Review waiting tickets every Monday.", perYear: 52, file: "HD-04 ticket SOP.docx"),
        ];

        var result = sut.Match([insert], statements);

        Assert.Single(insert.Statements);
        Assert.Equal(["Send the satisfaction survey by e-mail", "Review waiting tickets every Monday"], result.DocumentCandidates.Select(c => c.Name));
        Assert.All(result.DocumentCandidates, c => Assert.Equal("HD-04 ticket SOP", c.Process));
        Assert.All(result.DocumentCandidates, c => Assert.Null(c.Statistics));
        Assert.Equal(2, result.DocumentCandidates[0].Statements.Count);
        Assert.Equal(10_400, DocumentSizing.ExecutionsPerYearHint(result.DocumentCandidates[0]));
        Assert.Equal(52, DocumentSizing.ExecutionsPerYearHint(result.DocumentCandidates[1]));
        Assert.Equal(TaskCandidate.StableId("HD-04 ticket SOP", "Review waiting tickets every Monday"), result.DocumentCandidates[1].Id);
    }

    [Fact]
    public void Match_HigherThreshold_TurnsWeakMatchesIntoCandidates()
    {
        TaskCandidate check = new("Check ticket", "running-example");
        var statement = Statement("Check the ticket and the attached receipts for completeness and plausibility before deciding.");
        var score = StatementMatcher.Score(check.Name, statement.Text);

        var strict = new StatementMatcher(threshold: Math.Min(1, score + 0.01)).Match([check], [statement]);

        Assert.True(score >= StatementMatcher.DefaultThreshold);
        Assert.Empty(strict.Matches);
        Assert.Single(strict.DocumentCandidates);
    }

    [Fact]
    public void Match_HelpdeskSample_MatchesEveryLoggedActivityWithADocumentedStep()
    {
        var sop = TestFiles.Sample("helpdesk-ticket-handling-sop.md");
        var statements = new DocumentReader().Read(sop, TestContext.Current.CancellationToken).Statements;
        string[] activities = ["Insert ticket", "Assign seriousness", "Take in charge ticket", "Wait", "Require upgrade", "Create SW anomaly", "Resolve SW anomaly", "Schedule intervention", "Resolve ticket", "Closed"];
        var candidates = activities.Select(a => new TaskCandidate(a, "helpdesk")).ToArray();

        var result = sut.Match(candidates, statements);

        Assert.All(candidates, c => Assert.NotEmpty(c.Statements));
        Assert.Equal(4, result.DocumentCandidates.Count);
        Assert.Contains(result.DocumentCandidates, c => c.Name.StartsWith("Send the satisfaction survey", StringComparison.Ordinal));
    }
}
