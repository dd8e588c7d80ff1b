using System.Buffers;
using System.Numerics.Tensors;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace AutomationScanner.Core.Classification;

/// <summary>
/// The trained ML.NET pipeline in a form that loads in place and scores without ML.NET: the word 1-2-gram slots with
/// their inverse document frequencies, the vocabulary and ML.NET's English stop words (one precomputed open-addressing
/// hash table of terms, looked up by span, so loading builds nothing), and the weights and biases of the two
/// multinomial logistic heads (softmax of W x + b over x = [embedding; L2-normalised TF-IDF n-grams]). Text is read the
/// way the pipeline reads it (ML.NET's <c>NormalizeText</c> with lower case, no diacritics, punctuation or numbers; words
/// split on spaces; stop words removed); the training tests check every training statement and a set of activity names
/// against the ML.NET pipeline. Built by <c>scanner train</c> (AutomationScanner.Training compiles the pipeline) for
/// linear maximum-entropy heads. Immutable and thread-safe; predicting allocates only the result.
/// </summary>
/// <remarks>
/// Layout in the model file (sections of <see cref="ModelFile"/>): a header of counts; the biases (exposure classes,
/// then automation classes); the embedding weights, class-major; the n-gram weights, slot-major (the 8 weights of a
/// slot share a cache line); the IDF per slot; the term table (buckets, entries of char offset, length, slot, flags,
/// and the terms' UTF-16 characters).
/// </remarks>
public sealed class LinearTextModel : ISuitabilityTextModel
{
    private const int HeaderSection = 1;
    private const int BiasSection = 2;
    private const int EmbeddingWeightSection = 3;
    private const int NgramWeightSection = 4;
    private const int IdfSection = 5;
    private const int BucketSection = 6;
    private const int TermSection = 7;
    private const int CharSection = 8;
    private const int SlotTermSection = 9;
    private const int HeaderInts = 8;

    private const int StopWordFlag = 1;
    private const int VocabularyFlag = 2;
    private const uint FnvOffset = 2166136261;
    private const uint FnvPrime = 16777619;

    /// <summary>Texts up to this length are normalised on the stack.</summary>
    private const int StackChars = 256;

    /// <summary>
    /// Latin letters with diacritics (U+00C0..U+017F) and their base letter, as ML.NET's normaliser maps them; 0 where
    /// the letter stays. A table, not Unicode decomposition: the hosts run with invariant globalization, where
    /// <c>string.Normalize</c> does not decompose.
    /// </summary>
    private static readonly char[] BaseLetters = BuildBaseLetters(
        ("A", "ÀÁÂÃÄÅĀĂĄ"), ("a", "àáâãäåāăą"), ("C", "ÇĆĈĊČ"), ("c", "çćĉċč"), ("D", "Ď"), ("d", "ď"),
        ("E", "ÈÉÊËĒĔĖĘĚ"), ("e", "èéêëēĕėęě"), ("G", "ĜĞĠĢ"), ("g", "ĝğġģ"), ("H", "Ĥ"), ("h", "ĥ"),
        ("I", "ÌÍÎÏĨĪĬĮİ"), ("i", "ìíîïĩīĭį"), ("J", "Ĵ"), ("j", "ĵ"), ("K", "Ķ"), ("k", "ķ"), ("L", "ĹĻĽ"), ("l", "ĺļľ"),
        ("N", "ÑŃŅŇ"), ("n", "ñńņň"), ("O", "ÒÓÔÕÖŌŎŐ"), ("o", "òóôõöōŏő"), ("R", "ŔŖŘ"), ("r", "ŕŗř"),
        ("S", "ŚŜŞŠ"), ("s", "śŝşš"), ("T", "ŢŤ"), ("t", "ţť"), ("U", "ÙÚÛÜŨŪŬŮŰŲ"), ("u", "ùúûüũūŭůűų"),
        ("W", "Ŵ"), ("w", "ŵ"), ("Y", "ÝŶŸ"), ("y", "ýÿŷ"), ("Z", "ŹŻŽ"), ("z", "źżž"));

