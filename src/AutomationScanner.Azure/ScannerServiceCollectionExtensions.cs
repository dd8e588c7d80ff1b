using AutomationScanner.Azure.OpenAI;
using AutomationScanner.Azure.Storage;
using AutomationScanner.Core.Classification.Llm;
using global::Azure.Identity;
using global::Azure.Storage.Blobs;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AutomationScanner.Azure;

/// <summary>Where LLM judgements are cached (section <c>AssessmentCache</c>).</summary>
public sealed class AssessmentCacheOptions
{
    public const string SectionName = "AssessmentCache";

    /// <summary>Local folder for the cache (the CLI sets <c>&lt;out&gt;/.cache</c>). Takes precedence over blob storage.</summary>
    public string? Path { get; set; }
}

/// <summary>Privacy settings (section <c>Privacy</c>).</summary>
public sealed class PrivacyOptions
{
    public const string SectionName = "Privacy";

    /// <summary>
    /// Base64 key (>= 16 bytes) for resource pseudonyms; keep it in Key Vault or user secrets. Without it, a key is
    /// drawn per process and pseudonyms are stable within one run only.
    /// </summary>
    public string? PseudonymKey { get; set; }
}

public static class ScannerServiceCollectionExtensions
{
    /// <summary>
    /// The composition root every host (CLI, Functions) calls. Registers the LLM assessment: with
    /// <c>AzureOpenAI:Endpoint</c> and <c>AzureOpenAI:Deployment</c> set, the Azure OpenAI assessor; otherwise
    /// the not-configured assessor, and the scanner runs offline.
    /// </summary>
    public static IHostApplicationBuilder AddScanner(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;

        services.AddOptions<AzureOpenAIOptions>().BindConfiguration(AzureOpenAIOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<AssessmentCacheOptions>().BindConfiguration(AssessmentCacheOptions.SectionName);
        services.AddOptions<PrivacyOptions>().BindConfiguration(PrivacyOptions.SectionName)
            .Validate(o => o.PseudonymKey is null || IsKey(o.PseudonymKey), "Privacy:PseudonymKey must be base64 of at least 16 bytes.")
            .ValidateOnStart();

        services.AddSingleton(sp =>
        {
            var key = sp.GetRequiredService<IOptions<PrivacyOptions>>().Value.PseudonymKey;
            return key is null ? ResourcePseudonymizer.WithEphemeralKey() : new ResourcePseudonymizer(Convert.FromBase64String(key));
        });
        services.AddSingleton<AssessmentPromptBuilder>();
        services.AddSingleton<IAssessmentCache>(sp => CreateCache(sp, builder.Configuration));
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

        var connectionString = configuration["ScannerStorage"];
        if (!string.IsNullOrWhiteSpace(connectionString))
        {
            return new BlobAssessmentCache(new BlobServiceClient(connectionString).GetBlobContainerClient(BlobAssessmentCache.ContainerName));
        }

        if (Uri.TryCreate(configuration["ScannerStorage:blobServiceUri"], UriKind.Absolute, out var blobServiceUri))
        {
            var clientId = configuration["ScannerStorage:clientId"];
            var credential = string.IsNullOrWhiteSpace(clientId)
                ? new DefaultAzureCredential()
                : new DefaultAzureCredential(new DefaultAzureCredentialOptions { ManagedIdentityClientId = clientId });
            return new BlobAssessmentCache(new BlobServiceClient(blobServiceUri, credential).GetBlobContainerClient(BlobAssessmentCache.ContainerName));
        }

        return new LocalFolderAssessmentCache(System.IO.Path.Combine(
            Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.Create),
            "AutomationScanner",
            "cache"));
    }

    private static bool IsKey(string base64)
    {
        var buffer = new byte[base64.Length];
        return Convert.TryFromBase64String(base64, buffer, out var written) && written >= 16;
    }
}
