using AutomationScanner.Core.Classification;

namespace AutomationScanner.Core.Tests.Classification;

public sealed class TaskStatementIndexTests
{
    private static readonly Lazy<SuitabilityModel> Shipped = new(() => SuitabilityModel.LoadShipped(SharedEmbedder.Instance));

    [Fact]
    public void Nearest_ShippedIndexOnNameLikeQueries_FindsTheExactNeighboursAlmostAlways()
    {
        var index = Shipped.Value.Index!;
        string[] queries =
        [
            "Record invoice receipt", "Approve purchase order", "Triage patient", "Resolve ticket", "Send offer to customer",
            "Check credit history", "Schedule delivery", "Pay out loan", "Register emergency patient", "Archive file",
            "Validate signature", "Calculate premium", "Inspect vehicle", "Answer phone calls", "Update customer address",
            "Prepare tax return", "Ship goods", "Negotiate price", "Clean equipment", "Write incident report",
        ];
        var vectors = SharedEmbedder.Instance.Embed(queries, TestContext.Current.CancellationToken);

        var found = 0;
        foreach (var vector in vectors)
        {
            var exact = index.NearestExact(vector, 3);
            var actual = index.Nearest(vector, 3);
            Assert.Equal(3, actual.Count);
            Assert.True(actual[0].Similarity >= actual[1].Similarity && actual[1].Similarity >= actual[2].Similarity);

            // The second stage re-scores with the full vectors: whatever it returns carries its exact similarity.
            Assert.All(actual, n => Assert.True(n.Similarity <= exact[0].Similarity + 1e-6f));
            found += actual[0].Text == exact[0].Text ? 1 : 0;
        }

        Assert.True(found >= queries.Length - 1, $"nearest found for {found} of {queries.Length}");
    }

    [Fact]
    public void WriteThenLoad_ShippedModel_SameBytesAndSameNeighbours()
    {
        var shipped = Shipped.Value;
        var vector = SharedEmbedder.Instance.Embed(["Process insurance claims"], TestContext.Current.CancellationToken)[0];
        using var resource = SuitabilityModel.OpenShipped();
        var original = new byte[resource.Length];
        resource.ReadExactly(original);

        var bytes = SuitabilityModelFormat.Write(Assert.IsType<LinearTextModel>(shipped.TextModel), shipped.Index);
        var sut = SuitabilityModel.Load(new MemoryStream(bytes), SharedEmbedder.Instance).Index!;

        Assert.Equal(original, bytes);
        Assert.Equal(shipped.Index!.Count, sut.Count);
        Assert.Equal(shipped.Index.Nearest(vector, 5), sut.Nearest(vector, 5));
        Assert.Equal(shipped.Index.NearestExact(vector, 5), sut.NearestExact(vector, 5));
    }