    private readonly ModelFile file;
    private readonly int slotCount;
    private readonly int exposureClasses;
    private readonly int automationClasses;
    private readonly int classes;
    private readonly int termCount;
    private readonly int bucketMask;
    private readonly long biasesAt;
    private readonly long embeddingWeightsAt;
    private readonly long ngramWeightsAt;
    private readonly long idfAt;
    private readonly long bucketsAt;
    private readonly long termsAt;
    private readonly long charsAt;
    private readonly long slotTermsAt;
    private readonly int charCount;

    // Explanations' n-gram names by slot, decoded on first use (an explanation then allocates no strings).
    private string?[]? featureNames;

    private LinearTextModel(ModelFile file)
    {
        this.file = file;
        var header = file.Get<int>(HeaderSection, HeaderInts);
        EmbeddingDimensions = header[0];
        slotCount = header[1];
        exposureClasses = header[2];
        automationClasses = header[3];
        termCount = header[4];
        var buckets = header[5];
        charCount = header[6];
        if (EmbeddingDimensions is < 0 or > 4096 || slotCount < 0 || exposureClasses != ExposureClassLabels.Count
            || automationClasses != SuitabilityModelFormat.AutomationLevels || termCount < 0 || charCount < 0
            || buckets <= 0 || (buckets & (buckets - 1)) != 0 || buckets < termCount)
        {
            throw new FormatException("The compiled text model's header is out of range; retrain the model with `scanner train`.");
        }

        classes = exposureClasses + automationClasses;
        bucketMask = buckets - 1;
        biasesAt = file.Locate<float>(BiasSection, classes).Offset;
        embeddingWeightsAt = file.Locate<float>(EmbeddingWeightSection, (long)classes * EmbeddingDimensions).Offset;
        ngramWeightsAt = file.Locate<float>(NgramWeightSection, (long)classes * slotCount).Offset;
        idfAt = file.Locate<float>(IdfSection, slotCount).Offset;
        bucketsAt = file.Locate<int>(BucketSection, buckets).Offset;
        termsAt = file.Locate<Term>(TermSection, termCount).Offset;
        charsAt = file.Locate<char>(CharSection, charCount).Offset;
        slotTermsAt = file.Locate<int>(SlotTermSection, slotCount).Offset;
        foreach (var bucket in file.At<int>(bucketsAt, buckets))
        {
            if (bucket < 0 || bucket > termCount)
            {
                throw new FormatException("The compiled text model's term table is damaged.");
            }
        }

        foreach (var term in file.At<Term>(termsAt, termCount))
        {
            if (term.Offset < 0 || term.Length < 0 || (long)term.Offset + term.Length > charCount || term.Slot < -1 || term.Slot >= slotCount)
            {
                throw new FormatException("The compiled text model's term table is damaged.");
            }
        }

        foreach (var term in file.At<int>(slotTermsAt, slotCount))
        {
            if (term < -1 || term >= termCount)
            {
                throw new FormatException("The compiled text model's term table is damaged.");
            }
        }
    }

    /// <summary>Embedding dimensions in the features (0 when the model reads n-grams only).</summary>
    public int EmbeddingDimensions { get; }

    /// <summary>Word n-gram slots (0 when the model reads the embedding only).</summary>
    public int NgramSlots => slotCount;

    /// <summary>True when the model has named features to explain a prediction with.</summary>
    public bool CanExplain => slotCount > 0;

    /// <summary>Reads the compiled text model of a model file (in place).</summary>
    internal static LinearTextModel Read(ModelFile file)
    {
        ArgumentNullException.ThrowIfNull(file);
        return new LinearTextModel(file);
    }

    /// <summary>True when the model file carries a compiled text model.</summary>
    internal static bool IsIn(ModelFile file) => file.Has(HeaderSection);

