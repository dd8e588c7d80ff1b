using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using AutomationScanner.Core.Ingestion.Common;

namespace AutomationScanner.Core.Ingestion.Ocel;

/// <summary>
/// Pulls JSON tokens from a stream with <see cref="Utf8JsonReader"/>, refilling a buffer as it goes: memory is one
/// buffer, which grows only as far as the largest single value (capped). Depth is capped by the reader's options.
/// </summary>
internal sealed class JsonTokenStream : IDisposable
{
    private const int InitialBuffer = 1 << 16;

    /// <summary>Largest single object (one event or object record) read whole.</summary>
    private const int MaxObjectBytes = 64 << 20;

    private readonly Stream _stream;
    private readonly int _maxValueBytes;
    private readonly string _file;
    private byte[] _buffer;
    private int _start;
    private int _end;
    private bool _final;
    private long _discarded;
    private JsonReaderState _state;
    private int _tokenStart;
    private int _valueStart;
    private char[] _chars = new char[256];

    // Objects scanned by a fast path straight from the bytes (SkipScanned), which the reader's state has not seen: they
    // run from the absolute offset _hiddenFrom to _start. Before the reader reads on, SyncState brings its state past them.
    private long _hiddenFrom = -1;
    private bool _hiddenAfterItem;
    private long _hiddenLines;
    private long _hiddenLastLineEnd;
    private bool _itemBefore;
    private byte[] _synthetic = [];

    public JsonTokenStream(string file, Stream stream, int maxDepth, int maxValueBytes)
    {
        _file = file;
        _stream = stream;
        _maxValueBytes = maxValueBytes;
        _buffer = ArrayPool<byte>.Shared.Rent(InitialBuffer);
        _state = new JsonReaderState(new JsonReaderOptions { MaxDepth = maxDepth, CommentHandling = JsonCommentHandling.Skip });
    }

    /// <summary>Parses one whole JSON object from its start token; false when the buffer ran out before its end.</summary>
    public delegate bool ObjectParser(ref Utf8JsonReader reader);

    public JsonTokenType TokenType { get; private set; }

    /// <summary>Depth of the current token (0 for the root's braces, 1 for its property names).</summary>
    public int Depth { get; private set; }

    public bool ValueIsEscaped { get; private set; }

    public int ValueLength { get; private set; }

    /// <summary>Byte offset of the current token in the stream (after decompression), for error messages.</summary>
    public long Position => _discarded + _tokenStart;

    public ReadOnlySpan<byte> RawValue => _buffer.AsSpan(_valueStart, ValueLength);

    public bool Read()
    {
        SyncState();
        while (true)
        {
            var reader = new Utf8JsonReader(_buffer.AsSpan(_start, _end - _start), _final, _state);
            if (reader.Read())
            {
                TokenType = reader.TokenType;
                Depth = reader.CurrentDepth;
                _tokenStart = _start + (int)reader.TokenStartIndex;
                if (TokenType is JsonTokenType.String or JsonTokenType.PropertyName)
                {
                    _valueStart = _tokenStart + 1;
                    ValueLength = reader.ValueSpan.Length;
                    ValueIsEscaped = reader.ValueIsEscaped;
                }
                else
                {
                    _valueStart = _tokenStart;
                    ValueLength = reader.ValueSpan.Length;
                    ValueIsEscaped = false;
                }

                _start += (int)reader.BytesConsumed;
                _state = reader.CurrentState;
                return true;
            }

            if (_final)
            {
                return false;
            }

            Refill(_maxValueBytes);
        }
    }

    /// <summary>
    /// Reads the next value with <paramref name="parse"/> when it is an object, with one reader over the whole object
    /// (the hot path: events and objects); when the buffer ends inside it, refills and parses it again from its start.
    /// When the next token is not an object, reads it like <see cref="Read"/> and returns false.
    /// </summary>
    public bool ReadObject(ObjectParser parse)
    {
        SyncState();
        while (true)
        {
            var reader = new Utf8JsonReader(_buffer.AsSpan(_start, _end - _start), _final, _state);
            if (!reader.Read())
            {
                if (_final)
                {
                    return false;
                }

                Refill(MaxObjectBytes);
                continue;
            }

            _tokenStart = _start + (int)reader.TokenStartIndex;
            if (reader.TokenType != JsonTokenType.StartObject)
            {
                TokenType = reader.TokenType;
                Depth = reader.CurrentDepth;
                _valueStart = _tokenStart;
                ValueLength = 0;
                ValueIsEscaped = false;
                _start += (int)reader.BytesConsumed;
                _state = reader.CurrentState;
                return false;
            }

            if (parse(ref reader))
            {
                _itemBefore = true;
                TokenType = JsonTokenType.EndObject;
                Depth = reader.CurrentDepth;
                _start += (int)reader.BytesConsumed;
                _state = reader.CurrentState;
                return true;
            }

            if (_final)
            {
                throw new IngestionException(_file, string.Create(CultureInfo.InvariantCulture, $"at byte {Position}: the JSON ends inside an object"));
            }

            Refill(MaxObjectBytes);
        }
    }

