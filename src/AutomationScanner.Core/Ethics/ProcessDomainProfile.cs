using System.Text.Json.Serialization;

namespace AutomationScanner.Core.Ethics;

/// <summary>
/// The domain inferred for one process, with the evidence a consultant can check: the cues found in its activity
/// names, attribute names and values and documents, and the similarity of the process's profile to the domain's
/// description.
/// </summary>
/// <param name="Process">The process (log) name.</param>
/// <param name="Domain">The domain id ("lending", "healthcare"...), null when no domain has enough evidence.</param>
/// <param name="Title">The domain's title, or "Unknown".</param>
/// <param name="Score">Weighted cue score of the chosen domain.</param>
/// <param name="Similarity">Cosine similarity of the process profile to the domain's exemplars (0 without an embedder).</param>
/// <param name="Evidence">The cues, as "activity 'ER Triage': triage".</param>
/// <param name="RunnerUp">The next best domain and its score, to show how clear the choice was.</param>
public sealed record ProcessDomainProfile(
    string Process,
    string? Domain,
    string Title,
    double Score,
    double Similarity,
    IReadOnlyList<string> Evidence,
    string? RunnerUp)
{
    /// <summary>
    /// Settings found beside the domain (recruitment, emergency response...; catalogue domains marked <c>additive</c>),
    /// each with its own cues as evidence; the process's steps inherit their rules too.
    /// </summary>
    public IReadOnlyList<ProcessDomainProfile> Settings { get; init; } = [];

    /// <summary>
    /// How the ambiguous codes of the process's step names were read in this process (<see cref="StepCodes.Resolve"/>),
    /// keyed by activity name; only for a process with a domain. Shown in the findings they lead to, not in the profile.
    /// </summary>
    [JsonIgnore]
    public IReadOnlyDictionary<string, CodeReading> Readings { get; init; } = new Dictionary<string, CodeReading>();

    public static ProcessDomainProfile Unknown(string process) => new(process, null, "Unknown", 0, 0, [], null);
}
