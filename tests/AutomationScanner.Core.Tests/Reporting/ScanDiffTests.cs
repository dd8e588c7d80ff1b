using System.Text;
using AutomationScanner.Core.Ethics;
using AutomationScanner.Core.Reporting;

namespace AutomationScanner.Core.Tests.Reporting;

public sealed class ScanDiffTests
{
    [Fact]
    public async Task Compare_ChangedScan_ListsNewDroppedMovedAndRiskChanges()
    {
        var ct = TestContext.Current.CancellationToken;
        var before = SampleReport.Build("scan-1",
        [
            ("Post invoice", "Post the invoice", 5_000),
            ("Archive file", "Archive the file", 50_000),
            ("Route tickets", "Route the ticket to the queue", 1_000),
            ("Old task", "Stamp the form", 100),
        ]);
        var after = SampleReport.Build("scan-2",
        [
            ("Post invoice", "Post the invoice", 5_000),
            ("Archive file", "Archive the file", 10),
            ("Route tickets", "Route the ticket to agents based on their individual performance", 1_000),
            ("New task", "Print the label", 300),
        ]);
        var previous = await SampleReport.RoundTripAsync(before, ct);

        var sut = ScanDiff.Compare(previous, after.Opportunities);

        Assert.Equal("scan-1", sut.PreviousScanId);
        Assert.Equal("New task", Assert.Single(sut.New).Task);
        Assert.Equal("Old task", Assert.Single(sut.Dropped).Task);
        Assert.Contains(sut.Moved, m => m.Task == "Archive file" && m.PreviousRank == 1 && m.Rank > 1);
        var risk = Assert.Single(sut.RiskChanges);
        Assert.Equal("Route tickets", risk.Task);
        Assert.True(risk.PreviousTier < RiskTier.High);
        Assert.Equal(RiskTier.High, risk.Tier);
    }

    [Fact]
    public async Task Compare_SameReport_NoChanges()
    {
        var report = SampleReport.Build();
        var previous = await SampleReport.RoundTripAsync(report, TestContext.Current.CancellationToken);

        var sut = ScanDiff.Compare(previous, report.Opportunities);

        Assert.Empty(sut.New);
        Assert.Empty(sut.Dropped);
        Assert.Empty(sut.Moved);
        Assert.Empty(sut.RiskChanges);
    }

    [Fact]
    public async Task ReadAsync_InterimReportWithoutRisk_TierUnknownButReadable()
    {
        const string json = """{"schemaVersion":"1.0","scanId":"old","opportunities":[{"id":"abc","process":"p","task":"t","rank":1}]}""";

        var sut = await PreviousReport.ReadAsync(new MemoryStream(Encoding.UTF8.GetBytes(json)), "old.json", TestContext.Current.CancellationToken);

        var item = Assert.Single(sut.Opportunities);
        Assert.Null(item.Tier);
        Assert.Equal("1.0", sut.SchemaVersion);
    }

    [Theory]
    [InlineData("{not json", "not a JSON report")]
    [InlineData("""{"scanId":"x"}""", "no 'opportunities' array")]
    [InlineData("""{"opportunities":[{"rank":1}]}""", "opportunities[0] has no 'id'")]
    public async Task ReadAsync_BadFile_ErrorNamesFileAndProblem(string json, string problem)
    {
        var ex = await Assert.ThrowsAsync<InvalidDataException>(() =>
            PreviousReport.ReadAsync(new MemoryStream(Encoding.UTF8.GetBytes(json)), "latest.json", TestContext.Current.CancellationToken));

        Assert.StartsWith("latest.json", ex.Message, StringComparison.Ordinal);
        Assert.Contains(problem, ex.Message, StringComparison.Ordinal);
    }
}
