using AutomationScanner.Core.Classification;
using AutomationScanner.Core.Embeddings;
using AutomationScanner.Core.Ethics;
using AutomationScanner.Core.Hosting;
using AutomationScanner.Core.Ingestion.Common;
using AutomationScanner.Core.Scanning;
using AutomationScanner.Core.Tests.Classification;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace AutomationScanner.Core.Tests.Hosting;

/// <summary>The core composition every host calls: options validated at start, the pipeline built from them.</summary>
public sealed class AddScannerCoreTests
{
    private static IHost Build(params (string Key, string Value)[] settings)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value)));
        builder.Services.AddSingleton<ITextEmbedder>(SharedEmbedder.Instance);
        builder.Services.AddScannerCore(builder.Configuration);
        return builder.Build();
    }

    [Theory]
    [InlineData("Scoring:Value:HourlyCost", "-5")]
    [InlineData("Scoring:Ranking:ValueWeight", "1.4")]
    [InlineData("Scoring:Value:HourlyCost", "-0.4")]
    [InlineData("Scoring:Risk:DisplacementShareThreshold", "2")]
    [InlineData("Scoring:LlmSuitabilityWeight", "-0.1")]
    [InlineData("Scoring:KindOverrides:0", "A_SUBMITTED=robot")]
    [InlineData("Ingestion:TimeZone", "Mars/Olympus_Mons")]
    [InlineData("Ingestion:Columns", "case")]
    [InlineData("Limits:MaxEventsPerCase", "0")]
    [InlineData("Limits:Ocel:MaxObjects", "0")]
    [InlineData("Limits:Ocel:MaxDepth", "100000")]
    [InlineData("Limits:Ocel:MaxObject", "1000")]
    [InlineData("Limits:Ocel:ObjectTypes", "orders")]
    public async Task StartAsync_InvalidSetting_FailsNamingTheKey(string key, string value)
    {
        using var host = Build((key, value));

        var failure = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync(TestContext.Current.CancellationToken));

        var named = key.EndsWith(":0", StringComparison.Ordinal) ? key : key.Split(':')[^1];
        Assert.Contains(named, failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StartAsync_ScoringValueOutOfRange_NamesTheFullKey()
    {
        using var host = Build(("Scoring:Value:HourlyCost", "-5"));

        var failure = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync(TestContext.Current.CancellationToken));

        Assert.Contains("Scoring:Value:HourlyCost:", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Resolve_ValidSettings_GivesOnePipelineWithTheConfiguredOptions()
    {
        using var host = Build(
            ("Scoring:Value:HourlyCost", "80"),
            ("Ingestion:TimeZone", "Europe/Amsterdam"),
            ("Ingestion:DateOrder", "DayFirst"),
            ("Ingestion:AutomatedResources:0", "batch-7"),
            ("Ingestion:ObjectTypes", "orders, items"),
            ("Limits:Ocel:MaxObjects", "1000"),
            ("Limits:Ocel:MaxRelationsPerEvent", "50"));
        await host.StartAsync(TestContext.Current.CancellationToken);

        var scoring = host.Services.GetRequiredService<ScoringOptions>();
        var ingestion = host.Services.GetRequiredService<IngestionOptions>();

        Assert.Equal(80, scoring.Value.HourlyCost);
        Assert.Same(host.Services.GetRequiredService<ScanPipeline>(), host.Services.GetRequiredService<ScanPipeline>());
        Assert.Equal("Europe/Amsterdam", ingestion.DefaultTimeZone.Id);
        Assert.Equal(DateOrder.DayFirst, ingestion.DateOrder);
        Assert.True(ingestion.Mining.IsAutomatedResource("BATCH-7"));
        Assert.Equal(["orders", "items"], ingestion.Ocel.ObjectTypes);
        Assert.Equal(1000, ingestion.Ocel.MaxObjects);
        Assert.Equal(50, ingestion.Ocel.MaxRelationsPerEvent);
        Assert.Equal(OcelOptions.Default.MaxValueBytes, ingestion.Ocel.MaxValueBytes);
        Assert.Same(RuleCatalogue.Default, host.Services.GetRequiredService<RuleCatalogue>());
        Assert.Same(TimeProvider.System, host.Services.GetRequiredService<TimeProvider>());
        Assert.NotNull(host.Services.GetRequiredService<SuitabilityScorer>());
    }

    [Fact]
    public void AddScannerCore_CalledTwice_RegistersEachServiceOnce()
    {
        var services = new ServiceCollection();
        var configuration = new ConfigurationBuilder().Build();

        services.AddScannerCore(configuration);
        var count = services.Count;
        services.AddScannerCore(configuration);

        Assert.Equal(count, services.Count);
    }

    [Fact]
    public async Task RunAsync_WeightChangedInConfiguration_ReportDescribesTheWeightsInForce()
    {
        using var host = Build(("Scoring:Ranking:ValueWeight", "0.6"), ("Scoring:Ranking:SuitabilityWeight", "0.25"), ("Scoring:Ranking:HighRiskMultiplier", "0.5"));
        await host.StartAsync(TestContext.Current.CancellationToken);
        var pipeline = host.Services.GetRequiredService<ScanPipeline>();

        var report = await pipeline.RunAsync([ScanInput.FromFile(TestFiles.Sample("running-example.xes"))], cancellationToken: TestContext.Current.CancellationToken);

        Assert.Contains("(0.60 x value + 0.25 x suitability + 0.20 x ease)", report.ScoreDescription, StringComparison.Ordinal);
        Assert.Contains("high 0.5,", report.ScoreDescription, StringComparison.Ordinal);
        Assert.DoesNotContain("0.45", report.ScoreDescription, StringComparison.Ordinal);
        var value = report.Opportunities[0].Why.First(f => f.Name == "value");
        Assert.Equal(0.6, value.Weight, 6);
    }

    [Fact]
    public void DescribeScore_DefaultOptions_IsTheDocumentedFormula()
    {
        var description = ScanPipeline.DescribeScore(new ScoringOptions());

        Assert.Equal(ScanPipeline.ScoreDescription, description);
        Assert.Contains("100 x (0.45 x value + 0.35 x suitability + 0.20 x ease)", description, StringComparison.Ordinal);
        Assert.Contains("(minimal 1, limited 0.9, high 0.6, prohibited 0: never recommended)", description, StringComparison.Ordinal);
        Assert.Contains("ln(1 + one FTE year)", description, StringComparison.Ordinal);
    }

    [Fact]
    public void DescribeScore_SaturationConfigured_NamesTheHours()
    {
        var options = new ScoringOptions();
        options.Ranking.ValueSaturationHours = 500;

        Assert.Contains("ln(1 + 500 h)", ScanPipeline.DescribeScore(options), StringComparison.Ordinal);
    }
}
