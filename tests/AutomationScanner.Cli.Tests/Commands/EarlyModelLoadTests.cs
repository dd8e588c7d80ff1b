using AutomationScanner.Core.Embeddings;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace AutomationScanner.Cli.Tests.Commands;

/// <summary>
/// A cold scan begins loading the sentence model before the host is built (issue 17, round 9): the host must use that
/// model, not a second one, and own it, so a command that stops early does not leave the load running.
/// </summary>
public sealed class EarlyModelLoadTests
{
    [Fact]
    public async Task BuildHost_WithAModelAlreadyLoading_UsesThatModel_AndDisposingTheHostFreesIt()
    {
        var ct = TestContext.Current.CancellationToken;
        var cache = Path.Combine(Path.GetTempPath(), "scanner-cli-early-model", Guid.NewGuid().ToString("N"));
        var model = new MiniLmTextEmbedder();
        model.PreloadModel();

        var host = Program.BuildHost(new ConfigurationBuilder().Build(), [new("AssessmentCache:Path", cache)], storage: false, llm: false, model);
        var embedder = host.Services.GetRequiredService<CachingTextEmbedder>();
        await embedder.LoadAsync(ct);

        Assert.Same(model, host.Services.GetRequiredService<MiniLmTextEmbedder>());
        host.Dispose();
        Assert.False(model.IsLoaded);
        Assert.InRange(model.Loads, 0, 1);
    }
}
