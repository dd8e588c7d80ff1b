using System.Text.Json;

namespace AutomationScanner.Core.Ingestion.Ocel;

/// <summary>
/// Streams OCEL 2.0 JSON (objectTypes, eventTypes, objects, events; ocel-standard.org) and OCEL 1.0 JSON
/// (ocel:global-log, ocel:objects, ocel:events) into a <see cref="OcelFlattener"/>, token by token.
/// </summary>
internal static class OcelJsonReader
{
    public static void Read(Stream content, OcelFlattener flattener, CancellationToken cancellationToken)
    {
        var file = flattener.File;
        using var json = new JsonTokenStream(file, content, flattener.Limits.MaxDepth, flattener.Limits.MaxValueBytes);
        var sawSection = false;
        try
        {
            json.Expect(JsonTokenType.StartObject, "at the start of an OCEL JSON file");
            while (json.Read() && json.TokenType == JsonTokenType.PropertyName)
            {
                if (json.NameIs("objectTypes"u8) || json.NameIs("eventTypes"u8))
                {
                    flattener.Format = "OCEL 2.0 JSON";
                    ReadTypes(json, flattener, objectTypes: json.NameIs("objectTypes"u8));
                }
                else if (json.NameIs("objects"u8))
                {
                    sawSection = true;
                    flattener.Format = "OCEL 2.0 JSON";
                    ReadObjects(json, flattener, cancellationToken);
                    flattener.ObjectsComplete();
                }
                else if (json.NameIs("events"u8))
                {
                    sawSection = true;
                    flattener.Format = "OCEL 2.0 JSON";
                    ReadEvents(json, flattener, cancellationToken);
                }
                else if (json.NameIs("ocel:global-log"u8))
                {
                    flattener.Format = "OCEL 1.0 JSON";
                    ReadGlobalLog(json, flattener);
                }
                else if (json.NameIs("ocel:objects"u8))
                {
                    sawSection = true;
                    flattener.Format = "OCEL 1.0 JSON";
                    ReadLegacyObjects(json, flattener, cancellationToken);
                    flattener.ObjectsComplete();
                }
                else if (json.NameIs("ocel:events"u8))
                {
                    sawSection = true;
                    flattener.Format = "OCEL 1.0 JSON";
                    ReadLegacyEvents(json, flattener, cancellationToken);
                }
                else
                {
                    json.Read();
                    json.Skip();
                }
            }
        }
        catch (JsonException ex)
        {
            var where = ex.BytePositionInLine is { } column && ex.LineNumber is { } line ? $"line {line + 1}, column {column + 1}" : "an unknown position";
            if (flattener.EventsRead == 0)
            {
                throw new IngestionException(file, $"not a readable OCEL JSON document at {where}: {ex.Message}", inner: ex);
            }

            flattener.Quality.Add(Mining.DataQualityKinds.MalformedEvent,
                $"{file} at {where}: the JSON is truncated or malformed ({ex.Message}); the {flattener.EventsRead:N0} events before it were kept, the rest dropped");
        }
        catch (InvalidDataException ex)
        {
            if (flattener.EventsRead == 0)
            {
                throw new IngestionException(file, "the compressed data is corrupt or truncated", inner: ex);
            }

            flattener.Quality.Add(Mining.DataQualityKinds.MalformedEvent,
                $"{file} at byte {json.Position}: the compressed data is truncated; the {flattener.EventsRead:N0} events before it were kept");
        }

        if (!sawSection)
        {
            throw new IngestionException(file, "a JSON file without 'objects'/'events' (OCEL 2.0) or 'ocel:objects'/'ocel:events' (OCEL 1.0): not an object-centric event log");
        }
    }

    private static void ReadTypes(JsonTokenStream json, OcelFlattener flattener, bool objectTypes)
    {
        var section = objectTypes ? "objectTypes" : "eventTypes";
        json.Expect(JsonTokenType.StartArray, $"for '{section}'");
        while (json.Read() && json.TokenType != JsonTokenType.EndArray)
        {
            if (json.TokenType != JsonTokenType.StartObject)
            {
                throw json.Unexpected($"in '{section}'", "an object");
            }

            var type = -1;
            List<string>? attributes = null;
            while (json.Read() && json.TokenType == JsonTokenType.PropertyName)
            {
                if (json.NameIs("name"u8))
                {
                    var name = json.ReadScalar();
                    type = objectTypes ? flattener.InternType(name) : flattener.InternActivity(name);
                }
                else if (json.NameIs("attributes"u8) && objectTypes)
                {
                    attributes = ReadAttributeNames(json);
                }
                else
                {
                    json.Read();
                    json.Skip();
                }
            }

            if (type >= 0 && attributes is not null)
            {
                foreach (var attribute in attributes)
                {
                    flattener.DeclareObjectAttribute(type, attribute);
                }
            }
        }
    }

