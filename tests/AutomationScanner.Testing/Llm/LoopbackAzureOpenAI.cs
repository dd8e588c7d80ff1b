using AutomationScanner.Azure.OpenAI;
using AutomationScanner.Core.Classification.Llm;
using AutomationScanner.Core.Ethics;
using Microsoft.Extensions.Logging.Abstractions;

namespace AutomationScanner.Testing.Llm;

/// <summary>
/// The LLM tests' fixture: a <see cref="FakeAzureOpenAIServer"/> on a loopback port, a cache folder of its own, and
/// the production assessor wired to it through the real <c>Azure.AI.OpenAI</c> client (<see cref="AzureOpenAICompletionClient"/>).
/// Start one per test (the server's script and the requests it received belong to that test); disposing stops the
/// server and deletes the folder.
/// </summary>
public sealed class LoopbackAzureOpenAI : IAsyncDisposable
{
    private LoopbackAzureOpenAI(FakeAzureOpenAIServer server, string folder)
    {
        Server = server;
        Folder = folder;
    }

    public FakeAzureOpenAIServer Server { get; }

    /// <summary>A folder for the test (created): the assessment cache lives in <c>cache</c> under it.</summary>
    public string Folder { get; }

    public string CacheFolder => Path.Combine(Folder, "cache");

    public static async Task<LoopbackAzureOpenAI> StartAsync(CancellationToken cancellationToken)
    {
        var folder = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "as-llm-" + Guid.NewGuid().ToString("N"))).FullName;
        try
        {
            return new LoopbackAzureOpenAI(await FakeAzureOpenAIServer.StartAsync(cancellationToken), folder);
        }
        catch
        {
            Directory.Delete(folder, recursive: true);
            throw;
        }
    }

    /// <summary>Options for the fake's chat deployment: short retry delays and timeouts, changed by <paramref name="change"/>.</summary>
    public AzureOpenAIOptions Options(Action<AzureOpenAIOptions>? change = null)
    {
        var options = new AzureOpenAIOptions
        {
            Endpoint = Server.Endpoint,
            Deployment = FakeAzureOpenAIServer.DeploymentName,
            ApiKey = FakeAzureOpenAIServer.ApiKey,
            MaxRetries = 3,
            RetryBaseDelay = TimeSpan.FromMilliseconds(10),
            MaxRetryDelay = TimeSpan.FromSeconds(2),
            RequestTimeout = TimeSpan.FromSeconds(10),
        };
        change?.Invoke(options);
        return options;
    }

    /// <summary>The production assessor (real client, folder cache, prompt builder) against the fake; <see cref="Options"/> by default.</summary>
    public LlmTaskAssessor Assessor(AzureOpenAIOptions? options = null)
    {
        options ??= Options();
        return new LlmTaskAssessor(
            new AzureOpenAICompletionClient(options, NullLogger<AzureOpenAICompletionClient>.Instance),
            new LocalFolderAssessmentCache(CacheFolder),
            new AssessmentPromptBuilder(new ResourcePseudonymizer("test-key")),
            options.ToSettings(),
            NullLogger<LlmTaskAssessor>.Instance);
    }

    public async ValueTask DisposeAsync()
    {
        await Server.DisposeAsync();
        if (Directory.Exists(Folder))
        {
            Directory.Delete(Folder, recursive: true);
        }
    }
}
