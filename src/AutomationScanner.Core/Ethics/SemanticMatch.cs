namespace AutomationScanner.Core.Ethics;

/// <summary>The best match of a rule by meaning: which task text came nearest to which exemplar.</summary>
/// <param name="RuleId">The rule.</param>
/// <param name="Text">The task text.</param>
/// <param name="Location">Where the text came from ("task name", "sop.md:4").</param>
/// <param name="Exemplar">The rule's exemplar description it came nearest to.</param>
/// <param name="Similarity">Their cosine similarity.</param>
/// <param name="Ordinary">The text's similarity to the nearest ordinary-work exemplar.</param>
public sealed record SemanticMatch(string RuleId, string Text, string Location, string Exemplar, double Similarity, double Ordinary)
{
    /// <summary>The legal elements found by meaning, not by pattern ("'bereaved' ~ 'grieving' 0.63"); null when none was needed.</summary>
    public string? ElementsByMeaning { get; init; }

    /// <summary>
    /// Round 26: the match fired only on a view with the text's role nouns read as their kind of person
    /// (<see cref="SemanticRuleMatcher.PersonKindView"/>): a reading by meaning that yields to the rule its process's domain
    /// passes on to the step.
    /// </summary>
    public bool ByKind { get; init; }
}
