using System.Buffers;
using System.Text;

namespace AutomationScanner.Core.Ingestion;

/// <summary>
/// A forward-only scanner for the subset of XML that XES uses, reading UTF-8 bytes without allocating per node.
/// It is secure by construction: a DOCTYPE (and with it any DTD or external entity) is refused, and only the five
/// predefined entities and character references are expanded. Comments, processing instructions, CDATA and text
/// are skipped. Well-formedness that matters for streaming is checked: tags close in order and the document ends
/// with every element closed.
/// </summary>
internal sealed class XmlScanner
{
    private static readonly SearchValues<byte> Space = SearchValues.Create(" \t\r\n"u8);
    private static readonly SearchValues<byte> NameEnd = SearchValues.Create(" \t\r\n>/"u8);
    private static readonly SearchValues<byte> AttributeNameEnd = SearchValues.Create(" \t\r\n=>"u8);
    private static readonly SearchValues<byte> ValueSpecial = SearchValues.Create("<&\t\r\n"u8);

    private const int InitialBuffer = 1 << 18;
    private const int MaxBuffer = 1 << 24;

    private readonly Stream _stream;
    private readonly Stack<ulong> _open = new();
    private byte[] _buffer = new byte[InitialBuffer];
    private int _position;
    private int _end;
    private bool _eof;
    private Attribute[] _attributes = new Attribute[16];
    private char[] _chars = new char[256];
    private int _nameStart;
    private int _nameLength;

    /// <summary>Lines before <see cref="_countedTo"/> in the buffer: counted when <see cref="Line"/> is read or the buffer moves.</summary>
    private long _line = 1;
    private int _countedTo;

    private readonly int _maxDepth;

    public XmlScanner(Stream utf8, int maxDepth = 64)
    {
        _stream = utf8;
        _maxDepth = maxDepth;
    }

    public enum Node
    {
        StartElement,
        EndElement,
        EndOfDocument,
    }

    /// <summary>
    /// 1-based line of the node just read (where its markup ends), or, inside a parse, of the markup being parsed. The
    /// newlines are counted when this is read, not per node.
    /// </summary>
    public long Line
    {
        get
        {
            if (_countedTo < _position)
            {
                _line += _buffer.AsSpan(_countedTo, _position - _countedTo).Count((byte)'\n');
                _countedTo = _position;
            }

            return _line;
        }
    }

    /// <summary>Element depth of the node just read: 0 for the root element.</summary>
    public int Depth { get; private set; }

    public bool IsEmptyElement { get; private set; }

    public int AttributeCount { get; private set; }

    /// <summary>Local name (prefix removed) of the element just read.</summary>
    public ReadOnlySpan<byte> LocalName => _buffer.AsSpan(_nameStart, _nameLength);

    public Node Read()
    {
        while (true)
        {
            var lt = _buffer.AsSpan(_position, _end - _position).IndexOf((byte)'<');
            if (lt < 0)
            {
                _position = _end;
                if (!Fill())
                {
                    if (_open.Count > 0)
                    {
                        throw new XmlScanException($"unexpected end of file: {_open.Count} element(s) still open", Line);
                    }

                    return Node.EndOfDocument;
                }

                continue;
            }

            _position += lt;
            var consumed = TryParseMarkup(out var node);
            if (consumed < 0)
            {
                if (!Fill())
                {
                    throw new XmlScanException("unexpected end of file inside markup", Line);
                }

                continue;
            }

            _position += consumed;
            if (node is { } found)
            {
                return found;
            }
        }
    }

    /// <summary>Index of the attribute with local name <paramref name="name"/>, or -1.</summary>
    public int FindAttribute(ReadOnlySpan<byte> name)
    {
        for (var i = 0; i < AttributeCount; i++)
        {
            if (AttributeName(i).SequenceEqual(name))
            {
                return i;
            }
        }

        return -1;
    }

    public ReadOnlySpan<byte> AttributeName(int index) => _buffer.AsSpan(_attributes[index].NameStart, _attributes[index].NameLength);

    /// <summary>The raw UTF-8 value, for comparisons; only valid when <see cref="AttributeNeedsDecoding"/> is false.</summary>
    public ReadOnlySpan<byte> AttributeRawValue(int index) => _buffer.AsSpan(_attributes[index].ValueStart, _attributes[index].ValueLength);

    public bool AttributeNeedsDecoding(int index) => _attributes[index].NeedsDecoding;

    /// <summary>The decoded value as characters; valid until the next call.</summary>
    public ReadOnlySpan<char> AttributeValue(int index)
    {
        var raw = AttributeRawValue(index);
        if (_chars.Length < raw.Length)
        {
            _chars = new char[Math.Max(raw.Length, _chars.Length * 2)];
        }

        var length = Encoding.UTF8.GetChars(raw, _chars);
        if (!_attributes[index].NeedsDecoding)
        {
            return _chars.AsSpan(0, length);
        }

        return Decode(_chars.AsSpan(0, length));
    }

