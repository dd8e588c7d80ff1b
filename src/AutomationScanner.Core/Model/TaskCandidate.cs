using System.Security.Cryptography;
using System.Text;

namespace AutomationScanner.Core.Model;

/// <summary>A task the scanner judges: a mined activity, a document statement, or both once matched.</summary>
public sealed class TaskCandidate
{
    public TaskCandidate(string name, string process)
    {
        Name = name;
        Process = process;
        Id = StableId(process, name);
    }

    /// <summary>Stable across scans: the same process and task name always give the same id.</summary>
    public string Id { get; }

    public string Name { get; }

    /// <summary>The log (or document) the task belongs to, e.g. "receipt".</summary>
    public string Process { get; }

    /// <summary>Metrics when the task was mined from a log; null for document-only candidates.</summary>
    public ActivityStatistics? Statistics { get; set; }

    /// <summary>What the task is; decided from the log, documents, the LLM and overrides. Only work and decisions are ranked.</summary>
    public ActivityKind Kind { get; set; } = ActivityKind.Work;

    public double KindConfidence { get; set; }

    /// <summary>Every signal behind <see cref="Kind"/>, strongest first.</summary>
    public IReadOnlyList<KindSignal> KindEvidence { get; set; } = [];

    /// <summary>The process domain and candidate risk rules the LLM is shown for this task; null when not prepared.</summary>
    public RiskReviewInput? RiskReview { get; set; }

    /// <summary>Document statements that describe the task (evidence), in document order.</summary>
    public List<TaskStatement> Statements { get; } = [];

    public static string StableId(string process, string name)
    {
        var bytes = SHA256.HashData(Encoding.UTF8.GetBytes(process + "\u001f" + name));
        return Convert.ToHexStringLower(bytes.AsSpan(0, 8));
    }
}
