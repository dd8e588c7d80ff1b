using System.Diagnostics.CodeAnalysis;
using System.IO.Compression;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using AutomationScanner.Core.Ingestion.Common;
using AutomationScanner.Core.Ingestion.Ocel;
using AutomationScanner.Core.Mining;
using AutomationScanner.Core.Model;

namespace AutomationScanner.Core.Ingestion;

/// <summary>
/// Splits one event-log export into parts that can be mined on their own (on several cores, or by several
/// Durable activities) and merges their aggregates into exactly what one pass over the file gives: plan the parts
/// (<see cref="Plan(string, Stream, int, IngestionOptions?)"/>), mine each (<see cref="Mine"/>), merge in order (<see cref="Merge"/>). A log whose cases
/// interleave is detected while mining and re-planned by case-id hash (<see cref="NeedsCaseHash"/>,
/// <see cref="PlanByCaseHash"/>). <see cref="MineInParallel(string, Func{Stream}, string, int, int, IngestionOptions?, CancellationToken, Action?)"/> does all of it for a file on this machine.
/// </summary>
public static class ExportChunker
{
    /// <summary>Bytes read past a target offset looking for a case or trace boundary before giving that cut up.</summary>
    private const int MaxBoundarySearch = 64 << 20;

    private static readonly byte[] TraceTag = "<trace"u8.ToArray();

    /// <summary>
    /// Up to <paramref name="parts"/> parts of about equal size. Byte ranges need a seekable, uncompressed, UTF-8 (or
    /// ASCII) file; CSV without line breaks inside quoted fields. Anything else is one <see cref="ChunkKind.Whole"/> part.
    /// </summary>
    public static IReadOnlyList<ExportChunk> Plan(string file, Stream content, int parts, IngestionOptions? options = null) =>
        Plan(file, content, parts, options, firstShare: 1.0 / Math.Max(1, parts));

    /// <summary>
    /// The first part's share of the bytes when this machine mines the parts (<see cref="MineInParallel(string, Func{Stream}, string, IReadOnlyList{ExportChunk}, int, IngestionOptions?, CancellationToken, Action?)"/>):
    /// less than the others', because its thread also estimates start times as it goes and, after the parts, merges
    /// them and replays their start-time journals.
    /// </summary>
    /// <remarks>
    /// Measured on the generated 10M-event CSV (perf samples per thread, 2026-12-02): a byte of the first part costs
    /// ~1.2 times a byte of a later part (its estimator runs live; a later part writes a journal instead, which costs
    /// less). The merge and the replay of the later parts' journals can only start when every part is mined, so the
    /// share balances the parts: 0.45 of the bytes for the first of two.
    /// </remarks>
    internal static double FirstPartShare(int parts)
    {
        if (parts <= 1)
        {
            return 1;
        }

        const double FirstByteCost = 1.2;
        var later = 1.0 / (parts - 1);
        return later / (FirstByteCost + later);
    }

    /// <summary>As <see cref="Plan(string, Stream, int, IngestionOptions?)"/>, the first part about <paramref name="firstShare"/> of the bytes and the others equal.</summary>
    internal static IReadOnlyList<ExportChunk> Plan(string file, Stream content, int parts, IngestionOptions? options, double firstShare)
    {
        ArgumentNullException.ThrowIfNull(content);
        options ??= IngestionOptions.Default;
        IReadOnlyList<ExportChunk> whole = [new ExportChunk(0, 1, ChunkKind.Whole)];
        if (parts <= 1 || !content.CanSeek || content.Length < 2)
        {
            return whole;
        }

        var length = content.Length;
        SniffedExport export;
        try
        {
            export = ExportSniffer.Open(file, new RangeStream(content, [(0, Math.Min(length, ExportSniffer.HeadSize))], []));
        }
        catch (IngestionException)
        {
            return whole; // the one-pass read reports it
        }

        using (export)
        {
            // An object-centric log is flattened in one pass (its events relate to objects of every type at once).
            if (export.Compressed || export.Encoding is not UTF8Encoding
                || export.Format is ExportFormat.OcelJson or ExportFormat.OcelXml or ExportFormat.OcelSqlite)
            {
                return whole;
            }

            var cuts = export.Format == ExportFormat.Xes
                ? XesCuts(content, length, parts, firstShare, out var headerEnd, out var closing)
                : CsvCuts(file, export, content, length, parts, firstShare, options, out headerEnd, out closing);
            if (cuts.Count == 0)
            {
                return whole;
            }

            var bounds = new List<long> { 0 };
            bounds.AddRange(cuts);
            bounds.Add(length);
            return [.. bounds.Zip(bounds.Skip(1)).Select((b, i) => new ExportChunk(i, bounds.Count - 1, ChunkKind.ByteRange, b.First, b.Second, headerEnd, i == bounds.Count - 2 ? null : closing))];
        }
    }