    /// <summary>Parses the markup at _position; returns bytes consumed, or -1 when more data is needed.</summary>
    private int TryParseMarkup(out Node? node)
    {
        node = null;
        var span = _buffer.AsSpan(_position, _end - _position);
        if (span.Length < 2)
        {
            return -1;
        }

        switch (span[1])
        {
            case (byte)'?':
                return Skip(span, "?>"u8);
            case (byte)'!':
                if (span.Length < 9)
                {
                    return -1;
                }

                if (span.StartsWith("<!--"u8))
                {
                    return Skip(span, "-->"u8);
                }

                if (span.StartsWith("<![CDATA["u8))
                {
                    return Skip(span, "]]>"u8);
                }

                throw new XmlScanException("a DOCTYPE or other declaration is not allowed (DTD processing is prohibited)", Line);
            case (byte)'/':
                return ParseEndTag(span, out node);
            default:
                return ParseStartTag(span, out node);
        }
    }

    private static int Skip(ReadOnlySpan<byte> span, ReadOnlySpan<byte> terminator)
    {
        var index = span[2..].IndexOf(terminator);
        return index < 0 ? -1 : index + 2 + terminator.Length;
    }

    private int ParseEndTag(ReadOnlySpan<byte> span, out Node? node)
    {
        node = null;
        var close = span.IndexOf((byte)'>');
        if (close < 0)
        {
            return -1;
        }

        var name = span[2..close].TrimEnd(" \t\r\n"u8);
        SetName(_position + 2, name.Length);
        if (_open.Count == 0 || _open.Pop() != Hash(name))
        {
            throw new XmlScanException($"end tag </{Encoding.UTF8.GetString(name)}> does not match the open element", Line);
        }

        Depth = _open.Count;
        IsEmptyElement = false;
        AttributeCount = 0;
        node = Node.EndElement;
        return close + 1;
    }

    private int ParseStartTag(ReadOnlySpan<byte> span, out Node? node)
    {
        node = null;
        var nameEnd = span[1..].IndexOfAny(NameEnd);
        if (nameEnd < 0)
        {
            return -1;
        }

        var i = nameEnd + 1;

        if (i == 1)
        {
            throw new XmlScanException("'<' not followed by an element name", Line);
        }

        var nameLength = i - 1;
        var count = 0;
        while (true)
        {
            i = SkipSpace(span, i);
            if (i >= span.Length)
            {
                return -1;
            }

            if (span[i] == '>' || span[i] == '/')
            {
                var empty = span[i] == '/';
                if (empty)
                {
                    if (i + 1 >= span.Length)
                    {
                        return -1;
                    }

                    if (span[i + 1] != '>')
                    {
                        throw new XmlScanException("'/' in a start tag not followed by '>'", Line);
                    }

                    i++;
                }

                SetName(_position + 1, nameLength);
                Depth = _open.Count;
                if (!empty)
                {
                    if (_open.Count >= _maxDepth)
                    {
                        throw new XmlScanException($"elements are nested more than {_maxDepth} levels deep (input limit MaxXmlDepth; XES needs about six)", Line);
                    }

                    _open.Push(Hash(span.Slice(1, nameLength)));
                }

                IsEmptyElement = empty;
                AttributeCount = count;
                node = Node.StartElement;
                return i + 1;
            }

            var attributeStart = i;
            var attributeNameLength = span[i..].IndexOfAny(AttributeNameEnd);
            if (attributeNameLength < 0)
            {
                return -1;
            }

            i += attributeNameLength;
            var attributeNameEnd = i;
            i = SkipSpace(span, i);

            if (i >= span.Length)
            {
                return -1;
            }

            if (span[i] != '=')
            {
                throw new XmlScanException("attribute without '=' in a start tag", Line);
            }

            i = SkipSpace(span, i + 1);
            if (i >= span.Length)
            {
                return -1;
            }

            var quote = span[i];
            if (quote != '"' && quote != '\'')
            {
                throw new XmlScanException("attribute value not in quotes", Line);
            }

            var valueEnd = span[(i + 1)..].IndexOf(quote);
            if (valueEnd < 0)
            {
                return -1;
            }

            // One pass over the value: '<' is an error, and '&' or a tab or line break needs decoding.
            var value = span.Slice(i + 1, valueEnd);
            var special = value.IndexOfAny(ValueSpecial);
            if (special >= 0 && value[special..].Contains((byte)'<'))
            {
                throw new XmlScanException("'<' inside an attribute value", Line);
            }

            if (count == _attributes.Length)
            {
                Array.Resize(ref _attributes, count * 2);
            }

            // Attribute names stay whole, prefix included: XES keys live in values, and xmlns:x must not look like x.
            _attributes[count++] = new Attribute(
                _position + attributeStart,
                attributeNameEnd - attributeStart,
                _position + i + 1,
                valueEnd,
                NeedsDecoding: special >= 0);
            i += valueEnd + 2;
        }
    }

