using System.Numerics.Tensors;
using System.Runtime.InteropServices;
using System.Text;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;
using Microsoft.ML.Transforms.Text;

namespace AutomationScanner.Core.Classification;

/// <summary>
/// The trained ML.NET pipeline in a form that loads in milliseconds and scores without ML.NET: the word vocabulary,
/// the word 1-2-gram slots with their inverse document frequencies, and the weights and biases of the two multinomial
/// logistic heads (softmax of W x + b over x = [embedding; L2-normalised TF-IDF n-grams]). Text is read the way the
/// pipeline reads it (ML.NET's <c>NormalizeText</c> with lower case, no diacritics, punctuation or numbers; words split
/// on spaces; ML.NET's English stop words removed); <c>LinearTextModelTests</c> checks every training statement and a
/// set of activity names against the ML.NET pipeline. Built by <c>scanner train</c> (<see cref="Compile"/>) for linear
/// maximum-entropy heads; other trainers keep the ML.NET path. Immutable and thread-safe.
/// </summary>
public sealed class LinearTextModel
{
    private const uint Magic = 0x4D58544C; // "LTXM"
    private const int FormatVersion = 1;

    /// <summary>
    /// Latin letters with diacritics and their base letter (Latin-1 Supplement and Latin Extended-A), as ML.NET's
    /// normaliser maps them. A table, not Unicode decomposition: the hosts run with invariant globalization, where
    /// <c>string.Normalize</c> does not decompose.
    /// </summary>
    private static readonly Dictionary<char, char> BaseLetters = BuildBaseLetters(
        ("A", "ÀÁÂÃÄÅĀĂĄ"), ("a", "àáâãäåāăą"), ("C", "ÇĆĈĊČ"), ("c", "çćĉċč"), ("D", "Ď"), ("d", "ď"),
        ("E", "ÈÉÊËĒĔĖĘĚ"), ("e", "èéêëēĕėęě"), ("G", "ĜĞĠĢ"), ("g", "ĝğġģ"), ("H", "Ĥ"), ("h", "ĥ"),
        ("I", "ÌÍÎÏĨĪĬĮİ"), ("i", "ìíîïĩīĭį"), ("J", "Ĵ"), ("j", "ĵ"), ("K", "Ķ"), ("k", "ķ"), ("L", "ĹĻĽ"), ("l", "ĺļľ"),
        ("N", "ÑŃŅŇ"), ("n", "ñńņň"), ("O", "ÒÓÔÕÖŌŎŐ"), ("o", "òóôõöōŏő"), ("R", "ŔŖŘ"), ("r", "ŕŗř"),
        ("S", "ŚŜŞŠ"), ("s", "śŝşš"), ("T", "ŢŤ"), ("t", "ţť"), ("U", "ÙÚÛÜŨŪŬŮŰŲ"), ("u", "ùúûüũūŭůűų"),
        ("W", "Ŵ"), ("w", "ŵ"), ("Y", "ÝŶŸ"), ("y", "ýÿŷ"), ("Z", "ŹŻŽ"), ("z", "źżž"));

    private readonly HashSet<string> vocabulary;
    private readonly HashSet<string> stopWords;
    private readonly Dictionary<string, int> slots;
    private readonly string[] slotNames;
    private readonly float[] idf;
    private readonly Head exposure;
    private readonly Head automation;

    private LinearTextModel(
        int embeddingDimensions, string[] vocabulary, string[] stopWords, string[] slotNames, float[] idf, Head exposure, Head automation)
    {
        EmbeddingDimensions = embeddingDimensions;
        this.vocabulary = new HashSet<string>(vocabulary, StringComparer.Ordinal);
        this.stopWords = new HashSet<string>(stopWords, StringComparer.Ordinal);
        this.slotNames = slotNames;
        this.idf = idf;
        slots = new Dictionary<string, int>(slotNames.Length, StringComparer.Ordinal);
        for (var i = 0; i < slotNames.Length; i++)
        {
            slots.TryAdd(slotNames[i], i);
        }

        this.exposure = exposure;
        this.automation = automation;
    }

