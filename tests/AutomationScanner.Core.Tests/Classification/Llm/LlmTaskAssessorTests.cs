using AutomationScanner.Core.Classification.Llm;
using AutomationScanner.Core.Ethics;
using AutomationScanner.Core.Model;
using AutomationScanner.Testing.Llm;
using Microsoft.Extensions.Logging.Abstractions;
using NSubstitute;
using NSubstitute.ExceptionExtensions;

namespace AutomationScanner.Core.Tests.Classification.Llm;

public sealed class LlmTaskAssessorTests
{
    private readonly ILlmCompletionClient _client = Substitute.For<ILlmCompletionClient>();
    private readonly IAssessmentCache _cache = Substitute.For<IAssessmentCache>();

    public LlmTaskAssessorTests()
    {
        _client.Deployment.Returns("gpt-test");
        _client.CompleteAsync(Arg.Any<LlmPrompt>(), Arg.Any<CancellationToken>())
            .Returns(ci => new LlmCompletion(FakeAnswers.ValidFor(ci.Arg<LlmPrompt>().UserMessage), LlmFinish.Completed, 1000, 200, 300, 1));
    }

    private LlmTaskAssessor Create(LlmAssessorSettings? settings = null) => new(
        _client,
        _cache,
        new AssessmentPromptBuilder(new ResourcePseudonymizer("test-key")),
        settings ?? new LlmAssessorSettings(),
        NullLogger<LlmTaskAssessor>.Instance);

    [Fact]
    public async Task AssessAsync_45Tasks_ThreeRequestsAndEveryTaskAssessed()
    {
        var sut = Create();
        var candidates = TaskCandidateBuilder.Many(45);

        var run = await sut.AssessAsync(candidates, TestContext.Current.CancellationToken);

        await _client.Received(3).CompleteAsync(Arg.Any<LlmPrompt>(), Arg.Any<CancellationToken>());
        Assert.All(candidates, c => Assert.Equal(AssessmentStatus.Assessed, run.For(c.Id)!.Status));
        Assert.Equal(3, run.Usage.Requests);
        Assert.Equal(45, run.Usage.TasksAssessed);
        Assert.Equal(3000, run.Usage.InputTokens);
        Assert.Equal(600, run.Usage.CachedInputTokens);
        Assert.Equal(900, run.Usage.OutputTokens);

        // Default gpt-5-mini prices: 2400 uncached x 0.25 + 600 cached x 0.025 + 900 out x 2.00, per million tokens.
        Assert.Equal(0.002415m, run.Usage.EstimatedCost);
    }

    [Fact]
    public async Task AssessAsync_DuplicateCandidates_AskedOnce()
    {
        var sut = Create();
        TaskCandidate[] candidates = [new TaskCandidateBuilder().InProcess("a").Build(), new TaskCandidateBuilder().InProcess("a").Named("Enter invoice").Build()];

        var run = await sut.AssessAsync(candidates, TestContext.Current.CancellationToken);

        await _client.Received(1).CompleteAsync(Arg.Is<LlmPrompt>(p => FakeAnswers.TasksIn(p.UserMessage).Count == 1), Arg.Any<CancellationToken>());
        Assert.Single(run.ByTaskId);
    }

    [Fact]
    public async Task AssessAsync_BudgetForOneRequest_RestFallBackAsBudgetExhausted()
    {
        // One batch of 20 is estimated at about 12,500 tokens and reports 10,000 used: the second no longer fits.
        _client.CompleteAsync(Arg.Any<LlmPrompt>(), Arg.Any<CancellationToken>())
            .Returns(ci => new LlmCompletion(FakeAnswers.ValidFor(ci.Arg<LlmPrompt>().UserMessage), LlmFinish.Completed, 9000, 0, 1000, 1));
        var sut = Create(new LlmAssessorSettings { TokenBudgetPerScan = 20_000, MaxConcurrency = 1 });

        var run = await sut.AssessAsync(TaskCandidateBuilder.Many(60), TestContext.Current.CancellationToken);

        await _client.Received(1).CompleteAsync(Arg.Any<LlmPrompt>(), Arg.Any<CancellationToken>());
        Assert.Equal(20, run.Usage.TasksAssessed);
        Assert.Equal(40, run.Usage.FallbacksByReason[FallbackReason.BudgetExhausted]);
    }

