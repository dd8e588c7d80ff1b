using AutomationScanner.Core.Model;

namespace AutomationScanner.Core.Classification.Llm;

/// <summary>
/// Port to the LLM second opinion. Implementations never throw for a fault of the model or the network:
/// a task without a usable answer comes back as a <see cref="AssessmentStatus.Fallback"/> with its reason.
/// </summary>
public interface ITaskAssessor
{
    bool IsConfigured { get; }

    Task<AssessmentRun> AssessAsync(IReadOnlyList<TaskCandidate> candidates, CancellationToken cancellationToken);
}
