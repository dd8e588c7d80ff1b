using System.Text.Json.Serialization;

namespace AutomationScanner.Core.Model;

/// <summary>One piece of evidence for an activity's kind.</summary>
/// <param name="Source">One of <see cref="KindSignalSources"/>.</param>
/// <param name="Kind">The kind the evidence points to.</param>
/// <param name="Weight">How strongly, 0..1 (votes of the same kind add up; the kind with most weight wins).</param>
/// <param name="Description">What was observed, in words a consultant can check in the export.</param>
/// <param name="CaseShare">
/// For a decision seen in the sequence: the share of the activity's cases in which the outcome was recorded in or right
/// after it (0..1); null for every other signal.
/// </param>
public sealed record KindSignal(
    string Source,
    ActivityKind Kind,
    double Weight,
    string Description,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] double? CaseShare = null);
