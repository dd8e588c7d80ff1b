using System.Text;

namespace AutomationScanner.Core.Ingestion.Ocel;

/// <summary>
/// The fast path for OCEL 2.0 JSON events (round 13): scans one event of the usual shape straight from the UTF-8 bytes,
/// without the general tokeniser. The shape, in any order and with any JSON white space: <c>{"id": s, "type": s,
/// "time": s, "attributes": [{"name": s, "value": s or number}, ...], "relationships": [{"objectId": s, "qualifier":
/// s}, ...]}</c>, each key any number of times, where s is a string of printable ASCII without escapes, no longer than
/// the value limit. Anything else (escapes, other bytes, other keys or kinds of value, comments, an event the buffer
/// cuts) is declined before a single call is made, and the general parser reads the event from its start: the calls the
/// sink receives, their order, the errors and their messages are those of the general parser (it makes the same calls
/// for an event of this shape, and the shape is valid JSON within every limit, the depth included). Relationship ids are
/// hashed here, as the general parser does.
/// </summary>
internal sealed class OcelEventScanner(JsonTokenStream json, IOcelEventSink sink, int maxValueBytes) : OcelByteScanner(json, maxValueBytes)
{
    private const byte Event = 0;
    private const byte Id = 1;
    private const byte Type = 2;
    private const byte Time = 3;
    private const byte Attribute = 4;
    private const byte Relation = 5;

    private readonly char[] _name = new char[128];
    private readonly char[] _value = new char[256];
    private PartList<Part> _parts = new(32);

    protected override byte ItemKind => Event;

    protected override void BeginItem() => _parts.Clear();

    protected override void HandOn(ReadOnlySpan<byte> bytes)
    {
        sink.BeginEvent();
        for (var i = 0; i < _parts.Count; i++)
        {
            ref readonly var part = ref _parts[i];
            switch (part.Kind)
            {
                case Id:
                    sink.SetEventId(bytes.Slice(part.A, part.ALength));
                    break;
                case Type:
                    sink.SetActivity(bytes.Slice(part.A, part.ALength));
                    break;
                case Time:
                    sink.SetTime(bytes.Slice(part.A, part.ALength));
                    break;
                case Attribute:
                    if (part.ALength > 0)
                    {
                        var name = Widen(bytes.Slice(part.A, Math.Min(part.ALength, _name.Length)), _name);
                        var value = part.BLength > 0 ? Widen(bytes.Slice(part.B, Math.Min(part.BLength, _value.Length)), _value) : [];
                        sink.AddEventAttribute(name, value);
                    }

                    break;
                default:
                    var objectId = part.ALength >= 0 ? bytes.Slice(part.A, part.ALength) : [];
                    sink.AddRelation(objectId, part.ALength >= 0 ? OcelObjectTable.HashOf(objectId) : 0, part.ALength >= 0,
                        part.BLength >= 0 ? bytes.Slice(part.B, part.BLength) : [], part.BLength >= 0, Json.Position);
                    break;
            }
        }
    }

    private static ReadOnlySpan<char> Widen(ReadOnlySpan<byte> ascii, char[] target)
    {
        Ascii.ToUtf16(ascii, target, out var written);
        return target.AsSpan(0, written);
    }

    /// <summary>
    /// The members of an object whose '{' is just before <paramref name="p"/>, up to and past its '}': an event's, an
    /// attribute's or a relationship's (<paramref name="kind"/>). Records what the general parser would hand on.
    /// </summary>
    protected override bool Members(ReadOnlySpan<byte> bytes, ref int p, byte kind, ref int lines, ref int lastLine)
    {
        int a = 0, aLength = -1, b = 0, bLength = -1;
        if (!Space(bytes, ref p, ref lines, ref lastLine))
        {
            return false;
        }

        if (bytes[p] != (byte)'}')
        {
            while (true)
            {
                if (bytes[p] != (byte)'"' || !PlainString(bytes, ref p, out var keyStart, out var keyLength) ||
                    !Space(bytes, ref p, ref lines, ref lastLine) || bytes[p] != (byte)':')
                {
                    return false;
                }

                p++;
                if (!Space(bytes, ref p, ref lines, ref lastLine))
                {
                    return false;
                }

                var key = bytes.Slice(keyStart, keyLength);
                if (kind == Event)
                {
                    var field = key.SequenceEqual("id"u8) ? Id : key.SequenceEqual("type"u8) ? Type : key.SequenceEqual("time"u8) ? Time
                        : key.SequenceEqual("attributes"u8) ? Attribute : key.SequenceEqual("relationships"u8) ? Relation : Event;
                    if (field == Event)
                    {
                        return false;
                    }

                    if (field is Attribute or Relation)
                    {
                        if (!Items(bytes, ref p, field, ref lines, ref lastLine))
                        {
                            return false;
                        }
                    }
                    else
                    {
                        if (bytes[p] != (byte)'"' || !PlainString(bytes, ref p, out var valueStart, out var valueLength))
                        {
                            return false;
                        }

                        _parts.Add(new Part(field, valueStart, valueLength, 0, 0));
                    }
                }
                else
                {
                    // Attribute {name, value}, relationship {objectId, qualifier}: the last of a repeated key counts.
                    var first = kind == Attribute ? key.SequenceEqual("name"u8) : key.SequenceEqual("objectId"u8);
                    if (!first && !(kind == Attribute ? key.SequenceEqual("value"u8) : key.SequenceEqual("qualifier"u8)))
                    {
                        return false;
                    }

                    int valueStart, valueLength;
                    if (bytes[p] == (byte)'"')
                    {
                        if (!PlainString(bytes, ref p, out valueStart, out valueLength))
                        {
                            return false;
                        }
                    }
                    else if (kind != Attribute || first || !Number(bytes, ref p, out valueStart, out valueLength))
                    {
                        return false;
                    }

                    if (first)
                    {
                        (a, aLength) = (valueStart, valueLength);
                    }
                    else
                    {
                        (b, bLength) = (valueStart, valueLength);
                    }
                }

                if (!Space(bytes, ref p, ref lines, ref lastLine) || !Separator(bytes, ref p, (byte)'}', out var closed, ref lines, ref lastLine))
                {
                    return false;
                }

                if (closed)
                {
                    break;
                }
            }
        }
        else
        {
            p++;
        }

        if (kind == Attribute)
        {
            // As the general parser: an attribute without a name is dropped, one without a value has an empty one.
            _parts.Add(new Part(Attribute, a, aLength < 0 ? 0 : aLength, b, bLength < 0 ? 0 : bLength));
        }
        else if (kind == Relation && (aLength >= 0 || bLength >= 0))
        {
            _parts.Add(new Part(Relation, a, aLength, b, bLength));
        }

        return true;
    }

    /// <summary>
    /// What one key of the event hands on, in order: a value (A), an attribute (name A, value B) or a relationship (object
    /// id A, qualifier B; a length of -1: absent). Offsets are into the unread bytes.
    /// </summary>
    private readonly record struct Part(byte Kind, int A, int ALength, int B, int BLength);
}
