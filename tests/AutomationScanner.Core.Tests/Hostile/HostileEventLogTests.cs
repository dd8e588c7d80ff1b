using System.Text;
using AutomationScanner.Core.Ingestion;
using AutomationScanner.Core.Mining;
using AutomationScanner.Core.Model;
using AutomationScanner.Core.Scanning;
using Microsoft.Extensions.Logging.Abstractions;

namespace AutomationScanner.Core.Tests.Hostile;

/// <summary>
/// The event-log cases of issue 14: malformed CSV, memory and CPU bombs, silent loss. Bombs are built here, and
/// each one's cost is bounded by measuring what this thread allocates (total allocation bounds the peak).
/// </summary>
public sealed class HostileEventLogTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static MinedProcess Mine(string name, byte[] content, IngestionOptions? options = null) =>
        EventLogReader.Mine(name, new MemoryStream(content), options, Ct);

    private static (T Result, long Allocated) Measure<T>(Func<T> action)
    {
        var before = GC.GetAllocatedBytesForCurrentThread();
        var result = action();
        return (result, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    [Fact]
    public void Csv_StrayQuoteInsideAField_IsReadNotFatal()
    {
        var csv = HostileFiles.ValidCsv(5).Replace("c0,Check invoice", "c0,\"Check\" invoice", StringComparison.Ordinal);

        var mined = TestFiles.MineText("quotes.csv", csv);

        Assert.Equal(15, mined.Summary.Events);
        Assert.Contains(mined.Activities, a => a.Activity.StartsWith("Check", StringComparison.Ordinal) && a.Activity.EndsWith("invoice", StringComparison.Ordinal));
    }

    [Fact]
    public void Csv_QuoteNeverClosedLateInTheFile_KeepsTheRowsBeforeAndSaysSo()
    {
        var csv = HostileFiles.ValidCsv(40);
        var at = csv.IndexOf("c30,Check invoice", StringComparison.Ordinal);
        csv = csv[..at] + "c30,\"Check invoice" + csv[(at + "c30,Check invoice".Length)..];

        var mined = TestFiles.MineText("unclosed.csv", csv);

        Assert.True(mined.Summary.Events >= 90, $"{mined.Summary.Events} events");
        var issues = mined.Summary.DataQuality.SelectMany(i => i.Examples).ToList();
        Assert.Contains(issues, e => e.Contains("unclosed.csv line", StringComparison.Ordinal));
    }

    [Fact]
    public void Csv_HeaderOf20000Characters_IsRead()
    {
        var extra = string.Join(',', Enumerable.Range(0, 1800).Select(i => FormattableString.Invariant($"attribute_{i:0000}")));
        var rows = HostileFiles.ValidCsv(3).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var csv = new StringBuilder(rows[0] + "," + extra + "\n");
        foreach (var row in rows.Skip(1))
        {
            csv.Append(row).Append(',', 1800).Append('\n');
        }

        Assert.True(csv.ToString().IndexOf('\n', StringComparison.Ordinal) > 16_000);
        var mined = TestFiles.MineText("wide.csv", csv.ToString());

        Assert.Equal(9, mined.Summary.Events);
    }

    [Fact]
    public void Csv_FirstLineLongerThanTheHead_RefusedNamingLineOne()
    {
        var csv = "case,activity,timestamp," + new string('x', 70_000) + "\nc1,A,2024-01-01T00:00:00Z,\n";

        var error = Assert.Throws<IngestionException>(() => TestFiles.MineText("huge-header.csv", csv));

        Assert.StartsWith("huge-header.csv line 1:", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Csv_FourMegabyteLineOfCommas_RefusedQuicklyWithTheLimit()
    {
        var csv = HostileFiles.Header + new string(',', 4 << 20) + "\n" + HostileFiles.ValidCsv(2)[HostileFiles.Header.Length..];

        var (error, allocated) = Measure(() => Assert.ThrowsAny<Exception>(() => TestFiles.MineText("commas.csv", csv)));

        var ingestion = Assert.IsType<IngestionException>(error);
        Assert.Contains("commas.csv line 2", ingestion.Message, StringComparison.Ordinal);
        Assert.True(allocated < 600L << 20, $"{allocated >> 20} MB allocated");
    }

    [Fact]
    public void Csv_MoreColumnsThanTheLimit_Refused()
    {
        var csv = "case,activity,timestamp" + string.Concat(Enumerable.Repeat(",x", 3000)) + "\nc1,A,2024-01-01T00:00:00Z\n";

        var error = Assert.Throws<IngestionException>(() => TestFiles.MineText("many.csv", csv));

        Assert.Contains("MaxColumns", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void XesGz_UnclosedElementsBomb_RefusedAtTheDepthLimit()
    {
        // 1.5 million unclosed elements: about 4.5 MB of markup that compresses to a few kilobytes.
        var bomb = HostileFiles.GzipRepeated("<log>"u8.ToArray(), "<a>"u8.ToArray(), 1_500_000);

        var (error, allocated) = Measure(() => Assert.Throws<IngestionException>(() => Mine("bomb.xes.gz", bomb)));

        Assert.StartsWith("bomb.xes.gz line 1:", error.Message, StringComparison.Ordinal);
        Assert.Contains("MaxXmlDepth", error.Message, StringComparison.Ordinal);
        Assert.True(allocated < 64L << 20, $"{allocated >> 20} MB allocated");
    }

    [Fact]
    public void CsvGz_RatioBomb_RefusedAsDecompressionBomb()
    {
        var row = Encoding.UTF8.GetBytes("c1,Check invoice,2024-03-01T09:00:00Z,clerk\n");
        var bomb = HostileFiles.GzipRepeated(Encoding.UTF8.GetBytes(HostileFiles.Header), row, 200_000);
        var limits = new InputLimits { RatioCheckAfterBytes = 1 << 20, MaxCompressionRatio = 50 };

        var error = Assert.Throws<IngestionException>(() => Mine("rows.csv.gz", bomb, new IngestionOptions { Limits = limits }));

        Assert.Contains("MaxCompressionRatio", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CsvGz_LargerThanTheDecompressedLimit_Refused()
    {
        var csv = Encoding.UTF8.GetBytes(HostileFiles.ValidCsv(30_000));
        var limits = new InputLimits { MaxDecompressedBytes = 1 << 20 };

        var error = Assert.Throws<IngestionException>(() => Mine("big.csv.gz", HostileFiles.Gzip(csv), new IngestionOptions { Limits = limits }));

        Assert.Contains("MaxDecompressedBytes", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CsvGz_AllRowsInOneCase_CappedWithANoteAndBoundedMemory()
    {
        // 400,000 events of one case: the default cap keeps 250,000 and says what it dropped.
        var rows = new StringBuilder();
        for (var i = 0; i < 1000; i++)
        {
            rows.Append(FormattableString.Invariant($"c1,Step {i % 7},2024-03-01T09:{i / 60 % 60:00}:{i % 60:00}Z,clerk\n"));
        }

        var bomb = HostileFiles.GzipRepeated(Encoding.UTF8.GetBytes(HostileFiles.Header), Encoding.UTF8.GetBytes(rows.ToString()), 400);

        var (mined, allocated) = Measure(() => Mine("onecase.csv.gz", bomb));

        Assert.Equal(InputLimits.Default.MaxEventsPerCase, mined.Summary.Events);
        Assert.Contains(mined.Summary.DataQuality, i => i.Kind == DataQualityKinds.CaseTooLong);
        Assert.True(allocated < 512L << 20, $"{allocated >> 20} MB allocated");
    }

    [Fact]
    public void Csv_MoreDistinctActivitiesThanTheLimit_DropsTheRestWithANote()
    {
        var csv = new StringBuilder(HostileFiles.Header);
        for (var i = 0; i < 300; i++)
        {
            csv.Append(FormattableString.Invariant($"c{i},Activity {i},2024-03-01T09:00:00Z,r\n"));
        }

        var mined = TestFiles.MineText("wide-activities.csv", csv.ToString(), new IngestionOptions { Limits = new InputLimits { MaxActivities = 100 } });

        Assert.Equal(100, mined.Activities.Count);
        Assert.Contains(mined.Summary.DataQuality, i => i.Kind == DataQualityKinds.TooManyActivities && i.Count == 200);
    }

    [Fact]
    public void CsvGz_TruncatedAtARowBoundary_IsNotSilent()
    {
        var csv = HostileFiles.ValidCsv(200);
        var cut = HostileFiles.GzipCutAtRowBoundary(csv);

        var mined = Mine("cut.csv.gz", cut);

        Assert.True(mined.Summary.Events < 600);
        var note = Assert.Single(mined.Summary.DataQuality, i => i.Kind == DataQualityKinds.EncodingOrCompression);
        Assert.Contains("truncated", note.Examples[0], StringComparison.Ordinal);
    }

    [Fact]
    public void CsvGz_Whole_HasNoCompressionNote()
    {
        var mined = Mine("whole.csv.gz", HostileFiles.Gzip(Encoding.UTF8.GetBytes(HostileFiles.ValidCsv(200))));

        Assert.Equal(600, mined.Summary.Events);
        Assert.DoesNotContain(mined.Summary.DataQuality, i => i.Kind == DataQualityKinds.EncodingOrCompression);
    }

    [Fact]
    public void Csv_InvalidUtf8AfterTheHead_CountedInANote()
    {
        var valid = Encoding.UTF8.GetBytes(HostileFiles.ValidCsv(2000));
        var bad = "c9999,Pr\u00FCfen,2024-03-01T09:00:00Z,r\n"u8.ToArray();
        var latin = Encoding.Latin1.GetBytes("c9999,Pr\u00FCfen,2024-03-01T09:00:00Z,r\n");
        Assert.NotEqual(bad, latin);

        var mined = Mine("mixed.csv", [.. valid, .. latin]);

        var note = Assert.Single(mined.Summary.DataQuality, i => i.Kind == DataQualityKinds.EncodingOrCompression);
        Assert.Contains("1 invalid UTF-8", note.Examples[0], StringComparison.Ordinal);
    }

    [Fact]
    public void Csv_NotUtf8FromTheStart_ReadAsLatin1WithANote()
    {
        var mined = Mine("latin.csv", Encoding.Latin1.GetBytes(HostileFiles.ValidCsv(3).Replace("Check invoice", "Pr\u00FCfen", StringComparison.Ordinal)));

        Assert.Contains(mined.Activities, a => a.Activity == "Pr\u00FCfen");
        var note = Assert.Single(mined.Summary.DataQuality, i => i.Kind == DataQualityKinds.EncodingOrCompression);
        Assert.Contains("Latin-1", note.Examples[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Scan_OneMalformedAndOneThrowingInput_OthersStillScanned()
    {
        var good = Encoding.UTF8.GetBytes(HostileFiles.ValidCsv(10));
        ScanInput[] inputs =
        [
            new("good.csv", _ => Task.FromResult<Stream>(new MemoryStream(good))),
            new("huge-header.csv", _ => Task.FromResult<Stream>(new MemoryStream(Encoding.UTF8.GetBytes("a," + new string('b', 80_000) + "\n")))),
            new("broken-source.csv", _ => Task.FromResult<Stream>(new ThrowingStream())),
        ];
        var sut = new ScanPipeline(IngestionOptions.Default, TimeProvider.System, NullLogger<ScanPipeline>.Instance);

        var report = await sut.RunAsync(inputs, "t", Ct);

        Assert.True(report.Inputs.Single(i => i.Name == "good.csv").Read);
        Assert.StartsWith("huge-header.csv line 1:", report.Inputs.Single(i => i.Name == "huge-header.csv").Error, StringComparison.Ordinal);
        Assert.StartsWith("broken-source.csv: could not be read (NotSupportedException", report.Inputs.Single(i => i.Name == "broken-source.csv").Error, StringComparison.Ordinal);
        Assert.NotEmpty(report.Opportunities);
    }

    [Fact]
    public async Task Scan_SameFileNameInTwoFolders_BothReadAndReported()
    {
        var root = Directory.CreateTempSubdirectory("hostile-");
        try
        {
            foreach (var folder in new[] { "a", "b" })
            {
                Directory.CreateDirectory(Path.Combine(root.FullName, folder));
                await File.WriteAllTextAsync(Path.Combine(root.FullName, folder, "log.csv"), HostileFiles.ValidCsv(folder == "a" ? 3 : 5), Ct);
            }

            var inputs = ScanInput.FromPaths([Path.Combine(root.FullName, "a"), Path.Combine(root.FullName, "b")]);
            var sameName = new[] { inputs[0], inputs[1] with { Name = inputs[0].Name } };
            var sut = new ScanPipeline(IngestionOptions.Default, TimeProvider.System, NullLogger<ScanPipeline>.Instance);

            var fromPaths = await sut.RunAsync(inputs, "t1", Ct);
            var duplicated = await sut.RunAsync(sameName, "t2", Ct);

            Assert.Equal(2, fromPaths.Inputs.Select(i => i.Name).Distinct().Count());
            Assert.All(fromPaths.Inputs, i => Assert.True(i.Read));
            Assert.Equal(24, fromPaths.Processes.Sum(p => p.Events));
            Assert.Equal(2, duplicated.Inputs.Select(i => i.Name).Distinct().Count());
            Assert.Equal(24, duplicated.Processes.Sum(p => p.Events));
        }
        finally
        {
            root.Delete(recursive: true);
        }
    }

    private sealed class ThrowingStream : MemoryStream
    {
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException("the source broke");

        public override int Read(Span<byte> buffer) => throw new NotSupportedException("the source broke");
    }
}