    private void SetName(int start, int length)
    {
        var name = _buffer.AsSpan(start, length);
        var colon = name.IndexOf((byte)':');
        _nameStart = colon < 0 ? start : start + colon + 1;
        _nameLength = colon < 0 ? length : length - colon - 1;
    }

    private ReadOnlySpan<char> Decode(Span<char> text)
    {
        var output = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c is '\t' or '\r' or '\n')
            {
                // Attribute-value normalisation (XML 1.0 §3.3.3); CRLF counts once.
                if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
                {
                    i++;
                }

                text[output++] = ' ';
                continue;
            }

            if (c != '&')
            {
                text[output++] = c;
                continue;
            }

            var semicolon = text[i..].IndexOf(';');
            if (semicolon < 0)
            {
                throw new XmlScanException("'&' without ';' in an attribute value", Line);
            }

            var entity = text.Slice(i + 1, semicolon - 1);
            i += semicolon;
            if (entity.SequenceEqual("amp"))
            {
                text[output++] = '&';
            }
            else if (entity.SequenceEqual("lt"))
            {
                text[output++] = '<';
            }
            else if (entity.SequenceEqual("gt"))
            {
                text[output++] = '>';
            }
            else if (entity.SequenceEqual("quot"))
            {
                text[output++] = '"';
            }
            else if (entity.SequenceEqual("apos"))
            {
                text[output++] = '\'';
            }
            else if (entity.Length > 1 && entity[0] == '#' && TryCodePoint(entity[1..], out var codePoint))
            {
                var rune = new Rune(codePoint);
                output += rune.EncodeToUtf16(text[output..]);
            }
            else
            {
                throw new XmlScanException($"undeclared entity '&{entity};' (only the predefined XML entities are expanded)", Line);
            }
        }

        return text[..output];
    }

    private static bool TryCodePoint(ReadOnlySpan<char> digits, out int codePoint)
    {
        var hex = digits.Length > 1 && (digits[0] == 'x' || digits[0] == 'X');
        var ok = hex
            ? int.TryParse(digits[1..], System.Globalization.NumberStyles.AllowHexSpecifier, System.Globalization.CultureInfo.InvariantCulture, out codePoint)
            : int.TryParse(digits, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out codePoint);
        return ok && Rune.IsValid(codePoint);
    }

    /// <summary>Keeps unread bytes, grows the buffer when one piece of markup fills it, and reads more.</summary>
    private bool Fill()
    {
        if (_eof)
        {
            return false;
        }

        var remaining = _end - _position;
        if (_position == 0 && remaining == _buffer.Length)
        {
            if (_buffer.Length >= MaxBuffer)
            {
                throw new XmlScanException($"a single tag is longer than {MaxBuffer / (1 << 20)} MB", Line);
            }

            var grown = ArrayPool<byte>.Shared.Rent(_buffer.Length * 2);
            _buffer.AsSpan(0, _end).CopyTo(grown);
            _buffer = grown;
        }
        else if (_position > 0)
        {
            _ = Line; // the lines of the bytes let go
            _buffer.AsSpan(_position, remaining).CopyTo(_buffer);
            _position = 0;
            _countedTo = 0;
            _end = remaining;
        }

        var read = _stream.Read(_buffer, _end, _buffer.Length - _end);
        if (read == 0)
        {
            _eof = true;
            return false;
        }

        _end += read;
        return true;
    }

    private static ulong Hash(ReadOnlySpan<byte> name)
    {
        var hash = 14695981039346656037UL;
        foreach (var b in name)
        {
            hash = (hash ^ b) * 1099511628211UL;
        }

        return hash;
    }

    /// <summary>The index of the first byte from <paramref name="i"/> on that is not XML white space (the length when none is).</summary>
    private static int SkipSpace(ReadOnlySpan<byte> span, int i)
    {
        // Mostly one space between attributes: test it before searching.
        if (i < span.Length && !Space.Contains(span[i]))
        {
            return i;
        }

        var rest = span[i..].IndexOfAnyExcept(Space);
        return rest < 0 ? span.Length : i + rest;
    }

    private readonly record struct Attribute(int NameStart, int NameLength, int ValueStart, int ValueLength, bool NeedsDecoding);
}
