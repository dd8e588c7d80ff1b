using System.Globalization;
using AutomationScanner.Core.Ingestion.Common;
using AutomationScanner.Core.Mining;
using AutomationScanner.Core.Model;
using Sylvan.Data.Csv;

namespace AutomationScanner.Core.Ingestion;

/// <summary>Streams a CSV/TSV event log into a miner: delimiter sniffed, columns guessed or mapped, rows never held.</summary>
internal static class CsvEventLogReader
{
    private const int SampleRows = 500;
    private static readonly char[] Delimiters = [',', ';', '\t', '|'];

    public static void Read(string file, SniffedExport export, IEventSink miner, IngestionOptions options, CancellationToken cancellationToken) =>
        Read(file, export, miner, options, Layout(file, export, options), part: null, cancellationToken);

    /// <summary>Delimiter, columns and date order, decided from the head of the file (the first 64 KB).</summary>
    internal static CsvLayout Layout(string file, SniffedExport export, IngestionOptions options)
    {
        var headText = export.HeadText();
        var delimiter = SniffDelimiter(file, headText);
        var (header, samples) = ReadSamples(file, headText, delimiter, export.HeadIsPartial);
        if (header.Count == 0)
        {
            throw new IngestionException(file, "no header row found");
        }

        var limits = options.Limits;
        if (header.Count > limits.MaxColumns)
        {
            throw new IngestionException(file, FormattableString.Invariant(
                $"the header has {header.Count} columns, more than {limits.MaxColumns} (input limit MaxColumns): this is not an event log export"), line: 1);
        }

        var parser = new TimestampParser(options.DefaultTimeZone, options.DateOrder ?? DateOrder.DayFirst);
        var columns = ColumnGuesser.Resolve(file, header, samples, options.Columns, parser);
        var dateOrder = options.DateOrder ?? TimestampParser.DetectOrder(Column(samples, columns.Timestamp)) ?? DateOrder.DayFirst;
        return new CsvLayout(delimiter, header, columns, dateOrder);
    }

