using System.Text.Json;
using AutomationScanner.Core.Classification;
using AutomationScanner.Core.Ingestion.Common;
using AutomationScanner.Core.Model;
using AutomationScanner.Core.Scanning;
using Microsoft.Extensions.Logging.Abstractions;

namespace AutomationScanner.Core.Tests.Classification;

public sealed class SuitabilityScorerTests
{
    private static readonly Lazy<SuitabilityModel> Shipped = new(() => SuitabilityModel.LoadShipped(SharedEmbedder.Instance));

    [Fact]
    public void Assess_MinedActivity_ScoreIsSumOfVisibleParts()
    {
        var sut = new SuitabilityScorer(Shipped.Value);
        var candidate = new TaskCandidate("Enter invoice data", "p2p") { Statistics = ActivityStatisticsBuilder.Standardised() };

        var actual = Assert.Single(sut.Assess([candidate], TestContext.Current.CancellationToken));

        Assert.Equal(candidate.Id, actual.TaskId);
        Assert.Equal(actual.Factors.Sum(f => f.Contribution), actual.Score, 9);
        Assert.Equal(1.0, actual.Factors.Sum(f => f.Weight), 9);
        var text = actual.Factors[0];
        Assert.Equal(0.6, text.Weight, 9);
        Assert.Equal(actual.TextProbability, text.Value, 9);
        Assert.Contains(actual.Factors, f => f.Name == "Process: Frequency");
        Assert.Equal(1.0, actual.ProcessScore!.Value, 6);
        // Process criteria all at 1: score = 0.6 x text probability + 0.4.
        Assert.Equal((0.6 * actual.TextProbability) + 0.4, actual.Score, 6);
        Assert.False(actual.LowConfidence);
        Assert.NotEmpty(actual.NearestTasks);
        Assert.Contains(actual.NearestTasks, n => n.Text.Contains("invoice", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void Assess_SameCounts_ExplanationFormattedOnceAndShared()
    {
        var sut = new SuitabilityScorer(Shipped.Value);
        var candidates = new[] { new TaskCandidate("Enter invoice data", "p2p"), new TaskCandidate("Enter invoice data", "o2c"), new TaskCandidate("Xq zv", "p2p") };

        var actual = sut.Assess(candidates, TestContext.Current.CancellationToken);
        var again = sut.Assess([candidates[0]], TestContext.Current.CancellationToken);

        Assert.StartsWith("ML.NET model on sentence embeddings", actual[0].Factors[0].Explanation, StringComparison.Ordinal);
        Assert.Contains("from name, ", actual[0].Factors[0].Explanation, StringComparison.Ordinal);
        Assert.Same(actual[0].Factors[0].Explanation, actual[1].Factors[0].Explanation);
        Assert.Same(actual[0].Factors[0].Explanation, again[0].Factors[0].Explanation);
        Assert.Contains("no readable text", actual[2].Factors[0].Explanation, StringComparison.Ordinal);
        Assert.NotEqual(actual[0].Factors[0].Explanation, actual[2].Factors[0].Explanation);
    }

    [Fact]
    public void Assess_DocumentOnlyTask_TextModelIsTheWholeScore()
    {
        var sut = new SuitabilityScorer(Shipped.Value);
        var candidate = new TaskCandidate("Post invoices", "sop");
        candidate.Statements.Add(new TaskStatement { Text = "Enter the invoice data into the accounting system.", SourceFile = "sop.md", Line = 3 });

        var actual = Assert.Single(sut.Assess([candidate], TestContext.Current.CancellationToken));

        var factor = Assert.Single(actual.Factors);
        Assert.Equal(1.0, factor.Weight);
        Assert.Equal(actual.TextProbability, actual.Score, 9);
        Assert.Null(actual.ProcessScore);
        Assert.Equal(["Post invoices", "Enter the invoice data into the accounting system."], actual.ScoredTexts);
    }

    [Fact]
    public void Assess_DutchActivityName_LowConfidenceWithReducedTextWeight()
    {
        var sut = new SuitabilityScorer(Shipped.Value);
        var candidate = new TaskCandidate("W_Beoordelen fraude", "bpic2012") { Statistics = ActivityStatisticsBuilder.Standardised() };

        var actual = Assert.Single(sut.Assess([candidate], TestContext.Current.CancellationToken));

        Assert.True(actual.LowConfidence);
        Assert.Equal(0.3, actual.Factors[0].Weight, 9);
        Assert.Equal(new SuitabilityScoringOptions().UnreadableTextScore, actual.TextProbability, 9);
        Assert.Contains("Beoordelen fraude", actual.ConfidenceNote, StringComparison.Ordinal);
        Assert.Equal(actual.Factors.Sum(f => f.Contribution), actual.Score, 9);
    }

    [Theory]
    [InlineData("CRP")]
    [InlineData("LacticAcid")]
    [InlineData("XQZ-4711")]
    [InlineData("W_Nabellen offertes")]
    public void Assess_CodesAbbreviationsAndForeignNames_NeverScoreAboveTheNeutralTextScore(string name)
    {
        var sut = new SuitabilityScorer(Shipped.Value);
        var dataEntry = new TaskCandidate("Enter invoice data into the ERP system", "p") { Statistics = ActivityStatisticsBuilder.Standardised() };
        var candidate = new TaskCandidate(name, "p") { Statistics = ActivityStatisticsBuilder.Standardised() };

        var actual = sut.Assess([candidate, dataEntry], TestContext.Current.CancellationToken);

        Assert.True(actual[0].TextProbability <= new SuitabilityScoringOptions().UnreadableTextScore + 0.15, $"{name}: {actual[0].TextProbability}");
        Assert.True(actual[0].Score < actual[1].Score, $"{name} {actual[0].Score} vs data entry {actual[1].Score}");
    }

    [Theory]
    [InlineData("LacticAcid", ActivityKind.Measurement)]
    [InlineData("A_SUBMITTED", ActivityKind.State)]
    public void Assess_NonTaskKinds_AreNotScoredAsTasks(string name, ActivityKind kind)
    {
        var sut = new SuitabilityScorer(Shipped.Value);
        var candidate = new TaskCandidate(name, "p") { Statistics = ActivityStatisticsBuilder.Standardised(), Kind = kind };
        var work = new TaskCandidate("Enter invoice data", "p") { Statistics = ActivityStatisticsBuilder.Standardised() };

        var actual = sut.Assess([candidate, work], TestContext.Current.CancellationToken);

        Assert.Equal(0, actual[0].Score);
        Assert.Empty(actual[0].ScoredTexts);
        Assert.Contains(kind.ToString().ToLowerInvariant(), actual[0].ConfidenceNote, StringComparison.Ordinal);
        Assert.True(actual[1].Score > 0.3);
        Assert.Equal(work.Id, actual[1].TaskId);
    }

    [Fact]
    public void Assess_UnreadableNameWithDocumentStatement_ReadsTheStatement()
    {
        var sut = new SuitabilityScorer(Shipped.Value);
        var candidate = new TaskCandidate("W_Completeren aanvraag", "bpic2012") { Statistics = ActivityStatisticsBuilder.Standardised() };
        candidate.Statements.Add(new TaskStatement { Text = "Enter the missing applicant data into the loan application system.", SourceFile = "sop.md", Line = 7 });

        var actual = Assert.Single(sut.Assess([candidate], TestContext.Current.CancellationToken));

        Assert.False(actual.LowConfidence);
        Assert.Equal(0.6, actual.Factors[0].Weight, 9);
        Assert.Contains("not read", actual.ConfidenceNote, StringComparison.Ordinal);
        Assert.Contains("1 document statement", actual.Factors[0].Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void Assess_DataEntryAndComforting_DataEntryRanksHigherWithEqualMetrics()
    {
        var sut = new SuitabilityScorer(Shipped.Value);
        TaskCandidate[] candidates =
        [
            new("Enter invoice data into the ERP system", "p") { Statistics = ActivityStatisticsBuilder.Standardised() },
            new("Comfort grieving family members", "p") { Statistics = ActivityStatisticsBuilder.Standardised() },
        ];

        var actual = sut.Assess(candidates, TestContext.Current.CancellationToken);

        Assert.True(actual[0].Score > actual[1].Score);
    }

    [Fact]
    public async Task ScanPipeline_WithScorer_EveryOpportunityCarriesSuitability()
    {
        var pipeline = new ScanPipeline(IngestionOptions.Default, TimeProvider.System, NullLogger<ScanPipeline>.Instance, suitability: new SuitabilityScorer(Shipped.Value));
        var log = TestFiles.EventLog("running-example.csv");

        var report = await pipeline.RunAsync([ScanInput.FromFile(log)], cancellationToken: TestContext.Current.CancellationToken);

        Assert.NotEmpty(report.Opportunities);
        Assert.All(report.Opportunities, o =>
        {
            var assessment = o.SuitabilityAssessment;
            Assert.NotNull(assessment);
            Assert.Equal(o.Id, assessment.TaskId);
            Assert.Equal(assessment.Factors.Sum(f => f.Contribution), assessment.Score, 9);
            Assert.Equal(assessment.Score, o.Suitability, 9);
            Assert.InRange(assessment.Score, 0, 1);
        });
        Assert.Contains(report.Assumptions, a => a.Contains("text model (ML.NET", StringComparison.Ordinal));
    }

    [Fact]
    public void Assess_ManyCandidatesAtOnce_SameAssessmentsAsOneAtATime()
    {
        // Over more than one parallel partition (256 candidates each), with names shared between processes (one search per
        // distinct name), names the rules rewrite, codes, non-task kinds and document statements: every field of every
        // assessment equals the one the candidate gets alone.
        string[] verbs = ["Enter", "Review", "Approve", "Check", "Send", "Prepare", "Record", "Schedule", "Calculate", "Inspect", "Register", "Update"];
        string[] objects = ["invoice data", "loan application", "customer address", "purchase order", "patient record", "shipping label", "payroll report", "insurance claim", "lab results", "meeting minutes", "credit limit", "supplier contract", "travel expenses", "inventory count", "service ticket"];
        var names = new List<string>();
        foreach (var verb in verbs)
        {
            foreach (var item in objects)
            {
                names.Add($"{verb} {item}");
                names.Add(names.Count % 3 == 0 ? $"W_{verb}{string.Concat(item.Split(' ').Select(w => char.ToUpperInvariant(w[0]) + w[1..]))}+complete" : $"{item.ToUpperInvariant()} {verb.ToUpperInvariant()}ED by clerk");
            }
        }

        names.AddRange(["CRP", "XJ-42", "A_PARTLYSUBMITTED", "2nd check", "W_Completeren aanvraag", "ERRegistration", "IV Antibiotics", "Prüfung der Rechnung"]);
        var candidates = names.Concat(names.Take(100)).Select((name, i) =>
        {
            var candidate = new TaskCandidate(name, "process " + (i % 4)) { Kind = i % 17 == 0 ? ActivityKind.State : ActivityKind.Work };
            for (var k = 0; k < i % 3 && i % 5 == 0; k++)
            {
                candidate.Statements.Add(new TaskStatement { Text = $"{verbs[(i + k) % verbs.Length]} the {objects[(i * 7 + k) % objects.Length]} in the system.", SourceFile = "sop.md", Line = k });
            }

            return candidate;
        }).ToArray();
        var sut = new SuitabilityScorer(Shipped.Value);

        var together = sut.Assess(candidates, TestContext.Current.CancellationToken);

        Assert.True(candidates.Length > 256);
        Assert.Contains(together, a => a.LowConfidence && a.Factors[0].Name != "Not a task");
        Assert.Contains(together, a => a.Factors[0].Name == "Not a task");
        Assert.Contains(together, a => a.ScoredTexts.Count > 1);
        for (var i = 0; i < candidates.Length; i++)
        {
            var alone = Assert.Single(sut.Assess([candidates[i]], TestContext.Current.CancellationToken));
            Assert.Equal(JsonSerializer.Serialize(alone), JsonSerializer.Serialize(together[i]));
        }
    }
}