    /// <summary>
    /// The reader is at the start of an array whose items a fast path may scan from the bytes (<see cref="Unread"/>,
    /// <see cref="SkipScanned"/>); the array must be directly inside the root object (depth 2).
    /// </summary>
    public void BeginScannedArray() => _itemBefore = false;

    /// <summary>Whether an item of the array begun by <see cref="BeginScannedArray"/> was read (a comma comes next).</summary>
    public bool ItemBefore => _itemBefore;

    /// <summary>The bytes read from the stream and not yet consumed (for a fast path; valid until the next call).</summary>
    public ReadOnlySpan<byte> Unread => _buffer.AsSpan(_start, _end - _start);

    /// <summary>
    /// A fast path scanned the next object of the array from <see cref="Unread"/>: it starts at
    /// <paramref name="objectStart"/> and ends before <paramref name="end"/> (after its '}'); the bytes before it hold
    /// <paramref name="lines"/> line feeds, the last at <paramref name="lastLine"/>. Consumes it as <see cref="ReadObject"/>
    /// would have (<see cref="Position"/> is the object's start); the reader's state catches up when it reads on.
    /// </summary>
    public void SkipScanned(int objectStart, int end, int lines, int lastLine)
    {
        if (_hiddenFrom < 0)
        {
            _hiddenFrom = _discarded + _start;
            _hiddenAfterItem = _itemBefore;
            _hiddenLines = 0;
        }

        if (lines > 0)
        {
            _hiddenLines += lines;
            _hiddenLastLineEnd = _discarded + _start + lastLine + 1;
        }

        _tokenStart = _start + objectStart;
        _valueStart = _tokenStart;
        ValueLength = 0;
        ValueIsEscaped = false;
        TokenType = JsonTokenType.EndObject;
        Depth = 2;
        _start += end;
        _itemBefore = true;
    }

    /// <summary>Sets <see cref="Position"/> to <paramref name="offset"/> in <see cref="Unread"/> (the object a fast path hands on).</summary>
    public void MarkScanned(int offset) => _tokenStart = _start + offset;

    /// <summary>
    /// Brings the reader's state past the objects a fast path consumed: the state after them differs from the one before
    /// only in the line number and the byte position in the line (used in its error messages), so the reader reads a
    /// stand-in of the same lines and line length (an object holding one long string) instead of the bytes themselves.
    /// </summary>
    private void SyncState()
    {
        if (_hiddenFrom < 0)
        {
            return;
        }

        var end = _discarded + _start;
        var prefix = _hiddenAfterItem ? 1 : 0;

        // Bytes between the '{' (and the line feeds) and the closing '}'.
        var pad = _hiddenLines == 0 ? end - _hiddenFrom - prefix - 2 : end - _hiddenLastLineEnd - 1;
        var size = prefix + 2 + _hiddenLines + pad;
        if (pad < 0 || size > int.MaxValue - 64)
        {
            throw new InvalidOperationException("the scanned objects cannot be replayed to the JSON reader");
        }

        if (_synthetic.Length < size)
        {
            _synthetic = new byte[Math.Max(size, Math.Max(InitialBuffer, _synthetic.Length * 2))];
            _synthetic.AsSpan().Fill((byte)'x');
        }

        // The stand-in, in a buffer of 'x' kept between calls: [","] "{" line feeds, then "":"xx…x" (or a few spaces), "}".
        var text = _synthetic.AsSpan(0, (int)size);
        var at = 0;
        if (prefix == 1)
        {
            text[at++] = (byte)',';
        }

        text[at++] = (byte)'{';
        text.Slice(at, (int)_hiddenLines).Fill((byte)'\n');
        at += (int)_hiddenLines;
        if (pad >= 5)
        {
            text[at++] = (byte)'"';
            text[at++] = (byte)'"';
            text[at++] = (byte)':';
            text[at++] = (byte)'"';
            text[at + (int)pad - 5] = (byte)'"';
        }
        else
        {
            text.Slice(at, (int)pad).Fill((byte)' ');
        }

        var header = at;
        text[^1] = (byte)'}';
        var reader = new Utf8JsonReader(text, isFinalBlock: false, _state);
        while (reader.Read())
        {
        }

        if (reader.BytesConsumed != size || reader.TokenType != JsonTokenType.EndObject || reader.CurrentDepth != 2)
        {
            throw new InvalidOperationException("the scanned objects cannot be replayed to the JSON reader");
        }

        _state = reader.CurrentState;
        _hiddenFrom = -1;
        text[..header].Fill((byte)'x');
        text[^(pad >= 5 ? 2 : (int)pad + 1)..].Fill((byte)'x');
    }