    /// <summary>Embedding dimensions in the features (0 when the model reads n-grams only).</summary>
    public int EmbeddingDimensions { get; }

    /// <summary>Word n-gram slots (0 when the model reads the embedding only).</summary>
    public int NgramSlots => slotNames.Length;

    /// <summary>True when the model has named features to explain a prediction with.</summary>
    public bool CanExplain => slotNames.Length > 0;

    /// <summary>Scores one text with its embedding (ignored when the model reads n-grams only).</summary>
    public TextSuitabilityPrediction Predict(string text, ReadOnlySpan<float> embedding, int topFeatures = 0)
    {
        ArgumentNullException.ThrowIfNull(text);
        var (words, known) = ContentWords(text);
        var ngrams = NgramFeatures(words);
        Span<float> exposureProbabilities = stackalloc float[exposure.Classes];
        Span<float> automationProbabilities = stackalloc float[automation.Classes];
        exposure.Probabilities(embedding, ngrams, EmbeddingDimensions, exposureProbabilities);
        automation.Probabilities(embedding, ngrams, EmbeddingDimensions, automationProbabilities);
        var automationArray = automationProbabilities.ToArray();
        var exposureArray = exposureProbabilities.ToArray();
        var best = 0;
        for (var i = 1; i < exposureArray.Length; i++)
        {
            if (exposureArray[i] > exposureArray[best])
            {
                best = i;
            }
        }

        return new TextSuitabilityPrediction
        {
            Class = (ExposureClass)best,
            Probabilities = exposureArray,
            AutomationProbabilities = automationArray,
            Words = words.Count,
            KnownWords = known,
            TopFeatures = topFeatures > 0 && ngrams.Count > 0 ? Explain(ngrams, automationArray, topFeatures) : [],
        };
    }

    /// <summary>The text as the pipeline's words: normalised, split on spaces, stop words removed; and how many are known.</summary>
    internal (List<string> Words, int Known) ContentWords(string text)
    {
        var words = new List<string>();
        var known = 0;
        foreach (var token in Normalize(text).Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (stopWords.Contains(token))
            {
                continue;
            }

            words.Add(token);
            if (vocabulary.Contains(token))
            {
                known++;
            }
        }

        return (words, known);
    }

    /// <summary>
    /// ML.NET's <c>NormalizeText</c> (lower case, keepDiacritics: false, keepPunctuations: false, keepNumbers: false):
    /// punctuation, numbers and combining diacritics dropped, letters with diacritics mapped to their base letter,
    /// then lower-cased with the invariant culture.
    /// </summary>
    internal static string Normalize(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var original in text)
        {
            if (char.IsPunctuation(original) || char.IsNumber(original) || IsCombiningDiacritic(original))
            {
                continue;
            }

            var ch = original >= '\u00C0' && BaseLetters.TryGetValue(original, out var letter) ? letter : original;
            builder.Append(char.ToLowerInvariant(ch));
        }

