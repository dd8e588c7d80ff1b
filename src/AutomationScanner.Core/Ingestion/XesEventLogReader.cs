using System.Text;
using AutomationScanner.Core.Mining;
using AutomationScanner.Core.Model;

namespace AutomationScanner.Core.Ingestion;

/// <summary>
/// Streams an XES log (IEEE 1849) trace by trace. Standard keys: concept:name, time:timestamp, org:resource,
/// lifecycle:transition; other event and case attribute keys are recorded as attribute names. The markup is read by
/// <see cref="XmlScanner"/>: no DTD processing, no external entities.
/// </summary>
internal static class XesEventLogReader
{
    public static void Read(string file, SniffedExport export, IEventSink miner, IngestionOptions options, CancellationToken cancellationToken) =>
        Read(file, export, miner, options, isPart: false, cancellationToken);

    /// <summary>A part (a range of traces behind the log's header) may hold no usable event without being an error.</summary>
    internal static void Read(string file, SniffedExport export, IEventSink miner, IngestionOptions options, bool isPart, CancellationToken cancellationToken)
    {
        using var utf8 = export.Encoding is UTF8Encoding
            ? export.Content
            : Encoding.CreateTranscodingStream(export.Content, export.Encoding, Encoding.UTF8, leaveOpen: true);
        var scanner = new XmlScanner(utf8, options.Limits.MaxXmlDepth);
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
                if (node == XmlScanner.Node.EndOfDocument)
                {
                    break;
                }

                if (node == XmlScanner.Node.StartElement)
                {
                    var local = scanner.LocalName;
                    if (local.SequenceEqual("trace"u8))
                    {
                        traceDepth = scanner.Depth;
                        events.Clear();
                        if (scanner.IsEmptyElement)
                        {
                            traceDepth = -1;
                            traces++;
                        }
                    }
                    else if (traceDepth >= 0 && eventDepth < 0 && local.SequenceEqual("event"u8))
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
                        var key = scanner.FindAttribute("key"u8);
                        var value = scanner.FindAttribute("value"u8);
                        if (key < 0)
                        {
                            continue;
                        }

                        var keyBytes = scanner.AttributeRawValue(key);
                        if (keyBytes.SequenceEqual("concept:name"u8))
                        {
                            standardKeys |= StandardKeys.Activity;
                            activity = value < 0 ? -1 : Intern(log, scanner.AttributeValue(value).Trim(), isActivity: true);
                        }
                        else if (keyBytes.SequenceEqual("time:timestamp"u8))
                        {
                            standardKeys |= StandardKeys.Timestamp;
                            if (value >= 0 && parser.TryParse(scanner.AttributeValue(value), out ticks, out offset, out var hadOffset))
                            {
                                timestampState = hadOffset ? TimestampState.WithOffset : TimestampState.WithoutOffset;
                            }
                            else
                            {
                                timestampState = TimestampState.Unreadable;
                                badTimestamp = value < 0 ? string.Empty : scanner.AttributeValue(value).ToString();
                            }
                        }
                        else if (keyBytes.SequenceEqual("org:resource"u8))
                        {
                            standardKeys |= StandardKeys.Resource;
                            resource = value < 0 ? -1 : Intern(log, scanner.AttributeValue(value).Trim(), isActivity: false);
                        }
                        else if (keyBytes.SequenceEqual("org:role"u8))
                        {
                            // Also recorded as an attribute name: the personal-data screen reads those.
                            role = value < 0 ? -1 : log.InternRole(scanner.AttributeValue(value).Trim());
                            RecordAttribute(log, attributeKeys, attributeLookup, scanner.AttributeValue(key), string.Empty);
                        }
                        else if (keyBytes.SequenceEqual("lifecycle:transition"u8))
                        {
                            standardKeys |= StandardKeys.Lifecycle;
                            lifecycle = value < 0 ? Lifecycle.None : LifecycleParser.Parse(scanner.AttributeValue(value));
                            status = lifecycle == Lifecycle.Status ? scanner.AttributeValue(value).Trim().ToString() : null;
                        }
                        else
                        {
                            if (local.SequenceEqual("float"u8) || local.SequenceEqual("int"u8)
                                || (value >= 0 && local.SequenceEqual("string"u8) && double.TryParse(scanner.AttributeValue(value), System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out _)))
                            {
                                numericKeys.Add(LogAggregate.Fnv1a(scanner.AttributeValue(key).Trim()));
                            }
                            else if (value >= 0 && local.SequenceEqual("string"u8))
                            {
                                SampleValue(log, scanner, key, value);
                            }

                            RecordAttribute(log, attributeKeys, attributeLookup, scanner.AttributeValue(key), string.Empty);
                        }
                    }
                    else if (traceDepth >= 0 && eventDepth < 0 && scanner.Depth == traceDepth + 1)
                    {
                        var key = scanner.FindAttribute("key"u8);
                        if (key >= 0 && scanner.AttributeRawValue(key).SequenceEqual("concept:name"u8) && scanner.FindAttribute("value"u8) is >= 0 and var idValue)
                        {
                            var id = scanner.AttributeValue(idValue).Trim();
                            if (!traceIds.Add(LogAggregate.Fnv1a(id)))
                            {
                                log.DataQuality.Add(DataQualityKinds.DuplicateCaseId,
                                    $"{file} line {scanner.Line}: trace id '{Excerpt(id)}' was used by an earlier trace; the two are mined as separate cases");
                            }
                        }

                        if (key >= 0)
                        {
                            if (local.SequenceEqual("string"u8) && scanner.FindAttribute("value"u8) is >= 0 and var caseValue)
                            {
                                SampleValue(log, scanner, key, caseValue);
                            }

                            RecordAttribute(log, attributeKeys, attributeLookup, scanner.AttributeValue(key), "case:");
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
                else if (traceDepth >= 0 && scanner.Depth == traceDepth && scanner.LocalName.SequenceEqual("trace"u8))
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

    /// <summary>Offers a string attribute's value to the domain sampler (the scanner's decoded spans share one buffer).</summary>
    private static void SampleValue(LogAggregate log, XmlScanner scanner, int key, int value)
    {
        var name = scanner.AttributeValue(key);
        Span<char> copy = stackalloc char[Math.Min(name.Length, 128)];
        name[..copy.Length].CopyTo(copy);
        log.AttributeValues.Offer(copy, scanner.AttributeValue(value));
    }

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
