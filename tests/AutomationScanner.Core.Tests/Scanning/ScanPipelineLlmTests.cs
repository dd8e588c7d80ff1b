using AutomationScanner.Core.Classification.Llm;
using AutomationScanner.Core.Ingestion;
using AutomationScanner.Core.Reporting;
using AutomationScanner.Core.Scanning;
using AutomationScanner.Core.Tests.Builders;
using Microsoft.Extensions.Logging.Abstractions;
using NSubstitute;

namespace AutomationScanner.Core.Tests.Scanning;

public sealed class ScanPipelineLlmTests
{
    private static readonly IReadOnlyList<ScanInput> Inputs = [ScanInput.FromFile(TestFiles.Sample("running-example.xes"))];

    private static Task<ScanReport> ScanAsync(ITaskAssessor? assessor) =>
        new ScanPipeline(new IngestionOptions(), TimeProvider.System, NullLogger<ScanPipeline>.Instance, assessor)
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
            new AssessmentPromptBuilder(new ResourcePseudonymizer(new byte[32])),
            new LlmAssessorSettings(),
            NullLogger<LlmTaskAssessor>.Instance);
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
    public async Task RunAsync_LlmPushesLastTaskOrAnswersHostile_RankingUnchanged()
    {
        var baseline = await ScanAsync(null);
        var lastId = baseline.Opportunities[^1].Id;
        var lastRef = (string?)null;
        var favouring = AssessorAnswering(message =>
        {
            lastRef = FakeAnswers.TasksIn(message).Single(t => t["task"]!.GetValue<string>() == baseline.Opportunities[^1].Task)["ref"]!.GetValue<string>();
            return FakeAnswers.ValidFor(message, r => r == lastRef ? 1.0 : 0.0);
        });

        var favoured = await ScanAsync(favouring);
        var hostile = await ScanAsync(AssessorAnswering(FakeAnswers.Hostile));

        Assert.Equal(1.0, favoured.Opportunities.Single(o => o.Id == lastId).Llm!.Judgement!.Suitability);
        Assert.All(hostile.Opportunities, o => Assert.Equal(FallbackReason.RejectedByValidation, o.Llm!.FallbackReason));
        foreach (var report in new[] { favoured, hostile })
        {
            Assert.Equal(baseline.Opportunities.Select(o => (o.Id, o.Rank, o.Score)), report.Opportunities.Select(o => (o.Id, o.Rank, o.Score)));
        }
    }
}