    /// <summary>
    /// For a fast path whose object the buffer cuts: reads more of the stream, as <see cref="ReadObject"/> would (the same
    /// limit on one object); false at the end of the stream.
    /// </summary>
    public bool RefillForScan()
    {
        if (_final)
        {
            return false;
        }

        SyncState();
        Refill(MaxObjectBytes);
        return true;
    }

    /// <summary>The current string, number or literal of <paramref name="reader"/> as characters; valid until the next call.</summary>
    public ReadOnlySpan<char> Chars(ref Utf8JsonReader reader)
    {
        if (reader.TokenType is JsonTokenType.Null or JsonTokenType.StartObject or JsonTokenType.StartArray)
        {
            return [];
        }

        var length = reader.HasValueSequence ? reader.ValueSequence.Length : reader.ValueSpan.Length;
        if (length > _maxValueBytes)
        {
            throw new IngestionException(_file, string.Create(CultureInfo.InvariantCulture,
                $"at byte {Position}: a single JSON value is larger than {_maxValueBytes:N0} bytes"));
        }

        if (reader.ValueIsEscaped || reader.HasValueSequence)
        {
            return reader.GetString() ?? string.Empty;
        }

        var raw = reader.ValueSpan;

        if (_chars.Length < raw.Length)
        {
            _chars = new char[Math.Max(raw.Length, _chars.Length * 2)];
        }

        var count = Encoding.UTF8.GetChars(raw, _chars);
        return _chars.AsSpan(0, count);
    }

    /// <summary>
    /// The current string, number or literal of <paramref name="reader"/> as unescaped UTF-8 copied into
    /// <paramref name="target"/> (grown as needed); returns its length. Unescaped strings, the usual case, are copied as
    /// they are: no transcoding to characters.
    /// </summary>
    public int Utf8(ref Utf8JsonReader reader, ref byte[] target)
    {
        if (reader.TokenType is JsonTokenType.Null or JsonTokenType.StartObject or JsonTokenType.StartArray)
        {
            return 0;
        }

        var length = reader.HasValueSequence ? reader.ValueSequence.Length : reader.ValueSpan.Length;
        if (length > _maxValueBytes)
        {
            throw new IngestionException(_file, string.Create(CultureInfo.InvariantCulture,
                $"at byte {Position}: a single JSON value is larger than {_maxValueBytes:N0} bytes"));
        }

        if (target.Length < length)
        {
            target = new byte[Math.Max((int)length, target.Length * 2)];
        }

        if (reader.TokenType is JsonTokenType.String or JsonTokenType.PropertyName)
        {
            return reader.CopyString(target);
        }

        if (reader.HasValueSequence)
        {
            reader.ValueSequence.CopyTo(target);
        }
        else
        {
            reader.ValueSpan.CopyTo(target);
        }

        return (int)length;
    }

    /// <summary>Reads the next token and fails with a clear message unless it is <paramref name="expected"/>.</summary>
    public void Expect(JsonTokenType expected, string where)
    {
        if (!Read())
        {
            throw new IngestionException(_file, $"the JSON ends early: expected {Describe(expected)} {where}", line: null, field: null);
        }

        if (TokenType != expected)
        {
            throw Unexpected(where, Describe(expected));
        }
    }

    /// <summary>Reads the next value: true when it is an array (read its items with <see cref="NextItem"/>); anything else is skipped.</summary>
    public bool EnterArray() => Enter(JsonTokenType.StartArray);

    /// <summary>Reads the next value: true when it is an object (read its properties with <see cref="NextProperty"/>); anything else is skipped.</summary>
    public bool EnterObject() => Enter(JsonTokenType.StartObject);

