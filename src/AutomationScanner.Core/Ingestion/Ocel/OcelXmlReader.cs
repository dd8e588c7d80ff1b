using System.Globalization;
using System.Xml;
using AutomationScanner.Core.Ingestion.Common;

namespace AutomationScanner.Core.Ingestion.Ocel;

/// <summary>
/// Streams OCEL 2.0 XML (log / object-types, event-types, objects, events; ocel-standard.org) into a
/// <see cref="OcelFlattener"/> with <see cref="XmlReader"/>: DTDs prohibited, no resolver, depth capped.
/// </summary>
internal static class OcelXmlReader
{
    public static void Read(Stream content, OcelFlattener flattener, CancellationToken cancellationToken)
    {
        var file = flattener.File;
        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            IgnoreComments = true,
            IgnoreWhitespace = true,
            IgnoreProcessingInstructions = true,
            MaxCharactersFromEntities = 1024,
            CloseInput = false,
        };
        using var reader = XmlReader.Create(content, settings);
        var lineInfo = (IXmlLineInfo)reader;
        var sawLog = false;
        var sawSection = false;
        var declaredType = -1;
        var objectType = -1;
        var inEvent = false;
        var inEventTypes = false;
        long eventLine = 0;
        long count = 0;
        try
        {
            reader.Read();
            while (!reader.EOF)
            {
                if (reader.NodeType == XmlNodeType.Element)
                {
                    if (reader.Depth > flattener.Limits.MaxDepth)
                    {
                        throw new IngestionException(file, string.Create(CultureInfo.InvariantCulture, $"elements nested deeper than {flattener.Limits.MaxDepth}"), line: lineInfo.LineNumber);
                    }

                    var name = reader.LocalName;
                    if (reader.Depth == 0)
                    {
                        if (name != "log")
                        {
                            throw new IngestionException(file, $"the root element is <{name}>, not <log>: not an OCEL 2.0 XML log", line: lineInfo.LineNumber);
                        }

                        sawLog = true;
                    }
                    else if (reader.Depth == 1)
                    {
                        sawSection |= name is "objects" or "events";
                        inEventTypes = name == "event-types";
                    }
                    else if (name == "object-type" && reader.Depth == 2)
                    {
                        declaredType = flattener.InternType(reader.GetAttribute("name"));
                    }
                    else if (name == "event-type" && reader.Depth == 2)
                    {
                        flattener.InternActivity(reader.GetAttribute("name"));
                        declaredType = -1;
                    }
                    else if (name == "object" && reader.Depth == 2)
                    {
                        var type = reader.GetAttribute("type");
                        objectType = flattener.AddObject(reader.GetAttribute("id"), type, lineInfo.LineNumber) >= 0 ? flattener.InternType(type) : -1;
                    }
                    else if (name == "event" && reader.Depth == 2)
                    {
                        inEvent = true;
                        eventLine = lineInfo.LineNumber;
                        flattener.BeginEvent();
                        flattener.SetEventId(reader.GetAttribute("id"));
                        flattener.SetActivity(reader.GetAttribute("type"));
                        if (reader.GetAttribute("time") is { } time)
                        {
                            flattener.SetTime(time);
                        }

                        if (reader.IsEmptyElement)
                        {
                            inEvent = false;
                            flattener.EndEvent(eventLine);
                        }
                    }
                    else if (name == "relationship" && inEvent)
                    {
                        flattener.AddRelation(reader.GetAttribute("object-id"), flattener.InternQualifier(reader.GetAttribute("qualifier")), lineInfo.LineNumber);
                    }
                    else if (name == "attribute" && inEvent)
                    {
                        var attribute = reader.GetAttribute("name");
                        var value = reader.IsEmptyElement ? string.Empty : reader.ReadElementContentAsString();
                        flattener.AddEventAttribute(attribute, value);
                        continue;
                    }
                    else if (name == "attribute" && !inEventTypes && (declaredType >= 0 || objectType >= 0))
                    {
                        flattener.DeclareObjectAttribute(declaredType >= 0 ? declaredType : objectType, reader.GetAttribute("name"));
                    }
                }
                else if (reader.NodeType == XmlNodeType.EndElement)
                {
                    if (reader.Depth == 2 && reader.LocalName == "event" && inEvent)
                    {
                        inEvent = false;
                        flattener.EndEvent(eventLine);
                        if ((++count & 0x3FFF) == 0)
                        {
                            cancellationToken.ThrowIfCancellationRequested();
                        }
                    }
                    else if (reader.Depth == 2)
                    {
                        declaredType = objectType = -1;
                    }
                    else if (reader.Depth == 1 && reader.LocalName == "objects")
                    {
                        flattener.ObjectsComplete();
                    }
                }

                if (reader.NodeType == XmlNodeType.Element && reader.IsEmptyElement && reader.Depth == 2)
                {
                    declaredType = objectType = -1;
                }

                reader.Read();
            }
        }
        catch (XmlException ex)
        {
            if (flattener.EventsRead == 0)
            {
                var line = ex.LineNumber > 0 ? ex.LineNumber : Math.Max(1, lineInfo.LineNumber);
                throw new IngestionException(file, $"not a readable OCEL XML document: {ex.Message}", line: line, inner: ex);
            }

            flattener.Quality.Add(Mining.DataQualityKinds.MalformedEvent,
                string.Create(CultureInfo.InvariantCulture, $"{file} line {ex.LineNumber}: the XML is truncated or malformed ({ex.Message}); the {flattener.EventsRead:N0} events before it were kept, the rest dropped"));
        }
        catch (InvalidDataException ex)
        {
            if (flattener.EventsRead == 0)
            {
                throw new IngestionException(file, "the compressed data is corrupt or truncated", inner: ex);
            }

            flattener.Quality.Add(Mining.DataQualityKinds.MalformedEvent,
                string.Create(CultureInfo.InvariantCulture, $"{file} line {lineInfo.LineNumber}: the compressed data is truncated; the {flattener.EventsRead:N0} events before it were kept"));
        }

        if (!sawLog || !sawSection)
        {
            throw new IngestionException(file, "no <log> with <objects> or <events>: not an OCEL 2.0 XML log");
        }

        flattener.Format = "OCEL 2.0 XML";
    }
}