    /// <summary>Parts that each read the whole file and keep the cases whose case-id hash falls to them (CSV only).</summary>
    public static IReadOnlyList<ExportChunk> PlanByCaseHash(int parts) =>
        [.. Enumerable.Range(0, Math.Max(1, parts)).Select(i => new ExportChunk(i, Math.Max(1, parts), parts <= 1 ? ChunkKind.Whole : ChunkKind.CaseHash))];

    /// <summary>True when a byte-range part found interleaved cases: the split is not case-aligned; re-plan by case-id hash.</summary>
    public static bool NeedsCaseHash(IEnumerable<MinedChunk> mined) =>
        mined.Any(m => m.Interleaved && m.Chunk.Kind == ChunkKind.ByteRange);

    /// <summary>
    /// Mines one part into its aggregate, writing its sidecar to <paramref name="sidecar"/> (left open): the start-time
    /// journal, or an object-centric log's flattened processes. <paramref name="content"/> is the whole file (seekable
    /// for byte ranges). A part with no usable event is not an error (the merge decides); any other unreadable content
    /// throws <see cref="IngestionException"/>.
    /// </summary>
    public static MinedChunk Mine(string file, Stream content, ExportChunk chunk, string process, Stream sidecar, IngestionOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(chunk);
        ArgumentNullException.ThrowIfNull(sidecar);
        options ??= IngestionOptions.Default;
        var log = new LogAggregate(process, options.Mining);
        using var counted = new CountingStream(sidecar);
        var miner = new ProcessMiner(log, counted) { Limits = options.Limits };
        long rangeLines = 0;
        long syntheticLines = 0;
        switch (chunk.Kind)
        {
            case ChunkKind.Whole:
                {
                    using var export = ExportSniffer.Open(file, content, options.Limits);
                    if (export.Format is ExportFormat.OcelJson or ExportFormat.OcelXml or ExportFormat.OcelSqlite)
                    {
                        // The same flattening as one pass (EventLogReader.MineAll): one process per object type.
                        var processes = OcelEventLogReader.Read(file, process, export, options, cancellationToken);
                        WriteProcesses(counted, processes);
                        return new MinedChunk(chunk, null, Interleaved: false, 0, 0)
                        {
                            ObjectCentric = true,
                            SidecarBytes = counted.Written,
                            Events = processes[0].Summary.ObjectCentric?.LogEvents ?? processes.Sum(p => p.Summary.Events),
                        };
                    }

                    EventLogReader.ReadSniffed(file, export, miner, options, cancellationToken);
                    break;
                }

            case ChunkKind.CaseHash:
                {
                    using var export = ExportSniffer.Open(file, content);
                    if (export.Format != ExportFormat.Csv)
                    {
                        throw new NotSupportedException($"{file}: a case-hash split is for CSV; XES is split by trace ranges.");
                    }

                    log.Files.Add(file);
                    var layout = CsvEventLogReader.Layout(file, export, options);
                    CsvEventLogReader.Read(file, export, miner, options, layout, new PartFilter(chunk.Index, chunk.Count), cancellationToken);
                    break;
                }

            case ChunkKind.ByteRange:
                (rangeLines, syntheticLines) = ReadRange(file, content, chunk, miner, options, cancellationToken);
                break;

            default:
                throw new ArgumentOutOfRangeException(nameof(chunk), chunk.Kind, "unknown chunk kind");
        }

        var interleaved = miner.Interleaved;
        miner.Complete();

        // The variant hashes follow the journal in the sidecar: the part's output stays small whatever the case count.
        var variantsAt = counted.Written;
        log.WriteVariants(counted);
        return new MinedChunk(chunk, log.ToState(variants: false), interleaved, rangeLines, syntheticLines)
        {
            SidecarBytes = counted.Written,
            Events = log.Events,
            VariantsAt = variantsAt,
        };
    }

