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

/// <summary>
/// One rule that fired for a task. <c>Applied</c> is false when the hit is recorded but does not set the
/// tier (an Annex III hit lifted by Art. 6(3), an LLM flag below the rule tier).
/// </summary>
public sealed record RiskHit(
    string RuleId,
    string Title,
    RuleKind Kind,
    RiskTier Tier,
    string Clause,
    EvidenceSpan Evidence,
    IReadOnlyList<Safeguard> Safeguards,
    bool Applied = true,
    string? Note = null);

/// <summary>
/// A risk raised by the LLM reviewer. Merging rule: an LLM flag can raise the rule-based tier and add
/// safeguards, but it never lowers the tier or removes a rule hit.
/// </summary>
public sealed record LlmRiskFlag(string Category, RiskTier Severity, string Rationale)
{
    /// <summary>The catalogue rule the LLM flagged (one of the task's candidate rules), or null for a free-form flag.</summary>
    public string? RuleId { get; init; }
}

/// <summary>Hours of a task attributed to one worker (pseudonymised) or one role, and the share of their work.</summary>
/// <param name="Who">A stable pseudonym ("R-3f9a1c") or a role name from the documents.</param>
/// <param name="HoursPerYear">Hours per year this worker or role spends on the task.</param>
/// <param name="ShareOfLoggedWork">Share of all the worker's (or role's) logged or documented hours that this task takes, 0..1.</param>
public sealed record DisplacementShare(string Who, double HoursPerYear, double ShareOfLoggedWork);

/// <summary>Job-displacement sizing, kept apart from savings.</summary>
public sealed record DisplacementEstimate(
    double HoursPerYear,
    IReadOnlyList<DisplacementShare> ByResource,
    IReadOnlyList<DisplacementShare> ByRole)
{
    public static DisplacementEstimate None { get; } = new(0, [], []);

    /// <summary>
    /// Resource ids of this task that stand for a role or a group ("STAFF MEMBER"), with the evidence: their hours are
    /// counted as roles, never as one person's.
    /// </summary>
    public IReadOnlyList<string> SharedIds { get; init; } = [];

    public double MaxShare => Math.Max(
        ByResource.Count == 0 ? 0 : ByResource.Max(s => s.ShareOfLoggedWork),
        ByRole.Count == 0 ? 0 : ByRole.Max(s => s.ShareOfLoggedWork));
}

/// <summary>The outcome of the screen for one task.</summary>
public sealed record RiskAssessment(
    RiskTier Tier,
    RiskTier RuleTier,
    IReadOnlyList<RiskHit> Hits,
    IReadOnlyList<Safeguard> Safeguards,
    DisplacementEstimate Displacement,
    IReadOnlyList<LlmRiskFlag> LlmFlags,
    IReadOnlyList<string> Notes,
    string CatalogueVersion)
{
    /// <summary>The domain of the task's process (lending, healthcare...), when one was inferred.</summary>
    public string? Domain { get; init; }

    public bool IsProhibited => Tier == RiskTier.Prohibited;
}