    /// <summary>
    /// A compiled model from its parts (what AutomationScanner.Training extracts from a trained pipeline): the
    /// vocabulary and stop words, the n-gram slot names ("enter", "enter|data") with their IDF, and per head its
    /// biases and dense weights (class-major: class k's weight of feature j at k * features + j, features being the
    /// embedding dimensions then the n-gram slots).
    /// </summary>
    internal static LinearTextModel Create(
        int embeddingDimensions, IReadOnlyList<string> vocabulary, IReadOnlyList<string> stopWords, IReadOnlyList<string> slotNames, IReadOnlyList<float> idf,
        (float[] Biases, float[] Weights) exposure, (float[] Biases, float[] Weights) automation)
    {
        var writer = new ModelFile.Writer();
        Write(writer, embeddingDimensions, vocabulary, stopWords, slotNames, idf, exposure, automation);
        return new LinearTextModel(ModelFile.FromBytes(writer.ToArray()));
    }

    /// <summary>Adds this model's sections to a model file being written.</summary>
    internal void WriteTo(ModelFile.Writer writer)
    {
        writer.Add(HeaderSection, file.Get<int>(HeaderSection, HeaderInts));
        writer.Add(BiasSection, file.At<float>(biasesAt, classes));
        writer.Add(EmbeddingWeightSection, file.At<float>(embeddingWeightsAt, classes * EmbeddingDimensions));
        writer.Add(NgramWeightSection, file.At<float>(ngramWeightsAt, classes * slotCount));
        writer.Add(IdfSection, file.At<float>(idfAt, slotCount));
        writer.Add(BucketSection, file.At<int>(bucketsAt, bucketMask + 1));
        writer.Add(TermSection, file.At<Term>(termsAt, termCount));
        writer.Add(CharSection, file.At<char>(charsAt, charCount));
        writer.Add(SlotTermSection, file.At<int>(slotTermsAt, slotCount));
        file.KeepAlive();
    }

    private static void Write(
        ModelFile.Writer writer, int embeddingDimensions, IReadOnlyList<string> vocabulary, IReadOnlyList<string> stopWords, IReadOnlyList<string> slotNames,
        IReadOnlyList<float> idf, (float[] Biases, float[] Weights) exposure, (float[] Biases, float[] Weights) automation)
    {
        var features = embeddingDimensions + slotNames.Count;
        if (idf.Count != slotNames.Count || exposure.Weights.Length != exposure.Biases.Length * features
            || automation.Weights.Length != automation.Biases.Length * features)
        {
            throw new ArgumentException("The heads' weights do not match the features.");
        }

        // Terms: every distinct string the model looks up, sorted (so the table depends on the data only).
        var terms = new SortedDictionary<string, (int Slot, int Flags)>(StringComparer.Ordinal);
        void Note(string term, int slot, int flag)
        {
            var (oldSlot, oldFlags) = terms.TryGetValue(term, out var found) ? found : (-1, 0);
            terms[term] = (slot >= 0 ? slot : oldSlot, oldFlags | flag);
        }

        foreach (var word in vocabulary)
        {
            Note(word, -1, VocabularyFlag);
        }

        foreach (var word in stopWords)
        {
            Note(word, -1, StopWordFlag);
        }

        for (var slot = 0; slot < slotNames.Count; slot++)
        {
            if (!terms.TryGetValue(slotNames[slot], out var found) || found.Slot < 0)
            {
                Note(slotNames[slot], slot, 0);
            }
        }

        var buckets = 16;
        while (buckets < terms.Count * 2)
        {
            buckets *= 2;
        }

        var table = new int[buckets];
        var entries = new Term[terms.Count];
        var slotTerms = new int[slotNames.Count];
        Array.Fill(slotTerms, -1);
        var chars = new List<char>();
        var index = 0;
        foreach (var (term, (slot, flags)) in terms)
        {
            entries[index] = new Term(chars.Count, term.Length, slot, flags);
            if (slot >= 0)
            {
                slotTerms[slot] = index;
            }

            chars.AddRange(term);
            var bucket = (int)(Hash(term, FnvOffset) & (uint)(buckets - 1));
            while (table[bucket] != 0)
            {
                bucket = (bucket + 1) & (buckets - 1);
            }

            table[bucket] = ++index;
        }

        var classes = exposure.Biases.Length + automation.Biases.Length;
        var embeddingWeights = new float[classes * embeddingDimensions];
        var ngramWeights = new float[classes * slotNames.Count];
        for (var k = 0; k < classes; k++)
        {
            var (weights, row) = k < exposure.Biases.Length ? (exposure.Weights, k) : (automation.Weights, k - exposure.Biases.Length);
            weights.AsSpan(row * features, embeddingDimensions).CopyTo(embeddingWeights.AsSpan(k * embeddingDimensions));
            for (var slot = 0; slot < slotNames.Count; slot++)
            {
                ngramWeights[(slot * classes) + k] = weights[(row * features) + embeddingDimensions + slot];
            }
        }

        writer.Add<int>(HeaderSection, [embeddingDimensions, slotNames.Count, exposure.Biases.Length, automation.Biases.Length, entries.Length, buckets, chars.Count, 0]);
        writer.Add<float>(BiasSection, [.. exposure.Biases, .. automation.Biases]);
        writer.Add<float>(EmbeddingWeightSection, embeddingWeights);
        writer.Add<float>(NgramWeightSection, ngramWeights);
        writer.Add<float>(IdfSection, idf.ToArray());
        writer.Add<int>(BucketSection, table);
        writer.Add<Term>(TermSection, entries);
        writer.Add<char>(CharSection, CollectionsMarshal.AsSpan(chars));
        writer.Add<int>(SlotTermSection, slotTerms);
    }