    private static List<string> ReadAttributeNames(JsonTokenStream json)
    {
        var names = new List<string>();
        json.Read();
        if (json.TokenType != JsonTokenType.StartArray)
        {
            json.Skip();
            return names;
        }

        while (json.Read() && json.TokenType != JsonTokenType.EndArray)
        {
            if (json.TokenType != JsonTokenType.StartObject)
            {
                json.Skip();
                continue;
            }

            while (json.Read() && json.TokenType == JsonTokenType.PropertyName)
            {
                if (json.NameIs("name"u8))
                {
                    names.Add(json.ReadScalar().ToString());
                }
                else
                {
                    json.Read();
                    json.Skip();
                }
            }
        }

        return names;
    }

    private static void ReadObjects(JsonTokenStream json, OcelFlattener flattener, CancellationToken cancellationToken)
    {
        json.Expect(JsonTokenType.StartArray, "for 'objects'");
        string? id = null;
        string? type = null;
        long count = 0;
        while (json.Read() && json.TokenType != JsonTokenType.EndArray)
        {
            if (json.TokenType != JsonTokenType.StartObject)
            {
                throw json.Unexpected("in 'objects'", "an object");
            }

            var position = json.Position;
            id = type = null;
            List<string>? attributes = null;
            while (json.Read() && json.TokenType == JsonTokenType.PropertyName)
            {
                if (json.NameIs("id"u8))
                {
                    id = json.ReadScalar().ToString();
                }
                else if (json.NameIs("type"u8))
                {
                    type = json.ReadScalar().ToString();
                }
                else if (json.NameIs("attributes"u8))
                {
                    attributes = ReadAttributeNames(json);
                }
                else
                {
                    json.Read();
                    json.Skip();
                }
            }

            var index = flattener.AddObject(id, type, position);
            if (index >= 0 && attributes is not null)
            {
                var typeId = flattener.InternType(type);
                foreach (var attribute in attributes)
                {
                    flattener.DeclareObjectAttribute(typeId, attribute);
                }
            }

            if ((++count & 0xFFFF) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }
        }
    }

    private static void ReadEvents(JsonTokenStream json, OcelFlattener flattener, CancellationToken cancellationToken)
    {
        json.Expect(JsonTokenType.StartArray, "for 'events'");
        long count = 0;
        while (json.Read() && json.TokenType != JsonTokenType.EndArray)
        {
            if (json.TokenType != JsonTokenType.StartObject)
            {
                throw json.Unexpected("in 'events'", "an object");
            }

            var position = json.Position;
            flattener.BeginEvent();
            while (json.Read() && json.TokenType == JsonTokenType.PropertyName)
            {
                if (json.NameIs("id"u8))
                {
                    flattener.SetEventId(json.ReadScalar());
                }
                else if (json.NameIs("type"u8))
                {
                    flattener.SetActivity(json.ReadScalar());
                }
                else if (json.NameIs("time"u8))
                {
                    flattener.SetTime(json.ReadScalar());
                }
                else if (json.NameIs("relationships"u8))
                {
                    ReadRelationships(json, flattener, position);
                }
                else if (json.NameIs("attributes"u8))
                {
                    ReadEventAttributes(json, flattener);
                }
                else
                {
                    json.Read();
                    json.Skip();
                }
            }

            flattener.EndEvent(position);
            if ((++count & 0x3FFF) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }
        }
    }

    private static void ReadRelationships(JsonTokenStream json, OcelFlattener flattener, long position)
    {
        json.Read();
        if (json.TokenType != JsonTokenType.StartArray)
        {
            json.Skip();
            return;
        }

        Span<char> objectId = stackalloc char[256];
        while (json.Read() && json.TokenType != JsonTokenType.EndArray)
        {
            if (json.TokenType != JsonTokenType.StartObject)
            {
                json.Skip();
                continue;
            }

            var idLength = -1;
            string? longId = null;
            var qualifier = -1;
            while (json.Read() && json.TokenType == JsonTokenType.PropertyName)
            {
                if (json.NameIs("objectId"u8))
                {
                    var value = json.ReadScalar();
                    if (value.Length <= objectId.Length)
                    {
                        value.CopyTo(objectId);
                        idLength = value.Length;
                    }
                    else
                    {
                        longId = value.ToString();
                    }
                }
                else if (json.NameIs("qualifier"u8))
                {
                    qualifier = flattener.InternQualifier(json.ReadScalar());
                }
                else
                {
                    json.Read();
                    json.Skip();
                }
            }

            if (longId is not null)
            {
                flattener.AddRelation(longId, qualifier, position);
            }
            else if (idLength >= 0)
            {
                flattener.AddRelation(objectId[..idLength], qualifier, position);
            }
        }
    }

