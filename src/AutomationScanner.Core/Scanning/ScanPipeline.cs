using System.Collections.Concurrent;
using System.Globalization;
using AutomationScanner.Core.Classification;
using AutomationScanner.Core.Ingestion;
using AutomationScanner.Core.Mining;
using AutomationScanner.Core.Ranking;
using AutomationScanner.Core.Reporting;
using Microsoft.Extensions.Logging;

namespace AutomationScanner.Core.Scanning;

/// <summary>
/// The scan, end to end: read every export, mine the tasks, score and rank them, and build the report. Inputs that
/// cannot be read are recorded in the report and the rest of the scan goes on. With a <paramref name="suitability"/>
/// scorer every opportunity carries its automation suitability and the parts of it.
/// </summary>
public sealed partial class ScanPipeline(
    IngestionOptions ingestion, TimeProvider timeProvider, ILogger<ScanPipeline> logger, SuitabilityScorer? suitability = null)
{
    public const string InterimScoreDescription =
        "Interim score = manual hours per year = executions per year (log executions scaled over the log's span) x median handling time " +
        "(start-to-complete when the log has start events, else the median gap since the previous event capped at 30 min, else 5 min assumed) " +
        "x (1 - share of executions by system or bot resources).";

    public async Task<ScanReport> RunAsync(IReadOnlyList<ScanInput> inputs, string? scanId = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        var started = timeProvider.GetUtcNow();
        var outcomes = new ConcurrentDictionary<string, InputOutcome>(StringComparer.Ordinal);
        var mined = new ConcurrentDictionary<string, MinedProcess>(StringComparer.Ordinal);
        var logs = new List<ScanInput>();
        foreach (var input in inputs)
        {
            if (ExportSniffer.IsEventLogName(input.Name))
            {
                logs.Add(input);
            }
            else
            {
                outcomes[input.Name] = new InputOutcome(input.Name, "unsupported", Read: false, "not an event log (.csv, .tsv, .xes, optionally .gz); skipped");
            }
        }

        var processNames = UniqueProcessNames(logs);
        await Parallel.ForEachAsync(logs, new ParallelOptions { CancellationToken = cancellationToken, MaxDegreeOfParallelism = Environment.ProcessorCount },
            async (input, ct) =>
            {
                try
                {
                    await using var stream = await input.OpenAsync(ct);
                    var log = new LogAggregate(processNames[input.Name], ingestion.Mining);
                    var miner = new ProcessMiner(log);
                    EventLogReader.Read(input.Name, stream, miner, ingestion, ct);
                    miner.Complete();
                    mined[input.Name] = MinedProcess.From(log, ingestion.DefaultTimeZone);
                    outcomes[input.Name] = new InputOutcome(input.Name, "event-log", Read: true, null);
                    LogMined(input.Name, log.Events, log.Cases);
                }
                catch (IngestionException ex)
                {
                    outcomes[input.Name] = new InputOutcome(input.Name, "event-log", Read: false, ex.Message);
                    LogUnreadable(input.Name, ex.Message);
                }
            });

        var processes = mined.OrderBy(m => m.Value.Summary.Process, StringComparer.Ordinal).Select(m => m.Value).ToList();
        var candidates = processes.SelectMany(CandidatesOf).ToList();
        var assessments = suitability?.Assess(candidates, cancellationToken);
        var opportunities = Rank(candidates, assessments);
        return new ScanReport
        {
            ScanId = scanId ?? started.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture),
            GeneratedAt = started,
            Inputs = [.. inputs.Select(i => outcomes[i.Name])],
            Processes = [.. processes.Select(p => p.Summary)],
            Opportunities = opportunities,
            ScoreDescription = InterimScoreDescription,
            Assumptions =
            [
                $"Timestamps without an offset are read as {ingestion.DefaultTimeZone.Id} local time.",
                $"Working hours are {ingestion.Mining.WorkdayStartHour:00}:00-{ingestion.Mining.WorkdayEndHour:00}:00 local time, Monday to Friday.",
                "Resources whose names mark them as systems or bots (system, batch, bot, RPA, scheduler...) count as automation already achieved.",
            ],
        };
    }

    private static IEnumerable<TaskCandidate> CandidatesOf(MinedProcess process) =>
        process.Activities.Select(a => new TaskCandidate(a.Activity, process.Summary.Process) { Statistics = a });

    private static List<Opportunity> Rank(List<TaskCandidate> candidates, IReadOnlyList<SuitabilityAssessment>? assessments)
    {
        var opportunities = new List<Opportunity>();
        for (var c = 0; c < candidates.Count; c++)
        {
            var candidate = candidates[c];
            var statistics = candidate.Statistics!;
            var why = InterimScorer.Score(statistics, out var hours);
            var (seconds, basis) = InterimScorer.HandlingTime(statistics);
            opportunities.Add(new Opportunity
            {
                Rank = 0,
                Id = candidate.Id,
                Process = candidate.Process,
                Task = candidate.Name,
                Statistics = statistics,
                ExecutionsPerYear = InterimScorer.ExecutionsPerYear(statistics),
                HandlingSeconds = seconds,
                HandlingBasis = basis,
                ManualHoursPerYear = hours,
                Score = hours,
                Why = why,
                Suitability = assessments?[c],
            });
        }

        opportunities.Sort((a, b) => b.Score != a.Score ? b.Score.CompareTo(a.Score) : string.CompareOrdinal(a.Id, b.Id));
        for (var i = 0; i < opportunities.Count; i++)
        {
            opportunities[i].Rank = i + 1;
        }

        return opportunities;
    }

    /// <summary>Process name per log: the file name without extensions, made unique when two logs share it.</summary>
    private static Dictionary<string, string> UniqueProcessNames(List<ScanInput> logs)
    {
        var byProcess = logs.GroupBy(l => EventLogReader.ProcessName(l.Name), StringComparer.Ordinal);
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var group in byProcess)
        {
            foreach (var log in group)
            {
                names[log.Name] = group.Count() == 1 ? group.Key : log.Name;
            }
        }

        return names;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Mined {Input}: {Events} events in {Cases} cases")]
    private partial void LogMined(string input, long events, long cases);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not read {Input}: {Problem}")]
    private partial void LogUnreadable(string input, string problem);
}
