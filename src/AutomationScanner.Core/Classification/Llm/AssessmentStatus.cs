namespace AutomationScanner.Core.Classification.Llm;

public enum AssessmentStatus
{
    /// <summary>The LLM judged the task (now or in an earlier scan, see <see cref="TaskAssessment.FromCache"/>).</summary>
    Assessed,

    /// <summary>The LLM was configured but gave no usable answer for this task: the task is scored ML-only.</summary>
    Fallback,

    /// <summary>No LLM is configured: the scan is ML-only by choice.</summary>
    NotConfigured,
}
