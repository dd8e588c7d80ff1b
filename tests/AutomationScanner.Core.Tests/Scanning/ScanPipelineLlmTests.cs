using System.Text;
using AutomationScanner.Core.Classification.Llm;
using AutomationScanner.Core.Ethics;
using AutomationScanner.Core.Ingestion.Common;
using AutomationScanner.Core.Model;
using AutomationScanner.Core.Reporting;
using AutomationScanner.Core.Scanning;
using AutomationScanner.Testing.Llm;
using Microsoft.Extensions.Logging.Abstractions;
using NSubstitute;

namespace AutomationScanner.Core.Tests.Scanning;

public sealed class ScanPipelineLlmTests
{
    private static readonly IReadOnlyList<ScanInput> Inputs = [ScanInput.FromFile(TestFiles.Sample("running-example.xes"))];

    private static Task<ScanReport> ScanAsync(ITaskAssessor? assessor) =>
        new ScanPipeline(new IngestionOptions(), TimeProvider.System, NullLogger<ScanPipeline>.Instance, assessor: assessor)
            .RunAsync(Inputs, "scan-1", TestContext.Current.CancellationToken);

    private static LlmTaskAssessor AssessorAnswering(Func<string, string> answer)
    {
        var client = Substitute.For<ILlmCompletionClient>();
        client.Deployment.Returns("gpt-test");
        client.CompleteAsync(Arg.Any<LlmPrompt>(), Arg.Any<CancellationToken>())
            .Returns(ci => new LlmCompletion(answer(ci.Arg<LlmPrompt>().UserMessage), LlmFinish.Completed, 500, 0, 100, 1));
        return new LlmTaskAssessor(
            client,
            Substitute.For<IAssessmentCache>(),
            new AssessmentPromptBuilder(new ResourcePseudonymizer("test-key")),
            new LlmAssessorSettings(),
            NullLogger<LlmTaskAssessor>.Instance);
    }

    [Fact]
    public async Task RunAsync_LogWithSop_LlmGetsMatchedStatementsRedactedAndDocumentOnlyTasks()
    {
        const string sop = """
            # Compensation requests

            1. Register the request in the claims portal (about 50 per week).
            2. Pay the compensation to NL91ABNA0417164300 and email the receipt to jan.devries@contoso.com.
            3. Send the customer a satisfaction survey every month.
            """;
        var prompts = new List<string>();
        var client = Substitute.For<ILlmCompletionClient>();
        client.Deployment.Returns("gpt-test");
        client.CompleteAsync(Arg.Do<LlmPrompt>(p => prompts.Add(p.UserMessage)), Arg.Any<CancellationToken>())
            .Returns(ci => new LlmCompletion(FakeAnswers.ValidFor(ci.Arg<LlmPrompt>().UserMessage), LlmFinish.Completed, 10, 0, 10, 1));
        var assessor = new LlmTaskAssessor(
            client, Substitute.For<IAssessmentCache>(), new AssessmentPromptBuilder(new ResourcePseudonymizer("test-key")), new LlmAssessorSettings(), NullLogger<LlmTaskAssessor>.Instance);
        ScanInput[] inputs =
        [
            ScanInput.FromFile(TestFiles.Sample("running-example.xes")),
            new("compensation-sop.md", _ => Task.FromResult<Stream>(new MemoryStream(Encoding.UTF8.GetBytes(sop)))),
        ];

        var report = await new ScanPipeline(IngestionOptions.Default, TimeProvider.System, NullLogger<ScanPipeline>.Instance, assessor: assessor)
            .RunAsync(inputs, "scan-1", TestContext.Current.CancellationToken);

        var sent = Assert.Single(prompts);
        var tasks = FakeAnswers.TasksIn(sent);
        Assert.Equal(report.Opportunities.Count, tasks.Count);
        var register = tasks.Single(t => t["task"]!.GetValue<string>() == "register request");
        Assert.NotNull(register["metrics"]);
        Assert.Equal("compensation-sop.md:3", register["documentStatements"]![0]!["ref"]!.GetValue<string>());
        Assert.Contains(tasks, t => t["metrics"] is null && t["documentStatements"] is not null);
        Assert.DoesNotContain("NL91ABNA", sent, StringComparison.Ordinal);
        Assert.DoesNotContain("contoso", sent, StringComparison.Ordinal);
        Assert.All(report.Opportunities, o => Assert.Equal(AssessmentStatus.Assessed, o.Llm!.Status));
    }

    [Fact]
    public async Task RunAsync_NoAssessor_ReportSaysLlmOff()
    {
        var report = await ScanAsync(null);

        Assert.False(report.Llm.Enabled);
        Assert.Contains(report.Assumptions, a => a.StartsWith("LLM assessment off", StringComparison.Ordinal));
        Assert.All(report.Opportunities, o => Assert.Null(o.Llm));
    }

