using AutomationScanner.Core.Embeddings;

namespace AutomationScanner.Core.Tests.Embeddings;

/// <summary>
/// The optimised MiniLM model is saved once and reused, and the vectors are the same bit for bit whichever way the
/// session was made: the risk screen's and statement matcher's thresholds, and the shipped catalogue vectors, were
/// computed with the model optimised at load.
/// </summary>
public sealed class OptimizedModelStoreTests : IDisposable
{
    private static readonly string[] Texts =
    [
        "Decline the loan application",
        "Call the customer",
        "Check the invoice against the purchase order and the goods receipt, then post it",
        "A_SUBMITTED",
        "Process steps: register request, examine casually, check ticket, decide, reinitiate request, examine thoroughly, pay compensation, reject request. Data: Activity, Costs, Resource.",
    ];

    private readonly string _root = Path.Combine(Path.GetTempPath(), "minilm-store-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    [Fact]
    public void Open_FirstLoadSaves_LaterLoadsMapTheSavedModel_SameFloats()
    {
        var ct = TestContext.Current.CancellationToken;
        using var first = new MiniLmTextEmbedder(0, new OptimizedModelStore(_root));
        var optimised = first.Embed(Texts, ct);
        Assert.Equal(OptimizedModelSource.OptimizedAndSaved, first.LastSource);
        var saved = Assert.Single(Directory.GetDirectories(_root));
        Assert.True(new FileInfo(Path.Combine(saved, OptimizedModelStore.WeightsFileName)).Length > 80_000_000);
        Assert.True(new FileInfo(Path.Combine(saved, OptimizedModelStore.GraphFileName)).Length < 1_000_000);

        using var second = new MiniLmTextEmbedder(0, new OptimizedModelStore(_root));
        var mapped = second.Embed(Texts, ct);

        Assert.Equal(OptimizedModelSource.Saved, second.LastSource);
        for (var i = 0; i < Texts.Length; i++)
        {
            Assert.Equal(optimised[i], mapped[i]);
        }
    }

    [Fact]
    public void Open_FirstLoadSaves_ThePrePackedWeightsToo()
    {
        // The MatMul and attention weights as their kernels pack them (~43 MB) follow the plain weights (~91 MB), so a
        // later load maps them instead of packing them again.
        using var first = new MiniLmTextEmbedder(0, new OptimizedModelStore(_root));
        first.Embed(["Call the customer"], TestContext.Current.CancellationToken);

        var saved = Assert.Single(Directory.GetDirectories(_root));
        Assert.InRange(new FileInfo(Path.Combine(saved, OptimizedModelStore.WeightsFileName)).Length, 125_000_000, 145_000_000);
    }

    [Fact]
    public void Open_NoWritableFolder_OptimisesInMemory_SameFloatsAsTheSavedModel()
    {
        // Without the store's folder writable the model is optimised in memory at load, as before the store existed.
        var ct = TestContext.Current.CancellationToken;
        var blocked = Path.Combine(_root, "a-file");
        Directory.CreateDirectory(_root);
        File.WriteAllText(blocked, "not a folder");
        using var inMemory = new MiniLmTextEmbedder(0, new OptimizedModelStore(Path.Combine(blocked, "models")));
        var reference = inMemory.Embed(Texts, ct);
        Assert.Equal(OptimizedModelSource.Optimized, inMemory.LastSource);

        using var saving = new MiniLmTextEmbedder(0, new OptimizedModelStore(Path.Combine(_root, "models")));
        saving.Embed(["warm"], ct);
        using var sut = new MiniLmTextEmbedder(0, new OptimizedModelStore(Path.Combine(_root, "models")));
        var mapped = sut.Embed(Texts, ct);

        Assert.Equal(OptimizedModelSource.Saved, sut.LastSource);
        for (var i = 0; i < Texts.Length; i++)
        {
            Assert.Equal(reference[i], mapped[i]);
        }
    }

    [Fact]
    public void Open_DamagedSavedModel_IsReplacedBySavingAgain()
    {
        var ct = TestContext.Current.CancellationToken;
        using (var first = new MiniLmTextEmbedder(0, new OptimizedModelStore(_root)))
        {
            first.Embed(["Call the customer"], ct);
        }

        var saved = Assert.Single(Directory.GetDirectories(_root));
        File.WriteAllText(Path.Combine(saved, OptimizedModelStore.GraphFileName), "not a model");

        using var sut = new MiniLmTextEmbedder(0, new OptimizedModelStore(_root));
        var vector = sut.Embed(["Call the customer"], ct);

        Assert.Equal(OptimizedModelSource.OptimizedAndSaved, sut.LastSource);
        Assert.Equal(384, vector[0].Length);
        using var again = new MiniLmTextEmbedder(0, new OptimizedModelStore(_root));
        Assert.Equal(vector[0], again.Embed(["Call the customer"], ct)[0]);
        Assert.Equal(OptimizedModelSource.Saved, again.LastSource);
    }
}
