using System.Text;
using System.Xml;
using AutomationScanner.Core.Ingestion;
using AutomationScanner.Core.Ingestion.Common;
using AutomationScanner.Core.Mining;
using AutomationScanner.Core.Model;

namespace AutomationScanner.Core.Tests.Ingestion.Xes;

/// <summary>
/// The test oracle for the XES reader (issue 16): the same reading rules as <see cref="XesEventLogReader"/>, line
/// for line, on a secure <see cref="XmlReader"/> (DtdProcessing.Prohibit, no resolver) instead of the hand-written
/// <see cref="XmlScanner"/>. The differential tests run both on every shipped log and on fuzzed inputs.
/// </summary>
internal static class XmlReaderXesReader
{
    public static void Read(string file, SniffedExport export, IEventSink miner, IngestionOptions options, CancellationToken cancellationToken) =>
        Read(file, export, miner, options, isPart: false, cancellationToken);

    /// <summary>A part (a range of traces behind the log's header) may hold no usable event without being an error.</summary>
    internal static void Read(string file, SniffedExport export, IEventSink miner, IngestionOptions options, bool isPart, CancellationToken cancellationToken)
    {
        using var utf8 = export.Encoding is UTF8Encoding
            ? export.Content
            : Encoding.CreateTranscodingStream(export.Content, export.Encoding, Encoding.UTF8, leaveOpen: true);
        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            IgnoreComments = true,
            IgnoreWhitespace = true,
            IgnoreProcessingInstructions = true,
            CloseInput = false,
        };
        using var scanner = new Scanner(XmlReader.Create(utf8, settings), options.Limits.MaxXmlDepth);
        var log = miner.Log;
        var parser = new TimestampParser(options.DefaultTimeZone, options.DateOrder ?? DateOrder.DayFirst);
        var attributeKeys = new HashSet<string>(StringComparer.Ordinal);
        var attributeLookup = attributeKeys.GetAlternateLookup<ReadOnlySpan<char>>();
        var events = new List<MinedEvent>();
        long traces = 0;
        long accepted = 0;
        var traceDepth = -1;
        var eventDepth = -1;
        var activity = -1;
        var resource = -1;
        var role = -1;
        var lifecycle = Lifecycle.None;
        string? status = null;
        var ownValue = false;
        var numericKeys = new List<ulong>();
        var traceIds = new HashSet<ulong>();
        long ticks = 0;
        short offset = 0;
        var timestampState = TimestampState.Missing;
        string? badTimestamp = null;
        var standardKeys = StandardKeys.None;
        long eventLine = 0;
        try
        {
            while (true)
            {
                var node = scanner.Read();
                if (node == Node.EndOfDocument)
                {
                    break;
                }

                if (node == Node.StartElement)
                {
                    var local = scanner.LocalName;
                    if (local == "trace")
                    {
                        traceDepth = scanner.Depth;
                        events.Clear();
                        if (scanner.IsEmptyElement)
                        {
                            traceDepth = -1;
                            traces++;
                        }
                    }
                    else if (traceDepth >= 0 && eventDepth < 0 && local == "event")
                    {
                        eventDepth = scanner.Depth;
                        activity = resource = role = -1;
                        lifecycle = Lifecycle.None;
                        status = null;
                        numericKeys.Clear();
                        timestampState = TimestampState.Missing;
                        eventLine = scanner.Line;
                        if (scanner.IsEmptyElement)
                        {
                            eventDepth = -1;
                            log.DataQuality.Add(DataQualityKinds.MalformedEvent, $"{file} line {eventLine}: empty <event/> skipped");
                        }
                    }
                    else if (eventDepth >= 0 && scanner.Depth == eventDepth + 1)
                    {
                        var key = scanner.GetAttribute("key");
                        var value = scanner.GetAttribute("value");
                        if (key is null)
                        {
                            continue;
                        }

                        if (key == "concept:name")
                        {
                            standardKeys |= StandardKeys.Activity;
                            activity = value is null ? -1 : Intern(log, value.AsSpan().Trim(), isActivity: true);
                        }
                        else if (key == "time:timestamp")
                        {
                            standardKeys |= StandardKeys.Timestamp;
                            if (value is not null && parser.TryParse(value.AsSpan(), out ticks, out offset, out var hadOffset))
                            {
                                timestampState = hadOffset ? TimestampState.WithOffset : TimestampState.WithoutOffset;
                            }
                            else
                            {
                                timestampState = TimestampState.Unreadable;
                                badTimestamp = value is null ? string.Empty : value.AsSpan().ToString();
                            }
                        }
                        else if (key == "org:resource")
                        {
                            standardKeys |= StandardKeys.Resource;
                            resource = value is null ? -1 : Intern(log, value.AsSpan().Trim(), isActivity: false);
                        }
                        else if (key == "org:role")
                        {
                            // Also recorded as an attribute name: the personal-data screen reads those.
                            role = value is null ? -1 : log.InternRole(value.AsSpan().Trim());
                            RecordAttribute(log, attributeKeys, attributeLookup, key.AsSpan(), string.Empty);
                        }
                        else if (key == "lifecycle:transition")
                        {
                            standardKeys |= StandardKeys.Lifecycle;
                            lifecycle = value is null ? Lifecycle.None : LifecycleParser.Parse(value.AsSpan());
                            status = lifecycle == Lifecycle.Status ? value.AsSpan().Trim().ToString() : null;
                        }
                        else
                        {
                            if (local == "float" || local == "int"
                                || (value is not null && local == "string" && double.TryParse(value.AsSpan(), System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out _)))
                            {
                                numericKeys.Add(LogAggregate.Fnv1a(key.AsSpan().Trim()));
                            }
                            else if (value is not null && local == "string")
                            {
                                log.AttributeValues.Offer(key, value);
                            }

                            RecordAttribute(log, attributeKeys, attributeLookup, key.AsSpan(), string.Empty);
                        }
                    }
                    else if (traceDepth >= 0 && eventDepth < 0 && scanner.Depth == traceDepth + 1)
                    {
                        var key = scanner.GetAttribute("key");
                        if (key is not null && key == "concept:name" && scanner.GetAttribute("value") is { } idValue)
                        {
                            var id = idValue.AsSpan().Trim();
                            if (!traceIds.Add(LogAggregate.Fnv1a(id)))
                            {
                                log.DataQuality.Add(DataQualityKinds.DuplicateCaseId,
                                    $"{file} line {scanner.Line}: trace id '{Excerpt(id)}' was used by an earlier trace; the two are mined as separate cases");
                            }
                        }

                        if (key is not null)
                        {
                            if (local == "string" && scanner.GetAttribute("value") is { } caseValue)
                            {
                                log.AttributeValues.Offer(key, caseValue);
                            }

                            RecordAttribute(log, attributeKeys, attributeLookup, key.AsSpan(), "case:");
                        }
                    }
                }
                else if (eventDepth >= 0 && scanner.Depth == eventDepth)
                {
                    eventDepth = -1;
                    if (activity == LogAggregate.DroppedActivity)
                    {
                        continue;
                    }

                    if (activity < 0)
                    {
                        log.DataQuality.Add(DataQualityKinds.EmptyCaseOrActivity, $"{file} line {eventLine}, field 'concept:name': event without an activity name");
                        continue;
                    }

                    switch (timestampState)
                    {
                        case TimestampState.Missing:
                            log.DataQuality.Add(DataQualityKinds.BadTimestamp, $"{file} line {eventLine}, field 'time:timestamp': event without a timestamp");
                            continue;
                        case TimestampState.Unreadable:
                            log.DataQuality.Add(DataQualityKinds.BadTimestamp, $"{file} line {eventLine}, field 'time:timestamp': cannot read '{badTimestamp}' as a timestamp");
                            continue;
                        case TimestampState.WithoutOffset:
                            log.EventsWithoutOffset++;
                            break;
                        default:
                            break;
                    }

                    if (events.Count >= options.Limits.MaxEventsPerCase)
                    {
                        if (events.Count == options.Limits.MaxEventsPerCase)
                        {
                            log.DataQuality.Add(DataQualityKinds.CaseTooLong, FormattableString.Invariant(
                                $"{file} line {eventLine}: a trace has more than {options.Limits.MaxEventsPerCase} events (input limit MaxEventsPerCase): its further events are dropped"));
                            events.Add(default);
                        }

                        continue;
                    }

                    if (status is not null)
                    {
                        activity = log.InternActivity(LifecycleParser.StatusActivity(log.ActivityNames[activity], status));
                        if (activity < 0)
                        {
                            continue;
                        }
                    }

                    ownValue = numericKeys.Count > 0 && numericKeys.Contains(log.ActivityHash(activity));
                    events.Add(new MinedEvent(activity, resource, ticks, offset, lifecycle, miner.NextSequence(), OwnValue: ownValue, Role: role));
                }
                else if (traceDepth >= 0 && scanner.Depth == traceDepth && scanner.LocalName == "trace")
                {
                    traceDepth = -1;
                    traces++;
                    if (events.Count > options.Limits.MaxEventsPerCase)
                    {
                        events.RemoveAt(events.Count - 1);
                    }

                    if (events.Count > 0)
                    {
                        miner.AddCase(events);
                        accepted += events.Count;
                    }

                    if ((traces & 0x3FF) == 0)
                    {
                        cancellationToken.ThrowIfCancellationRequested();
                    }
                }
            }
        }
        catch (XmlScanException ex)
        {
            if (accepted == 0)
            {
                throw new IngestionException(file, $"not a readable XES document: {ex.Message}", line: ex.Line, inner: ex);
            }

            log.DataQuality.Add(DataQualityKinds.MalformedEvent,
                $"{file} line {ex.Line}: the XES is truncated or malformed ({ex.Message}); the {traces} complete traces before it were kept, the rest dropped");
        }
        catch (InvalidDataException ex)
        {
            if (accepted == 0)
            {
                throw new IngestionException(file, "the compressed data is corrupt or truncated", line: scanner.Line, inner: ex);
            }

            log.DataQuality.Add(DataQualityKinds.MalformedEvent,
                $"{file} line {scanner.Line}: the compressed data is truncated; the {traces} complete traces before it were kept");
        }

