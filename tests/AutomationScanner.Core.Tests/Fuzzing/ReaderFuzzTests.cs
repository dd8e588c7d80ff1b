using System.Globalization;
using System.IO.Compression;
using System.Text;
using AutomationScanner.Core.Documents;
using AutomationScanner.Core.Ingestion;
using AutomationScanner.Core.Ingestion.Common;
using AutomationScanner.Core.Model;
using AutomationScanner.Core.Tests.Documents;
using AutomationScanner.Core.Tests.Hostile;

namespace AutomationScanner.Core.Tests.Fuzzing;

/// <summary>
/// Mutation fuzzing of every reader (CSV, XES, their .gz, DOCX, PDF, HTML, Markdown) with a fixed seed and a time
/// budget per format (FUZZ_SECONDS, default 5 s since round 49, 8 s since round 42, 12 s before; FUZZ_SEED to explore;
/// round 49, CI time: the nine fuzz loops were 72 of the Core tests' test-seconds, and the sensitivity check finds its first
/// crash at input 31 of about 12,000). A crash is any exception other than the
/// reader's own clear error (IngestionException for logs; a DocumentExtraction with Error for documents). Crashing
/// inputs found once are kept in TestData/fuzz-crashes and replayed on every run.
/// </summary>
public sealed class ReaderFuzzTests
{
    internal static readonly int Seed = int.TryParse(Environment.GetEnvironmentVariable("FUZZ_SEED"), out var s) ? s : 20261201;

    internal static readonly TimeSpan Budget = TimeSpan.FromSeconds(
        double.TryParse(Environment.GetEnvironmentVariable("FUZZ_SECONDS"), NumberStyles.Float, CultureInfo.InvariantCulture, out var b) ? b : 5);

    // Small caps keep each input cheap; the limits themselves are tested with real-size bombs elsewhere.
    private static readonly IngestionOptions Options = new() { Limits = new InputLimits { MaxDecompressedBytes = 16 << 20, RatioCheckAfterBytes = 1 << 20 } };

    private static readonly DocumentOptions Documents = new() { MaxPartCharacters = 8 << 20, MaxPdfDecompressedBytes = 32 << 20 };

    /// <summary>
    /// The mutator's seed for a format. Not string.GetHashCode, which .NET randomises per process: with it, the
    /// "fixed seed" ran different inputs on every run.
    /// </summary>
    internal static int SeedFor(string format)
    {
        var hash = 2166136261u;
        foreach (var c in format)
        {
            hash = unchecked((hash ^ c) * 16777619u);
        }

        return Seed ^ unchecked((int)hash);
    }

    public static TheoryData<string> Formats() => ["csv", "xes", "csv.gz", "docx", "pdf", "html", "md"];

    [Theory]
    [MemberData(nameof(Formats))]
    public void Fuzz_Reader_NoCrashes(string format)
    {
        var corpus = SeedCorpus(format);
        var mutator = new Mutator(SeedFor(format));
        var crashes = new List<string>();
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var runs = 0;
        while (clock.Elapsed < Budget && crashes.Count < 5)
        {
            var input = mutator.Mutate(corpus[runs % corpus.Count], corpus);
            if (format.EndsWith(".gz", StringComparison.Ordinal) && runs % 2 == 0)
            {
                input = HostileFiles.Gzip(input, CompressionLevel.Fastest);
            }

            if (Crash(format, input) is { } crash)
            {
                crashes.Add(crash);
                Save(format, input);
            }

            runs++;
        }

        TestContext.Current.TestOutputHelper?.WriteLine(FormattableString.Invariant($"{format}: {runs} inputs in {clock.Elapsed.TotalSeconds:0.0} s, {crashes.Count} crashes (seed {Seed})"));
        Assert.True(runs > 20, $"only {runs} inputs ran");
        Assert.True(crashes.Count == 0, string.Join("\n", crashes));
    }

