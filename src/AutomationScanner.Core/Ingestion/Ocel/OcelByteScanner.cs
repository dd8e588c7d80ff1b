using System.Buffers;

namespace AutomationScanner.Core.Ingestion.Ocel;

/// <summary>
/// What the fast paths for OCEL 2.0 JSON (<see cref="OcelEventScanner"/> for events, <see cref="OcelObjectScanner"/> for
/// objects) share: scanning one item of an array begun by <see cref="JsonTokenStream.BeginScannedArray"/> straight from the
/// buffered bytes, refilling when the buffer cuts it, and the plain JSON pieces they accept (white space, strings of
/// printable ASCII without escapes within the value limit, numbers). An item the subclass declines is left unread for the
/// general parser, which reads it from its start.
/// </summary>
internal abstract class OcelByteScanner(JsonTokenStream json, int maxValueBytes)
{
    /// <summary>Least JSON depth limit at which the shapes are within it (a relationship's properties are at depth 5).</summary>
    public const int LeastDepth = 5;

    /// <summary>What ends a plain string: its quote, an escape, a control byte or a byte outside ASCII.</summary>
    private static readonly SearchValues<byte> StringStops = SearchValues.Create(StringStopBytes());

    protected JsonTokenStream Json { get; } = json;

    protected int MaxValueBytes { get; } = maxValueBytes;

    /// <summary>The last scan stopped at the end of the buffered bytes, everything before being of the shape.</summary>
    protected bool OutOfBytes { get; set; }

    /// <summary>Scans the next item and hands it on; false (nothing called, nothing consumed) when it is not of the shape.</summary>
    public bool TryScan()
    {
        while (true)
        {
            OutOfBytes = false;
            if (TryScanBuffered())
            {
                return true;
            }

            // Cut by the end of the buffer, valid so far: read more, as the general parser would, and scan again.
            if (!OutOfBytes || !Json.RefillForScan())
            {
                return false;
            }
        }
    }

    /// <summary>Scans the next item from <see cref="JsonTokenStream.Unread"/>; when it is of the shape, hands it on and consumes it.</summary>
    private bool TryScanBuffered()
    {
        var bytes = Json.Unread;
        var lines = 0;
        var lastLine = -1;
        var p = 0;
        if (!ItemStart(bytes, ref p, ref lines, ref lastLine))
        {
            return false;
        }

        var start = p++;
        BeginItem();
        if (!Members(bytes, ref p, ItemKind, ref lines, ref lastLine))
        {
            return false;
        }

        // p is past the item's '}': the whole item is of the shape; hand it on as the general parser would.
        Json.MarkScanned(start);
        HandOn(bytes);
        Json.SkipScanned(start, p, lines, lastLine);
        return true;
    }

    /// <summary>The kind <see cref="Members"/> reads an item of the array as (an event, an object).</summary>
    protected abstract byte ItemKind { get; }

    /// <summary>Before an item is scanned: forget what the last one recorded.</summary>
    protected abstract void BeginItem();

    /// <summary>Hands on what <see cref="Members"/> recorded of an item of the shape, whose bytes are <paramref name="bytes"/>.</summary>
    protected abstract void HandOn(ReadOnlySpan<byte> bytes);

    /// <summary>White space, the comma after an earlier item, white space and the item's '{', at which <paramref name="p"/> stops.</summary>
    protected bool ItemStart(ReadOnlySpan<byte> bytes, ref int p, ref int lines, ref int lastLine)
    {
        if (!Space(bytes, ref p, ref lines, ref lastLine))
        {
            return false;
        }

        if (Json.ItemBefore)
        {
            if (bytes[p] != (byte)',')
            {
                return false;
            }

            p++;
            if (!Space(bytes, ref p, ref lines, ref lastLine))
            {
                return false;
            }
        }

        return bytes[p] == (byte)'{';
    }

    /// <summary>
    /// The members of an object whose '{' is just before <paramref name="p"/>, up to and past its '}', of
    /// <paramref name="kind"/> (the subclass's kinds); false when one is outside the shape.
    /// </summary>
    protected abstract bool Members(ReadOnlySpan<byte> bytes, ref int p, byte kind, ref int lines, ref int lastLine);

    /// <summary>An array of objects of <paramref name="kind"/> (attributes, relationships), from its '[' up to and past its ']'.</summary>
    protected bool Items(ReadOnlySpan<byte> bytes, ref int p, byte kind, ref int lines, ref int lastLine)
    {
        if (bytes[p] != (byte)'[')
        {
            return false;
        }

        p++;
        if (!Space(bytes, ref p, ref lines, ref lastLine))
        {
            return false;
        }

        if (bytes[p] == (byte)']')
        {
            p++;
            return true;
        }

        while (true)
        {
            if (bytes[p] != (byte)'{')
            {
                return false;
            }

            p++;
            if (!Members(bytes, ref p, kind, ref lines, ref lastLine) || !Space(bytes, ref p, ref lines, ref lastLine) ||
                !Separator(bytes, ref p, (byte)']', out var closed, ref lines, ref lastLine))
            {
                return false;
            }

            if (closed)
            {
                return true;
            }
        }
    }

