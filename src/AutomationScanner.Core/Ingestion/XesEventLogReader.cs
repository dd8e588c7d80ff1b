using System.Xml;
using AutomationScanner.Core.Mining;

namespace AutomationScanner.Core.Ingestion;

/// <summary>
/// Streams an XES log (IEEE 1849) trace by trace with a secure XmlReader (no DTDs, no external entities). Standard
/// keys: concept:name, time:timestamp, org:resource, lifecycle:transition; other keys are recorded as attribute names.
/// </summary>
internal static class XesEventLogReader
{
    public static void Read(string file, SniffedExport export, ProcessMiner miner, IngestionOptions options, CancellationToken cancellationToken)
    {
        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            IgnoreComments = true,
            IgnoreWhitespace = true,
            IgnoreProcessingInstructions = true,
            CloseInput = false,
            NameTable = new NameTable(),
        };
        var names = settings.NameTable!;
        var traceName = names.Add("trace");
        var eventName = names.Add("event");
        var keyName = names.Add("key");
        var valueName = names.Add("value");
        var log = miner.Log;
        var parser = new TimestampParser(options.DefaultTimeZone, options.DateOrder ?? DateOrder.DayFirst);
        var attributeKeys = new HashSet<string>(StringComparer.Ordinal);
        var events = new List<MinedEvent>();
        long traces = 0;
        long accepted = 0;
        var traceDepth = -1;
        var eventDepth = -1;
        string? activity = null;
        string? resource = null;
        string? timestamp = null;
        var lifecycle = Lifecycle.None;
        var eventLine = 0;

        using var reader = XmlReader.Create(export.Content, settings);
        var lineInfo = (IXmlLineInfo)reader;
        try
        {
            while (reader.Read())
            {
                if (reader.NodeType == XmlNodeType.Element)
                {
                    var local = reader.LocalName;
                    if ((object)local == traceName)
                    {
                        traceDepth = reader.Depth;
                        events.Clear();
                        if (reader.IsEmptyElement)
                        {
                            traceDepth = -1;
                            traces++;
                        }
                    }
                    else if ((object)local == eventName && traceDepth >= 0)
                    {
                        eventDepth = reader.Depth;
                        activity = resource = timestamp = null;
                        lifecycle = Lifecycle.None;
                        eventLine = lineInfo.LineNumber;
                        if (reader.IsEmptyElement)
                        {
                            eventDepth = -1;
                            log.DataQuality.Add(DataQualityKinds.MalformedEvent, $"{file} line {eventLine}: empty <event/> skipped");
                        }
                    }
                    else if (eventDepth >= 0 && reader.Depth == eventDepth + 1)
                    {
                        var key = reader.GetAttribute(keyName);
                        if (key is not null)
                        {
                            switch (key)
                            {
                                case "concept:name":
                                    activity = reader.GetAttribute(valueName);
                                    break;
                                case "time:timestamp":
                                    timestamp = reader.GetAttribute(valueName);
                                    break;
                                case "org:resource":
                                    resource = reader.GetAttribute(valueName);
                                    break;
                                case "lifecycle:transition":
                                    lifecycle = LifecycleParser.Parse(reader.GetAttribute(valueName));
                                    break;
                                default:
                                    break;
                            }

                            if (attributeKeys.Add(key))
                            {
                                log.Attributes.Add(key);
                            }
                        }
                    }
                    else if (traceDepth >= 0 && eventDepth < 0 && reader.Depth == traceDepth + 1)
                    {
                        var key = reader.GetAttribute(keyName);
                        if (key is not null && attributeKeys.Add("case:" + key))
                        {
                            log.Attributes.Add("case:" + key);
                        }
                    }
                }
                else if (reader.NodeType == XmlNodeType.EndElement)
                {
                    var local = reader.LocalName;
                    if ((object)local == eventName && eventDepth >= 0 && reader.Depth == eventDepth)
                    {
                        eventDepth = -1;
                        if (string.IsNullOrWhiteSpace(activity))
                        {
                            log.DataQuality.Add(DataQualityKinds.EmptyCaseOrActivity, $"{file} line {eventLine}, field 'concept:name': event without an activity name");
                            continue;
                        }

                        if (timestamp is null || !parser.TryParse(timestamp, out var ticks, out var offset, out var hadOffset))
                        {
                            log.DataQuality.Add(DataQualityKinds.BadTimestamp, timestamp is null
                                ? $"{file} line {eventLine}, field 'time:timestamp': event without a timestamp"
                                : $"{file} line {eventLine}, field 'time:timestamp': cannot read '{timestamp}' as a timestamp");
                            continue;
                        }

                        if (!hadOffset)
                        {
                            log.EventsWithoutOffset++;
                        }

                        var resourceId = resource is null ? -1 : log.InternResource(resource.AsSpan().Trim());
                        events.Add(new MinedEvent(log.InternActivity(activity.AsSpan().Trim()), resourceId, ticks, offset, lifecycle, miner.NextSequence()));
                    }
                    else if ((object)local == traceName && traceDepth >= 0 && reader.Depth == traceDepth)
                    {
                        traceDepth = -1;
                        traces++;
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
        }
        catch (XmlException ex)
        {
            if (accepted == 0)
            {
                throw new IngestionException(file, $"not a readable XES document: {ex.Message}", line: ex.LineNumber, inner: ex);
            }

            log.DataQuality.Add(DataQualityKinds.MalformedEvent,
                $"{file} line {ex.LineNumber}: the XES is truncated or malformed ({ex.Message}); the {traces} complete traces before it were kept, the rest dropped");
        }
        catch (InvalidDataException ex)
        {
            if (accepted == 0)
            {
                throw new IngestionException(file, "the compressed data is corrupt or truncated", line: lineInfo.LineNumber, inner: ex);
            }

            log.DataQuality.Add(DataQualityKinds.MalformedEvent,
                $"{file} line {lineInfo.LineNumber}: the compressed data is truncated; the {traces} complete traces before it were kept");
        }

        if (accepted == 0)
        {
            throw new IngestionException(file, traces == 0 ? "no <trace> elements: this is not an XES event log" : "no usable events in any trace");
        }
    }
}