    /// <summary>Scores one text with its embedding (ignored when the model reads n-grams only).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public TextSuitabilityPrediction Predict(string text, ReadOnlySpan<float> embedding, int topFeatures = 0)
    {
        ArgumentNullException.ThrowIfNull(text);
        char[]? rentedChars = null;
        (int Start, int Length)[]? rentedWords = null;
        (int Slot, float Value)[]? rentedFeatures = null;
        try
        {
            Span<char> buffer = text.Length <= StackChars ? stackalloc char[StackChars] : (rentedChars = ArrayPool<char>.Shared.Rent(text.Length));
            ReadOnlySpan<char> normalized = buffer[..NormalizeInto(text, buffer)];
            var maxWords = (normalized.Length / 2) + 1;
            Span<(int Start, int Length)> words = maxWords <= 64 ? stackalloc (int, int)[64] : (rentedWords = ArrayPool<(int, int)>.Shared.Rent(maxWords));
            var (count, known) = ContentWords(normalized, words);
            Span<(int Slot, float Value)> features = 2 * count <= 128 ? stackalloc (int, float)[128] : (rentedFeatures = ArrayPool<(int, float)>.Shared.Rent(2 * count));
            var featureCount = NgramFeatures(normalized, words[..count], features);
            var ngrams = features[..featureCount];

            var exposure = new float[exposureClasses];
            var automation = new float[automationClasses];
            Probabilities(embedding, ngrams, 0, exposure);
            Probabilities(embedding, ngrams, exposureClasses, automation);
            return TextSuitabilityPrediction.From(
                exposure, automation, count, known,
                topFeatures > 0 && featureCount > 0 ? Explain(ngrams, automation, topFeatures) : []);
        }
        finally
        {
            file.KeepAlive();
            if (rentedChars is not null)
            {
                ArrayPool<char>.Shared.Return(rentedChars);
            }

            if (rentedWords is not null)
            {
                ArrayPool<(int, int)>.Shared.Return(rentedWords);
            }

            if (rentedFeatures is not null)
            {
                ArrayPool<(int, float)>.Shared.Return(rentedFeatures);
            }
        }
    }

    /// <inheritdoc />
    public IReadOnlyList<TextSuitabilityPrediction> PredictBatch(IReadOnlyList<string> texts, IReadOnlyList<float[]> embeddings, int topFeatures = 0)
    {
        ArgumentNullException.ThrowIfNull(texts);
        ArgumentNullException.ThrowIfNull(embeddings);
        var results = new TextSuitabilityPrediction[texts.Count];
        const int chunk = 2_048;
        if (texts.Count <= chunk)
        {
            for (var i = 0; i < texts.Count; i++)
            {
                results[i] = Predict(texts[i] ?? string.Empty, embeddings[i], topFeatures);
            }

            return results;
        }

        // Large batches in parallel partitions: each text is scored on its own, so the result does not depend on them.
        Parallel.For(0, (texts.Count + chunk - 1) / chunk, part =>
        {
            var end = Math.Min(texts.Count, (part + 1) * chunk);
            for (var i = part * chunk; i < end; i++)
            {
                results[i] = Predict(texts[i] ?? string.Empty, embeddings[i], topFeatures);
            }
        });
        return results;
    }

