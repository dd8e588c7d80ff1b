using AutomationScanner.Core.Model;

namespace AutomationScanner.Core.Ethics;

/// <summary>What the screen needs beyond the task itself: the scan's workload, export columns and the pseudonymiser.</summary>
public sealed class RiskContext(
    WorkloadIndex workload,
    ResourcePseudonymizer pseudonymizer,
    IReadOnlyDictionary<string, IReadOnlyList<string>>? columnsByProcess = null)
{
    public WorkloadIndex Workload { get; } = workload;

    public ResourcePseudonymizer Pseudonymizer { get; } = pseudonymizer;

    /// <summary>Column (attribute) names of each process's export, keyed by <see cref="TaskCandidate.Process"/>.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> ColumnsByProcess { get; } =
        columnsByProcess ?? new Dictionary<string, IReadOnlyList<string>>();

    /// <summary>The inferred domain of each process, keyed by <see cref="TaskCandidate.Process"/>.</summary>
    public IReadOnlyDictionary<string, ProcessDomainProfile> Domains { get; init; } = new Dictionary<string, ProcessDomainProfile>();

    /// <summary>
    /// What the export says about each process's domain beyond its columns (an object-centric log's object types, such
    /// as applicants or patients), keyed by <see cref="TaskCandidate.Process"/>; read together with the task name.
    /// </summary>
    public IReadOnlyDictionary<string, string> ProcessContext { get; init; } = new Dictionary<string, string>();

    /// <summary>
    /// The text of the documents that describe each process as a whole (its description), keyed by
    /// <see cref="TaskCandidate.Process"/>. A step whose name the screen cannot read takes what the description screens as
    /// (<see cref="RiskScreen"/>, process description); only matched, never obeyed.
    /// </summary>
    public IReadOnlyDictionary<string, string> ProcessDescriptions { get; init; } = new Dictionary<string, string>();
}
