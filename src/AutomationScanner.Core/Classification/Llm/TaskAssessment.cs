namespace AutomationScanner.Core.Classification.Llm;

/// <summary>The LLM's assessment of one candidate, or why there is none.</summary>
public sealed record TaskAssessment
{
    public required string TaskId { get; init; }

    public required AssessmentStatus Status { get; init; }

    public LlmJudgement? Judgement { get; init; }

    public bool FromCache { get; init; }

    public FallbackReason FallbackReason { get; init; }

    /// <summary>A short, data-free explanation of the fallback ("HTTP 429 after 4 attempts").</summary>
    public string? FallbackDetail { get; init; }

    public static TaskAssessment Fallback(string taskId, FallbackReason reason, string detail) =>
        new() { TaskId = taskId, Status = AssessmentStatus.Fallback, FallbackReason = reason, FallbackDetail = detail };
}