        foreach (var (flag, key) in new[] { (StandardKeys.Activity, "concept:name"), (StandardKeys.Timestamp, "time:timestamp"), (StandardKeys.Resource, "org:resource"), (StandardKeys.Lifecycle, "lifecycle:transition") })
        {
            if (standardKeys.HasFlag(flag))
            {
                log.Attributes.Add(key);
            }
        }

        if (accepted == 0 && !isPart)
        {
            throw new IngestionException(file, traces == 0 ? "no <trace> elements: this is not an XES event log" : "no usable events in any trace");
        }
    }

    private static string Excerpt(ReadOnlySpan<char> text) => text.Length <= 60 ? text.ToString() : string.Concat(text[..60], "...");

    private static int Intern(LogAggregate log, ReadOnlySpan<char> name, bool isActivity) =>
        name.IsEmpty ? -1 : isActivity ? log.InternActivity(name) : log.InternResource(name);

    private static void RecordAttribute(LogAggregate log, HashSet<string> seen, HashSet<string>.AlternateLookup<ReadOnlySpan<char>> lookup, ReadOnlySpan<char> key, string prefix)
    {
        Span<char> buffer = stackalloc char[Math.Min(prefix.Length + key.Length, 256)];
        var length = Math.Min(buffer.Length, prefix.Length + key.Length);
        prefix.AsSpan().CopyTo(buffer);
        key[..(length - prefix.Length)].CopyTo(buffer[prefix.Length..]);
        if (!lookup.Contains(buffer[..length]))
        {
            var name = buffer[..length].ToString();
            seen.Add(name);
            log.Attributes.Add(name);
        }
    }

    private enum Node
    {
        StartElement,
        EndElement,
        EndOfDocument,
    }

    /// <summary>XmlReader seen through the few members the reader uses; its errors and the depth limit become XmlScanException.</summary>
    private sealed class Scanner(XmlReader reader, int maxDepth) : IDisposable
    {
        private readonly IXmlLineInfo lines = (IXmlLineInfo)reader;

        public string LocalName => reader.LocalName;

        public int Depth => reader.Depth;

        public bool IsEmptyElement => reader.IsEmptyElement;

        public long Line => lines.LineNumber;

        public string? GetAttribute(string name) => reader.GetAttribute(name);

        public Node Read()
        {
            try
            {
                while (reader.Read())
                {
                    switch (reader.NodeType)
                    {
                        case XmlNodeType.Element:
                            if (!reader.IsEmptyElement && reader.Depth >= maxDepth)
                            {
                                throw new XmlScanException($"elements are nested more than {maxDepth} levels deep (input limit MaxXmlDepth; XES needs about six)", Line);
                            }

                            return Node.StartElement;
                        case XmlNodeType.EndElement:
                            return Node.EndElement;
                        default:
                            break;
                    }
                }

                return Node.EndOfDocument;
            }
            catch (XmlException ex)
            {
                throw new XmlScanException(ex.Message, ex.LineNumber);
            }
        }

        public void Dispose() => reader.Dispose();
    }

    [Flags]
    private enum StandardKeys
    {
        None = 0,
        Activity = 1,
        Timestamp = 2,
        Resource = 4,
        Lifecycle = 8,
    }

    private enum TimestampState
    {
        Missing,
        WithOffset,
        WithoutOffset,
        Unreadable,
    }
}
