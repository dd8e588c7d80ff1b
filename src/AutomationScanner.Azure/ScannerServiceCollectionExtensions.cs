using AutomationScanner.Azure.OpenAI;
using AutomationScanner.Azure.Storage;
using System.Security.Cryptography;
using AutomationScanner.Core.Classification.Llm;
using AutomationScanner.Core.Embeddings;
using AutomationScanner.Core.Ethics;
using AutomationScanner.Core.Hosting;
using global::Azure.Storage.Blobs;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AutomationScanner.Azure;

public static class ScannerServiceCollectionExtensions
{
    /// <summary>
    /// The composition root every host (CLI, Functions) calls. Registers the core services (<c>AddScannerCore</c>:
    /// options validated at start, pipeline, suitability scorer, clock, rule catalogue), the sentence embedder with
    /// its cache, and the LLM assessment: with
    /// <c>AzureOpenAI:Endpoint</c> and <c>AzureOpenAI:Deployment</c> set, the Azure OpenAI assessor; otherwise
    /// the not-configured assessor, and the scanner runs offline.
    /// </summary>
    public static IHostApplicationBuilder AddScanner(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;

        // Scoring, Limits and Ingestion options (validated at start), the suitability scorer, ScanPipeline, the clock.
        services.AddScannerCore(builder.Configuration);

        services.AddOptions<AzureOpenAIOptions>().BindConfiguration(AzureOpenAIOptions.SectionName).ValidateAnnotations().ValidateOnStart();
        services.AddOptions<AssessmentCacheOptions>().BindConfiguration(AssessmentCacheOptions.SectionName);

        // Resource pseudonyms in prompts use a key drawn per process: the model provider cannot link them across
        // scans or to the report's pseudonyms. The cache key does not include them, so rescans still hit the cache.
        services.AddSingleton(new AssessmentPromptBuilder(new ResourcePseudonymizer(Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)))));
        services.AddSingleton<IAssessmentCache>(sp => CreateCache(sp, builder.Configuration));

        // Sentence embeddings (risk screen, suitability, statement matching): the model loads on first use, vectors are
        // cached by text hash where the LLM cache lives, so an unchanged rescan runs the model on nothing.
        // Hosts call CachingTextEmbedder.LoadAsync before a scan and SaveAsync after it.
        // The model is the container's, so disposing the host frees it (and waits for a load begun in the background).
        services.AddSingleton(_ => new MiniLmTextEmbedder());
        services.AddSingleton(sp => new CachingTextEmbedder(sp.GetRequiredService<MiniLmTextEmbedder>(), CreateEmbeddingStore(sp, builder.Configuration)));
        services.AddSingleton<ITextEmbedder>(sp => sp.GetRequiredService<CachingTextEmbedder>());
        services.AddSingleton<ITaskAssessor>(sp =>
        {
            var options = sp.GetRequiredService<IOptions<AzureOpenAIOptions>>().Value;
            if (!options.IsConfigured)
            {
                return new NotConfiguredTaskAssessor();
            }

            var client = new AzureOpenAICompletionClient(options, sp.GetRequiredService<ILogger<AzureOpenAICompletionClient>>());
            return new LlmTaskAssessor(
                client,
                sp.GetRequiredService<IAssessmentCache>(),
                sp.GetRequiredService<AssessmentPromptBuilder>(),
                options.ToSettings(),
                sp.GetRequiredService<ILogger<LlmTaskAssessor>>());
        });
        return builder;
    }

    /// <summary>The embedding cache goes where <see cref="CreateCache"/> puts the LLM cache.</summary>
    private static IEmbeddingStore CreateEmbeddingStore(IServiceProvider services, IConfiguration configuration)
    {
        var path = services.GetRequiredService<IOptions<AssessmentCacheOptions>>().Value.Path;
        if (!string.IsNullOrWhiteSpace(path))
        {
            return new LocalFolderEmbeddingStore(path);
        }

        var container = CacheContainer(configuration);
        return container is not null ? new BlobEmbeddingStore(container) : new LocalFolderEmbeddingStore(DefaultCacheFolder());
    }

    /// <summary>
    /// A configured folder wins; else the <c>scanner-cache</c> container when <c>ScannerStorage</c> is configured
    /// (connection string or <c>ScannerStorage:blobServiceUri</c> with managed identity); else a per-user folder.
    /// </summary>
    private static IAssessmentCache CreateCache(IServiceProvider services, IConfiguration configuration)
    {
        var path = services.GetRequiredService<IOptions<AssessmentCacheOptions>>().Value.Path;
        if (!string.IsNullOrWhiteSpace(path))
        {
            return new LocalFolderAssessmentCache(path);
        }

        var container = CacheContainer(configuration);
        return container is not null ? new BlobAssessmentCache(container) : new LocalFolderAssessmentCache(DefaultCacheFolder());
    }

    /// <summary>The <c>scanner-cache</c> container of the <c>ScannerStorage</c> account, or null when none is configured.</summary>
    private static BlobContainerClient? CacheContainer(IConfiguration configuration) =>
        ScannerStorageConnection.BlobService(ScannerStorageConnection.Read(configuration))?.GetBlobContainerClient(BlobAssessmentCache.ContainerName);

    private static string DefaultCacheFolder() => System.IO.Path.Combine(
        Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.Create),
        "AutomationScanner",
        "cache");
}