    /// <summary>Mines the bytes of a <see cref="ChunkKind.ByteRange"/> part; returns its own lines and the header lines it is read behind.</summary>
    private static (long RangeLines, long SyntheticLines) ReadRange(string file, Stream content, ExportChunk chunk, ProcessMiner miner, IngestionOptions options, CancellationToken cancellationToken)
    {
        var header = chunk.Index == 0 ? [] : new[] { (0L, chunk.HeaderEnd) };
        var syntheticLines = chunk.Index == 0 ? 0 : CountNewlines(content, 0, chunk.HeaderEnd);
        var range = new RangeStream(content, [.. header, (chunk.Start, chunk.End)], chunk.Closing is null ? [] : Encoding.UTF8.GetBytes(chunk.Closing), countFrom: header.Length);
        using var export = ExportSniffer.Open(file, range);
        miner.Log.Files.Add(file);
        if (export.Format == ExportFormat.Xes)
        {
            XesEventLogReader.Read(file, export, miner, options, isPart: true, cancellationToken);
        }
        else
        {
            // Columns and date order come from the head of the whole file, as in one pass.
            using var head = ExportSniffer.Open(file, new RangeStream(content, [(0, Math.Min(content.Length, ExportSniffer.HeadSize))], []));
            var layout = CsvEventLogReader.Layout(file, head, options);
            CsvEventLogReader.Read(file, export, miner, options, layout, PartFilter.Everything, cancellationToken);
        }

        return (range.CountedNewlines, syntheticLines);
    }

    /// <summary>
    /// The processes of one export from all its parts: an object-centric log's flattened processes, or the merge of a
    /// log's parts with the start times estimated over the whole log (<see cref="Merge"/>), named
    /// <paramref name="process"/>. <paramref name="openSidecar"/> opens a part's sidecar from its start (disposed here).
    /// </summary>
    public static IReadOnlyList<MinedProcess> Finish(string file, string process, IReadOnlyList<MinedChunk> parts, Func<MinedChunk, Stream> openSidecar, IngestionOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(parts);
        ArgumentNullException.ThrowIfNull(openSidecar);
        options ??= IngestionOptions.Default;
        if (parts.Any(p => p.ObjectCentric))
        {
            if (parts.Count != 1)
            {
                throw new InvalidOperationException($"{file}: an object-centric log is mined in one part, not {parts.Count}.");
            }

            using var sidecar = openSidecar(parts[0]);
            return ReadProcesses(file, sidecar);
        }

        var merged = Merge(file, parts, openSidecar, options.Mining);
        if (merged.Process != process)
        {
            merged = LogAggregate.FromState(merged.ToState() with { Process = process }, options.Mining);
        }

        return [MinedProcess.From(merged, options.DefaultTimeZone)];
    }

    /// <summary>
    /// The processes as the sidecar keeps them: everything, including the executions per resource name that reports
    /// never show (<see cref="ActivityStatistics.ExecutionsByResource"/>; the scan pseudonymises and judges them).
    /// </summary>
    private static readonly JsonSerializerOptions ProcessJson = new()
    {
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        TypeInfoResolver = ProcessJsonContext.Default.WithAddedModifier(KeepExecutionsByResource),
    };

    private static readonly JsonTypeInfo<List<MinedProcess>> ProcessesInfo = (JsonTypeInfo<List<MinedProcess>>)ProcessJson.GetTypeInfo(typeof(List<MinedProcess>));

    // The kept property's type is a reference type (one shared instantiation, present in any build) whose metadata
    // ProcessJsonContext generates, and its accessors are the statically named property below: nothing is left to
    // run-time code generation or to members the trimmer could remove.
    [UnconditionalSuppressMessage("Trimming", "IL2026", Justification = "IReadOnlyDictionary<string, long> is registered in ProcessJsonContext.")]
    [UnconditionalSuppressMessage("AOT", "IL3050", Justification = "A reference-type property needs no generic instantiation generated at run time.")]
    private static void KeepExecutionsByResource(JsonTypeInfo type)
    {
        if (type.Type != typeof(ActivityStatistics))
        {
            return;
        }

        var property = typeof(ActivityStatistics).GetProperty(nameof(ActivityStatistics.ExecutionsByResource))!;
        for (var i = type.Properties.Count - 1; i >= 0; i--)
        {
            if (type.Properties[i].Name == property.Name)
            {
                type.Properties.RemoveAt(i); // the ignored one
            }
        }

        var kept = type.CreateJsonPropertyInfo(property.PropertyType, property.Name);
        kept.Get = statistics => property.GetValue(statistics);
        kept.Set = (statistics, value) => property.SetValue(statistics, value);
        type.Properties.Add(kept);
    }

    private static void WriteProcesses(Stream sidecar, List<MinedProcess> processes)
    {
        using var deflate = new DeflateStream(sidecar, CompressionLevel.Fastest, leaveOpen: true);
        JsonSerializer.Serialize(deflate, processes, ProcessesInfo);
    }

    private static List<MinedProcess> ReadProcesses(string file, Stream sidecar)
    {
        using var inflate = new DeflateStream(sidecar, CompressionMode.Decompress, leaveOpen: true);
        return JsonSerializer.Deserialize(inflate, ProcessesInfo)
            ?? throw new InvalidDataException($"{file}: the mined processes of the object-centric log are missing.");
    }