    [Fact]
    public async Task RunAsync_AssessorConfigured_EveryCandidateAssessedAndUsageReported()
    {
        var assessor = Substitute.For<ITaskAssessor>();
        IReadOnlyList<TaskCandidate>? sent = null;
        assessor.AssessAsync(Arg.Do<IReadOnlyList<TaskCandidate>>(c => sent = c), Arg.Any<CancellationToken>())
            .Returns(ci => AssessorAnswering(m => FakeAnswers.ValidFor(m)).AssessAsync(ci.Arg<IReadOnlyList<TaskCandidate>>(), ci.Arg<CancellationToken>()));

        var report = await ScanAsync(assessor);

        Assert.NotNull(sent);
        Assert.Equal(report.Opportunities.Select(o => o.Id).Order(), sent.Select(c => c.Id).Order());
        Assert.All(sent, c => Assert.NotNull(c.Statistics));
        Assert.All(report.Opportunities, o => Assert.Equal(AssessmentStatus.Assessed, o.Llm!.Status));
        Assert.True(report.Llm.Enabled);
        Assert.Equal(1, report.Llm.Requests);
        Assert.Equal(500, report.Llm.InputTokens);
    }

    [Fact]
    public async Task RunAsync_LlmPushesLastTask_SuitabilityMovesOnlyByItsWeight()
    {
        var baseline = await ScanAsync(null);
        var last = baseline.Opportunities[^1];
        var favouring = AssessorAnswering(message =>
        {
            var lastRef = FakeAnswers.TasksIn(message).Single(t => t["task"]!.GetValue<string>() == last.Task)["ref"]!.GetValue<string>();
            return FakeAnswers.ValidFor(message, r => r == lastRef ? 1.0 : 0.0);
        });
        var weight = new ScoringOptions().LlmSuitabilityWeight;

        var favoured = await ScanAsync(favouring);

        Assert.Equal(0.3, weight);
        Assert.Equal(1.0, favoured.Opportunities.Single(o => o.Id == last.Id).Llm!.Judgement!.Suitability);
        foreach (var before in baseline.Opportunities)
        {
            var after = favoured.Opportunities.Single(o => o.Id == before.Id);
            var opinion = after.Id == last.Id ? 1.0 : 0.0;
            Assert.Equal((1 - weight) * before.Suitability + weight * opinion, after.Suitability, 9);
            Assert.Equal(before.Risk.Tier, after.Risk.Tier);
        }
    }

    [Fact]
    public async Task RunAsync_LlmAnswersHostile_RejectedAndRankingUnchanged()
    {
        var baseline = await ScanAsync(null);

        var hostile = await ScanAsync(AssessorAnswering(FakeAnswers.Hostile));

        Assert.All(hostile.Opportunities, o => Assert.Equal(FallbackReason.RejectedByValidation, o.Llm!.FallbackReason));
        Assert.Equal(baseline.Opportunities.Select(o => (o.Id, o.Rank, o.Score)), hostile.Opportunities.Select(o => (o.Id, o.Rank, o.Score)));
    }

    [Fact]
    public async Task RunAsync_LlmRaisesHighEthicalFlag_TaskTierRaisedOthersUnchanged()
    {
        var baseline = await ScanAsync(null);
        var target = baseline.Opportunities.Single(o => o.Task == "decide");
        var flagging = AssessorAnswering(message =>
        {
            var answer = System.Text.Json.Nodes.JsonNode.Parse(FakeAnswers.ValidFor(message))!;
            var refs = FakeAnswers.TasksIn(message).ToDictionary(t => t["ref"]!.GetValue<string>(), t => t["task"]!.GetValue<string>());
            foreach (var item in answer["assessments"]!.AsArray())
            {
                if (refs[item!["taskRef"]!.GetValue<string>()] == "decide")
                {
                    item["ethicalFlags"] = System.Text.Json.Nodes.JsonNode.Parse(
                        """[{"category":"AutomatedDecision","severity":"High","rationale":"Decides on compensation claims without review.","evidence":["metric:executionsPerWeek"]}]""");
                }
            }

            return answer.ToJsonString();
        });

        var report = await ScanAsync(flagging);

        Assert.True(target.Risk.Tier < RiskTier.High, "the rules alone do not make 'decide' high-risk");
        Assert.Equal(RiskTier.High, report.Opportunities.Single(o => o.Id == target.Id).Risk.Tier);
        Assert.All(report.Opportunities.Where(o => o.Id != target.Id),
            o => Assert.Equal(baseline.Opportunities.Single(b => b.Id == o.Id).Risk.Tier, o.Risk.Tier));
    }
}
