using System.Text.Json.Nodes;

namespace AutomationScanner.Core.Classification.Llm;

/// <summary>A candidate made ready for the LLM: redacted facts, the references it may cite, and its cache key.</summary>
public sealed record PreparedTask(string TaskId, JsonObject Facts, IReadOnlySet<string> EvidenceRefs, string CacheKey, int EstimatedInputTokens)
{
    /// <summary>The ids of the catalogue rules the task was offered (the only rule ids its answer may flag).</summary>
    public IReadOnlySet<string> CandidateRuleIds { get; init; } = new HashSet<string>(StringComparer.Ordinal);
}
