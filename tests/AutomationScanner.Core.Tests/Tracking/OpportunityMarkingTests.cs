using AutomationScanner.Core.Ranking;
using AutomationScanner.Core.Tracking;

namespace AutomationScanner.Core.Tests.Tracking;

public sealed class OpportunityMarkingTests : IDisposable
{
    private const string Id = "0123456789abcdef";
    private readonly string _root = Path.Combine(Path.GetTempPath(), "marking-tests", Guid.NewGuid().ToString("N"));

    private static BaselineReport Baseline(string scanId, double rate = 0.1, double hours = 400) =>
        new(scanId, DateTimeOffset.UnixEpoch, 50, "EUR", [new BaselineItem(Id, "p2p", "Post invoice", rate, 10_000, hours, 160, "Measured", new ValueRange(100, 300, 600))]);

    [Theory]
    [InlineData("automated", OpportunityStatus.Automated)]
    [InlineData(" Piloting ", OpportunityStatus.Piloting)]
    [InlineData("REJECTED", OpportunityStatus.Rejected)]
    public void TryParseStatus_KnownNames_Parse(string text, OpportunityStatus expected)
    {
        Assert.True(OpportunityMarking.TryParseStatus(text, out var status));
        Assert.Equal(expected, status);
    }

    [Theory]
    [InlineData("done")]
    [InlineData("2")]
    [InlineData("")]
    public void TryParseStatus_Unknown_Fails(string text) => Assert.False(OpportunityMarking.TryParseStatus(text, out _));

    [Fact]
    public void Apply_RejectedWithoutReason_NamesTheField()
    {
        var ex = Assert.Throws<ArgumentException>(() => OpportunityMarking.Apply(EngagementMarks.Empty("acme"), new MarkRequest(Id, OpportunityStatus.Rejected, "  "), Baseline("s1"), DateTimeOffset.UnixEpoch));
        Assert.StartsWith("reason:", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Apply_IdNotInTheScan_NamesIdAndScan()
    {
        var ex = Assert.Throws<ArgumentException>(() => OpportunityMarking.Apply(EngagementMarks.Empty("acme"), new MarkRequest("fedcba9876543210", OpportunityStatus.Automated), Baseline("s1"), DateTimeOffset.UnixEpoch));
        Assert.Contains("'fedcba9876543210' is not in scan s1", ex.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => OpportunityMarking.Apply(EngagementMarks.Empty("acme"), new MarkRequest("../x", OpportunityStatus.Automated), Baseline("s1"), DateTimeOffset.UnixEpoch));
    }

    [Fact]
    public void Apply_PilotingThenAutomated_KeepsTheFirstBaselineAndTheHistory()
    {
        var t0 = new DateTimeOffset(2026, 1, 5, 9, 0, 0, TimeSpan.Zero);
        var (marks, _) = OpportunityMarking.Apply(EngagementMarks.Empty("acme"), new MarkRequest(Id, OpportunityStatus.Candidate), Baseline("s0"), t0);
        Assert.Null(marks.For(Id)!.Baseline);
        (marks, _) = OpportunityMarking.Apply(marks, new MarkRequest(Id, OpportunityStatus.Piloting, By: "ana"), Baseline("s1", 0.1, 400), t0.AddDays(7));

        var (after, mark) = OpportunityMarking.Apply(marks, new MarkRequest(Id, OpportunityStatus.Automated), Baseline("s5", 0.9, 40), t0.AddDays(35));

        Assert.Equal(OpportunityStatus.Automated, mark.Status);
        Assert.Equal("s1", mark.Baseline!.ScanId);
        Assert.Equal(0.1, mark.Baseline.AutomationRate);
        Assert.Equal(400, mark.Baseline.ManualHoursPerYear);
        Assert.Equal(50, mark.Baseline.HourlyCost);
        Assert.Equal([OpportunityStatus.Candidate, OpportunityStatus.Piloting, OpportunityStatus.Automated], mark.History.Select(h => h.Status));
        Assert.Equal("ana", mark.History[1].By);
        Assert.Single(after.Marks);
    }

    [Fact]
    public async Task LocalStore_MarkAndRead_RoundTripsAndKeepsOtherEngagementsApart()
    {
        var ct = TestContext.Current.CancellationToken;
        var store = new LocalOpportunityStatusStore(_root);
        await store.MarkAsync("acme", new MarkRequest(Id, OpportunityStatus.Rejected, "done by the ERP vendor next year"), Baseline("s1"), DateTimeOffset.UnixEpoch, ct);

        var read = await new LocalOpportunityStatusStore(_root).ReadAsync("acme", ct);

        var mark = Assert.Single(read.Marks);
        Assert.Equal((OpportunityStatus.Rejected, "done by the ERP vendor next year"), (mark.Status, mark.Reason));
        Assert.Empty((await store.ReadAsync("other", ct)).Marks);
        Assert.Contains("\"status\": \"rejected\"", await File.ReadAllTextAsync(store.PathOf("acme"), ct), StringComparison.Ordinal);
        await Assert.ThrowsAsync<ArgumentException>(() => store.ReadAsync("../etc", ct));
    }

    [Fact]
    public async Task LocalStore_CorruptFile_ErrorNamesTheFile()
    {
        var ct = TestContext.Current.CancellationToken;
        var store = new LocalOpportunityStatusStore(_root);
        Directory.CreateDirectory(Path.GetDirectoryName(store.PathOf("acme"))!);
        await File.WriteAllTextAsync(store.PathOf("acme"), "{ not json", ct);

        var ex = await Assert.ThrowsAsync<InvalidDataException>(() => store.ReadAsync("acme", ct));

        Assert.Contains(store.PathOf("acme"), ex.Message, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }
}
