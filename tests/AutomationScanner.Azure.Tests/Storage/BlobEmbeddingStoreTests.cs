using AutomationScanner.Azure.Storage;
using AutomationScanner.Core.Embeddings;
using AutomationScanner.Testing;
using Azure.Storage.Blobs;

namespace AutomationScanner.Azure.Tests.Storage;

public sealed class BlobEmbeddingStoreTests
{
    [Fact]
    public async Task SaveAsync_ThenLoadInNewEmbedder_VectorsComeFromScannerCacheContainer()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var azurite = await Azurite.StartAsync();
        var container = new BlobServiceClient(azurite.ConnectionString).GetBlobContainerClient(BlobAssessmentCache.ContainerName);
        var model = new FixedEmbedder();
        var firstScan = new CachingTextEmbedder(model, new BlobEmbeddingStore(container));

        await firstScan.LoadAsync(ct);
        var expected = firstScan.Embed(["Approve order", "Ship goods"], ct);
        await firstScan.SaveAsync(ct);
        var rescan = new CachingTextEmbedder(model, new BlobEmbeddingStore(container));
        await rescan.LoadAsync(ct);
        var actual = rescan.Embed(["Ship goods", "Approve order"], ct);

        Assert.Equal(2, model.Calls == 1 ? rescan.Cache.Count : -1);
        Assert.Equal(expected[1], actual[0]);
        Assert.Equal(expected[0], actual[1]);
        Assert.True(await container.GetBlobClient(rescan.Cache.StoreName).ExistsAsync(ct));
        Assert.Null(await new BlobEmbeddingStore(container).ReadAsync("embeddings/none.bin", ct));
    }

    /// <summary>Vectors that depend on the text; counts the calls that reach the model.</summary>
    private sealed class FixedEmbedder : ITextEmbedder
    {
        public int Calls { get; private set; }

        public string ModelId => "fixed/v1";

        public int Dimensions => 3;

        public float[][] Embed(IReadOnlyList<string> texts, CancellationToken cancellationToken = default)
        {
            Calls++;
            return [.. texts.Select(t => new float[] { t.Length, t[0], 1 })];
        }
    }
}
