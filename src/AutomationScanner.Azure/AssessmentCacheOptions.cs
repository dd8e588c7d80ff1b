namespace AutomationScanner.Azure;

/// <summary>Where LLM judgements are cached (section <c>AssessmentCache</c>).</summary>
public sealed class AssessmentCacheOptions
{
    public const string SectionName = "AssessmentCache";

    /// <summary>Local folder for the cache (the CLI sets <c>&lt;out&gt;/.cache</c>). Takes precedence over blob storage.</summary>
    public string? Path { get; set; }
}
