using System.Globalization;
using AutomationScanner.Core.Classification.Llm;

namespace AutomationScanner.Core.Tests.Classification.Llm;

/// <summary>
/// The redactor on a corpus of 230 strings (TestData/pii/corpus.tsv): 125 with personal data in the formats of
/// issue 14 (Unicode names, particles, national ids with check digits, phones with spaces, dates of birth,
/// obfuscated e-mail) and 105 business sentences without any. Leaks and false positives are counted and reported
/// in docs/hostile-input.md; the bounds below are today's measured figures, so a change can only make them better.
/// </summary>
public sealed class PersonalDataCorpusTests
{
    private const int MaxLeaks = 0;
    private const int MaxFalsePositives = 0;

    /// <summary>Held-out batch (TestData/pii/heldout.tsv): written and committed before its first run; see docs/hostile-input.md for the figures before and after.</summary>
    private const int MaxHeldOutLeaks = 3;
    private const int MaxHeldOutFalsePositives = 1;

    private static List<(string Expect, string Category, string Text, string[] Secrets)> Corpus(string file = "corpus.tsv") =>
        [.. File.ReadLines(Path.Combine(AppContext.BaseDirectory, "TestData", "pii", file))
            .Where(l => l.Length > 0 && !l.StartsWith('#'))
            .Select(l => l.Split('\t'))
            .Select(p => (p[0], p[1], p[2], p.Length > 3 ? p[3].Split('|', StringSplitOptions.RemoveEmptyEntries) : []))];

    [Fact]
    public void Corpus_HasAtLeast200StringsWithAndWithoutPersonalData()
    {
        var corpus = Corpus();

        Assert.True(corpus.Count >= 200, corpus.Count.ToString(CultureInfo.InvariantCulture));
        Assert.True(corpus.Count(c => c.Expect == "pii") >= 100);
        Assert.True(corpus.Count(c => c.Expect == "clean") >= 100);
        Assert.All(corpus.Where(c => c.Expect == "pii"), c => Assert.All(c.Secrets, s => Assert.Contains(s, c.Text, StringComparison.Ordinal)));
    }

    [Fact]
    public void Redact_Corpus_LeaksAndFalsePositivesWithinTheMeasuredBounds() => Measure(Corpus(), MaxLeaks, MaxFalsePositives);

    [Fact]
    public void HeldOutBatch_HasAtLeast80StringsWithAndWithoutPersonalData()
    {
        var batch = Corpus("heldout.tsv");

        Assert.True(batch.Count >= 80, batch.Count.ToString(CultureInfo.InvariantCulture));
        Assert.True(batch.Count(c => c.Expect == "pii") >= 40);
        Assert.True(batch.Count(c => c.Expect == "clean") >= 40);
        Assert.All(batch.Where(c => c.Expect == "pii"), c => Assert.All(c.Secrets, s => Assert.Contains(s, c.Text, StringComparison.Ordinal)));
    }

    [Fact]
    public void Redact_HeldOutBatch_LeaksAndFalsePositivesWithinTheMeasuredBounds() => Measure(Corpus("heldout.tsv"), MaxHeldOutLeaks, MaxHeldOutFalsePositives);

    private static void Measure(List<(string Expect, string Category, string Text, string[] Secrets)> corpus, int maxLeaks, int maxFalsePositives)
    {
        var leaks = new List<string>();
        var falsePositives = new List<string>();
        foreach (var (expect, category, text, secrets) in corpus)
        {
            var redacted = PersonalDataRedactor.Redact(text);
            if (expect == "pii")
            {
                var left = secrets.Where(s => redacted.Contains(s, StringComparison.Ordinal)).ToList();
                if (left.Count > 0)
                {
                    leaks.Add($"[{category}] {text} -> {redacted}");
                }
            }
            else if (redacted != text)
            {
                falsePositives.Add($"{text} -> {redacted}");
            }
        }

        var report = $"leaks {leaks.Count}/{corpus.Count(c => c.Expect == "pii")}: {string.Join(" || ", leaks)}\nfalse positives {falsePositives.Count}/{corpus.Count(c => c.Expect == "clean")}: {string.Join(" || ", falsePositives)}";
        TestContext.Current.TestOutputHelper?.WriteLine(report);
        Assert.True(leaks.Count <= maxLeaks && falsePositives.Count <= maxFalsePositives, report);
    }

    [Theory]
    [InlineData("86095742719", true)]
    [InlineData("86095742718", false)]
    [InlineData("12345678901", false)]
    public void IsGermanTaxId_ChecksTheDigitAndTheRepeatRule(string digits, bool valid) =>
        Assert.Equal(valid, PersonalDataRedactor.IsGermanTaxId(digits));

    [Theory]
    [InlineData("90021501237", true)]
    [InlineData("90021501238", false)]
    [InlineData("90131501237", false)]
    public void IsPesel_ChecksDateAndDigit(string digits, bool valid) =>
        Assert.Equal(valid, PersonalDataRedactor.IsPesel(digits));

    [Theory]
    [InlineData("12345678Z", true)]
    [InlineData("12345678A", false)]
    [InlineData("X1234567L", true)]
    public void IsSpanishId_ChecksTheLetter(string id, bool valid) =>
        Assert.Equal(valid, PersonalDataRedactor.IsSpanishId(id));

    [Theory]
    [InlineData("1 85 05 78 006 084 91", true)]
    [InlineData("1 85 05 78 006 084 92", false)]
    public void IsFrenchNir_ChecksTheKey(string nir, bool valid) =>
        Assert.Equal(valid, PersonalDataRedactor.IsFrenchNir(nir));
}
