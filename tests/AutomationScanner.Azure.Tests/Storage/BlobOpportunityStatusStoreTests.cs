using AutomationScanner.Azure.Storage;
using AutomationScanner.Core.Ranking;
using AutomationScanner.Core.Tracking;
using AutomationScanner.Testing;

namespace AutomationScanner.Azure.Tests.Storage;

public sealed class BlobOpportunityStatusStoreTests
{
    private static BaselineReport Baseline(int items) => new("20261123T060000Z-0123456789ab", DateTimeOffset.UnixEpoch, 50, "EUR",
        [.. Enumerable.Range(0, items).Select(i => new BaselineItem($"{i:x16}", "p2p", $"Task {i}", 0, 1000, 100, 360, "Measured", new ValueRange(10, 50, 90)))]);

    [Fact]
    public async Task MarkAsync_ManyConsultantsAtOnce_KeepsEveryMark()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var azurite = await Azurite.StartAsync();
        var storage = new ScannerStorageClients(Microsoft.Extensions.Options.Options.Create(new ScannerStorageOptions { ConnectionString = azurite.ConnectionString }));
        await storage.Reports.CreateIfNotExistsAsync(cancellationToken: ct);
        var baseline = Baseline(6);

        // Six marks race for the same blob: the ETag condition makes the losers re-read and apply on top.
        await Task.WhenAll(baseline.Items.Select(i => new BlobOpportunityStatusStore(storage)
            .MarkAsync("acme", new MarkRequest(i.Id, OpportunityStatus.Piloting), baseline, DateTimeOffset.UnixEpoch, ct)));
        var read = await new BlobOpportunityStatusStore(storage).ReadAsync("acme", ct);

        Assert.Equal(baseline.Items.Select(i => i.Id).Order(StringComparer.Ordinal), read.Marks.Select(m => m.OpportunityId));
        Assert.All(read.Marks, m => Assert.Equal(baseline.ScanId, m.Baseline!.ScanId));
        Assert.Empty((await new BlobOpportunityStatusStore(storage).ReadAsync("other", ct)).Marks);
        Assert.Throws<ArgumentException>(() => BlobOpportunityStatusStore.BlobName("../acme"));
    }
}
