using AutomationScanner.Core.Model;

namespace AutomationScanner.Core.Classification.Llm;

/// <summary>Used when no LLM endpoint is configured: the scanner runs offline and the report says the LLM was off.</summary>
public sealed class NotConfiguredTaskAssessor : ITaskAssessor
{
    public bool IsConfigured => false;

    public Task<AssessmentRun> AssessAsync(IReadOnlyList<TaskCandidate> candidates, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        var results = new Dictionary<string, TaskAssessment>(candidates.Count, StringComparer.Ordinal);
        foreach (var candidate in candidates)
        {
            results[candidate.Id] = new TaskAssessment
            {
                TaskId = candidate.Id,
                Status = AssessmentStatus.NotConfigured,
                FallbackReason = FallbackReason.NotConfigured,
                FallbackDetail = "No Azure OpenAI endpoint configured; scored ML-only.",
            };
        }

        return Task.FromResult(new AssessmentRun(results, LlmUsage.Disabled));
    }
}
