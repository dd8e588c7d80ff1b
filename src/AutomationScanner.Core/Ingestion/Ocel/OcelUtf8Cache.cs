namespace AutomationScanner.Core.Ingestion.Ocel;

/// <summary>
/// The last few distinct strings of one role (qualifiers, object types, activities) by their raw UTF-8 bytes, with their
/// interned ids: the common case, a handful of values repeated millions of times, skips transcoding, trimming and hashing.
/// </summary>
internal sealed class OcelUtf8Cache(OcelFlattener flattener, OcelUtf8Cache.Role role)
{
    private const int Size = 16;
    private readonly byte[][] _keys = new byte[Size][];
    private readonly int[] _ids = new int[Size];
    private int _count;
    private int _next;

    public enum Role
    {
        Qualifier,
        ObjectType,
        Activity,
    }

    /// <summary>The flattener's id of <paramref name="key"/> (UTF-8) in this cache's role (-1: none).</summary>
    public int Intern(ReadOnlySpan<byte> key)
    {
        for (var i = 0; i < _count; i++)
        {
            if (key.SequenceEqual(_keys[i]))
            {
                return _ids[i];
            }
        }

        var text = System.Text.Encoding.UTF8.GetString(key);
        var id = role switch
        {
            Role.ObjectType => string.IsNullOrWhiteSpace(text) ? -1 : flattener.InternType(text),
            Role.Activity => flattener.InternActivity(text),
            _ => flattener.InternQualifier(text),
        };
        if (key.Length <= 256)
        {
            _keys[_next] = key.ToArray();
            _ids[_next] = id;
            _next = (_next + 1) % Size;
            _count = Math.Min(_count + 1, Size);
        }

        return id;
    }
}