    [Fact]
    public void Load_TruncatedOrOtherVersion_FormatExceptionSaysRetrain()
    {
        using var resource = SuitabilityModel.OpenShipped();
        var bytes = new byte[resource.Length];
        resource.ReadExactly(bytes);
        var otherVersion = (byte[])bytes.Clone();
        otherVersion[4] = 7;

        var truncated = Assert.Throws<FormatException>(() => SuitabilityModel.Load(new MemoryStream(bytes[..(bytes.Length - 1_000)]), SharedEmbedder.Instance));
        var actual = Assert.Throws<FormatException>(() => SuitabilityModel.Load(new MemoryStream(otherVersion), SharedEmbedder.Instance));

        Assert.Contains("truncated", truncated.Message, StringComparison.Ordinal);
        Assert.Contains("retrain", actual.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_RandomVectors_TwoStageSearchFindsEachStatementItselfAndMatchesExactSearch()
    {
        var random = new Random(7);
        var vectors = Enumerable.Range(0, 500).Select(_ => Unit(Enumerable.Range(0, 384).Select(_ => (float)(random.NextDouble() - 0.5)).ToArray())).ToArray();
        var texts = Enumerable.Range(0, 500).Select(i => $"statement {i:D3}").ToArray();

        var sut = TaskStatementIndex.Build(texts, texts.Select(_ => (int?)2).ToArray(), vectors, texts.Select(_ => 0.5).ToArray(), texts.Select(_ => 0.4).ToArray(), subspace: 64);

        Assert.Equal(500, sut.Count);
        for (var i = 0; i < 500; i += 7)
        {
            var actual = sut.Nearest(vectors[i], 3);
            Assert.Equal(texts[i], actual[0].Text);
            Assert.True(actual[0].Similarity > 0.98f, $"{actual[0].Similarity}");
            Assert.Equal(sut.NearestExact(vectors[i], 3)[0], actual[0]);
            Assert.Equal(sut.NearestExact(vectors[i], 3), sut.Nearest(vectors[i], 3, candidates: 500));
        }
    }

    [Theory]
    [InlineData(3)]
    [InlineData(64)]
    [InlineData(192)]
    public void Nearest_ShippedIndex_SampledFirstStageGivesTheSameNeighboursAsAScanFromNothing(int candidates)
    {
        // Name-like queries: the shipped statements' own vectors, pairs of them mixed and noisy ones (no model needed).
        var index = Shipped.Value.Index!;
        var random = new Random(13);
        var queries = new List<float[]>();
        for (var i = 0; i < 300; i++)
        {
            var a = index.Vector(random.Next(index.Count));
            var b = index.Vector(random.Next(index.Count));
            var weight = (float)random.NextDouble();
            queries.Add(Unit(a.Select((v, d) => (weight * v) + ((1 - weight) * b[d]) + (0.05f * (float)(random.NextDouble() - 0.5))).ToArray()));
        }

        var sampled = index.Nearest(queries, 3, candidates, sampled: true);
        var fromNothing = index.Nearest(queries, 3, candidates, sampled: false);

        for (var q = 0; q < queries.Count; q++)
        {
            Assert.Equal(fromNothing[q], sampled[q]);
        }

        Assert.Equal(index.Nearest(queries, 3, candidates), sampled);
    }

    [Fact]
    public void Nearest_TooFewStatementsReachTheSampleScore_ScansAgainAndGivesTheSameNeighbours()
    {
        // 4,000 statements; 30 of them point along the first axis and all lie in the sample (rows of every 7th group
        // of 32), so for a query along that axis the sample's 24th best is reached by fewer than the 64 kept.
        const int Count = 4_000;
        const int Dimensions = 32;
        var random = new Random(5);
        var aligned = Enumerable.Range(0, Count).Where(r => r / 32 % 7 == 0).Take(30).ToHashSet();
        var vectors = Enumerable.Range(0, Count).Select(r =>
        {
            var vector = Enumerable.Range(0, Dimensions).Select(_ => (float)(random.NextDouble() - 0.5)).ToArray();
            vector[0] = aligned.Contains(r) ? 20f + r % 5 : vector[0];
            return Unit(vector);
        }).ToArray();
        var texts = Enumerable.Range(0, Count).Select(i => $"statement {i:D4}").ToArray();
        var sut = TaskStatementIndex.Build(texts, texts.Select(_ => (int?)1).ToArray(), vectors, texts.Select(_ => 0.5).ToArray(), texts.Select(_ => 0.4).ToArray(), subspace: 16);
        var axis = new float[Dimensions];
        axis[0] = 1;
        var queries = new List<float[]> { axis };
        queries.AddRange(Enumerable.Range(0, 50).Select(_ => Unit(Enumerable.Range(0, Dimensions).Select(_ => (float)(random.NextDouble() - 0.5)).ToArray())));

        var before = sut.Rescans;
        var sampled = sut.Nearest(queries, 5, 64, sampled: true);
        var rescans = sut.Rescans - before;
        var fromNothing = sut.Nearest(queries, 5, 64, sampled: false);

        Assert.True(rescans >= 1, $"rescans: {rescans}");
        Assert.True(rescans < queries.Count / 2, $"rescans: {rescans}");
        Assert.Contains(int.Parse(sampled[0][0].Text[^4..], System.Globalization.CultureInfo.InvariantCulture), aligned);
        Assert.Equal(sut.NearestExact(axis, 5).Select(n => n.Text), sampled[0].Select(n => n.Text));
        for (var q = 0; q < queries.Count; q++)
        {
            Assert.Equal(fromNothing[q], sampled[q]);
        }
    }

    private static float[] Unit(float[] vector)
    {
        var norm = MathF.Sqrt(vector.Sum(v => v * v));
        return vector.Select(v => v / norm).ToArray();
    }

    [Fact]
    public void Nearest_WrongDimensionsOrNothingAsked_Empty()
    {
        var index = Shipped.Value.Index!;

        Assert.Empty(index.Nearest(new float[10], 3));
        Assert.Empty(index.Nearest(new float[index.Dimensions], 0));
    }
}