    /// <summary>
    /// At what follows an item or a member and its white space: <paramref name="close"/> (<paramref name="closed"/>,
    /// <paramref name="p"/> past it) or a comma (<paramref name="p"/> past it and the white space after it); false otherwise.
    /// </summary>
    protected bool Separator(ReadOnlySpan<byte> bytes, ref int p, byte close, out bool closed, ref int lines, ref int lastLine)
    {
        closed = bytes[p] == close;
        if (closed)
        {
            p++;
            return true;
        }

        if (bytes[p] != (byte)',')
        {
            return false;
        }

        p++;
        return Space(bytes, ref p, ref lines, ref lastLine);
    }

    /// <summary>Skips JSON white space, counting line feeds; false at the end of the bytes or on another control byte.</summary>
    protected bool Space(ReadOnlySpan<byte> bytes, ref int p, ref int lines, ref int lastLine)
    {
        while ((uint)p < (uint)bytes.Length)
        {
            var b = bytes[p];
            if (b > (byte)' ')
            {
                return true;
            }

            if (b == (byte)'\n')
            {
                lines++;
                lastLine = p;
            }
            else if (b is not ((byte)' ' or (byte)'\t' or (byte)'\r'))
            {
                return false;
            }

            p++;
        }

        OutOfBytes = true;
        return false;
    }

    /// <summary>A string at <paramref name="p"/> (its opening quote) of printable ASCII without escapes, within the value limit.</summary>
    protected bool PlainString(ReadOnlySpan<byte> bytes, ref int p, out int start, out int length)
    {
        start = p + 1;
        length = 0;

        // Most strings are short ids and names: a plain loop over their first bytes costs less than the vector search's
        // set-up, which takes over for longer ones.
        var q = start;
        var near = Math.Min(bytes.Length, start + 24);
        while (q < near && !IsStringStop(bytes[q]))
        {
            q++;
        }

        int stop;
        if (q < near)
        {
            stop = q - start;
        }
        else
        {
            var rest = bytes[q..].IndexOfAny(StringStops);
            stop = rest < 0 ? -1 : q - start + rest;
        }

        if (stop < 0)
        {
            OutOfBytes = bytes.Length - start <= MaxValueBytes;
            return false;
        }

        if (bytes[start + stop] != (byte)'"' || stop > MaxValueBytes)
        {
            return false;
        }

        length = stop;
        p = start + stop + 1;
        return true;
    }

    /// <summary>Whether <paramref name="b"/> ends a plain string (as <see cref="StringStops"/>): a quote, an escape, a control byte or a byte outside ASCII.</summary>
    private static bool IsStringStop(byte b) => (uint)(b - 0x20) >= 0x60 || b == (byte)'"' || b == (byte)'\\';

    /// <summary>A JSON number at <paramref name="p"/>: -?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)?, ending before the end of the bytes.</summary>
    protected bool Number(ReadOnlySpan<byte> bytes, ref int p, out int start, out int length)
    {
        start = p;
        length = 0;
        var q = p;
        if (q < bytes.Length && bytes[q] == (byte)'-')
        {
            q++;
        }

        if (q >= bytes.Length)
        {
            OutOfBytes = true;
            return false;
        }

        if (bytes[q] == (byte)'0')
        {
            q++;
        }
        else if (!Digits(bytes, ref q))
        {
            return false;
        }

        if (q < bytes.Length && bytes[q] == (byte)'.')
        {
            q++;
            if (!Digits(bytes, ref q))
            {
                return false;
            }
        }

        if (q < bytes.Length && (bytes[q] | 0x20) == (byte)'e')
        {
            q++;
            if (q < bytes.Length && bytes[q] is (byte)'+' or (byte)'-')
            {
                q++;
            }

            if (!Digits(bytes, ref q))
            {
                return false;
            }
        }

        // The number must end inside the bytes (the general parser waits for more otherwise) and within the limit.
        if (q >= bytes.Length || q - start > MaxValueBytes)
        {
            OutOfBytes = q >= bytes.Length && q - start <= MaxValueBytes;
            return false;
        }

        length = q - start;
        p = q;
        return true;
    }

    /// <summary>One or more digits at <paramref name="q"/>.</summary>
    private bool Digits(ReadOnlySpan<byte> bytes, ref int q)
    {
        var from = q;
        while (q < bytes.Length && (uint)(bytes[q] - '0') <= 9)
        {
            q++;
        }

        OutOfBytes |= q >= bytes.Length;
        return q > from;
    }

    private static byte[] StringStopBytes()
    {
        var stops = new List<byte> { (byte)'"', (byte)'\\' };
        for (var b = 0; b < 0x20; b++)
        {
            stops.Add((byte)b);
        }

        for (var b = 0x80; b < 0x100; b++)
        {
            stops.Add((byte)b);
        }

        return [.. stops];
    }

    /// <summary>What a scan of one item records before handing it on: a list that keeps its array from item to item.</summary>
    protected struct PartList<T>(int capacity)
        where T : struct
    {
        private T[] _items = new T[capacity];

        public int Count { get; private set; }

        public readonly ref readonly T this[int index] => ref _items[index];

        public void Clear() => Count = 0;

        public void Add(in T item)
        {
            if (Count == _items.Length)
            {
                Array.Resize(ref _items, _items.Length * 2);
            }

            _items[Count++] = item;
        }
    }
}