    public static TheoryData<string> CrashCorpus() =>
        [.. Directory.EnumerateFiles(Path.Combine(AppContext.BaseDirectory, "TestData", "fuzz-crashes")).Select(f => Path.GetFileName(f)).Where(f => !f.EndsWith(".md", StringComparison.Ordinal) || f.Contains('.', StringComparison.Ordinal)).Order(StringComparer.Ordinal)];

    [Theory]
    [MemberData(nameof(CrashCorpus))]
    public void Replay_PastCrash_NowAClearErrorOrRead(string file)
    {
        var bytes = File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "TestData", "fuzz-crashes", file));
        var format = file[(file.IndexOf('.', StringComparison.Ordinal) + 1)..];

        Assert.Null(Crash(format, bytes));
    }

    /// <summary>Null when the reader read the input or refused it with its own clear error; otherwise what escaped.</summary>
    private static string? Crash(string format, byte[] input)
    {
        var name = "fuzz." + format;
        try
        {
            if (format is "csv" or "xes" or "csv.gz")
            {
                EventLogReader.Mine(name, new MemoryStream(input), Options, TestContext.Current.CancellationToken);
            }
            else
            {
                var result = new DocumentReader(Documents).Read(new MemoryStream(input), name, TestContext.Current.CancellationToken);
                if (result.Error is { } error && !error.StartsWith(name, StringComparison.Ordinal))
                {
                    return "error without the file name: " + error;
                }
            }

            return null;
        }
        catch (IngestionException ex) when (ex.Message.StartsWith(name, StringComparison.Ordinal))
        {
            return null;
        }
#pragma warning disable CA1031 // The point: anything else that escapes is a crash to report.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            return $"{format}: {ex.GetType().Name}: {ex.Message.Split('\n')[0]}";
        }
    }

    private static void Save(string format, byte[] input)
    {
        // Next to the test binaries: copy new crashes into TestData/fuzz-crashes to keep them as regression tests.
        var folder = Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "fuzz-new-crashes"));
        File.WriteAllBytes(Path.Combine(folder.FullName, $"{Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(input))[..12]}.{format}"), input);
    }

    internal static List<byte[]> SeedCorpus(string format) => format switch
    {
        "csv" or "csv.gz" =>
        [
            Encoding.UTF8.GetBytes(HostileFiles.ValidCsv(6)),
            Encoding.UTF8.GetBytes("Case ID;Activity;Start Timestamp;Complete Timestamp;Resource\n1;\"Check \"\"A\"\"\";01-02-2024 09:00;01-02-2024 09:30;Ann\n1;Pay;01-02-2024 10:00;01-02-2024 10:05;Bob\n"),
            TestFiles.ReadAll(TestFiles.Sample("receipt.csv.gz"))[..4000],
        ],
        "xes" =>
        [
            File.ReadAllBytes(TestFiles.Sample("running-example.xes"))[..6000],
            Encoding.UTF8.GetBytes("<log><trace><string key=\"concept:name\" value=\"1\"/><event><string key=\"concept:name\" value=\"A\"/><date key=\"time:timestamp\" value=\"2024-01-01T00:00:00Z\"/></event></trace></log>"),
        ],
        "docx" => [DocumentTestFiles.InvoiceSopDocx().ToArray()],
        "pdf" => [DocumentTestFiles.Pdf(["1. Check the invoice in SAP.", "2. Post the invoice.", "Role: AP clerk"]).ToArray()],
        "html" => [Encoding.UTF8.GetBytes("<html><body><h1>Invoices</h1><ol><li>Check the invoice in SAP.</li><li>Post it.</li></ol><table><tr><th>Step</th><th>Role</th></tr><tr><td>Approve</td><td>Manager</td></tr></table></body></html>")],
        _ => [File.ReadAllBytes(TestFiles.Sample("helpdesk-ticket-handling-sop.md"))],
    };
}