    /// <summary>Reads the next item of the array being read; false at its end.</summary>
    public bool NextItem() => Read() && TokenType != JsonTokenType.EndArray;

    /// <summary>Reads the next string item of the array being read, skipping items of other kinds; false at its end.</summary>
    public bool NextString()
    {
        while (NextItem())
        {
            if (TokenType == JsonTokenType.String)
            {
                return true;
            }

            Skip();
        }

        return false;
    }

    /// <summary>Reads the next property name of the object being read; false at its end.</summary>
    public bool NextProperty() => Read() && TokenType == JsonTokenType.PropertyName;

    /// <summary>Skips the value of the property just read.</summary>
    public void SkipValue()
    {
        Read();
        Skip();
    }

    /// <summary>Skips the value the reader is on (its whole subtree when it is an object or array).</summary>
    public void Skip()
    {
        if (TokenType is not (JsonTokenType.StartObject or JsonTokenType.StartArray))
        {
            return;
        }

        var depth = Depth;
        while (Read())
        {
            if (Depth == depth && TokenType is JsonTokenType.EndObject or JsonTokenType.EndArray)
            {
                return;
            }
        }
    }

    /// <summary>Reads the next value: its text for a string, number, true, false or null; skips objects and arrays.</summary>
    public ReadOnlySpan<char> ReadScalar()
    {
        if (!Read())
        {
            return [];
        }

        if (TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
        {
            Skip();
            return [];
        }

        return TokenType == JsonTokenType.Null ? [] : Chars();
    }

    public bool NameIs(ReadOnlySpan<byte> utf8Name) => ValueIsEscaped ? Chars().SequenceEqual(Encoding.UTF8.GetString(utf8Name)) : RawValue.SequenceEqual(utf8Name);

    /// <summary>The current string, property name or number as characters (unescaped); valid until the next call.</summary>
    public ReadOnlySpan<char> Chars()
    {
        if (ValueIsEscaped)
        {
            var reader = new Utf8JsonReader(_buffer.AsSpan(_tokenStart, _start - _tokenStart), isFinalBlock: true, default);
            reader.Read();
            var text = reader.GetString() ?? string.Empty;
            return text;
        }

        var raw = RawValue;
        if (_chars.Length < raw.Length)
        {
            _chars = new char[Math.Max(raw.Length, _chars.Length * 2)];
        }

        var count = Encoding.UTF8.GetChars(raw, _chars);
        return _chars.AsSpan(0, count);
    }

    private bool Enter(JsonTokenType start)
    {
        if (!Read())
        {
            return false;
        }

        if (TokenType == start)
        {
            return true;
        }

        Skip();
        return false;
    }

    public IngestionException Unexpected(string where, string expected) =>
        new(_file, string.Create(CultureInfo.InvariantCulture, $"at byte {Position}: expected {expected} {where}, found {Describe(TokenType)}"));

    public void Dispose() => ArrayPool<byte>.Shared.Return(_buffer);

    private void Refill(int limit)
    {
        if (_start > 0)
        {
            Buffer.BlockCopy(_buffer, _start, _buffer, 0, _end - _start);
            _discarded += _start;
            _tokenStart -= _start;
            _end -= _start;
            _start = 0;
        }

        if (_end == _buffer.Length)
        {
            if (_buffer.Length >= limit + InitialBuffer)
            {
                throw new IngestionException(_file, string.Create(CultureInfo.InvariantCulture,
                    $"at byte {_discarded}: a single JSON value is larger than {limit:N0} bytes"));
            }

            var grown = ArrayPool<byte>.Shared.Rent(_buffer.Length * 2);
            Buffer.BlockCopy(_buffer, 0, grown, 0, _end);
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = grown;
        }

        var read = _stream.Read(_buffer, _end, _buffer.Length - _end);
        if (read == 0)
        {
            _final = true;
        }

        _end += read;
    }

    private static string Describe(JsonTokenType type) => type switch
    {
        JsonTokenType.StartObject => "an object '{'",
        JsonTokenType.StartArray => "an array '['",
        JsonTokenType.EndObject => "'}'",
        JsonTokenType.EndArray => "']'",
        JsonTokenType.PropertyName => "a property name",
        JsonTokenType.String => "a string",
        JsonTokenType.Number => "a number",
        JsonTokenType.True or JsonTokenType.False => "true/false",
        JsonTokenType.Null => "null",
        _ => "nothing",
    };
}