    /// <summary>
    /// Reads rows with a layout decided beforehand (from the head of the whole file when this is a part of it). A
    /// <paramref name="part"/> is one of several: it keeps only the cases it owns, and an empty part is not an error.
    /// </summary>
    internal static void Read(string file, SniffedExport export, IEventSink miner, IngestionOptions options, CsvLayout layout, PartFilter? part, CancellationToken cancellationToken)
    {
        var (delimiter, header, columns, dateOrder) = layout;
        var parser = new TimestampParser(options.DefaultTimeZone, dateOrder);
        var limits = options.Limits;
        var log = miner.Log;
        log.Attributes.UnionWith(header.Where(h => h.Length > 0));
        var csvOptions = new CsvDataReaderOptions
        {
            Delimiter = delimiter,
            HasHeaders = true,
            BufferSize = 0x10000,
            MaxBufferSize = Math.Max(0x10000, limits.MaxRecordCharacters),

            // A stray quote inside a field ("Check" invoice) is read as text, not a reason to lose the file.
            CsvStyle = CsvStyle.Lax,
        };

        // The counting UTF-8 decoder keeps its own BOM handling (its preamble is skipped); letting the reader swap
        // in another UTF-8 on a BOM would lose the count of replaced bytes.
        using var text = new StreamReader(export.Content, export.Encoding, detectEncodingFromByteOrderMarks: export.Utf8Fallback is null, bufferSize: 0x10000);
        long accepted = 0;
        long rows = 0;
        var ownColumns = new List<int>();

        // Rows repeat the names of the row before (a start and its completion, a case handled by one person): the
        // last id of each is checked before the lookup by hash.
        var lastActivity = -1;
        var lastResource = -1;
        var lifecycles = new List<(string Text, Lifecycle Value)>();
        try
        {
            using var csv = CsvDataReader.Create(text, csvOptions);
            var needed = new[] { columns.Case, columns.Activity, columns.Timestamp, columns.StartTimestamp, columns.Resource, columns.Lifecycle }.Max() + 1;
            while (csv.Read())
            {
                rows++;
                if ((rows & 0xFFFF) == 0)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                }

                var line = rows + 1;
                if (csv.RowFieldCount < needed && !HasRequired(csv, columns, file, line, part is null || part.OwnsRowsWithoutCase ? log : null))
                {
                    continue;
                }

                var caseId = csv.GetFieldSpan(columns.Case).Trim();
                if (part is not null && !(caseId.IsEmpty ? part.OwnsRowsWithoutCase : part.Owns(caseId)))
                {
                    // Another part's event ends this part's run of rows, as it does in one pass: the runs, and so the
                    // start-time inputs they give, are those of one pass, interleaved again by row on replay.
                    if (miner.InCase && !caseId.IsEmpty && !csv.GetFieldSpan(columns.Activity).IsWhiteSpace()
                        && parser.TryParse(csv.GetFieldSpan(columns.Timestamp), out _, out _, out _))
                    {
                        miner.LeaveCase();
                    }

                    continue;
                }

                if (part is { SplitsByCase: true })
                {
                    // Names met on this row are first seen here in the whole file, for the merge's table order.
                    log.NamePosition = rows;
                }

                var activityName = csv.GetFieldSpan(columns.Activity).Trim();
                if (caseId.IsEmpty || activityName.IsEmpty)
                {
                    log.DataQuality.Add(DataQualityKinds.EmptyCaseOrActivity,
                        $"{file} line {line}: empty {(caseId.IsEmpty ? columns.NameOf(columns.Case) : columns.NameOf(columns.Activity))}");
                    continue;
                }

                var timestamp = csv.GetFieldSpan(columns.Timestamp);
                if (!parser.TryParse(timestamp, out var ticks, out var offset, out var hadOffset))
                {
                    log.DataQuality.Add(DataQualityKinds.BadTimestamp,
                        $"{file} line {line}, field '{columns.NameOf(columns.Timestamp)}': cannot read '{Excerpt(timestamp)}' as a timestamp");
                    continue;
                }

                var startTicks = MinedEvent.NoStart;
                if (columns.StartTimestamp >= 0 && columns.StartTimestamp < csv.RowFieldCount)
                {
                    var start = csv.GetFieldSpan(columns.StartTimestamp);
                    if (!start.IsWhiteSpace())
                    {
                        if (parser.TryParse(start, out var parsedStart, out _, out _))
                        {
                            startTicks = parsedStart;
                        }
                        else
                        {
                            log.DataQuality.Add(DataQualityKinds.BadTimestamp,
                                $"{file} line {line}, field '{columns.NameOf(columns.StartTimestamp)}': cannot read '{Excerpt(start)}' as a timestamp; service time skipped");
                        }
                    }
                }

                if (!hadOffset)
                {
                    log.EventsWithoutOffset++;
                }

                var resource = -1;
                if (columns.Resource >= 0 && columns.Resource < csv.RowFieldCount)
                {
                    var resourceName = csv.GetFieldSpan(columns.Resource).Trim();
                    resource = lastResource >= 0 && resourceName.SequenceEqual(log.ResourceNames[lastResource]) ? lastResource : log.InternResource(resourceName);
                    lastResource = resource;
                }

                var lifecycle = columns.Lifecycle >= 0 && columns.Lifecycle < csv.RowFieldCount
                    ? ParseLifecycle(lifecycles, csv.GetFieldSpan(columns.Lifecycle))
                    : Lifecycle.None;
                var activity = lastActivity >= 0 && activityName.SequenceEqual(log.ActivityNames[lastActivity]) ? lastActivity : log.InternActivity(activityName);
                if (activity < 0)
                {
                    continue;
                }

                lastActivity = activity;

                if (lifecycle == Lifecycle.Status)
                {
                    activity = log.InternActivity(LifecycleParser.StatusActivity(log.ActivityNames[activity], csv.GetFieldSpan(columns.Lifecycle)));
                    if (activity < 0)
                    {
                        continue;
                    }
                }

                if (activityName.Contains('\n') || caseId.Contains('\n'))
                {
                    log.DataQuality.Add(DataQualityKinds.QuotedLineBreak, FormattableString.Invariant(
                        $"{file} line {line}: a case or activity value spans several lines; a quote may never be closed, so later rows can be inside it"));
                }

                // A column named as the activity holding a number on its row: the event records that value (a lab result).
                while (ownColumns.Count <= activity)
                {
                    ownColumns.Add(IndexOfHeader(header, log.ActivityNames[ownColumns.Count]));
                }

                var ownColumn = ownColumns[activity];
                var ownValue = ownColumn >= 0 && ownColumn < csv.RowFieldCount
                    && double.TryParse(csv.GetFieldSpan(ownColumn), NumberStyles.Float, CultureInfo.InvariantCulture, out _);
                var role = columns.Role >= 0 && columns.Role < csv.RowFieldCount
                    ? log.InternRole(csv.GetFieldSpan(columns.Role).Trim())
                    : -1;
                if (rows <= AttributeValueSampler.HeadCalls / 10 || rows % AttributeValueSampler.Stride == 0)
                {
                    SampleValues(log, csv, header, columns);
                }

                // Parts split by case-id hash all read the whole file: the row number orders their runs as one pass does.
                var sequence = part is { SplitsByCase: true } ? rows : miner.NextSequence();
                var minedEvent = new MinedEvent(activity, resource, ticks, offset, lifecycle, sequence, startTicks, ownValue, role);
                if (miner.Add(caseId, minedEvent))
                {
                    accepted++;
                }
            }
        }
        catch (CsvRecordTooLargeException ex)
        {
            throw new IngestionException(file, FormattableString.Invariant(
                $"a record is larger than {limits.MaxRecordCharacters / 1048576.0:0.#} M characters (input limit MaxRecordCharacters): the file is not a delimited event log or a quote is never closed"), line: rows + 2, inner: ex);
        }
        catch (CsvFormatException ex)
        {
            throw new IngestionException(file, "malformed CSV: " + ex.Message, line: rows + 2, field: ex.FieldOrdinal >= 0 && ex.FieldOrdinal < header.Count ? header[ex.FieldOrdinal] : null, inner: ex);
        }
        catch (InvalidDataException ex)
        {
            throw new IngestionException(file, "the compressed data is corrupt or truncated", line: rows + 1, inner: ex);
        }

