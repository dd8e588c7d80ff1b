using System.Text;

namespace AutomationScanner.Core.Ingestion.Ocel;

/// <summary>
/// The fast path for OCEL 2.0 JSON objects (round 14): scans one object of the usual shape straight from the UTF-8 bytes,
/// without the general tokeniser, as <see cref="OcelEventScanner"/> does for events. The shape, in any order and with any
/// JSON white space: <c>{"id": s, "type": s, "attributes": [{"name": s, "time": s, "value": s or number}, ...],
/// "relationships": [{"objectId": s, "qualifier": s}, ...]}</c>, each key any number of times, where s is a string of
/// printable ASCII without escapes, no longer than the value limit. Anything else (escapes, other bytes, other keys or
/// kinds of value, comments, an object the buffer cuts) is declined before a single call is made, and the general parser
/// reads the object from its start. For an object of the shape the parser receives the calls its own parsing makes (the
/// id, each type interned in order, each attribute name in order; relationships are read past, as it skips them), and
/// the shape is valid JSON within every limit, the depth included, so the errors and messages are the general parser's.
/// </summary>
internal sealed class OcelObjectScanner(JsonTokenStream json, OcelJsonReader.ObjectParser parser, int maxValueBytes) : OcelByteScanner(json, maxValueBytes)
{
    private const byte Object = 0;
    private const byte Id = 1;
    private const byte Type = 2;
    private const byte Attribute = 3;
    private const byte Relation = 4;

    private char[] _name = new char[128];
    private PartList<Part> _parts = new(16);

    protected override byte ItemKind => Object;

    protected override void BeginItem() => _parts.Clear();

    protected override void HandOn(ReadOnlySpan<byte> bytes)
    {
        parser.Begin();
        for (var i = 0; i < _parts.Count; i++)
        {
            var (kind, from, length) = _parts[i];
            var value = bytes.Slice(from, length);
            switch (kind)
            {
                case Id:
                    parser.SetId(value);
                    break;
                case Type:
                    parser.SetType(value);
                    break;
                default:
                    parser.AddAttributeName(Widen(value));
                    break;
            }
        }
    }

    private ReadOnlySpan<char> Widen(ReadOnlySpan<byte> ascii)
    {
        if (_name.Length < ascii.Length)
        {
            _name = new char[Math.Max(ascii.Length, _name.Length * 2)];
        }

        Ascii.ToUtf16(ascii, _name, out var written);
        return _name.AsSpan(0, written);
    }

    /// <summary>
    /// The members of an object whose '{' is just before <paramref name="p"/>, up to and past its '}': the object's, an
    /// attribute's or a relationship's (<paramref name="kind"/>). Records what the general parser would hand on.
    /// </summary>
    protected override bool Members(ReadOnlySpan<byte> bytes, ref int p, byte kind, ref int lines, ref int lastLine)
    {
        if (!Space(bytes, ref p, ref lines, ref lastLine))
        {
            return false;
        }

        if (bytes[p] == (byte)'}')
        {
            p++;
            return true;
        }

        while (true)
        {
            if (bytes[p] != (byte)'"' || !PlainString(bytes, ref p, out var keyStart, out var keyLength) ||
                !Space(bytes, ref p, ref lines, ref lastLine) || bytes[p] != (byte)':')
            {
                return false;
            }

            p++;
            if (!Space(bytes, ref p, ref lines, ref lastLine) || !Value(bytes, ref p, kind, bytes.Slice(keyStart, keyLength), ref lines, ref lastLine) ||
                !Space(bytes, ref p, ref lines, ref lastLine) || !Separator(bytes, ref p, (byte)'}', out var closed, ref lines, ref lastLine))
            {
                return false;
            }

            if (closed)
            {
                return true;
            }
        }
    }

    /// <summary>The value of <paramref name="key"/> in an object of <paramref name="kind"/>; false for a key or value outside the shape.</summary>
    private bool Value(ReadOnlySpan<byte> bytes, ref int p, byte kind, ReadOnlySpan<byte> key, ref int lines, ref int lastLine)
    {
        int start, length;
        if (kind == Object)
        {
            var field = key.SequenceEqual("id"u8) ? Id : key.SequenceEqual("type"u8) ? Type
                : key.SequenceEqual("attributes"u8) ? Attribute : key.SequenceEqual("relationships"u8) ? Relation : Object;
            if (field is Attribute or Relation)
            {
                return Items(bytes, ref p, field, ref lines, ref lastLine);
            }

            if (field == Object || bytes[p] != (byte)'"' || !PlainString(bytes, ref p, out start, out length))
            {
                return false;
            }

            _parts.Add(new Part(field, start, length));
            return true;
        }

        if (kind == Attribute)
        {
            // {name, time, value}: the general parser keeps each name; the value may be a number.
            var isName = key.SequenceEqual("name"u8);
            if (bytes[p] == (byte)'"')
            {
                if (!(isName || key.SequenceEqual("time"u8) || key.SequenceEqual("value"u8)) || !PlainString(bytes, ref p, out start, out length))
                {
                    return false;
                }

                if (isName)
                {
                    _parts.Add(new Part(Attribute, start, length));
                }

                return true;
            }

            return key.SequenceEqual("value"u8) && Number(bytes, ref p, out _, out _);
        }

        // Relationship {objectId, qualifier}: read past, as the general parser skips it.
        return (key.SequenceEqual("objectId"u8) || key.SequenceEqual("qualifier"u8)) && bytes[p] == (byte)'"' && PlainString(bytes, ref p, out _, out _);
    }

    /// <summary>What one key of the object hands on, in order: its id, a type or an attribute's name, at an offset into the unread bytes.</summary>
    private readonly record struct Part(byte Kind, int From, int Length);
}
