namespace AutomationScanner.Core.Classification.Llm;

/// <summary>The kind of automation the LLM recommends for a task.</summary>
public enum AutomationKind
{
    Rpa,
    ApiIntegration,
    DocumentAi,
    Workflow,
    Chatbot,
    MlDecisionSupport,
    KeepHuman,
}

public enum EthicalFlagCategory
{
    PersonalData,
    SpecialCategoryData,
    AutomatedDecision,
    EmploymentImpact,
    CustomerImpact,
    Discrimination,
    Safety,
    Other,
}

public enum EthicalSeverity
{
    Low,
    Medium,
    High,
}

/// <summary>
/// The five Wellmann et al. (2020) criteria that event logs cannot show. Scores are 0..1 where 1 favours
/// automation (rule-based, structured digital data, machine interfaces, stable process and screens).
/// </summary>
public sealed record WellmannCriteria(
    double Determinism,
    double DataStructure,
    double Interfaces,
    double Stability,
    int NumberOfSystems);

/// <summary>An ethical or regulatory concern the LLM raised, with the inputs (metrics, document lines) it cites.</summary>
public sealed record EthicalFlag(
    EthicalFlagCategory Category,
    EthicalSeverity Severity,
    string Rationale,
    IReadOnlyList<string> Evidence);

/// <summary>
/// A catalogue rule the LLM says applies to a task: only a rule the task was offered (its candidate rules) is kept.
/// The rule's tier comes from the catalogue, capped at High; the model never sets a tier.
/// </summary>
public sealed record LlmRuleFlag(string RuleId, string Rationale, IReadOnlyList<string> Evidence);

/// <summary>A validated LLM judgement of one task. Every value has been range-checked; text is length-bounded.</summary>
public sealed record LlmJudgement
{
    /// <summary>Automation suitability, 0..1.</summary>
    public required double Suitability { get; init; }

    public required AutomationKind RecommendedKind { get; init; }

    /// <summary>The model's validated view of what the activity is (optional field); one signal among many, never the only one.</summary>
    public Model.ActivityKind? ActivityKind { get; init; }

    public required WellmannCriteria Criteria { get; init; }

    public IReadOnlyList<EthicalFlag> EthicalFlags { get; init; } = [];

    /// <summary>Candidate rules of the risk catalogue the model flagged, validated against the rules it was offered.</summary>
    public IReadOnlyList<LlmRuleFlag> RuleFlags { get; init; } = [];

    /// <summary>The model's short reasoning: shown to the consultant, never parsed or acted upon.</summary>
    public string Rationale { get; init; } = "";

    /// <summary>Inputs the model cited, limited to those it was given ("metric:reworkRate", "sop.md:12").</summary>
    public IReadOnlyList<string> Evidence { get; init; } = [];

    /// <summary>What validation changed or ignored in the raw response (clamped values, unknown fields).</summary>
    public IReadOnlyList<string> ValidationNotes { get; init; } = [];
}

public enum AssessmentStatus
{
    /// <summary>The LLM judged the task (now or in an earlier scan, see <see cref="TaskAssessment.FromCache"/>).</summary>
    Assessed,

    /// <summary>The LLM was configured but gave no usable answer for this task: the task is scored ML-only.</summary>
    Fallback,

    /// <summary>No LLM is configured: the scan is ML-only by choice.</summary>
    NotConfigured,
}

public enum FallbackReason
{
    None,
    NotConfigured,
    BudgetExhausted,
    Throttled,
    ServerError,
    Timeout,
    ContentFilter,
    MalformedResponse,
    RejectedByValidation,
    MissingFromResponse,
    Unauthorized,
    Error,
}

/// <summary>The LLM's assessment of one candidate, or why there is none.</summary>
public sealed record TaskAssessment
{
    public required string TaskId { get; init; }

    public required AssessmentStatus Status { get; init; }

    public LlmJudgement? Judgement { get; init; }

    public bool FromCache { get; init; }

    public FallbackReason FallbackReason { get; init; }

    /// <summary>A short, data-free explanation of the fallback ("HTTP 429 after 4 attempts").</summary>
    public string? FallbackDetail { get; init; }

    public static TaskAssessment Fallback(string taskId, FallbackReason reason, string detail) =>
        new() { TaskId = taskId, Status = AssessmentStatus.Fallback, FallbackReason = reason, FallbackDetail = detail };
}

/// <summary>Token and cost accounting of one scan's LLM use.</summary>
public sealed record LlmUsage
{
    public static LlmUsage Disabled { get; } = new() { Enabled = false, PromptVersion = AssessmentPrompt.Version };

    public required bool Enabled { get; init; }

    public string? Deployment { get; init; }

    public required string PromptVersion { get; init; }

    /// <summary>Logical requests sent to the model (retries of one request are counted in <see cref="Retries"/>).</summary>
    public int Requests { get; init; }

    public int Retries { get; init; }

    public long InputTokens { get; init; }

    /// <summary>Input tokens the service served from its prompt cache (billed at the cached price).</summary>
    public long CachedInputTokens { get; init; }

    public long OutputTokens { get; init; }

    public long TokenBudget { get; init; }

    public int TasksAssessed { get; init; }

    public int CacheHits { get; init; }

    public int Fallbacks { get; init; }

    public IReadOnlyDictionary<FallbackReason, int> FallbacksByReason { get; init; } = new Dictionary<FallbackReason, int>();

    public decimal EstimatedCost { get; init; }

    public string Currency { get; init; } = "USD";
}

/// <summary>The outcome of assessing all candidates of a scan.</summary>
public sealed record AssessmentRun(IReadOnlyDictionary<string, TaskAssessment> ByTaskId, LlmUsage Usage)
{
    public TaskAssessment? For(string taskId) => ByTaskId.GetValueOrDefault(taskId);
}
