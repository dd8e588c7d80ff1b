using AutomationScanner.Core.Model;

namespace AutomationScanner.Testing.Llm;

/// <summary>Builds candidates with plausible metrics; shared (as a linked file) by the Core and Azure tests.</summary>
public sealed class TaskCandidateBuilder
{
    private readonly List<TaskStatement> _statements = [];
    private string _name = "Enter invoice";
    private string _process = "purchase-to-pay";
    private ActivityStatistics? _statistics = Statistics("Enter invoice");

    public TaskCandidateBuilder Named(string name)
    {
        _name = name;
        _statistics = _statistics is null ? null : _statistics with { Activity = name };
        return this;
    }

    public TaskCandidateBuilder InProcess(string process)
    {
        _process = process;
        return this;
    }

    public TaskCandidateBuilder WithStatistics(Func<ActivityStatistics, ActivityStatistics> change)
    {
        _statistics = change(_statistics ?? Statistics(_name));
        return this;
    }

    public TaskCandidateBuilder WithoutStatistics()
    {
        _statistics = null;
        return this;
    }

    public TaskCandidateBuilder WithStatement(string text, string file = "sop.md", int line = 12)
    {
        _statements.Add(new TaskStatement { Text = text, SourceFile = file, Line = line, Role = "AP clerk", Systems = ["SAP"] });
        return this;
    }

    public TaskCandidate Build()
    {
        var candidate = new TaskCandidate(_name, _process) { Statistics = _statistics };
        candidate.Statements.AddRange(_statements);
        return candidate;
    }

    public static IReadOnlyList<TaskCandidate> Many(int count, string prefix = "Task") =>
        [.. Enumerable.Range(1, count).Select(i => new TaskCandidateBuilder().Named($"{prefix} {i}").Build())];

    public static ActivityStatistics Statistics(string activity) => new()
    {
        Activity = activity,
        Events = 2400,
        Executions = 1200,
        Cases = 1000,
        CaseCoverage = 0.8,
        ExecutionsPerWeek = 23.1,
        ExecutionsPerMonth = 100,
        ExecutionsByMonth = new Dictionary<string, long> { ["2024-01"] = 600, ["2024-02"] = 600 },
        ServiceTime = new DurationSummary(1200, 60, 240, 900, 300),
        WaitingTime = new DurationSummary(1200, 600, 3600, 86400, 7200),
        SelfLoops = 12,
        RepeatExecutions = 200,
        CasesWithRepeat = 150,
        ReworkRate = 0.1667,
        FailureEvents = 5,
        FailureRate = 0.02,
        PredecessorEntropy = 0.9,
        SuccessorEntropy = 1.1,
        VariantShare = 0.05,
        DistinctResources = 7,
        Handovers = 300,
        AutomationRate = 0.1,
        OffHoursShare = 0.03,
        ExecutionsByResource = new Dictionary<string, long> { ["jan.devries"] = 700, ["maria.lopez"] = 400, ["batch-bot"] = 100 },
    };
}