    private static void ReadEventAttributes(JsonTokenStream json, OcelFlattener flattener)
    {
        json.Read();
        if (json.TokenType != JsonTokenType.StartArray)
        {
            json.Skip();
            return;
        }

        Span<char> name = stackalloc char[128];
        Span<char> value = stackalloc char[256];
        while (json.Read() && json.TokenType != JsonTokenType.EndArray)
        {
            if (json.TokenType != JsonTokenType.StartObject)
            {
                json.Skip();
                continue;
            }

            var nameLength = 0;
            var valueLength = 0;
            while (json.Read() && json.TokenType == JsonTokenType.PropertyName)
            {
                if (json.NameIs("name"u8))
                {
                    var text = json.ReadScalar();
                    nameLength = Math.Min(text.Length, name.Length);
                    text[..nameLength].CopyTo(name);
                }
                else if (json.NameIs("value"u8))
                {
                    var text = json.ReadScalar();
                    valueLength = Math.Min(text.Length, value.Length);
                    text[..valueLength].CopyTo(value);
                }
                else
                {
                    json.Read();
                    json.Skip();
                }
            }

            if (nameLength > 0)
            {
                flattener.AddEventAttribute(name[..nameLength], value[..valueLength]);
            }
        }
    }

    private static void ReadGlobalLog(JsonTokenStream json, OcelFlattener flattener)
    {
        json.Expect(JsonTokenType.StartObject, "for 'ocel:global-log'");
        while (json.Read() && json.TokenType == JsonTokenType.PropertyName)
        {
            if (json.NameIs("ocel:object-types"u8))
            {
                json.Read();
                if (json.TokenType != JsonTokenType.StartArray)
                {
                    json.Skip();
                    continue;
                }

                while (json.Read() && json.TokenType != JsonTokenType.EndArray)
                {
                    if (json.TokenType == JsonTokenType.String)
                    {
                        flattener.InternType(json.Chars());
                    }
                    else
                    {
                        json.Skip();
                    }
                }
            }
            else
            {
                json.Read();
                json.Skip();
            }
        }
    }

    private static void ReadLegacyObjects(JsonTokenStream json, OcelFlattener flattener, CancellationToken cancellationToken)
    {
        json.Expect(JsonTokenType.StartObject, "for 'ocel:objects'");
        long count = 0;
        while (json.Read() && json.TokenType == JsonTokenType.PropertyName)
        {
            var position = json.Position;
            var id = json.Chars().ToString();
            json.Expect(JsonTokenType.StartObject, $"for object '{id}'");
            string? type = null;
            List<string>? attributes = null;
            while (json.Read() && json.TokenType == JsonTokenType.PropertyName)
            {
                if (json.NameIs("ocel:type"u8))
                {
                    type = json.ReadScalar().ToString();
                }
                else if (json.NameIs("ocel:ovmap"u8))
                {
                    attributes = ReadMapKeys(json);
                }
                else
                {
                    json.Read();
                    json.Skip();
                }
            }

            if (flattener.AddObject(id, type, position) >= 0 && attributes is not null)
            {
                var typeId = flattener.InternType(type);
                foreach (var attribute in attributes)
                {
                    flattener.DeclareObjectAttribute(typeId, attribute);
                }
            }

            if ((++count & 0xFFFF) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }
        }
    }

    private static List<string>? ReadMapKeys(JsonTokenStream json)
    {
        json.Read();
        if (json.TokenType != JsonTokenType.StartObject)
        {
            json.Skip();
            return null;
        }

        var keys = new List<string>();
        while (json.Read() && json.TokenType == JsonTokenType.PropertyName)
        {
            keys.Add(json.Chars().ToString());
            json.Read();
            json.Skip();
        }

        return keys;
    }

    private static void ReadLegacyEvents(JsonTokenStream json, OcelFlattener flattener, CancellationToken cancellationToken)
    {
        json.Expect(JsonTokenType.StartObject, "for 'ocel:events'");
        long count = 0;
        while (json.Read() && json.TokenType == JsonTokenType.PropertyName)
        {
            var position = json.Position;
            flattener.BeginEvent();
            flattener.SetEventId(json.Chars());
            json.Expect(JsonTokenType.StartObject, "for an event of 'ocel:events'");
            while (json.Read() && json.TokenType == JsonTokenType.PropertyName)
            {
                if (json.NameIs("ocel:activity"u8))
                {
                    flattener.SetActivity(json.ReadScalar());
                }
                else if (json.NameIs("ocel:timestamp"u8))
                {
                    flattener.SetTime(json.ReadScalar());
                }
                else if (json.NameIs("ocel:omap"u8))
                {
                    json.Read();
                    if (json.TokenType != JsonTokenType.StartArray)
                    {
                        json.Skip();
                        continue;
                    }

                    while (json.Read() && json.TokenType != JsonTokenType.EndArray)
                    {
                        if (json.TokenType == JsonTokenType.String)
                        {
                            flattener.AddRelation(json.Chars(), -1, position);
                        }
                        else
                        {
                            json.Skip();
                        }
                    }
                }
                else if (json.NameIs("ocel:vmap"u8))
                {
                    json.Read();
                    if (json.TokenType != JsonTokenType.StartObject)
                    {
                        json.Skip();
                        continue;
                    }

                    while (json.Read() && json.TokenType == JsonTokenType.PropertyName)
                    {
                        var name = json.Chars().ToString();
                        flattener.AddEventAttribute(name, json.ReadScalar());
                    }
                }
                else
                {
                    json.Read();
                    json.Skip();
                }
            }

            flattener.EndEvent(position);
            if ((++count & 0x3FFF) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }
        }
    }
}
