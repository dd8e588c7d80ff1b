using System.Collections.Concurrent;
using System.Globalization;
using AutomationScanner.Core.Classification.Llm;
using AutomationScanner.Core.Documents;
using AutomationScanner.Core.Ingestion;
using AutomationScanner.Core.Mining;
using AutomationScanner.Core.Ranking;
using AutomationScanner.Core.Reporting;
using Microsoft.Extensions.Logging;

namespace AutomationScanner.Core.Scanning;

/// <summary>
/// The scan, end to end: read every export, mine the tasks, score and rank them, and build the report. Inputs that
/// cannot be read are recorded in the report and the rest of the scan goes on. Every candidate (not only the top
/// ones) goes to the LLM assessor when one is configured; its faults leave tasks ML-only, never fail the scan.
/// </summary>
public sealed partial class ScanPipeline(IngestionOptions ingestion, TimeProvider timeProvider, ILogger<ScanPipeline> logger, ITaskAssessor? assessor = null)
{
    private readonly ITaskAssessor _assessor = assessor ?? new NotConfiguredTaskAssessor();

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
        var documents = new List<ScanInput>();
        foreach (var input in inputs)
        {
            if (ExportSniffer.IsEventLogName(input.Name))
            {
                logs.Add(input);
            }
            else if (DocumentReader.IsDocument(input.Name))
            {
                documents.Add(input);
            }
            else
            {
                outcomes[input.Name] = new InputOutcome(input.Name, "unsupported", Read: false, "not an event log (.csv, .tsv, .xes, optionally .gz) or a document (.txt, .md, .html, .docx, .pdf); skipped");
            }
        }

        var extractions = await ReadDocumentsAsync(documents, outcomes, cancellationToken);

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

        // Document text is data: it is matched and reported, and never changes how candidates are scored or ranked.
        var matching = new StatementMatcher().Match(candidates, extractions.SelectMany(e => e.Statements));
        candidates.AddRange(matching.DocumentCandidates);