        return builder.ToString();
    }

    /// <summary>The combining diacritics ML.NET drops: basic (U+0300-036F), Hebrew and Arabic points.</summary>
    private static bool IsCombiningDiacritic(char ch) =>
        ch is (>= '\u0300' and <= '\u036F') or (>= '\u0591' and <= '\u05BD') or '\u05C1' or '\u05C2' or '\u05C4' or '\u05C5' or '\u05C7'
            or (>= '\u0610' and <= '\u0615') or (>= '\u064C' and <= '\u065E') or '\u0670';

    private static Dictionary<char, char> BuildBaseLetters(params (string Base, string Letters)[] groups)
    {
        var map = new Dictionary<char, char>();
        foreach (var (letter, variants) in groups)
        {
            foreach (var variant in variants)
            {
                map[variant] = letter[0];
            }
        }

        return map;
    }

    /// <summary>TF-IDF of the word 1-2-grams seen in training (adjacent content words), L2-normalised.</summary>
    private List<(int Slot, float Value)> NgramFeatures(List<string> words)
    {
        var features = new List<(int Slot, float Value)>();
        if (slotNames.Length == 0)
        {
            return features;
        }

        void Add(string gram)
        {
            if (!slots.TryGetValue(gram, out var slot))
            {
                return;
            }

            for (var i = 0; i < features.Count; i++)
            {
                if (features[i].Slot == slot)
                {
                    features[i] = (slot, features[i].Value + 1);
                    return;
                }
            }

            features.Add((slot, 1));
        }

        for (var i = 0; i < words.Count; i++)
        {
            Add(words[i]);
            if (i + 1 < words.Count)
            {
                Add(words[i] + "|" + words[i + 1]);
            }
        }

        var norm = 0.0;
        for (var i = 0; i < features.Count; i++)
        {
            var value = features[i].Value * idf[features[i].Slot];
            features[i] = (features[i].Slot, value);
            norm += (double)value * value;
        }

        if (norm > 0)
        {
            var scale = (float)(1 / Math.Sqrt(norm));
            for (var i = 0; i < features.Count; i++)
            {
                features[i] = (features[i].Slot, features[i].Value * scale);
            }
        }

        return features;
    }

    /// <summary>x_j times the gradient of E[T]/4 in n-gram j: x_j * sum_k p_k (k - E[T]) w_kj / 4 (as the ML.NET path explains).</summary>
    private List<TextFeatureContribution> Explain(List<(int Slot, float Value)> ngrams, float[] probabilities, int top)
    {
        var expected = 0.0;
        for (var k = 0; k < probabilities.Length; k++)
        {
            expected += k * probabilities[k];
        }

        var contributions = new List<TextFeatureContribution>();
        foreach (var (slot, value) in ngrams)
        {
            if (value == 0)
            {
                continue;
            }

            var direction = 0.0;
            for (var k = 0; k < probabilities.Length; k++)
            {
                direction += probabilities[k] * (k - expected) * automation.Weight(k, EmbeddingDimensions + slot);
            }

            if (direction != 0)
            {
                contributions.Add(new TextFeatureContribution(slotNames[slot].Replace('|', ' '), value * direction / (probabilities.Length - 1)));
            }
        }

        return contributions.OrderByDescending(c => Math.Abs(c.Contribution)).Take(top).ToList();
    }

    /// <summary>
    /// The compiled form of a trained ML.NET pipeline (AutomationScanner.Training's <c>SuitabilityModelFormat.Compile</c>)
    /// fitted on <paramref name="texts"/>, whose features are the sentence embedding (<paramref name="usesEmbedding"/>)
    /// and/or word 1-2-grams (<paramref name="usesWordNgrams"/>); null when its heads are not maximum-entropy linear
    /// models or its features are something else.
    /// </summary>
    internal static LinearTextModel? Compile(ITransformer model, IReadOnlyList<string> texts, bool usesEmbedding, bool usesWordNgrams)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(texts);
        var heads = model is IEnumerable<ITransformer> chain
            ? chain.OfType<IPredictionTransformer<object>>().Select(p => p.Model).ToList()
            : [];
        if (heads.Count != 2 || heads.Any(h => h is not MaximumEntropyModelParameters) || !(usesEmbedding || usesWordNgrams))
        {
            return null;
        }

        var ml = new MLContext(1);
        var schema = model.GetOutputSchema(SuitabilityModelFormat.InputSchema(ml));
        var featureCount = (schema[SuitabilityModelFormat.FeaturesColumn].Type as VectorDataViewType)?.Size ?? 0;
        var embeddingDimensions = usesEmbedding ? SuitabilityModelFormat.EmbeddingDimensions : 0;
        string[] ngramNames = [];
        if (usesWordNgrams)
        {
            VBuffer<ReadOnlyMemory<char>> names = default;
            schema[SuitabilityModelFormat.WordFeaturesColumn].GetSlotNames(ref names);
            ngramNames = names.DenseValues().Select(n => n.ToString()).ToArray();
        }

        if (embeddingDimensions + ngramNames.Length != featureCount)
        {
            return null;
        }

        VBuffer<ReadOnlyMemory<char>> keyValues = default;
        schema[SuitabilityModelFormat.WordKeysColumn].GetKeyValues(ref keyValues);
        var vocabulary = keyValues.DenseValues().Select(v => v.ToString()).ToArray();
        var stopWords = EnglishStopWords();
        var compiled = new LinearTextModel(
            embeddingDimensions, vocabulary, stopWords, ngramNames, new float[ngramNames.Length],
            Head.From((MaximumEntropyModelParameters)heads[0], featureCount), Head.From((MaximumEntropyModelParameters)heads[1], featureCount));

        // Inverse document frequency as the n-gram transform computed it on the rows it was fitted on (every task):
        // ln(rows / rows containing the n-gram).
        var documentFrequency = new int[ngramNames.Length];
        var seen = new HashSet<int>();
        foreach (var text in texts)
        {
            seen.Clear();
            var (words, _) = compiled.ContentWords(text);
            for (var i = 0; i < words.Count; i++)
            {
                if (compiled.slots.TryGetValue(words[i], out var unigram))
                {
                    seen.Add(unigram);
                }

                if (i + 1 < words.Count && compiled.slots.TryGetValue(words[i] + "|" + words[i + 1], out var bigram))
                {
                    seen.Add(bigram);
                }
            }

            foreach (var slot in seen)
            {
                documentFrequency[slot]++;
            }
        }

        for (var i = 0; i < documentFrequency.Length; i++)
        {
            compiled.idf[i] = documentFrequency[i] == 0 ? 0 : (float)Math.Log((double)texts.Count / documentFrequency[i]);
        }

        return compiled;
    }

    /// <summary>The English stop-word list of ML.NET's <c>RemoveDefaultStopWords</c>, as it ships in Microsoft.ML.Transforms.</summary>
    private static string[] EnglishStopWords()
    {
        var assembly = typeof(StopWordsRemovingEstimator).Assembly;
        using var stream = assembly.GetManifestResourceStream("Microsoft.ML.Transforms.Text.StopWords.English.txt")
            ?? throw new InvalidOperationException("ML.NET's English stop-word list is missing from Microsoft.ML.Transforms.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd().Split([',', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
    }

    public byte[] Serialize()
    {
        using var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true))
        {
            writer.Write(Magic);
            writer.Write(FormatVersion);
            writer.Write(EmbeddingDimensions);
            WriteStrings(writer, vocabulary.Order(StringComparer.Ordinal).ToArray());
            WriteStrings(writer, stopWords.Order(StringComparer.Ordinal).ToArray());
            WriteStrings(writer, slotNames);
            writer.Write(MemoryMarshal.AsBytes(idf.AsSpan()));
            exposure.Write(writer);
            automation.Write(writer);
        }

        return stream.ToArray();
    }

    public static LinearTextModel Deserialize(byte[] bytes)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        try
        {
            using var reader = new BinaryReader(new MemoryStream(bytes), Encoding.UTF8);
            if (reader.ReadUInt32() != Magic || reader.ReadInt32() != FormatVersion)
            {
                throw new FormatException("Not a compiled text model of this version; retrain the model with `scanner train`.");
            }

            var embeddingDimensions = reader.ReadInt32();
            if (embeddingDimensions is < 0 or > 4096)
            {
                throw new FormatException("Compiled text model header is out of range.");
            }

            var vocabulary = ReadStrings(reader, bytes.Length);
            var stopWords = ReadStrings(reader, bytes.Length);
            var slotNames = ReadStrings(reader, bytes.Length);
            var idf = ReadFloats(reader, slotNames.Length);
            var features = embeddingDimensions + slotNames.Length;
            var exposure = Head.Read(reader, features, bytes.Length);
            var automation = Head.Read(reader, features, bytes.Length);
            if (exposure.Classes != ExposureClassLabels.Codes.Count || automation.Classes != SuitabilityModelFormat.AutomationLevels)
            {
                throw new FormatException("Compiled text model heads have the wrong number of classes.");
            }

            return new LinearTextModel(embeddingDimensions, vocabulary, stopWords, slotNames, idf, exposure, automation);
        }
        catch (EndOfStreamException e)
        {
            throw new FormatException("Compiled text model is truncated.", e);
        }
    }

    private static void WriteStrings(BinaryWriter writer, string[] values)
    {
        writer.Write(values.Length);
        foreach (var value in values)
        {
            writer.Write(value);
        }
    }

    private static string[] ReadStrings(BinaryReader reader, int limit)
    {
        var count = reader.ReadInt32();
        if (count < 0 || count > limit)
        {
            throw new FormatException("Compiled text model list length is out of range.");
        }

        var values = new string[count];
        for (var i = 0; i < count; i++)
        {
            values[i] = reader.ReadString();
        }

        return values;
    }

    private static float[] ReadFloats(BinaryReader reader, int count)
    {
        var values = new float[count];
        var target = MemoryMarshal.AsBytes(values.AsSpan());
        if (reader.Read(target) != target.Length)
        {
            throw new EndOfStreamException();
        }

        return values;
    }

    /// <summary>One multinomial logistic head: P(k) = softmax(W x + b)_k, weights dense by class then feature.</summary>
    private sealed class Head(int classes, int features, float[] weights, float[] biases)
    {
        public int Classes => classes;

        public float Weight(int k, int feature) => weights[(k * features) + feature];

        public void Probabilities(ReadOnlySpan<float> embedding, List<(int Slot, float Value)> ngrams, int embeddingDimensions, Span<float> result)
        {
            var max = float.NegativeInfinity;
            for (var k = 0; k < classes; k++)
            {
                var row = weights.AsSpan(k * features, features);
                var score = biases[k];
                if (embeddingDimensions > 0 && embedding.Length == embeddingDimensions)
                {
                    score += TensorPrimitives.Dot(row[..embeddingDimensions], embedding);
                }

                foreach (var (slot, value) in ngrams)
                {
                    score += row[embeddingDimensions + slot] * value;
                }

                result[k] = score;
                max = Math.Max(max, score);
            }

            var sum = 0f;
            for (var k = 0; k < classes; k++)
            {
                result[k] = MathF.Exp(result[k] - max);
                sum += result[k];
            }

            for (var k = 0; k < classes; k++)
            {
                result[k] /= sum;
            }
        }

        public static Head From(MaximumEntropyModelParameters model, int features)
        {
            VBuffer<float>[] rows = [];
            model.GetWeights(ref rows, out var classes);
            var weights = new float[classes * features];
            for (var k = 0; k < classes; k++)
            {
                var row = rows[k];
                var values = row.GetValues();
                var indices = row.GetIndices();
                for (var n = 0; n < values.Length; n++)
                {
                    weights[(k * features) + (row.IsDense ? n : indices[n])] = values[n];
                }
            }

            return new Head(classes, features, weights, model.GetBiases().ToArray());
        }

        public void Write(BinaryWriter writer)
        {
            writer.Write(classes);
            writer.Write(MemoryMarshal.AsBytes(biases.AsSpan()));
            writer.Write(MemoryMarshal.AsBytes(weights.AsSpan()));
        }

        public static Head Read(BinaryReader reader, int features, int limit)
        {
            var classes = reader.ReadInt32();
            if (classes is < 2 or > 16 || (long)classes * features * 4 > limit)
            {
                throw new FormatException("Compiled text model head is out of range.");
            }

            var biases = ReadFloats(reader, classes);
            var weights = ReadFloats(reader, classes * features);
            return new Head(classes, features, weights, biases);
        }
    }
}