    /// <summary>The text as the pipeline's content words (normalised, split on spaces, stop words removed), and how many the model knows.</summary>
    internal (List<string> Words, int Known) ContentWords(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var buffer = new char[text.Length];
        var normalized = buffer.AsSpan(0, NormalizeInto(text, buffer));
        var words = new (int Start, int Length)[(normalized.Length / 2) + 1];
        var (count, known) = ContentWords(normalized, words);
        var result = new List<string>(count);
        for (var i = 0; i < count; i++)
        {
            result.Add(new string(normalized.Slice(words[i].Start, words[i].Length)));
        }

        file.KeepAlive();
        return (result, known);
    }

    /// <summary>The n-gram slots a text contains (unigrams and bigrams of adjacent content words), each once.</summary>
    internal IEnumerable<int> NgramSlotsOf(string text)
    {
        var (words, _) = ContentWords(text);
        var seen = new SortedSet<int>();
        for (var i = 0; i < words.Count; i++)
        {
            if (Find(words[i], []) is var unigram && unigram >= 0 && TermAt(unigram).Slot >= 0)
            {
                seen.Add(TermAt(unigram).Slot);
            }

            if (i + 1 < words.Count && Find(words[i], words[i + 1]) is var bigram && bigram >= 0 && TermAt(bigram).Slot >= 0)
            {
                seen.Add(TermAt(bigram).Slot);
            }
        }

        file.KeepAlive();
        return seen;
    }

    /// <summary>
    /// ML.NET's <c>NormalizeText</c> (lower case, keepDiacritics: false, keepPunctuations: false, keepNumbers: false):
    /// punctuation, numbers and combining diacritics dropped, letters with diacritics mapped to their base letter,
    /// then lower-cased with the invariant culture.
    /// </summary>
    internal static string Normalize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var buffer = new char[text.Length];
        return new string(buffer, 0, NormalizeInto(text, buffer));
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int NormalizeInto(ReadOnlySpan<char> text, Span<char> buffer)
    {
        var length = 0;
        foreach (var original in text)
        {
            if (char.IsAsciiLetterLower(original) || original == ' ')
            {
                buffer[length++] = original;
                continue;
            }

            if (char.IsPunctuation(original) || char.IsNumber(original) || IsCombiningDiacritic(original))
            {
                continue;
            }

            var ch = original is >= '\u00C0' and <= '\u017F' && BaseLetters[original - '\u00C0'] is var letter and not '\0' ? letter : original;
            buffer[length++] = char.ToLowerInvariant(ch);
        }

        return length;
    }

    /// <summary>The combining diacritics ML.NET drops: basic (U+0300-036F), Hebrew and Arabic points.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool IsCombiningDiacritic(char ch) =>
        ch is (>= '\u0300' and <= '\u036F') or (>= '\u0591' and <= '\u05BD') or '\u05C1' or '\u05C2' or '\u05C4' or '\u05C5' or '\u05C7'
            or (>= '\u0610' and <= '\u0615') or (>= '\u064C' and <= '\u065E') or '\u0670';

    private static char[] BuildBaseLetters(params (string Base, string Letters)[] groups)
    {
        var map = new char['\u017F' - '\u00C0' + 1];
        foreach (var (letter, variants) in groups)
        {
            foreach (var variant in variants)
            {
                map[variant - '\u00C0'] = letter[0];
            }
        }

        return map;
    }