    /// <summary>
    /// The aggregate of the whole file from all its parts (any order in, merged in file order), with the start times
    /// estimated by replaying the parts' journals (<paramref name="openSidecar"/> opens one from its start; disposed
    /// here) into one estimator: the same estimates, validation and times in status as one pass. Throws
    /// <see cref="IngestionException"/> when no part holds a usable event, and <see cref="InvalidOperationException"/>
    /// when parts are missing or a byte-range split turned out not to be case-aligned.
    /// </summary>
    public static LogAggregate Merge(string file, IEnumerable<MinedChunk> parts, Func<MinedChunk, Stream> openSidecar, MiningOptions? mining = null)
    {
        ArgumentNullException.ThrowIfNull(parts);
        ArgumentNullException.ThrowIfNull(openSidecar);
        var ordered = parts.OrderBy(p => p.Chunk.Index).ToList();
        if (ordered.Any(p => p.ObjectCentric || p.Aggregate is null))
        {
            throw new InvalidOperationException($"{file}: an object-centric log has no single aggregate to merge; use Finish.");
        }

        if (ordered.Count == 0 || ordered.Select((p, i) => p.Chunk.Index == i && p.Chunk.Count == ordered.Count).Any(ok => !ok))
        {
            throw new InvalidOperationException($"{file}: the parts to merge are not one complete split ({ordered.Count} part(s)).");
        }

        if (NeedsCaseHash(ordered))
        {
            throw new InvalidOperationException($"{file}: cases interleave across the byte ranges; split it by case-id hash instead.");
        }

        // Parts split by case-id hash each meet the names in their own order: the merged tables take one pass's order.
        var byCaseHash = ordered.Any(p => p.Chunk.Kind == ChunkKind.CaseHash);
        var merged = byCaseHash ? LogAggregate.InOrderOfFirstSight(ordered[0].Aggregate!.Process, [.. ordered.Select(p => p.Aggregate!)], mining) : null;
        long linesBefore = 0;
        foreach (var part in ordered)
        {
            var aggregate = LogAggregate.FromState(part.Aggregate!, mining);
            var offset = part.Chunk.Kind == ChunkKind.ByteRange ? linesBefore - part.SyntheticLines : 0;
            if (merged is null)
            {
                merged = aggregate;
            }
            else
            {
                merged.Merge(aggregate, offset);
            }

            linesBefore += part.RangeLines;
        }

        if (merged!.Events == 0)
        {
            var problems = merged.DataQuality.ToIssues().SelectMany(i => i.Examples).Take(3);
            throw new IngestionException(file, $"no usable events in any of its {ordered.Count} parts ({string.Join("; ", problems)})");
        }

        // The start-time estimator over the whole log: the parts' inputs in one pass's order, on the merged aggregate.
        var journals = new List<StartTimeJournalPart>(ordered.Count);
        try
        {
            foreach (var part in ordered)
            {
                var sidecar = openSidecar(part);
                journals.Add(new StartTimeJournalPart(sidecar, part.Aggregate!.ActivityNames, part.Aggregate.ResourceNames));
                if (part.VariantsAt >= 0)
                {
                    if (!sidecar.CanSeek)
                    {
                        throw new InvalidOperationException($"{file}: part {part.Chunk.Index}'s sidecar must be seekable (its variants follow its journal).");
                    }

                    sidecar.Position = part.VariantsAt;
                    merged.ReadVariants(sidecar, part.Aggregate.ActivityNames);
                    sidecar.Position = 0;
                }
            }

            StartTimeJournal.Replay(merged, journals, interleaveRuns: byCaseHash);
        }
        finally
        {
            foreach (var journal in journals)
            {
                journal.Journal.Dispose();
            }
        }

        return merged;
    }

    /// <summary>
    /// Plans, mines the parts on up to <paramref name="parallelism"/> threads, re-plans by case-id hash when the cases
    /// interleave, and merges: the same aggregate as <see cref="EventLogReader.Read"/> in one pass.
    /// </summary>
    public static LogAggregate MineInParallel(string file, Func<Stream> open, string process, int parts, int parallelism, IngestionOptions? options = null, CancellationToken cancellationToken = default, Action? partsMined = null)
    {
        ArgumentNullException.ThrowIfNull(open);
        options ??= IngestionOptions.Default;
        IReadOnlyList<ExportChunk> plan;
        using (var content = open())
        {
            plan = Plan(file, content, parts, options, FirstPartShare(parts));
        }

        return MineInParallel(file, open, process, plan, parallelism, options, cancellationToken, partsMined);
    }

