using System.Text;
using AutomationScanner.Core.Ingestion;
using AutomationScanner.Core.Ingestion.Common;
using AutomationScanner.Core.Mining;

namespace AutomationScanner.Core.Tests.Ingestion;

public sealed class BadInputTests
{
    [Fact]
    public void Mine_EmptyFile_NamesFileAndSaysEmpty()
    {
        var error = Assert.Throws<IngestionException>(() => TestFiles.MineText("empty.csv", string.Empty));

        Assert.Equal("empty.csv: the file is empty", error.Message);
    }

    [Fact]
    public void Mine_BinaryJunk_RefusedAsNotText()
    {
        var junk = new byte[4096];
        new Random(7).NextBytes(junk);

        var error = Assert.Throws<IngestionException>(() =>
            EventLogReader.Mine("export.csv", new MemoryStream(junk), cancellationToken: TestContext.Current.CancellationToken));

        Assert.StartsWith("export.csv: this is not a text event log: binary content", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Mine_CorruptGzip_NamesFile()
    {
        byte[] notGzip = [0x1F, 0x8B, 8, 0, 0, 0, 0, 0, 0, 3, 1, 2, 3, 4, 5, 6, 7, 8, 9];

        var error = Assert.Throws<IngestionException>(() =>
            EventLogReader.Mine("log.xes.gz", new MemoryStream(notGzip), cancellationToken: TestContext.Current.CancellationToken));

        Assert.StartsWith("log.xes.gz:", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Mine_TruncatedXes_KeepsCompleteTracesAndReportsTheCut()
    {
        var whole = File.ReadAllText(TestFiles.Sample("running-example.xes"));
        var cut = whole[..(whole.IndexOf("</trace>", whole.IndexOf("</trace>", StringComparison.Ordinal) + 1, StringComparison.Ordinal) + 200)];

        var sut = TestFiles.MineText("cut.xes", cut);

        Assert.Equal(2, sut.Summary.Cases);
        var issue = Assert.Single(sut.Summary.DataQuality, i => i.Kind == DataQualityKinds.MalformedEvent);
        Assert.Contains("cut.xes line", issue.Examples[0], StringComparison.Ordinal);
        Assert.Contains("truncated or malformed", issue.Examples[0], StringComparison.Ordinal);
    }

    [Fact]
    public void Mine_XesCutBeforeFirstTrace_FailsWithLine()
    {
        var whole = File.ReadAllText(TestFiles.Sample("running-example.xes"));

        var error = Assert.Throws<IngestionException>(() => TestFiles.MineText("head.xes", whole[..300]));

        Assert.Matches(@"^head\.xes line \d+: not a readable XES document", error.Message);
    }

    [Fact]
    public void Mine_CsvRowMissingFields_CountsFaultWithLineAndKeepsOtherRows()
    {
        const string csv = """
            case,activity,timestamp,resource
            1,Register,2024-01-01T09:00:00Z,ann
            1,Check
            1,Approve,2024-01-01T10:00:00Z,bob
            """;

        var sut = TestFiles.MineText("rows.csv", csv);

        Assert.Equal(2, sut.Summary.Events);
        var issue = Assert.Single(sut.Summary.DataQuality);
        Assert.Equal(DataQualityKinds.MissingField, issue.Kind);
        Assert.Equal("rows.csv line 3, field 'timestamp': missing (the row has 2 of 4 fields)", issue.Examples[0]);
    }

    [Fact]
    public void Mine_UnparseableTimestamps_CountedWithFirstExamples()
    {
        var csv = new StringBuilder("case,activity,timestamp\n");
        for (var i = 0; i < 8; i++)
        {
            csv.Append("c1,Step,not a date ").Append(i).Append('\n');
        }

        csv.Append("c1,Step,2024-03-01 10:00:00\n");

        var sut = TestFiles.MineText("times.csv", csv.ToString());

        var issue = Assert.Single(sut.Summary.DataQuality, i => i.Kind == DataQualityKinds.BadTimestamp);
        Assert.Equal(8, issue.Count);
        Assert.Equal(DataQualityLog.ExamplesPerKind, issue.Examples.Count);
        Assert.Equal("times.csv line 2, field 'timestamp': cannot read 'not a date 0' as a timestamp", issue.Examples[0]);
        Assert.Equal(1, sut.Summary.Events);
    }

    [Fact]
    public void Mine_NoUsableRows_FailsAndQuotesFirstProblems()
    {
        const string csv = "case,activity,timestamp\nc1,Step,yesterday\nc2,Step,tomorrow\n";

        var error = Assert.Throws<IngestionException>(() => TestFiles.MineText("bad.csv", csv));

        Assert.StartsWith("bad.csv: no usable events: 2 data rows, none readable (bad.csv line 2, field 'timestamp'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Mine_NoRecognisableCaseColumn_NamesColumnsAndSuggestsMapping()
    {
        const string csv = "who,what,when\nann,Register,2024-01-01T09:00:00Z\nbob,Check,2024-01-01T10:00:00Z\n";

        var error = Assert.Throws<IngestionException>(() => TestFiles.MineText("nocase.csv", csv));

        Assert.Equal("nocase.csv line 1, field 'case': no case column recognised among [who, what, when]; name it explicitly, e.g. --map case=COLUMN", error.Message);
    }

    [Fact]
    public void Mine_ExplicitMapping_OverridesGuess()
    {
        const string csv = "who,what,when\nann,Register,2024-01-01T09:00:00Z\nann,Check,2024-01-01T10:00:00Z\nbob,Register,2024-01-02T09:00:00Z\n";
        var options = new IngestionOptions { Columns = ColumnMapping.Parse("case=who,activity=what,timestamp=when") };

        var sut = TestFiles.MineText("mapped.csv", csv, options);

        Assert.Equal(2, sut.Summary.Cases);
        Assert.Equal(2, sut.Activity("Register").Cases);
    }

    [Fact]
    public void Mine_MappingNamesMissingColumn_FailsWithHeader()
    {
        const string csv = "case,activity,timestamp\n1,A,2024-01-01T09:00:00Z\n";
        var options = new IngestionOptions { Columns = ColumnMapping.Parse("resource=User") };

        var error = Assert.Throws<IngestionException>(() => TestFiles.MineText("m.csv", csv, options));

        Assert.Equal("m.csv line 1, field 'User': the mapping names column 'User' for resource, but the header has [case, activity, timestamp]", error.Message);
    }

    [Fact]
    public void Mine_OneColumnText_FailsWithNoDelimiter()
    {
        var error = Assert.Throws<IngestionException>(() => TestFiles.MineText("notes.csv", "just some words\nand more words\n"));

        Assert.StartsWith("notes.csv line 1: no delimiter found", error.Message, StringComparison.Ordinal);
    }
}