    /// <summary>Splits the normalised text on spaces into content words (stop words dropped); counts the words the model knows.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private (int Count, int Known) ContentWords(ReadOnlySpan<char> normalized, Span<(int Start, int Length)> words)
    {
        int count = 0, known = 0, start = 0;
        for (var i = 0; i <= normalized.Length; i++)
        {
            if (i < normalized.Length && normalized[i] != ' ')
            {
                continue;
            }

            if (i > start)
            {
                var term = Find(normalized[start..i], []);
                var flags = term >= 0 ? TermAt(term).Flags : 0;
                if ((flags & StopWordFlag) == 0)
                {
                    words[count++] = (start, i - start);
                    known += (flags & VocabularyFlag) != 0 ? 1 : 0;
                }
            }

            start = i + 1;
        }

        return (count, known);
    }

    /// <summary>TF-IDF of the word 1-2-grams seen in training (adjacent content words), L2-normalised, in order of first occurrence.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private int NgramFeatures(ReadOnlySpan<char> normalized, ReadOnlySpan<(int Start, int Length)> words, Span<(int Slot, float Value)> features)
    {
        if (slotCount == 0)
        {
            return 0;
        }

        var count = 0;
        for (var i = 0; i < words.Length; i++)
        {
            var word = normalized.Slice(words[i].Start, words[i].Length);
            Add(features, ref count, Find(word, []));
            if (i + 1 < words.Length)
            {
                Add(features, ref count, Find(word, normalized.Slice(words[i + 1].Start, words[i + 1].Length)));
            }
        }

        var idf = file.At<float>(idfAt, slotCount);
        var norm = 0.0;
        for (var i = 0; i < count; i++)
        {
            var value = features[i].Value * idf[features[i].Slot];
            features[i] = (features[i].Slot, value);
            norm += (double)value * value;
        }

        if (norm > 0)
        {
            var scale = (float)(1 / Math.Sqrt(norm));
            for (var i = 0; i < count; i++)
            {
                features[i] = (features[i].Slot, features[i].Value * scale);
            }
        }

        return count;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Add(Span<(int Slot, float Value)> features, ref int count, int term)
    {
        var slot = term < 0 ? -1 : TermAt(term).Slot;
        if (slot < 0)
        {
            return;
        }

        for (var i = 0; i < count; i++)
        {
            if (features[i].Slot == slot)
            {
                features[i] = (slot, features[i].Value + 1);
                return;
            }
        }

        features[count++] = (slot, 1);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private Term TermAt(int index) => file.At<Term>(termsAt + ((long)index * 16), 1)[0];

    /// <summary>The term <paramref name="first"/> (or the bigram "first|second"), -1 when the model has no such term.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private int Find(ReadOnlySpan<char> first, ReadOnlySpan<char> second)
    {
        var bigram = !second.IsEmpty;
        var hash = Hash(first, FnvOffset);
        if (bigram)
        {
            hash = Hash(second, Hash("|", hash));
        }

        var length = bigram ? first.Length + 1 + second.Length : first.Length;
        var buckets = file.At<int>(bucketsAt, bucketMask + 1);
        var terms = file.At<Term>(termsAt, termCount);
        var chars = file.At<char>(charsAt, charCount);
        for (var bucket = (int)(hash & (uint)bucketMask); ; bucket = (bucket + 1) & bucketMask)
        {
            var entry = buckets[bucket];
            if (entry == 0)
            {
                return -1;
            }

            var term = terms[entry - 1];
            if (term.Length != length)
            {
                continue;
            }

            var candidate = chars.Slice(term.Offset, term.Length);
            if (bigram
                ? candidate.StartsWith(first) && candidate[first.Length] == '|' && candidate[(first.Length + 1)..].SequenceEqual(second)
                : candidate.SequenceEqual(first))
            {
                return entry - 1;
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static uint Hash(ReadOnlySpan<char> text, uint hash)
    {
        foreach (var ch in text)
        {
            hash = (hash ^ ch) * FnvPrime;
        }

        return hash;
    }

    /// <summary>softmax(W x + b) of the head whose classes start at row <paramref name="first"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Probabilities(ReadOnlySpan<float> embedding, ReadOnlySpan<(int Slot, float Value)> ngrams, int first, Span<float> result)
    {
        var biases = file.At<float>(biasesAt, classes);
        var embeddingWeights = file.At<float>(embeddingWeightsAt, classes * EmbeddingDimensions);
        var ngramWeights = file.At<float>(ngramWeightsAt, classes * slotCount);
        var dimensions = EmbeddingDimensions;
        var max = float.NegativeInfinity;
        for (var k = 0; k < result.Length; k++)
        {
            var row = first + k;
            var score = biases[row];
            if (dimensions > 0 && embedding.Length == dimensions)
            {
                score += TensorPrimitives.Dot(embeddingWeights.Slice(row * dimensions, dimensions), embedding);
            }

            foreach (var (slot, value) in ngrams)
            {
                score += ngramWeights[(slot * classes) + row] * value;
            }

            result[k] = score;
            max = Math.Max(max, score);
        }

        var sum = 0f;
        for (var k = 0; k < result.Length; k++)
        {
            result[k] = MathF.Exp(result[k] - max);
            sum += result[k];
        }

        for (var k = 0; k < result.Length; k++)
        {
            result[k] /= sum;
        }
    }

    /// <summary>x_j times the gradient of E[T]/4 in n-gram j: x_j * sum_k p_k (k - E[T]) w_kj / 4.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private List<TextFeatureContribution> Explain(ReadOnlySpan<(int Slot, float Value)> ngrams, float[] probabilities, int top)
    {
        var expected = 0.0;
        for (var k = 0; k < probabilities.Length; k++)
        {
            expected += k * probabilities[k];
        }

        // The largest contributions by magnitude, in a short list kept sorted as they come: a later one goes after the
        // earlier ones of equal magnitude (a stable order; ties keep the text's order). Names are read only for those kept.
        var ngramWeights = file.At<float>(ngramWeightsAt, classes * slotCount);
        Span<(int Slot, double Contribution)> kept = top <= 16 ? stackalloc (int, double)[16] : new (int, double)[top];
        kept = kept[..top];
        var count = 0;
        foreach (var (slot, value) in ngrams)
        {
            if (value == 0)
            {
                continue;
            }

            var direction = 0.0;
            for (var k = 0; k < probabilities.Length; k++)
            {
                direction += probabilities[k] * (k - expected) * ngramWeights[(slot * classes) + exposureClasses + k];
            }

            if (direction == 0)
            {
                continue;
            }

            var contribution = value * direction / (probabilities.Length - 1);
            var position = count;
            while (position > 0 && Math.Abs(contribution).CompareTo(Math.Abs(kept[position - 1].Contribution)) > 0)
            {
                position--;
            }

            if (position < top)
            {
                kept[position..Math.Min(count, top - 1)].CopyTo(kept[(position + 1)..]);
                kept[position] = (slot, contribution);
                count = Math.Min(count + 1, top);
            }
        }

        var result = new List<TextFeatureContribution>(count);
        foreach (var (slot, contribution) in kept[..count])
        {
            result.Add(new TextFeatureContribution(FeatureName(slot), contribution));
        }

        return result;
    }

    /// <summary>The n-gram of a slot as explanations name it ("enter data"): read from the term table once, then kept.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private string FeatureName(int slot)
    {
        var names = Volatile.Read(ref featureNames) ?? Interlocked.CompareExchange(ref featureNames, new string?[slotCount], null) ?? featureNames;
        return names[slot] ??= SlotName(slot).Replace('|', ' ');
    }

    /// <summary>The n-gram of a slot ("enter|data"), read from the term table.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private string SlotName(int slot)
    {
        var term = file.At<int>(slotTermsAt, slotCount)[slot];
        return term < 0 ? string.Empty : new string(file.At<char>(charsAt, charCount).Slice(TermAt(term).Offset, TermAt(term).Length));
    }

    /// <summary>One term of the table: its characters, its n-gram slot (-1: none) and flags (stop word, vocabulary word).</summary>
    [StructLayout(LayoutKind.Sequential)]
    private readonly record struct Term(int Offset, int Length, int Slot, int Flags);
}
