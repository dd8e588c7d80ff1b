namespace AutomationScanner.Core.Ethics;

/// <summary>Where a rule looks for evidence.</summary>
public enum EvidenceScope
{
    /// <summary>The task name and the text of its document statements.</summary>
    Text,

    /// <summary>Data categories attached to document statements ("health", "personal").</summary>
    DataCategory,

    /// <summary>Column (attribute) names of the event-log export.</summary>
    Column,

    /// <summary>Resource identifiers in the log (never reported in clear).</summary>
    Resource,

    /// <summary>Figures computed from the mined statistics.</summary>
    Statistics,

    /// <summary>A flag raised by the language-model reviewer.</summary>
    Llm,

    /// <summary>The process the task belongs to: its inferred domain (lending, healthcare...) and the step's role in it.</summary>
    ProcessContext,

    /// <summary>The nearest written, labelled task descriptions of the evaluation set (a learned signal; see <see cref="LabelledCaseIndex"/>).</summary>
    LabelledCases,
}
