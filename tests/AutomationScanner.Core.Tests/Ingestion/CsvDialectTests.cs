using System.Text;
using AutomationScanner.Core.Ingestion;
using AutomationScanner.Core.Ingestion.Common;

namespace AutomationScanner.Core.Tests.Ingestion;

public sealed class CsvDialectTests
{
    private const string Log = """
        Case ID;Activity;Complete Timestamp;User
        A;"Register; first step";2024/01/02 09:00:00.000;ann
        A;Check;2024/01/02 09:30:00.000;bob
        B;"Register; first step";2024/01/03 11:00:00.000;ann
        """;

    public static TheoryData<string> Encodings => new() { "utf-8", "utf-8-bom", "utf-16le", "utf-16be", "utf-16le-nobom" };

    [Theory]
    [MemberData(nameof(Encodings))]
    public void Mine_SemicolonQuotedInAnyEncoding_ReadsSameLog(string encodingName)
    {
        var bytes = encodingName switch
        {
            "utf-8" => Encoding.UTF8.GetBytes(Log),
            "utf-8-bom" => [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(Log)],
            "utf-16le" => [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(Log)],
            "utf-16be" => [.. Encoding.BigEndianUnicode.GetPreamble(), .. Encoding.BigEndianUnicode.GetBytes(Log)],
            _ => Encoding.Unicode.GetBytes(Log),
        };

        var sut = EventLogReader.Mine("dialect.csv", new MemoryStream(bytes), cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(2, sut.Summary.Cases);
        Assert.Equal(2, sut.Activity("Register; first step").Executions);
        Assert.Equal(1800, sut.Activity("Check").WaitingTime.MedianSeconds, tolerance: 18);
        Assert.Equal(2, sut.Activity("Register; first step").DistinctResources + sut.Activity("Check").DistinctResources);
    }

    [Fact]
    public void Mine_TabSeparatedWithStartAndEndColumns_GivesServiceTime()
    {
        const string tsv = "ticket\ttask\tstart_time\tend_time\tagent\n"
            + "T1\tTriage\t2024-05-06 09:00\t2024-05-06 09:10\tsam\n"
            + "T1\tResolve\t2024-05-06 10:00\t2024-05-06 10:40\tkim\n"
            + "T2\tTriage\t2024-05-06 11:00\t2024-05-06 11:20\tsam\n";

        var sut = TestFiles.MineText("tickets.tsv", tsv);

        Assert.Equal(2, sut.Activity("Triage").ServiceTime.Count);
        Assert.Equal(600, sut.Activity("Triage").ServiceTime.P10Seconds, tolerance: 6.0);
        Assert.Equal(2400, sut.Activity("Resolve").ServiceTime.MedianSeconds, tolerance: 24);
        Assert.Equal(3000, sut.Activity("Resolve").WaitingTime.MedianSeconds, tolerance: 30);
        Assert.Equal(1, sut.Activity("Resolve").Handovers);
    }

    [Fact]
    public void Mine_ColumnsWithUnusualNames_GuessedFromValues()
    {
        const string csv = """
            ref,what,at
            X-1,Open,2024-02-01T08:00:00Z
            X-1,Review,2024-02-01T09:00:00Z
            X-1,Close,2024-02-01T10:00:00Z
            X-2,Open,2024-02-02T08:00:00Z
            X-2,Close,2024-02-02T08:30:00Z
            """;

        var sut = TestFiles.MineText("odd.csv", csv);

        Assert.Equal(2, sut.Summary.Cases);
        Assert.Equal(3, sut.Summary.Activities);
    }

    [Fact]
    public void Mine_EqualTimestamps_KeepFileOrder()
    {
        const string csv = """
            case,activity,timestamp
            1,Second,2024-01-01T09:00:00Z
            1,First,2024-01-01T08:00:00Z
            1,Third,2024-01-01T09:00:00Z
            """;

        var sut = TestFiles.MineText("ties.csv", csv);

        // Sorted by time, ties in file order: First -> Second -> Third. Reversed ties would give Second no wait.
        Assert.Equal(0, sut.Activity("First").WaitingTime.Count);
        Assert.Equal(3600, sut.Activity("Second").WaitingTime.MedianSeconds, tolerance: 36);
        Assert.Equal(0, sut.Activity("Third").WaitingTime.MedianSeconds);
    }

    [Fact]
    public void Mine_NaiveTimestamps_ReadInGivenZone()
    {
        const string csv = "case,activity,timestamp\n1,A,2024-07-01 12:00:00\n";
        var options = new IngestionOptions { DefaultTimeZone = TimeZoneInfo.FindSystemTimeZoneById("America/New_York") };

        var sut = TestFiles.MineText("ny.csv", csv, options);

        Assert.Equal(new DateTimeOffset(2024, 7, 1, 16, 0, 0, TimeSpan.Zero), sut.Summary.Start);
        Assert.Equal(1, sut.Summary.EventsWithoutOffset);
        Assert.Contains("America/New_York", sut.Summary.TimeZoneNote, StringComparison.Ordinal);
    }

    [Fact]
    public void Mine_MonthFirstDates_DetectedFromValues()
    {
        const string csv = "case,activity,timestamp\n1,A,03/04/2024 10:00\n1,B,03/25/2024 10:00\n";

        var sut = TestFiles.MineText("us.csv", csv);

        Assert.Equal(new DateTimeOffset(2024, 3, 4, 10, 0, 0, TimeSpan.Zero), sut.Summary.Start);
        Assert.Equal(21, sut.Summary.SpanDays, 6);
    }
}