    [Fact]
    public async Task AssessAsync_ClientFails_TasksFallBackWithReasonAndScanCompletes()
    {
        _client.CompleteAsync(Arg.Any<LlmPrompt>(), Arg.Any<CancellationToken>())
            .ThrowsAsync(new LlmCallException(FallbackReason.Throttled, "HTTP 429 after 5 attempts.", 5));
        var sut = Create();

        var run = await sut.AssessAsync(TaskCandidateBuilder.Many(3), TestContext.Current.CancellationToken);

        Assert.All(run.ByTaskId.Values, a =>
        {
            Assert.Equal(AssessmentStatus.Fallback, a.Status);
            Assert.Equal(FallbackReason.Throttled, a.FallbackReason);
            Assert.Equal("HTTP 429 after 5 attempts.", a.FallbackDetail);
        });
        Assert.Equal(4, run.Usage.Retries);
        Assert.Equal(3, run.Usage.Fallbacks);
    }

    [Fact]
    public async Task AssessAsync_UnexpectedException_FallsBackAsError()
    {
        _client.CompleteAsync(Arg.Any<LlmPrompt>(), Arg.Any<CancellationToken>()).ThrowsAsync(new InvalidOperationException("boom"));
        var sut = Create();

        var run = await sut.AssessAsync(TaskCandidateBuilder.Many(2), TestContext.Current.CancellationToken);

        Assert.All(run.ByTaskId.Values, a => Assert.Equal(FallbackReason.Error, a.FallbackReason));
    }

    [Fact]
    public async Task AssessAsync_AnswerMissingOneTask_OnlyThatTaskFallsBack()
    {
        _client.CompleteAsync(Arg.Any<LlmPrompt>(), Arg.Any<CancellationToken>())
            .Returns(ci =>
            {
                var full = FakeAnswers.ValidFor(ci.Arg<LlmPrompt>().UserMessage);
                var node = System.Text.Json.Nodes.JsonNode.Parse(full)!;
                node["assessments"]!.AsArray().RemoveAt(1);
                return new LlmCompletion(node.ToJsonString(), LlmFinish.Completed, 10, 0, 10, 1);
            });
        var sut = Create();
        var candidates = TaskCandidateBuilder.Many(3);

        var run = await sut.AssessAsync(candidates, TestContext.Current.CancellationToken);

        Assert.Equal(AssessmentStatus.Assessed, run.For(candidates[0].Id)!.Status);
        Assert.Equal(FallbackReason.MissingFromResponse, run.For(candidates[1].Id)!.FallbackReason);
        Assert.Equal(AssessmentStatus.Assessed, run.For(candidates[2].Id)!.Status);
    }

    [Fact]
    public async Task AssessAsync_CacheHit_NoRequestAndCacheFaultIsNotFatal()
    {
        _cache.TryGetAsync(Arg.Any<string>(), Arg.Any<CancellationToken>()).Returns(LocalFolderAssessmentCacheTests.Judgement);
        var sut = Create();
        var candidates = TaskCandidateBuilder.Many(5);

        var run = await sut.AssessAsync(candidates, TestContext.Current.CancellationToken);

        await _client.DidNotReceive().CompleteAsync(Arg.Any<LlmPrompt>(), Arg.Any<CancellationToken>());
        Assert.Equal(5, run.Usage.CacheHits);
        Assert.All(run.ByTaskId.Values, a => Assert.True(a.FromCache));

        _cache.TryGetAsync(Arg.Any<string>(), Arg.Any<CancellationToken>()).ThrowsAsync(new IOException("disk gone"));
        var second = await sut.AssessAsync(candidates, TestContext.Current.CancellationToken);
        Assert.Equal(5, second.Usage.TasksAssessed);
    }

    [Fact]
    public async Task AssessAsync_NotConfigured_EveryTaskFlaggedAndUsageDisabled()
    {
        var sut = new NotConfiguredTaskAssessor();

        var run = await sut.AssessAsync(TaskCandidateBuilder.Many(2), TestContext.Current.CancellationToken);

        Assert.False(run.Usage.Enabled);
        Assert.All(run.ByTaskId.Values, a => Assert.Equal(AssessmentStatus.NotConfigured, a.Status));
    }
}