    /// <summary>
    /// Mines one export into its processes on every core it is worth using: on two, a CSV (compressed or not) of at least
    /// <see cref="IngestionOptions.ParallelMinBytes"/> is read on one thread and mined on the other (<see cref="CsvMiningPipeline"/>),
    /// and so is, on two or more, an XES of at least <see cref="XesPipelineMinBytes"/> that is not split;
    /// on more, a seekable, uncompressed CSV or XES of that size is split into <see cref="IngestionOptions.Parallelism"/>
    /// parts (<see cref="Plan(string, Stream, int, IngestionOptions?)"/>) mined at once and merged (<see cref="MineInParallel(string, Func{Stream}, string, IReadOnlyList{ExportChunk}, int, IngestionOptions?, CancellationToken, Action?)"/>);
    /// anything else is read in one pass (<see cref="EventLogReader.MineAll(string, Stream, IngestionOptions?, string?, CancellationToken)"/>). The result is the same either way.
    /// <paramref name="open"/> opens the export from its start, once per part.
    /// </summary>
    public static IReadOnlyList<MinedProcess> MineFile(string file, Func<Stream> open, string process, IngestionOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(open);
        options ??= IngestionOptions.Default;
        using var content = open();
        if (options.Parallelism == 2 && content.CanSeek && content.Length >= options.ParallelMinBytes && options.Limits.MaxEventsPerCase > 0 && FormatOf(file, content) == ExportFormat.Csv)
        {
            // Two cores: read on one, mine on the other (a split costs more CPU than one pass, and a merge after it).
            return EventLogReader.MineAll(file, content, options, process, pipelined: true, cancellationToken);
        }

        if (options.Parallelism > 1 && content.CanSeek && content.Length >= options.ParallelMinBytes)
        {
            var plan = Plan(file, content, options.Parallelism, options, FirstPartShare(options.Parallelism));
            if (plan.Count > 1)
            {
                try
                {
                    return [MinedProcess.From(MineInParallel(file, open, process, plan, options.Parallelism, options, cancellationToken), options.DefaultTimeZone)];
                }
                catch (Exception ex) when (IsReadFault(ex))
                {
                    // An export a part cannot read: one pass reports it as it always does (the line of the whole file).
                }
            }

            content.Position = 0;
        }

        if (options.Parallelism > 1 && content.CanSeek && content.Length >= XesPipelineMinBytes && FormatOf(file, content) == ExportFormat.Xes)
        {
            // An XES not split (compressed, or below the split's size): its traces are read on one core and mined on another.
            return EventLogReader.MineAll(file, content, options, process, pipelined: true, cancellationToken);
        }

        return EventLogReader.MineAll(file, content, options, process, cancellationToken);
    }

    /// <summary>
    /// The size (of the file as stored, compressed or not) from which an XES that is not split is read on one thread and
    /// mined on another: below it, the second thread costs more than it saves (a sample log of a few hundred traces).
    /// </summary>
    internal const long XesPipelineMinBytes = 1L << 20;

    /// <summary>The export's format (compressed or not), judged on its head, or null when it cannot be read; leaves <paramref name="content"/> at its start.</summary>
    private static ExportFormat? FormatOf(string file, Stream content)
    {
        try
        {
            using var export = ExportSniffer.Open(file, new RangeStream(content, [(0, Math.Min(content.Length, ExportSniffer.HeadSize))], []));
            return export.Format;
        }
        catch (Exception ex) when (ex is IngestionException or InvalidDataException)
        {
            return null; // the one-pass read reports it
        }
        finally
        {
            content.Position = 0;
        }
    }

    private static bool IsReadFault(Exception ex) =>
        ex is IngestionException || (ex is AggregateException aggregate && aggregate.Flatten().InnerExceptions.All(e => e is IngestionException));

    /// <summary>
    /// Mines the parts of <paramref name="plan"/> on up to <paramref name="parallelism"/> threads and merges them
    /// (re-planned by case-id hash when the cases interleave). A byte-range plan's first part is mined as one pass
    /// mines it, start times estimated as it goes; the other parts write start-time journals, which, after the parts,
    /// are fed to that same estimator in file order as their aggregates are merged into the first part's (no separate
    /// replay of the whole log). <paramref name="partsMined"/> is called when the parts are mined, before the merge
    /// (for timing).
    /// </summary>
    public static LogAggregate MineInParallel(string file, Func<Stream> open, string process, IReadOnlyList<ExportChunk> plan, int parallelism, IngestionOptions? options = null, CancellationToken cancellationToken = default, Action? partsMined = null)
    {
        ArgumentNullException.ThrowIfNull(open);
        ArgumentNullException.ThrowIfNull(plan);
        options ??= IngestionOptions.Default;

        var sidecars = new FileStream?[plan.Count];
        try
        {
            if (plan.Count > 1 && plan.All(c => c.Kind == ChunkKind.ByteRange))
            {
                var live = MineRangesOntoFirst(file, open, plan, process, parallelism, options, sidecars, partsMined, cancellationToken);
                if (live is not null)
                {
                    return live;
                }

                Release(sidecars);
                var byHash = MineAll(file, open, PlanByCaseHash(plan.Count), process, parallelism, options, sidecars, cancellationToken);
                partsMined?.Invoke();
                return Merge(file, byHash, part => TakeSidecar(sidecars, part), options.Mining);
            }

            var mined = MineAll(file, open, plan, process, parallelism, options, sidecars, cancellationToken);
            if (NeedsCaseHash(mined))
            {
                Release(sidecars);
                mined = MineAll(file, open, PlanByCaseHash(plan.Count), process, parallelism, options, sidecars, cancellationToken);
            }

            partsMined?.Invoke();

            return Merge(file, mined, part => TakeSidecar(sidecars, part), options.Mining);
        }
        finally
        {
            Release(sidecars);
        }
    }