        // The LLM sees every candidate, with its matched statements; its answer is reported and does not change the score.
        var assessments = await _assessor.AssessAsync(candidates, cancellationToken);
        var opportunities = Rank(candidates, assessments);
        return new ScanReport
        {
            ScanId = scanId ?? started.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture),
            GeneratedAt = started,
            Inputs = [.. inputs.Select(i => outcomes[i.Name])],
            Processes = [.. processes.Select(p => p.Summary)],
            Opportunities = opportunities,
            Documents = [.. extractions.Select(e => Summarise(e, matching))],
            ScoreDescription = InterimScoreDescription,
            Assumptions =
            [
                $"Timestamps without an offset are read as {ingestion.DefaultTimeZone.Id} local time.",
                $"Working hours are {ingestion.Mining.WorkdayStartHour:00}:00-{ingestion.Mining.WorkdayEndHour:00}:00 local time, Monday to Friday.",
                "Resources whose names mark them as systems or bots (system, batch, bot, RPA, scheduler...) count as automation already achieved.",
                $"Document steps are matched to activities at a similarity of {StatementMatcher.DefaultThreshold:0.00} or more; unmatched steps become tasks of their own, sized from their frequency hints (250 working days a year).",
                LlmAssumption(assessments.Usage),
            ],
            Llm = assessments.Usage,
        };
    }

    private static IEnumerable<TaskCandidate> CandidatesOf(MinedProcess process) =>
        process.Activities.Select(a => new TaskCandidate(a.Activity, process.Summary.Process) { Statistics = a });

    private static string LlmAssumption(LlmUsage usage) => usage.Enabled
        ? $"LLM second opinion from Azure OpenAI deployment {usage.Deployment} (prompt {usage.PromptVersion}); it is reported per task and does not change the score. Tasks it could not assess are flagged and stay ML-only."
        : "LLM assessment off: no Azure OpenAI endpoint configured. Tasks are scored without it.";

    private static List<Opportunity> Rank(IEnumerable<TaskCandidate> candidates, AssessmentRun assessments)
    {
        var opportunities = new List<Opportunity>();
        foreach (var candidate in candidates)
        {
            var opportunity = candidate.Statistics is { } statistics ? FromLog(candidate, statistics) : FromDocuments(candidate);
            opportunity.Llm = assessments.Usage.Enabled ? assessments.For(candidate.Id) : null;
            opportunities.Add(opportunity);
        }

        opportunities.Sort((a, b) => b.Score != a.Score ? b.Score.CompareTo(a.Score) : string.CompareOrdinal(a.Id, b.Id));
        for (var i = 0; i < opportunities.Count; i++)
        {
            opportunities[i].Rank = i + 1;
        }

        return opportunities;
    }

    private static Opportunity FromLog(TaskCandidate candidate, ActivityStatistics statistics)
    {
        var why = InterimScorer.Score(statistics, out var hours);
        var (seconds, basis) = InterimScorer.HandlingTime(statistics);
        return new Opportunity
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
            Statements = [.. candidate.Statements],
        };
    }

    private static Opportunity FromDocuments(TaskCandidate candidate)
    {
        var why = DocumentSizing.Score(candidate, out var perYear, out var hours);
        return new Opportunity
        {
            Rank = 0,
            Id = candidate.Id,
            Process = candidate.Process,
            Task = candidate.Name,
            ExecutionsPerYear = perYear,
            HandlingSeconds = InterimScorer.AssumedHandlingTime.TotalSeconds,
            HandlingBasis = HandlingTimeBasis.Assumed,
            ManualHoursPerYear = hours,
            Score = hours,
            Why = why,
            Statements = [.. candidate.Statements],
        };
    }

    /// <summary>Reads every document; one that cannot be read is recorded with its error and the scan goes on.</summary>
    private async Task<List<DocumentExtraction>> ReadDocumentsAsync(List<ScanInput> documents, ConcurrentDictionary<string, InputOutcome> outcomes, CancellationToken cancellationToken)
    {
        var reader = new DocumentReader(ingestion.Documents, logger);
        var extractions = new DocumentExtraction?[documents.Count];
        await Parallel.ForEachAsync(Enumerable.Range(0, documents.Count), new ParallelOptions { CancellationToken = cancellationToken, MaxDegreeOfParallelism = Environment.ProcessorCount },
            async (index, ct) =>
            {
                var input = documents[index];
                DocumentExtraction extraction;
                try
                {
                    await using var stream = await input.OpenAsync(ct);
                    extraction = reader.Read(stream, input.Name, ct);
                }
                catch (IOException ex)
                {
                    extraction = new DocumentExtraction { SourceFile = input.Name, Format = "unknown", Error = input.Name + ": could not be opened (" + ex.Message + ")" };
                }

                extractions[index] = extraction;
                outcomes[input.Name] = new InputOutcome(input.Name, "document", extraction.Succeeded, extraction.Error);
            });
        return [.. extractions.OfType<DocumentExtraction>()];
    }

    private static DocumentSummary Summarise(DocumentExtraction extraction, StatementMatchResult matching)
    {
        bool FromThis(TaskStatement s) => ReferenceEquals(s.SourceFile, extraction.SourceFile) || s.SourceFile == extraction.SourceFile;
        var matched = matching.Matches.Count(m => FromThis(m.Statement));
        var unmatched = matching.DocumentCandidates.Sum(c => c.Statements.Count(FromThis));
        return new DocumentSummary
        {
            Name = extraction.SourceFile,
            Format = extraction.Format,
            Statements = extraction.Statements.Count,
            Matched = matched,
            Unmatched = unmatched,
            SuspectedInjections = extraction.SuspectedInjections,
            CharactersRead = extraction.CharactersRead,
            CharacterCapReached = extraction.CharacterCapReached,
            StatementCapReached = extraction.StatementCapReached,
            Notes = extraction.Notes,
        };
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
