using AutomationScanner.Core.Embeddings;
using NSubstitute;

namespace AutomationScanner.Core.Tests.Embeddings;

public sealed class CachingTextEmbedderTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "emb-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    [Fact]
    public void Embed_RepeatedAndDuplicateTexts_ModelSeesEachTextOnce()
    {
        var inner = CountingEmbedder();
        var sut = new CachingTextEmbedder(inner);

        var first = sut.Embed(["Approve order", "Approve  order", "Ship goods"], TestContext.Current.CancellationToken);
        var second = sut.Embed(["Ship goods", "Approve order"], TestContext.Current.CancellationToken);

        inner.Received(1).Embed(Arg.Is<IReadOnlyList<string>>(t => t.Count == 2), Arg.Any<CancellationToken>());
        inner.Received(1).Embed(Arg.Any<IReadOnlyList<string>>(), Arg.Any<CancellationToken>());
        Assert.Same(first[0], first[1]);
        Assert.Same(first[2], second[0]);
        Assert.Equal((2L, 2L), sut.Counts);
    }

    [Fact]
    public async Task SaveAsync_ThenLoadInNewEmbedder_RescanNeverRunsTheModel()
    {
        var ct = TestContext.Current.CancellationToken;
        var store = new LocalFolderEmbeddingStore(_folder);
        var firstScan = new CachingTextEmbedder(CountingEmbedder(), store);
        await firstScan.LoadAsync(ct);
        var expected = firstScan.Embed(["Approve order", "Ship goods"], ct);
        await firstScan.SaveAsync(ct);

        var inner = CountingEmbedder();
        var rescan = new CachingTextEmbedder(inner, store);
        await rescan.LoadAsync(ct);
        var actual = rescan.Embed(["Ship goods", "Approve order"], ct);

        inner.DidNotReceive().Embed(Arg.Any<IReadOnlyList<string>>(), Arg.Any<CancellationToken>());
        Assert.Equal(expected[1], actual[0]);
        Assert.Equal(expected[0], actual[1]);
        Assert.False(rescan.Cache.HasChanges);
    }

    [Fact]
    public async Task LoadAsync_NothingStored_ModelLoadsBeforeAnyEmbed_StoredCache_ItDoesNot()
    {
        var ct = TestContext.Current.CancellationToken;
        var store = new LocalFolderEmbeddingStore(_folder);
        using var cold = new MiniLmTextEmbedder();
        var firstScan = new CachingTextEmbedder(cold, store);

        // Nothing stored: every text of the scan is new, so the model loads while the scan reads its inputs.
        await firstScan.LoadAsync(ct);
        await cold.Preloading.WaitAsync(ct);
        Assert.True(cold.IsLoaded);
        firstScan.Embed(["Approve order"], ct);
        Assert.Equal(1, cold.Loads);
        await firstScan.SaveAsync(ct);

        using var warm = new MiniLmTextEmbedder();
        await new CachingTextEmbedder(warm, store).LoadAsync(ct);
        await warm.Preloading.WaitAsync(ct);

        Assert.False(warm.IsLoaded);
    }

    [Fact]
    public async Task LoadAsync_DamagedOrForeignFile_EmptyCacheAndModelUsed()
    {
        var ct = TestContext.Current.CancellationToken;
        var store = new LocalFolderEmbeddingStore(_folder);
        var other = new EmbeddingCache("another-model", 4);
        other.Add("Ship goods", [1, 0, 0, 0]);
        var good = new CachingTextEmbedder(CountingEmbedder(), store);
        good.Embed(["Ship goods"], ct);
        var bytes = good.Cache.Serialize();

        foreach (var content in new[] { bytes[..^3], other.Serialize(), "not a cache"u8.ToArray(), Array.Empty<byte>() })
        {
            await store.WriteAsync(good.Cache.StoreName, content, ct);
            var inner = CountingEmbedder();
            var sut = new CachingTextEmbedder(inner, store);

            await sut.LoadAsync(ct);
            sut.Embed(["Ship goods"], ct);

            Assert.Equal(0, sut.Cache.Count - 1);
            inner.Received(1).Embed(Arg.Any<IReadOnlyList<string>>(), Arg.Any<CancellationToken>());
        }
    }

    [Fact]
    public void Serialize_OverTheCap_KeepsTheMostRecentlyUsed()
    {
        var source = new EmbeddingCache("m", 2);
        foreach (var text in new[] { "old", "used again", "new" })
        {
            source.Add(text, [1, 0]);
        }

        source.TryGet("used again", out _);
        var sut = new EmbeddingCache("m", 2);

        sut.Load(source.Serialize(maxEntries: 2));

        Assert.Equal(2, sut.Count);
        Assert.True(sut.TryGet("used again", out _));
        Assert.True(sut.TryGet("new", out _));
        Assert.False(sut.TryGet("old", out _));
    }

    [Fact]
    public void Load_ThenSerializeOverTheCap_KeepsTheFileOrderOfRecency()
    {
        var source = new EmbeddingCache("m", 2);
        source.Add("a", [1, 0]);
        source.Add("b", [0, 1]);
        source.Add("c", [1, 1]);
        var reloaded = new EmbeddingCache("m", 2);
        reloaded.Load(source.Serialize());
        var sut = new EmbeddingCache("m", 2);

        sut.Load(reloaded.Serialize(maxEntries: 2));

        Assert.True(sut.TryGet("c", out _));
        Assert.True(sut.TryGet("b", out _));
        Assert.False(sut.TryGet("a", out _));
    }

    [Fact]
    public void Load_NonFiniteVector_Skipped()
    {
        var source = new EmbeddingCache("m", 2);
        source.Add("a", [float.NaN, 1]);
        source.Add("b", [0, 1]);
        var sut = new EmbeddingCache("m", 2);

        sut.Load(source.Serialize());

        Assert.False(sut.TryGet("a", out _));
        Assert.True(sut.TryGet("b", out var b));
        Assert.Equal([0f, 1f], b);
    }

    [Theory]
    [InlineData("../escape.bin")]
    [InlineData("/abs.bin")]
    [InlineData("a\\b.bin")]
    public async Task WriteAsync_NameOutsideFolder_Refused(string name) =>
        await Assert.ThrowsAsync<ArgumentException>(() =>
            new LocalFolderEmbeddingStore(_folder).WriteAsync(name, new byte[1], TestContext.Current.CancellationToken));

    /// <summary>A 4-dimensional stand-in whose vectors depend on the text, counting the calls that reach it.</summary>
    private static ITextEmbedder CountingEmbedder()
    {
        var inner = Substitute.For<ITextEmbedder>();
        inner.ModelId.Returns("test-model/v1");
        inner.Dimensions.Returns(4);
        inner.Embed(default!, default).ReturnsForAnyArgs(call =>
            call.Arg<IReadOnlyList<string>>().Select(t => new float[] { t.Length, t[0], 1, 0 }).ToArray());
        return inner;
    }
}
