using AutomationScanner.Core.Classification;
using AutomationScanner.Core.Embeddings;
using AutomationScanner.Core.Ingestion.Common;
using AutomationScanner.Core.Scanning;
using Microsoft.Extensions.Logging.Abstractions;

namespace AutomationScanner.Core.Tests.Scanning;

/// <summary>
/// A scan holds the MiniLM session only while it embeds: every text (domains, risk views, suitability names) is
/// embedded before suitability reads the statement index, and the session is freed there, so the model and the index
/// are never in memory together (the cold BPIC 2012 scan's peak, issue #12). Nothing may reload it afterwards.
/// </summary>
public sealed class ScanPipelineEmbeddingModelTests
{
    [Fact]
    public async Task RunAsync_ColdCache_LoadsTheModelOnceAndFreesItBeforeTheReports()
    {
        using var model = new MiniLmTextEmbedder();
        var embedder = new CachingTextEmbedder(model);
        var pipeline = new ScanPipeline(
            IngestionOptions.Default, TimeProvider.System, NullLogger<ScanPipeline>.Instance,
            suitability: new SuitabilityScorer(SuitabilityModel.LoadShipped(embedder)), embedder: embedder);

        var report = await pipeline.RunAsync([ScanInput.FromFile(TestFiles.EventLog("running-example.csv"))], cancellationToken: TestContext.Current.CancellationToken);

        Assert.NotEmpty(report.Opportunities);
        Assert.True(embedder.Counts.Misses > 0, "a cold cache embeds the scan's texts");
        Assert.Equal(1, model.Loads);
        Assert.False(model.IsLoaded);
    }
}