    private static FileStream TakeSidecar(FileStream?[] sidecars, MinedChunk part)
    {
        var sidecar = sidecars[part.Chunk.Index]!;
        sidecars[part.Chunk.Index] = null;
        sidecar.Position = 0;
        return sidecar;
    }

    /// <summary>
    /// Mines byte-range parts at once, the first with a one-pass miner (its start-time estimator live), the others
    /// into aggregates and journals; then merges the others into the first in file order, feeding each one's journal to
    /// the first's estimator as it goes: the estimator sees the whole log's inputs in one pass's order, so the
    /// estimates are those of one pass. Null when a part found interleaved cases (the split must be by case-id hash).
    /// </summary>
    private static LogAggregate? MineRangesOntoFirst(string file, Func<Stream> open, IReadOnlyList<ExportChunk> plan, string process, int parallelism, IngestionOptions options, FileStream?[] sidecars, Action? partsMined, CancellationToken cancellationToken)
    {
        var mined = new MinedChunk?[plan.Count];
        var first = new LogAggregate(process, options.Mining);
        StartTimeEstimator? estimator = null;
        var firstInterleaved = false;
        long firstLines = 0;
        Parallel.For(0, plan.Count, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, parallelism), CancellationToken = cancellationToken }, i =>
        {
            using var content = open();
            if (i == 0)
            {
                var miner = new ProcessMiner(first) { Limits = options.Limits };
                (firstLines, _) = ReadRange(file, content, plan[0], miner, options, cancellationToken);
                firstInterleaved = miner.Interleaved;
                estimator = miner.CompleteKeepingEstimates();
                return;
            }

            var sidecar = TemporarySidecar();
            sidecars[i] = sidecar;
            mined[i] = Mine(file, content, plan[i], process, sidecar, options, cancellationToken);
        });
        partsMined?.Invoke();
        if (firstInterleaved || NeedsCaseHash(mined.Skip(1).Select(m => m!)))
        {
            return null;
        }

        // In file order, as Merge does: names keep their first-seen order, data-quality examples move to the lines of
        // the whole file, variants come from the sidecar; then the part's journal goes to the estimator.
        var merged = first;
        var linesBefore = firstLines;
        for (var i = 1; i < plan.Count; i++)
        {
            var part = mined[i]!;
            merged.Merge(LogAggregate.FromState(part.Aggregate!, options.Mining), linesBefore - part.SyntheticLines);
            linesBefore += part.RangeLines;
            var sidecar = TakeSidecar(sidecars, part);
            using (sidecar)
            {
                if (part.VariantsAt >= 0)
                {
                    sidecar.Position = part.VariantsAt;
                    merged.ReadVariants(sidecar, part.Aggregate!.ActivityNames);
                    sidecar.Position = 0;
                }

                StartTimeJournal.ReplayInto(estimator!, merged, new StartTimeJournalPart(sidecar, part.Aggregate!.ActivityNames, part.Aggregate.ResourceNames));
            }
        }

        ProcessMiner.FinishEstimates(merged, estimator!);
        if (merged.Events == 0)
        {
            var problems = merged.DataQuality.ToIssues().SelectMany(i => i.Examples).Take(3);
            throw new IngestionException(file, $"no usable events in any of its {plan.Count} parts ({string.Join("; ", problems)})");
        }

        return merged;
    }

    /// <summary>A temporary file for a part's sidecar, deleted when closed.</summary>
    public static FileStream TemporarySidecar() =>
        new(Path.Combine(Path.GetTempPath(), "scanner-" + Guid.NewGuid().ToString("N") + ".sidecar"), FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 1 << 16, FileOptions.DeleteOnClose);

    private static void Release(FileStream?[] sidecars)
    {
        for (var i = 0; i < sidecars.Length; i++)
        {
            sidecars[i]?.Dispose();
            sidecars[i] = null;
        }
    }

    private static MinedChunk[] MineAll(string file, Func<Stream> open, IReadOnlyList<ExportChunk> plan, string process, int parallelism, IngestionOptions options, FileStream?[] sidecars, CancellationToken cancellationToken)
    {
        var mined = new MinedChunk[plan.Count];
        Parallel.For(0, plan.Count, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, parallelism), CancellationToken = cancellationToken }, i =>
        {
            using var content = open();
            var sidecar = TemporarySidecar();
            sidecars[i] = sidecar;
            mined[i] = Mine(file, content, plan[i], process, sidecar, options, cancellationToken);
        });
        return mined;
    }

    private static List<long> XesCuts(Stream content, long length, int parts, double firstShare, out long headerEnd, out string? closing)
    {
        closing = null;
        headerEnd = FindTrace(content, 0, length);
        if (headerEnd < 0)
        {
            return [];
        }

        closing = RootClosingTag(content, headerEnd);
        if (closing is null)
        {
            return [];
        }

        var cuts = new List<long>();
        for (var k = 1; k < parts; k++)
        {
            var target = Target(headerEnd, length, k, parts, firstShare);
            var cut = FindTrace(content, Math.Max(target, (cuts.Count > 0 ? cuts[^1] : headerEnd) + 1), length);
            if (cut > headerEnd && (cuts.Count == 0 || cut > cuts[^1]))
            {
                cuts.Add(cut);
            }
        }

        return cuts;
    }

    /// <summary>Where the <paramref name="k"/>-th cut should fall: the first part <paramref name="firstShare"/> of the body, the others equal.</summary>
    private static long Target(long headerEnd, long length, int k, int parts, double firstShare)
    {
        if (firstShare == 1.0 / parts)
        {
            return headerEnd + ((length - headerEnd) * k / parts);
        }

        var share = Math.Clamp(firstShare, 0.01, 1.0);
        var fraction = share + ((1 - share) * (k - 1) / Math.Max(1, parts - 1));
        return headerEnd + (long)((length - headerEnd) * Math.Min(1.0, fraction));
    }

    /// <summary>Offset of the next "&lt;trace" start tag at or after <paramref name="from"/>; -1 when there is none near.</summary>
    private static long FindTrace(Stream content, long from, long length)
    {
        var buffer = new byte[1 << 20];
        var position = from;
        while (position < length && position - from < MaxBoundarySearch)
        {
            content.Position = position;
            var read = content.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);
            if (read == 0)
            {
                break;
            }

            var span = buffer.AsSpan(0, read);
            var searched = 0;
            while (true)
            {
                var at = span[searched..].IndexOf(TraceTag);
                if (at < 0)
                {
                    break;
                }

                var index = searched + at;
                if (index + TraceTag.Length >= read)
                {
                    break; // the byte after the name is in the next window
                }

                if (span[index + TraceTag.Length] is (byte)' ' or (byte)'>' or (byte)'/' or (byte)'\t' or (byte)'\r' or (byte)'\n')
                {
                    return position + index;
                }

                searched = index + 1;
            }

            // Overlap so a tag split across windows is found in the next one.
            position += Math.Max(1, read - TraceTag.Length);
        }

        return -1;
    }

    /// <summary>"&lt;/log&gt;" (or the root's prefixed name) to close a part that ends before the file does.</summary>
    private static string? RootClosingTag(Stream content, long headerEnd)
    {
        var size = (int)Math.Min(headerEnd, ExportSniffer.HeadSize);
        var head = new byte[size];
        content.Position = 0;
        content.ReadExactly(head);
        var text = Encoding.UTF8.GetString(head);
        for (var i = text.IndexOf('<', StringComparison.Ordinal); i >= 0 && i + 1 < text.Length; i = text.IndexOf('<', i + 1))
        {
            if (char.IsLetter(text[i + 1]) || text[i + 1] == '_')
            {
                var end = i + 1;
                while (end < text.Length && !char.IsWhiteSpace(text[end]) && text[end] is not ('>' or '/'))
                {
                    end++;
                }

                return "\n</" + text[(i + 1)..end] + ">\n";
            }
        }

        return null;
    }

    private static List<long> CsvCuts(string file, SniffedExport head, Stream content, long length, int parts, double firstShare, IngestionOptions options, out long headerEnd, out string? closing)
    {
        closing = null;
        headerEnd = -1;
        CsvLayout layout;
        try
        {
            layout = CsvEventLogReader.Layout(file, head, options);
        }
        catch (IngestionException)
        {
            return []; // the one-pass read reports it
        }

        // Cutting at line breaks is safe only when no quoted field spans lines (judged on the head).
        var quoted = false;
        var headBytes = head.Head;
        var firstNewline = -1;
        for (var i = 0; i < headBytes.Length; i++)
        {
            if (headBytes[i] == '"')
            {
                quoted = !quoted;
            }
            else if (headBytes[i] == '\n')
            {
                if (quoted)
                {
                    return [];
                }

                if (firstNewline < 0)
                {
                    firstNewline = i;
                }
            }
        }

        if (firstNewline < 0)
        {
            return [];
        }

        headerEnd = firstNewline + 1;
        var cuts = new List<long>();
        for (var k = 1; k < parts; k++)
        {
            var target = Target(headerEnd, length, k, parts, firstShare);
            var cut = CaseBoundary(content, Math.Max(target, cuts.Count > 0 ? cuts[^1] : headerEnd), length, layout);
            if (cut > headerEnd && cut < length && (cuts.Count == 0 || cut > cuts[^1]))
            {
                cuts.Add(cut);
            }
        }

        return cuts;
    }

    /// <summary>The start of the first line at or after <paramref name="from"/> whose case differs from the line before it; -1 if none is near.</summary>
    private static long CaseBoundary(Stream content, long from, long length, CsvLayout layout)
    {
        var buffer = new byte[1 << 20];
        var position = from;
        string? previousCase = null;
        var skipPartialLine = true;
        while (position < length && position - from < MaxBoundarySearch)
        {
            content.Position = position;
            var read = content.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);
            if (read == 0)
            {
                break;
            }

            var span = buffer.AsSpan(0, read);
            var lineStart = 0;
            if (skipPartialLine)
            {
                var newline = span.IndexOf((byte)'\n');
                if (newline < 0)
                {
                    position += read;
                    continue;
                }

                lineStart = newline + 1;
                skipPartialLine = false;
            }

            while (true)
            {
                var newline = span[lineStart..].IndexOf((byte)'\n');
                if (newline < 0)
                {
                    break; // the rest of the line is in the next window
                }

                var line = Encoding.UTF8.GetString(span.Slice(lineStart, newline)).TrimEnd('\r');
                var caseId = CsvEventLogReader.Field(line, layout.Delimiter, layout.Columns.Case).ToString();
                if (previousCase is not null && caseId.Length > 0 && caseId != previousCase)
                {
                    return position + lineStart;
                }

                if (caseId.Length > 0)
                {
                    previousCase = caseId;
                }

                lineStart += newline + 1;
            }

            if (lineStart == 0)
            {
                return -1; // a line longer than the window
            }

            position += lineStart;
        }

        return -1;
    }

    private static long CountNewlines(Stream content, long start, long end)
    {
        var buffer = new byte[1 << 16];
        long count = 0;
        content.Position = start;
        var remaining = end - start;
        while (remaining > 0)
        {
            var read = content.Read(buffer, 0, (int)Math.Min(buffer.Length, remaining));
            if (read == 0)
            {
                break;
            }

            count += buffer.AsSpan(0, read).Count((byte)'\n');
            remaining -= read;
        }

        return count;
    }

    /// <summary>Counts the bytes written through it to a stream it leaves open.</summary>
    private sealed class CountingStream(Stream inner) : Stream
    {
        public long Written { get; private set; }

        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            inner.Write(buffer);
            Written += buffer.Length;
        }

        public override void Flush() => inner.Flush();

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();
    }

    /// <summary>
    /// Byte ranges of a seekable stream read one after the other, then trailing bytes; counts the newlines of the
    /// ranges from <c>countFrom</c> on (the part's own bytes, not the header it is read behind). Leaves the inner stream open.
    /// </summary>
    private sealed class RangeStream(Stream inner, (long Start, long End)[] ranges, byte[] trailer, int countFrom = int.MaxValue) : ForwardReadStream
    {
        private int _range;
        private long _offset = ranges.Length > 0 ? ranges[0].Start : 0;
        private int _trailer;

        public long CountedNewlines { get; private set; }

        public override int Read(Span<byte> buffer)
        {
            while (_range < ranges.Length)
            {
                var (_, end) = ranges[_range];
                var left = end - _offset;
                if (left <= 0)
                {
                    _range++;
                    _offset = _range < ranges.Length ? ranges[_range].Start : 0;
                    continue;
                }

                inner.Position = _offset;
                var read = inner.Read(buffer[..(int)Math.Min(buffer.Length, left)]);
                if (read == 0)
                {
                    _offset = end;
                    continue;
                }

                if (_range >= countFrom)
                {
                    CountedNewlines += buffer[..read].Count((byte)'\n');
                }

                _offset += read;
                return read;
            }

            var tail = Math.Min(buffer.Length, trailer.Length - _trailer);
            trailer.AsSpan(_trailer, tail).CopyTo(buffer);
            _trailer += tail;
            return tail;
        }
    }
}
