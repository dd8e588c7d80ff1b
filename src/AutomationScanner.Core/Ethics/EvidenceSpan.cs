namespace AutomationScanner.Core.Ethics;

/// <summary>The piece of evidence that made a rule fire: an excerpt and where it came from.</summary>
/// <param name="Excerpt">A short excerpt around the match (or a description for computed rules).</param>
/// <param name="Scope">Which kind of input the excerpt was taken from.</param>
/// <param name="Location">File and line, column name, pseudonymised resource or "task name".</param>
/// <param name="MatchStart">Offset of the match inside <paramref name="Excerpt"/>, -1 for computed evidence.</param>
/// <param name="MatchLength">Length of the match inside <paramref name="Excerpt"/>.</param>
/// <param name="Exemplar">For a match by meaning: the rule's exemplar description the text came nearest to.</param>
/// <param name="Similarity">For a match by meaning: the cosine similarity of the text and <paramref name="Exemplar"/>.</param>
public sealed record EvidenceSpan(string Excerpt, EvidenceScope Scope, string Location, int MatchStart = -1, int MatchLength = 0, string? Exemplar = null, double? Similarity = null)
{
    /// <summary>Legal elements of a meaning match found by meaning rather than by pattern: "'bereaved' ~ 'grieving' 0.63".</summary>
    public string? ElementsByMeaning { get; init; }
}
