namespace AutomationScanner.Core.Classification.Llm;

/// <summary>
/// Validated LLM judgements by content hash (prompt version + deployment + task text + metric buckets), so an
/// unchanged rescan makes no LLM call. Implementations treat an unreadable entry as a miss.
/// </summary>
public interface IAssessmentCache
{
    Task<LlmJudgement?> TryGetAsync(string key, CancellationToken cancellationToken);

    Task SetAsync(string key, LlmJudgement judgement, CancellationToken cancellationToken);
}
