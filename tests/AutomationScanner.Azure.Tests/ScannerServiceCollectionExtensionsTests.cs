using AutomationScanner.Core.Classification.Llm;
using AutomationScanner.Core.Embeddings;
using AutomationScanner.Testing.Llm;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace AutomationScanner.Azure.Tests;

public sealed class ScannerServiceCollectionExtensionsTests : IDisposable
{
    private readonly string _cacheDir = Path.Combine(Path.GetTempPath(), "as-root-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_cacheDir))
        {
            Directory.Delete(_cacheDir, recursive: true);
        }
    }

    private IHost Build(Dictionary<string, string?> settings)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        settings["AssessmentCache:Path"] = _cacheDir;
        builder.Configuration.AddInMemoryCollection(settings);
        builder.AddScanner();
        return builder.Build();
    }

    [Fact]
    public async Task AddScanner_NothingConfigured_OfflineAssessorAndLocalCache()
    {
        using var host = Build([]);
        await host.StartAsync(TestContext.Current.CancellationToken);

        var sut = host.Services.GetRequiredService<ITaskAssessor>();

        Assert.IsType<NotConfiguredTaskAssessor>(sut);
        Assert.False(sut.IsConfigured);
        Assert.IsType<LocalFolderAssessmentCache>(host.Services.GetRequiredService<IAssessmentCache>());
        await host.StopAsync(TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task AddScanner_HostDisposed_FreesTheEmbeddingModelAColdCacheBeganToLoad()
    {
        // A first scan's empty cache starts the model loading in the background; a command that stops early (a bad
        // option, the LLM guard) disposes the host, which must not leave that load running or the model loaded.
        var host = Build([]);
        var model = host.Services.GetRequiredService<MiniLmTextEmbedder>();
        await host.Services.GetRequiredService<CachingTextEmbedder>().LoadAsync(TestContext.Current.CancellationToken);

        host.Dispose();

        Assert.False(model.IsLoaded);
        Assert.InRange(model.Loads, 0, 1);
    }

    [Fact]
    public async Task AddScanner_Embedder_OneCachingInstancePersistingBesideTheLlmCache()
    {
        var ct = TestContext.Current.CancellationToken;
        using var host = Build([]);
        var sut = host.Services.GetRequiredService<CachingTextEmbedder>();

        Assert.Same(sut, host.Services.GetRequiredService<ITextEmbedder>());
        await sut.LoadAsync(ct);
        var vector = sut.Embed(["Approve the purchase order"], ct)[0];
        await sut.SaveAsync(ct);

        Assert.Equal(384, vector.Length);
        Assert.True(File.Exists(Path.Combine(_cacheDir, sut.Cache.StoreName)));
    }

    [Theory]
    [InlineData("https://contoso.openai.azure.com/", null, "Deployment")]
    [InlineData(null, "gpt-4.1-mini", "Endpoint")]
    [InlineData("http://contoso.openai.azure.com/", "gpt-4.1-mini", "https")]
    public async Task AddScanner_IncompleteOrInsecureConfig_FailsAtStart(string? endpoint, string? deployment, string expectedInMessage)
    {
        using var host = Build(new() { ["AzureOpenAI:Endpoint"] = endpoint, ["AzureOpenAI:Deployment"] = deployment });

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync(TestContext.Current.CancellationToken));

        Assert.Contains(expectedInMessage, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AddScanner_RegistersThePipelineWithTheConfiguredScoring()
    {
        using var host = Build(new() { ["Scoring:Ranking:ValueWeight"] = "0.5", ["Scoring:Value:Currency"] = "CHF" });
        await host.StartAsync(TestContext.Current.CancellationToken);

        Assert.NotNull(host.Services.GetRequiredService<AutomationScanner.Core.Scanning.ScanPipeline>());
        var scoring = host.Services.GetRequiredService<AutomationScanner.Core.Scanning.ScoringOptions>();
        Assert.Equal(0.5, scoring.Ranking.ValueWeight);
        Assert.Equal("CHF", scoring.Value.Currency);
        await host.StopAsync(TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task AddScanner_ScoringOutOfRange_FailsAtStartNamingTheKey()
    {
        using var host = Build(new() { ["Scoring:Value:HoursPerDay"] = "30" });

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync(TestContext.Current.CancellationToken));

        Assert.Contains("Scoring:Value:HoursPerDay", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AddScanner_OutOfRangeSetting_FailsAtStart()
    {
        using var host = Build(new() { ["AzureOpenAI:TasksPerRequest"] = "500" });

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync(TestContext.Current.CancellationToken));

        Assert.Contains("TasksPerRequest", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AddScanner_EndpointAndKeyConfigured_AssessesThroughAzureOpenAI()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var server = await FakeAzureOpenAIServer.StartAsync(ct);
        using var host = Build(new()
        {
            ["AzureOpenAI:Endpoint"] = server.Endpoint.ToString(),
            ["AzureOpenAI:Deployment"] = FakeAzureOpenAIServer.DeploymentName,
            ["AzureOpenAI:ApiKey"] = FakeAzureOpenAIServer.ApiKey,
            ["AzureOpenAI:TasksPerRequest"] = "10",
        });
        await host.StartAsync(ct);
        var sut = host.Services.GetRequiredService<ITaskAssessor>();

        var run = await sut.AssessAsync(TaskCandidateBuilder.Many(25), ct);

        Assert.True(sut.IsConfigured);
        Assert.Equal(3, server.Received.Count);
        Assert.Equal(25, run.Usage.TasksAssessed);
        Assert.NotEmpty(Directory.GetFiles(_cacheDir, "*.json", SearchOption.AllDirectories));
        await host.StopAsync(ct);
    }
}
