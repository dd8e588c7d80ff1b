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
    public void SerializeThenDeserialize_SameNeighbours()
    {
        var index = Shipped.Value.Index!;
        var vector = SharedEmbedder.Instance.Embed(["Process insurance claims"], TestContext.Current.CancellationToken)[0];

        var sut = TaskStatementIndex.Deserialize(index.Serialize());

        Assert.Equal(index.Count, sut.Count);
        Assert.Equal(index.Nearest(vector, 5), sut.Nearest(vector, 5));
        Assert.Equal(index.NearestExact(vector, 5), sut.NearestExact(vector, 5));
    }

    [Fact]
    public void Deserialize_TruncatedOrOldFormat_FormatException()
    {
        var bytes = Shipped.Value.Index!.Serialize();
        var oldVersion = (byte[])bytes.Clone();
        oldVersion[4] = 1;

        Assert.Throws<FormatException>(() => TaskStatementIndex.Deserialize(bytes[..1_000]));
        var actual = Assert.Throws<FormatException>(() => TaskStatementIndex.Deserialize(oldVersion));
        Assert.Contains("retrain", actual.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Nearest_WrongDimensionsOrNothingAsked_Empty()
    {
        var index = Shipped.Value.Index!;

        Assert.Empty(index.Nearest(new float[10], 3));
        Assert.Empty(index.Nearest(new float[index.Dimensions], 0));
    }
}
