namespace AutomationScanner.Core.Classification.Llm;

/// <summary>The outcome of assessing all candidates of a scan.</summary>
public sealed record AssessmentRun(IReadOnlyDictionary<string, TaskAssessment> ByTaskId, LlmUsage Usage)
{
    public TaskAssessment? For(string taskId) => ByTaskId.GetValueOrDefault(taskId);
}
