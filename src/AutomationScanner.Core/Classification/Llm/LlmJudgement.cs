namespace AutomationScanner.Core.Classification.Llm;

/// <summary>A validated LLM judgement of one task. Every value has been range-checked; text is length-bounded.</summary>
public sealed record LlmJudgement
{
    /// <summary>Automation suitability, 0..1.</summary>
    public required double Suitability { get; init; }

    public required AutomationKind RecommendedKind { get; init; }

    /// <summary>The model's validated view of what the activity is (optional field); one signal among many, never the only one.</summary>
    public Model.ActivityKind? ActivityKind { get; init; }

    public required WellmannCriteria Criteria { get; init; }

    public IReadOnlyList<EthicalFlag> EthicalFlags { get; set; } = [];

    /// <summary>Candidate rules of the risk catalogue the model flagged, validated against the rules it was offered.</summary>
    public IReadOnlyList<LlmRuleFlag> RuleFlags { get; set; } = [];

    /// <summary>The model's short reasoning: shown to the consultant, never parsed or acted upon.</summary>
    public string Rationale { get; set; } = "";

    /// <summary>Inputs the model cited, limited to those it was given ("metric:reworkRate", "sop.md:12").</summary>
    public IReadOnlyList<string> Evidence { get; set; } = [];

    /// <summary>What validation changed or ignored in the raw response (clamped values, unknown fields).</summary>
    public IReadOnlyList<string> ValidationNotes { get; set; } = [];
}
