using System.Text.Json;
using AutomationScanner.Core.Ingestion.Common;

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
            while (json.NextProperty())
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
                    json.SkipValue();
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
            while (json.NextProperty())
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
                    json.SkipValue();
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
        if (!json.EnterArray())
        {
            return names;
        }

        while (json.NextItem())
        {
            if (json.TokenType != JsonTokenType.StartObject)
            {
                json.Skip();
                continue;
            }

            while (json.NextProperty())
            {
                if (json.NameIs("name"u8))
                {
                    names.Add(json.ReadScalar().ToString());
                }
                else
                {
                    json.SkipValue();
                }
            }
        }

        return names;
    }

    private static void ReadObjects(JsonTokenStream json, OcelFlattener flattener, CancellationToken cancellationToken)
    {
        json.Expect(JsonTokenType.StartArray, "for 'objects'");

        // With a second core the JSON is tokenised here while another thread fills the object table (the same calls, in the
        // same order), each batch's slots warmed in the cache together first.
        var target = new OcelEventTarget(flattener);
        using var pipeline = flattener.Parallelism > 1 ? new OcelEventPipeline(target, flattener.Limits.EventBatchSize, target.WarmInsertions) : null;
        IOcelEventSink sink = pipeline is null ? target : pipeline;
        var parser = new ObjectParser(json, flattener, sink);
        JsonTokenStream.ObjectParser parse = parser.Parse;

        // Objects of the usual shape are scanned straight from the bytes (OcelObjectScanner), as events are; anything else,
        // and an object the buffer cuts, goes to the general parser, which gives the same calls, errors and messages.
        var scanner = flattener.Limits.FastObjects && flattener.Limits.MaxDepth >= OcelByteScanner.LeastDepth
            ? new OcelObjectScanner(json, parser, flattener.Limits.MaxValueBytes)
            : null;
        json.BeginScannedArray();
        long count = 0;
        try
        {
            while ((scanner is not null && scanner.TryScan()) || json.ReadObject(parse))
            {
                parser.Complete(json.Position);
                if ((++count & 0xFFFF) == 0)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                }
            }

            if (json.TokenType != JsonTokenType.EndArray)
            {
                throw json.Unexpected("in 'objects'", "an object");
            }

            pipeline?.Complete();
        }
        catch when (pipeline is not null)
        {
            // As one thread would: the objects before the failure go into the table first, and a failure of theirs wins.
            pipeline.Complete();
            throw;
        }
    }

    private static void ReadEvents(JsonTokenStream json, OcelFlattener flattener, CancellationToken cancellationToken)
    {
        json.Expect(JsonTokenType.StartArray, "for 'events'");
        var target = new OcelEventTarget(flattener);

        // With a second core the JSON is tokenised here while another thread flattens (the same calls, in the same order),
        // each batch's object lookups warmed in the cache together first.
        using var pipeline = flattener.Parallelism > 1 ? new OcelEventPipeline(target, flattener.Limits.EventBatchSize, target.Warm) : null;
        IOcelEventSink sink = pipeline is null ? target : pipeline;
        var parser = new EventParser(json, sink);
        JsonTokenStream.ObjectParser parse = parser.Parse;

        // Events of the usual shape are scanned straight from the bytes (OcelEventScanner); anything else, and an event
        // the buffer cuts, goes to the general parser, which gives the same calls, errors and messages.
        var scanner = flattener.Limits.FastEvents && flattener.Limits.MaxDepth >= OcelByteScanner.LeastDepth
            ? new OcelEventScanner(json, sink, flattener.Limits.MaxValueBytes)
            : null;
        json.BeginScannedArray();
        long count = 0;
        try
        {
            while ((scanner is not null && scanner.TryScan()) || json.ReadObject(parse))
            {
                sink.EndEvent(json.Position);
                if ((++count & 0x3FFF) == 0)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                }
            }

            if (json.TokenType != JsonTokenType.EndArray)
            {
                throw json.Unexpected("in 'events'", "an object");
            }

            pipeline?.Complete();
        }
        catch when (pipeline is not null)
        {
            // As one thread would: the events before the failure are flattened first, and a failure of theirs (earlier in the file) wins.
            pipeline.Complete();
            throw;
        }
    }

    private static void ReadGlobalLog(JsonTokenStream json, OcelFlattener flattener)
    {
        json.Expect(JsonTokenType.StartObject, "for 'ocel:global-log'");
        while (json.NextProperty())
        {
            if (!json.NameIs("ocel:object-types"u8))
            {
                json.SkipValue();
                continue;
            }

            if (json.EnterArray())
            {
                while (json.NextString())
                {
                    flattener.InternType(json.Chars());
                }
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
            while (json.NextProperty())
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
                    json.SkipValue();
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
        if (!json.EnterObject())
        {
            return null;
        }

        var keys = new List<string>();
        while (json.NextProperty())
        {
            keys.Add(json.Chars().ToString());
            json.SkipValue();
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
            while (json.NextProperty())
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
                    if (json.EnterArray())
                    {
                        while (json.NextString())
                        {
                            flattener.AddRelation(json.Chars(), -1, position);
                        }
                    }
                }
                else if (json.NameIs("ocel:vmap"u8))
                {
                    if (json.EnterObject())
                    {
                        while (json.NextProperty())
                        {
                            var name = json.Chars().ToString();
                            flattener.AddEventAttribute(name, json.ReadScalar());
                        }
                    }
                }
                else
                {
                    json.SkipValue();
                }
            }

            flattener.EndEvent(position);
            if ((++count & 0x3FFF) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }
        }
    }

    /// <summary>
    /// One OCEL 2.0 event, parsed with a single reader: {id, type, time, attributes: [{name, value}], relationships:
    /// [{objectId, qualifier}]} in any order. Returns false when the buffer ends inside the event (it is parsed again).
    /// </summary>
    private sealed class EventParser(JsonTokenStream json, IOcelEventSink sink)
    {
        private readonly char[] _name = new char[128];
        private readonly char[] _value = new char[256];
        private byte[] _objectId = new byte[512];
        private byte[] _qualifier = new byte[256];
        private byte[] _activity = new byte[256];
        private byte[] _time = new byte[64];
        private byte[] _eventId = new byte[64];

        public bool Parse(ref Utf8JsonReader reader)
        {
            sink.BeginEvent();
            var depth = reader.CurrentDepth;
            while (true)
            {
                if (!reader.Read())
                {
                    return false;
                }

                if (reader.TokenType == JsonTokenType.EndObject && reader.CurrentDepth == depth)
                {
                    return true;
                }

                if (reader.ValueTextEquals("type"u8))
                {
                    if (!reader.Read())
                    {
                        return false;
                    }

                    if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
                    {
                        if (!reader.TrySkip())
                        {
                            return false;
                        }

                        sink.SetNoActivity();
                    }
                    else
                    {
                        sink.SetActivity(_activity.AsSpan(0, json.Utf8(ref reader, ref _activity)));
                    }
                }
                else if (reader.ValueTextEquals("time"u8))
                {
                    if (!Value(ref reader, ref _time, out var length))
                    {
                        return false;
                    }

                    sink.SetTime(_time.AsSpan(0, length));
                }
                else if (reader.ValueTextEquals("id"u8))
                {
                    if (!Value(ref reader, ref _eventId, out var length))
                    {
                        return false;
                    }

                    sink.SetEventId(_eventId.AsSpan(0, length));
                }
                else if (reader.ValueTextEquals("relationships"u8))
                {
                    if (!Relationships(ref reader))
                    {
                        return false;
                    }
                }
                else if (reader.ValueTextEquals("attributes"u8))
                {
                    if (!Attributes(ref reader))
                    {
                        return false;
                    }
                }
                else if (!reader.Read() || !reader.TrySkip())
                {
                    return false;
                }
            }
        }

        /// <summary>The next value as unescaped UTF-8 in <paramref name="target"/> (an object or array is skipped and gives nothing).</summary>
        private bool Value(ref Utf8JsonReader reader, ref byte[] target, out int length)
        {
            length = 0;
            if (!reader.Read())
            {
                return false;
            }

            if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
            {
                return reader.TrySkip();
            }

            length = json.Utf8(ref reader, ref target);
            return true;
        }

        private bool Relationships(ref Utf8JsonReader reader)
        {
            if (!EnterArray(ref reader, out var complete))
            {
                return complete;
            }

            while (true)
            {
                var step = NextObject(ref reader);
                if (step != Step.Object)
                {
                    return step == Step.End;
                }

                var idLength = -1;
                var qualifierLength = -1;
                while (true)
                {
                    if (!reader.Read())
                    {
                        return false;
                    }

                    if (reader.TokenType == JsonTokenType.EndObject)
                    {
                        break;
                    }

                    var isId = reader.ValueTextEquals("objectId"u8);
                    var isQualifier = !isId && reader.ValueTextEquals("qualifier"u8);
                    if (!reader.Read())
                    {
                        return false;
                    }

                    if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
                    {
                        if (!reader.TrySkip())
                        {
                            return false;
                        }
                    }
                    else if (isId)
                    {
                        idLength = json.Utf8(ref reader, ref _objectId);
                    }
                    else if (isQualifier)
                    {
                        qualifierLength = json.Utf8(ref reader, ref _qualifier);
                    }
                    else if (!reader.TrySkip())
                    {
                        return false;
                    }
                }

                if (idLength >= 0 || qualifierLength >= 0)
                {
                    var objectId = _objectId.AsSpan(0, Math.Max(0, idLength));
                    sink.AddRelation(objectId, idLength >= 0 ? OcelObjectTable.HashOf(objectId) : 0, idLength >= 0, _qualifier.AsSpan(0, Math.Max(0, qualifierLength)), qualifierLength >= 0, json.Position);
                }
            }
        }

        private bool Attributes(ref Utf8JsonReader reader)
        {
            if (!EnterArray(ref reader, out var complete))
            {
                return complete;
            }

            while (true)
            {
                var step = NextObject(ref reader);
                if (step != Step.Object)
                {
                    return step == Step.End;
                }

                var nameLength = 0;
                var valueLength = 0;
                while (true)
                {
                    if (!reader.Read())
                    {
                        return false;
                    }

                    if (reader.TokenType == JsonTokenType.EndObject)
                    {
                        break;
                    }

                    var isName = reader.ValueTextEquals("name"u8);
                    var isValue = !isName && reader.ValueTextEquals("value"u8);
                    if (!reader.Read())
                    {
                        return false;
                    }

                    if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
                    {
                        if (!reader.TrySkip())
                        {
                            return false;
                        }
                    }
                    else if (isName || isValue)
                    {
                        var text = json.Chars(ref reader);
                        var target = isName ? _name : _value;
                        var length = Math.Min(text.Length, target.Length);
                        text[..length].CopyTo(target);
                        if (isName)
                        {
                            nameLength = length;
                        }
                        else
                        {
                            valueLength = length;
                        }
                    }
                    else if (!reader.TrySkip())
                    {
                        return false;
                    }
                }

                if (nameLength > 0)
                {
                    sink.AddEventAttribute(_name.AsSpan(0, nameLength), _value.AsSpan(0, valueLength));
                }
            }
        }
    }

    /// <summary>Where <see cref="NextObject"/> stopped: on an object of the array, at the array's end, or at the end of the buffer.</summary>
    private enum Step
    {
        Object,
        End,
        MoreData,
    }

    /// <summary>
    /// Reads the value of the property just read: true when it is an array (its items follow); otherwise skips it and
    /// <paramref name="complete"/> says whether the buffer held all of it.
    /// </summary>
    private static bool EnterArray(ref Utf8JsonReader reader, out bool complete)
    {
        complete = false;
        if (!reader.Read())
        {
            return false;
        }

        if (reader.TokenType == JsonTokenType.StartArray)
        {
            return true;
        }

        complete = reader.TrySkip();
        return false;
    }

    /// <summary>Moves to the next object of the array being read, skipping items of other kinds.</summary>
    private static Step NextObject(ref Utf8JsonReader reader)
    {
        while (true)
        {
            if (!reader.Read())
            {
                return Step.MoreData;
            }

            if (reader.TokenType == JsonTokenType.EndArray)
            {
                return Step.End;
            }

            if (reader.TokenType == JsonTokenType.StartObject)
            {
                return Step.Object;
            }

            if (!reader.TrySkip())
            {
                return Step.MoreData;
            }
        }
    }

    /// <summary>
    /// One OCEL 2.0 object: {id, type, attributes: [{name, time, value}], relationships} in any order. Its type is interned
    /// here, on the reader's thread (the flattener's type table takes a lock for it); the object goes to <paramref name="sink"/>.
    /// </summary>
    internal sealed class ObjectParser(JsonTokenStream json, OcelFlattener flattener, IOcelEventSink sink)
    {
        private readonly OcelUtf8Cache _types = new(flattener, OcelUtf8Cache.Role.ObjectType);
        private byte[] _id = new byte[512];
        private byte[] _type = new byte[256];
        private readonly List<string> _attributes = [];
        private readonly Dictionary<string, string> _names = new(StringComparer.Ordinal);
        private int _idLength;
        private int _typeId;

        public bool Parse(ref Utf8JsonReader reader)
        {
            Begin();
            var depth = reader.CurrentDepth;
            while (true)
            {
                if (!reader.Read())
                {
                    return false;
                }

                if (reader.TokenType == JsonTokenType.EndObject && reader.CurrentDepth == depth)
                {
                    return true;
                }

                var isId = reader.ValueTextEquals("id"u8);
                var isType = !isId && reader.ValueTextEquals("type"u8);
                var isAttributes = !isId && !isType && reader.ValueTextEquals("attributes"u8);
                if (!reader.Read())
                {
                    return false;
                }

                if (isId && reader.TokenType is not (JsonTokenType.StartObject or JsonTokenType.StartArray))
                {
                    _idLength = json.Utf8(ref reader, ref _id);
                }
                else if (isType && reader.TokenType is not (JsonTokenType.StartObject or JsonTokenType.StartArray))
                {
                    SetType(_type.AsSpan(0, json.Utf8(ref reader, ref _type)));
                }
                else if (isAttributes && reader.TokenType == JsonTokenType.StartArray)
                {
                    if (!AttributeNames(ref reader))
                    {
                        return false;
                    }
                }
                else if (!reader.TrySkip())
                {
                    return false;
                }
            }
        }

        /// <summary>Starts an object: no id, no type, no attributes yet.</summary>
        public void Begin()
        {
            _idLength = 0;
            _typeId = -1;
            _attributes.Clear();
        }

        /// <summary>The object's id (unescaped UTF-8); the last one given counts.</summary>
        public void SetId(ReadOnlySpan<byte> id)
        {
            if (_id.Length < id.Length)
            {
                _id = new byte[Math.Max(id.Length, _id.Length * 2)];
            }

            id.CopyTo(_id);
            _idLength = id.Length;
        }

        /// <summary>The object's type (unescaped UTF-8), interned at once; the last one given counts.</summary>
        public void SetType(ReadOnlySpan<byte> type) => _typeId = _types.Intern(type);

        /// <summary>The name of one of the object's attributes (each name counts once).</summary>
        public void AddAttributeName(ReadOnlySpan<char> name)
        {
            var lookup = _names.GetAlternateLookup<ReadOnlySpan<char>>();
            if (!lookup.TryGetValue(name, out var interned))
            {
                interned = name.ToString();
                if (_names.Count < 1024)
                {
                    _names[interned] = interned;
                }
            }

            if (!_attributes.Contains(interned))
            {
                _attributes.Add(interned);
            }
        }

        public void Complete(long position) =>
            sink.AddObject(_id.AsSpan(0, _idLength), OcelObjectTable.HashOf(_id.AsSpan(0, _idLength)), _typeId, System.Runtime.InteropServices.CollectionsMarshal.AsSpan(_attributes), position);

        private bool AttributeNames(ref Utf8JsonReader reader)
        {
            var depth = reader.CurrentDepth;
            while (true)
            {
                if (!reader.Read())
                {
                    return false;
                }

                if (reader.TokenType == JsonTokenType.EndArray && reader.CurrentDepth == depth)
                {
                    return true;
                }

                if (reader.TokenType == JsonTokenType.PropertyName && reader.CurrentDepth == depth + 2 && reader.ValueTextEquals("name"u8))
                {
                    if (!reader.Read())
                    {
                        return false;
                    }

                    AddAttributeName(json.Chars(ref reader));
                }
                else if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray && reader.CurrentDepth > depth + 1)
                {
                    if (!reader.TrySkip())
                    {
                        return false;
                    }
                }
            }
        }
    }
}
