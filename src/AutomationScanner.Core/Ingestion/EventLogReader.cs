using AutomationScanner.Core.Ingestion.Common;
using AutomationScanner.Core.Mining;

namespace AutomationScanner.Core.Ingestion;

/// <summary>Reads one event-log export (CSV, TSV, XES, OCEL, or their .gz) into a miner, sniffing what it really is.</summary>
public static class EventLogReader
{
    public static void Read(string file, Stream content, ProcessMiner miner, IngestionOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(miner);
        options ??= IngestionOptions.Default;
        using var export = ExportSniffer.Open(file, content, options.Limits);
        if (export.Format is ExportFormat.OcelJson or ExportFormat.OcelXml or ExportFormat.OcelSqlite)
        {
            throw new IngestionException(file, "an object-centric log (OCEL) gives one process per object type: read it with EventLogReader.MineAll");
        }

        ReadSniffed(file, export, miner, options, cancellationToken);
    }

    /// <summary>Mines one file on its own and returns its statistics.</summary>
    public static MinedProcess Mine(string file, Stream content, IngestionOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= IngestionOptions.Default;
        var log = new LogAggregate(ProcessName(file), options.Mining);
        var miner = new ProcessMiner(log);
        Read(file, content, miner, options, cancellationToken);
        miner.Complete();
        return MinedProcess.From(log, options.DefaultTimeZone);
    }

    /// <summary>
    /// Mines one export into its processes: one for a CSV or XES log, one per object type (or per chosen type) for an
    /// object-centric log. <paramref name="processName"/> defaults to the file name without its extensions.
    /// </summary>
    public static IReadOnlyList<MinedProcess> MineAll(string file, Stream content, IngestionOptions? options = null, string? processName = null, CancellationToken cancellationToken = default) =>
        MineAll(file, content, options, processName, pipelined: false, cancellationToken);

    /// <summary>As <see cref="MineAll(string, Stream, IngestionOptions?, string?, CancellationToken)"/>; a CSV or XES <paramref name="pipelined"/> is read on this thread and mined on a second one (<see cref="CsvMiningPipeline"/>), with the same result.</summary>
    internal static IReadOnlyList<MinedProcess> MineAll(string file, Stream content, IngestionOptions? options, string? processName, bool pipelined, CancellationToken cancellationToken)
    {
        options ??= IngestionOptions.Default;
        processName ??= ProcessName(file);
        using var export = ExportSniffer.Open(file, content, options.Limits);
        if (export.Format is ExportFormat.OcelJson or ExportFormat.OcelXml or ExportFormat.OcelSqlite)
        {
            return Ocel.OcelEventLogReader.Read(file, processName, export, options, cancellationToken);
        }

        var log = new LogAggregate(processName, options.Mining);
        var miner = new ProcessMiner(log);
        ReadSniffed(file, export, miner, options, cancellationToken, pipelined);
        miner.Complete();
        return [MinedProcess.From(log, options.DefaultTimeZone)];
    }

    internal static void ReadSniffed(string file, SniffedExport export, ProcessMiner miner, IngestionOptions options, CancellationToken cancellationToken, bool pipelined = false)
    {
        miner.Log.Files.Add(file);
        miner.Limits = options.Limits;
        try
        {
            if (pipelined)
            {
                CsvMiningPipeline.Read(file, export, miner, options, cancellationToken);
            }
            else if (export.Format == ExportFormat.Xes)
            {
                XesEventLogReader.Read(file, export, miner, options, cancellationToken);
            }
            else
            {
                CsvEventLogReader.Read(file, export, miner, options, cancellationToken);
            }
        }
        finally
        {
            // Nothing read silently: a truncated gzip, replaced bytes or a non-UTF-8 file is a data-quality note.
            foreach (var problem in export.Problems(file))
            {
                miner.Log.DataQuality.Add(DataQualityKinds.EncodingOrCompression, problem);
            }
        }
    }

    /// <summary>
    /// "receipt.csv.gz" -> "receipt"; period tokens are taken out (<see cref="ProcessIdentity"/>), so a weekly export
    /// named "receipt-2026-01.csv" or "receipt 2026 week 02.csv" is the same process, with the same opportunity ids.
    /// </summary>
    public static string ProcessName(string file) => ProcessIdentity.Of(FileStem(file));

    /// <summary>"receipt 2026-01.csv.gz" -> "receipt 2026-01": the file name without its export extensions.</summary>
    public static string FileStem(string file)
    {
        var name = Path.GetFileName(file);
        foreach (var suffix in new[] { ".gz", ".csv", ".tsv", ".xes", ".jsonocel", ".xmlocel", ".sqlite3", ".sqlite", ".json", ".xml", ".ocel" })
        {
            if (name.EndsWith(suffix, StringComparison.OrdinalIgnoreCase))
            {
                name = name[..^suffix.Length];
            }
        }

        return name;
    }
}