        if (accepted == 0 && part is null)
        {
            var problems = log.DataQuality.ToIssues().SelectMany(i => i.Examples).Take(3);
            throw new IngestionException(file,
                $"no usable events: {rows.ToString(CultureInfo.InvariantCulture)} data rows, none readable ({string.Join("; ", problems)})");
        }
    }

    /// <summary>The lifecycle of a value, from the few distinct values a column holds (parsed once each, up to 16).</summary>
    private static Lifecycle ParseLifecycle(List<(string Text, Lifecycle Value)> seen, ReadOnlySpan<char> value)
    {
        foreach (var (text, lifecycle) in seen)
        {
            if (value.SequenceEqual(text))
            {
                return lifecycle;
            }
        }

        var parsed = LifecycleParser.Parse(value);
        if (seen.Count < 16)
        {
            seen.Add((value.ToString(), parsed));
        }

        return parsed;
    }

    private static int IndexOfHeader(IReadOnlyList<string> header, string name)
    {
        for (var i = 0; i < header.Count; i++)
        {
            if (string.Equals(header[i].Trim(), name, StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }

        return -1;
    }

    private static bool HasRequired(CsvDataReader csv, ResolvedColumns columns, string file, long line, LogAggregate? log)
    {
        foreach (var (ordinal, required) in new[] { (columns.Case, true), (columns.Activity, true), (columns.Timestamp, true) })
        {
            if (required && ordinal >= csv.RowFieldCount)
            {
                log?.DataQuality.Add(DataQualityKinds.MissingField,
                    $"{file} line {line}, field '{columns.NameOf(ordinal)}': missing (the row has {csv.RowFieldCount} of {columns.Names.Count} fields)");
                return false;
            }
        }

        return true;
    }

    /// <summary>First field of a raw line (quotes honoured), for finding case boundaries without a full parse.</summary>
    internal static ReadOnlySpan<char> Field(ReadOnlySpan<char> line, char delimiter, int ordinal)
    {
        var start = 0;
        var index = 0;
        var quoted = false;
        for (var i = 0; i <= line.Length; i++)
        {
            if (i < line.Length && line[i] == '"')
            {
                quoted = !quoted;
                continue;
            }

            if (i == line.Length || (line[i] == delimiter && !quoted))
            {
                if (index == ordinal)
                {
                    return line[start..i].Trim().Trim('"');
                }

                index++;
                start = i + 1;
            }
        }

        return [];
    }

    /// <summary>Offers the text of the columns that are not the case, activity, times, resource, role or lifecycle to the domain sampler.</summary>
    private static void SampleValues(LogAggregate log, CsvDataReader csv, IReadOnlyList<string> header, ResolvedColumns columns)
    {
        for (var i = 0; i < csv.RowFieldCount && i < header.Count; i++)
        {
            if (i != columns.Case && i != columns.Activity && i != columns.Timestamp && i != columns.StartTimestamp
                && i != columns.Resource && i != columns.Role && i != columns.Lifecycle && header[i].Length > 0)
            {
                log.AttributeValues.Offer(header[i], csv.GetFieldSpan(i));
            }
        }
    }

    private static string Excerpt(ReadOnlySpan<char> value) => value.Length <= 40 ? value.ToString() : string.Concat(value[..40], "...");

    private static IEnumerable<string> Column(IReadOnlyList<string[]> samples, int ordinal) =>
        samples.Where(row => ordinal < row.Length).Select(row => row[ordinal]);

    /// <summary>The delimiter that splits the first lines into the same, largest number of fields.</summary>
    internal static char SniffDelimiter(string file, string head)
    {
        var lines = head.Split('\n').Take(30).Select(l => l.TrimEnd('\r')).Where(l => l.Length > 0).ToList();
        if (lines.Count > 1 && !head.EndsWith('\n'))
        {
            lines.RemoveAt(lines.Count - 1);
        }

        var best = '\0';
        var bestScore = 0;
        foreach (var delimiter in Delimiters)
        {
            var counts = lines.Select(l => CountOutsideQuotes(l, delimiter)).ToList();
            if (counts.Count == 0 || counts[0] == 0)
            {
                continue;
            }

            // Rows with missing fields are row faults, not a reason to doubt the delimiter: a majority is enough.
            var consistent = counts.Count(c => c == counts[0]);
            var score = consistent * 1000 + counts[0];
            if (consistent >= Math.Max(1, counts.Count * 0.5) && score > bestScore)
            {
                best = delimiter;
                bestScore = score;
            }
        }

        if (best == '\0')
        {
            throw new IngestionException(file, "no delimiter found (tried comma, semicolon, tab and pipe): an event log needs at least case, activity and timestamp columns", line: 1);
        }

        return best;
    }

    private static int CountOutsideQuotes(string line, char delimiter)
    {
        var count = 0;
        var quoted = false;
        foreach (var c in line)
        {
            if (c == '"')
            {
                quoted = !quoted;
            }
            else if (c == delimiter && !quoted)
            {
                count++;
            }
        }

        return count;
    }

    private static (IReadOnlyList<string> Header, IReadOnlyList<string[]> Samples) ReadSamples(string file, string head, char delimiter, bool headIsPartial)
    {
        // The head may stop inside a record: drop the last line unless the whole file fits in it.
        var lastNewline = head.LastIndexOf('\n');
        if (headIsPartial && lastNewline < 0)
        {
            throw new IngestionException(file, FormattableString.Invariant($"the first line is longer than {ExportSniffer.HeadSize / 1024} KB: this is not an event log header"), line: 1);
        }

        var complete = headIsPartial && lastNewline > 0 ? head[..(lastNewline + 1)] : head;
        var options = new CsvDataReaderOptions
        {
            Delimiter = delimiter,
            HasHeaders = true,
            BufferSize = Math.Max(0x4000, complete.Length + 1),
            CsvStyle = CsvStyle.Lax,
        };
        var samples = new List<string[]>();
        try
        {
            using var csv = CsvDataReader.Create(new StringReader(complete), options);
            var header = Enumerable.Range(0, csv.FieldCount).Select(i => csv.GetName(i).Trim()).ToList();
            while (samples.Count < SampleRows && csv.Read())
            {
                samples.Add([.. Enumerable.Range(0, Math.Min(csv.RowFieldCount, header.Count + 1)).Select(i => csv.GetString(i))]);
            }

            return (header, samples);
        }
        catch (CsvFormatException ex)
        {
            throw new IngestionException(file, "malformed CSV in the first rows: " + ex.Message, line: samples.Count + 2, inner: ex);
        }
    }
}
