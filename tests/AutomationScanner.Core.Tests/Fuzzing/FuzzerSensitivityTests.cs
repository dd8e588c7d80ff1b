using System.Text;
using Sylvan.Data.Csv;

namespace AutomationScanner.Core.Tests.Fuzzing;

/// <summary>
/// Would the fuzzer have found the crashes of issue 14? The same mutator, seed corpus, fixed seed and CI budget as
/// <see cref="ReaderFuzzTests"/>, pointed at a replica of the CSV reading before the fix (commit 65c0745^): Sylvan's
/// strict defaults for the sampled head (no lax quotes) and the main loop that caught only CsvRecordTooLargeException.
/// If this stops finding crashes, the fuzzer has lost its teeth, and a green ReaderFuzzTests proves nothing.
/// </summary>
public sealed class FuzzerSensitivityTests
{
    [Fact]
    public void Fuzz_PreFixCsvReading_FindsTheOldCrashesWithinTheBudget()
    {
        var corpus = ReaderFuzzTests.SeedCorpus("csv");
        var mutator = new Mutator(ReaderFuzzTests.SeedFor("csv"));
        var crashes = new Dictionary<string, int>(StringComparer.Ordinal);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var runs = 0;
        var firstAt = -1;
        while (clock.Elapsed < ReaderFuzzTests.Budget)
        {
            var input = mutator.Mutate(corpus[runs % corpus.Count], corpus);
            if (PreFixCrash(input) is { } kind)
            {
                crashes[kind] = crashes.GetValueOrDefault(kind) + 1;
                firstAt = firstAt < 0 ? runs : firstAt;
            }

            runs++;
        }

        var summary = string.Join(", ", crashes.Select(c => $"{c.Key} x{c.Value}"));
        TestContext.Current.TestOutputHelper?.WriteLine(FormattableString.Invariant($"pre-fix CSV reading: {runs} inputs in {clock.Elapsed.TotalSeconds:0.0} s, {crashes.Values.Sum()} crashes (first at input {firstAt}): {summary}"));
        Assert.True(crashes.Count > 0, $"no crash in {runs} inputs: the fuzzer would not have found the issue's crashes");
        Assert.Contains(crashes.Keys, k => k.StartsWith("Csv", StringComparison.Ordinal));
    }

    [Fact]
    public void PreFixReplica_IssueCrashCorpus_CrashesAsTheIssueSaid()
    {
        // The replica is only evidence if it fails the way the old reader did on the kept crash inputs.
        var folder = Path.Combine(AppContext.BaseDirectory, "TestData", "fuzz-crashes");
        // The issue's four hand-made crash files (the prefix-commit-* files were found by fuzzing the old commit itself).
        var kinds = Directory.EnumerateFiles(folder, "*.csv").Where(f => !Path.GetFileName(f).StartsWith("prefix-commit-", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal).Select(f => PreFixCrash(File.ReadAllBytes(f))).ToList();

        Assert.All(kinds, k => Assert.NotNull(k));
        Assert.Contains("CsvInvalidCharacterException", kinds);
    }

    /// <summary>The exception type that escaped the pre-fix reading, or null when it read or refused the input cleanly.</summary>
    private static string? PreFixCrash(byte[] input)
    {
        try
        {
            var text = Encoding.UTF8.GetString(input);
            var head = text.Length > 0x10000 ? text[..0x10000] : text;
            var lastNewline = head.LastIndexOf('\n');
            var complete = text.Length > head.Length && lastNewline > 0 ? head[..(lastNewline + 1)] : head;

            // Sampling the head: default (strict) options, as before the fix.
            using (var sample = CsvDataReader.Create(new StringReader(complete), new CsvDataReaderOptions { Delimiter = ',', HasHeaders = true }))
            {
                _ = Enumerable.Range(0, sample.FieldCount).Select(i => sample.GetName(i)).ToList();
                for (var n = 0; n < 200 && sample.Read(); n++)
                {
                    _ = Enumerable.Range(0, sample.RowFieldCount).Select(i => sample.GetString(i)).ToList();
                }
            }

            // The main loop: only a record that is too large was caught (the sampling above had no catch at all).
            try
            {
                using var csv = CsvDataReader.Create(new StringReader(text), new CsvDataReaderOptions { Delimiter = ',', HasHeaders = true, BufferSize = 0x10000, MaxBufferSize = 0x400000 });
                while (csv.Read())
                {
                    for (var i = 0; i < csv.RowFieldCount; i++)
                    {
                        _ = csv.GetString(i);
                    }
                }
            }
            catch (CsvRecordTooLargeException)
            {
                return null;
            }

            return null;
        }
#pragma warning disable CA1031 // Whatever else escaped would have aborted the scan.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            return ex.GetType().Name;
        }
    }
}
