using AutomationScanner.Azure.Storage;
using AutomationScanner.Core.Classification.Llm;
using AutomationScanner.Testing;
using Azure.Storage.Blobs;

namespace AutomationScanner.Azure.Tests.Storage;

public sealed class BlobAssessmentCacheTests
{
    private static readonly string Key = new('b', 64);

    private static readonly LlmJudgement Judgement = new()
    {
        Suitability = 0.4,
        RecommendedKind = AutomationKind.Workflow,
        Criteria = new WellmannCriteria(0.3, 0.6, 0.7, 0.8, 4),
        EthicalFlags = [new EthicalFlag(EthicalFlagCategory.AutomatedDecision, EthicalSeverity.High, "Loan refusal.", ["metric:failureRate"])],
        Rationale = "Approval routing.",
    };

    [Fact]
    public async Task SetAsync_ThenTryGet_RoundTripsThroughScannerCacheContainer()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var azurite = await Azurite.StartAsync();
        var container = new BlobServiceClient(azurite.ConnectionString).GetBlobContainerClient(BlobAssessmentCache.ContainerName);
        var sut = new BlobAssessmentCache(container);

        var missBeforeContainerExists = await sut.TryGetAsync(Key, ct);
        await sut.SetAsync(Key, Judgement, ct);
        var read = await new BlobAssessmentCache(container).TryGetAsync(Key, ct);

        Assert.Null(missBeforeContainerExists);
        Assert.NotNull(read);
        Assert.Equal(Judgement.Criteria, read.Criteria);
        Assert.Equal(EthicalFlagCategory.AutomatedDecision, Assert.Single(read.EthicalFlags).Category);
        Assert.True(await container.GetBlobClient($"llm-assessments/bb/{Key}.json").ExistsAsync(ct));
        Assert.Null(await sut.TryGetAsync(new string('c', 64), ct));
    }
}
