using AutomationScanner.Core.Embeddings;

namespace AutomationScanner.Core.Tests.Ethics;

/// <summary>
/// The evaluation's pooled model (<see cref="PooledTextEmbedder"/>) gives the vectors of the scan's model bit for bit,
/// whichever session answers and however many calls run at once: the figures measured with it are the scan's.
/// </summary>
public sealed class PooledTextEmbedderTests
{
    private static readonly string[] Texts =
    [
        "Approve",
        "sort incoming calls",
        "The model puts car-rental customers on a do-not-rent list shared with every rental firm in the country",
        "Lane attendants at the bowling centre wear badges that log where they are every minute, and that trail is what their bonus is worked out from",
        "Cumulus city police, camera room. The step processes the feeds from the cameras at the main bus and train interchange. Since the summer every face in the live feeds is checked against the police's wanted list",
        "pontszam_frissites",
        "faces",
        "warehouse pickers",
    ];

    [Fact]
    public void PooledSessions_GiveTheScansVectors_BitForBit_AlsoWhenCalledAtOnce()
    {
        using var scan = new MiniLmTextEmbedder();
        using var pooled = new PooledTextEmbedder(sessions: 2);
        var expected = scan.Embed(Texts, TestContext.Current.CancellationToken);

        var results = new float[4][][];
        Parallel.For(0, results.Length, i => results[i] = pooled.Embed(i % 2 == 0 ? Texts : [.. Texts.Reverse()], TestContext.Current.CancellationToken));

        for (var i = 0; i < results.Length; i++)
        {
            var inOrder = i % 2 == 0 ? results[i] : [.. results[i].Reverse()];
            for (var t = 0; t < Texts.Length; t++)
            {
                Assert.True(expected[t].AsSpan().SequenceEqual(inOrder[t]), $"call {i}, text {t}: '{Texts[t]}'");
            }
        }

        Assert.Equal(scan.ModelId, pooled.ModelId);
        Assert.Equal(scan.Dimensions, pooled.Dimensions);
    }
}
