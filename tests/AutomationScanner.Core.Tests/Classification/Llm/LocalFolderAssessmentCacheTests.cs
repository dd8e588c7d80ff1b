using AutomationScanner.Core.Classification.Llm;

namespace AutomationScanner.Core.Tests.Classification.Llm;

public sealed class LocalFolderAssessmentCacheTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "as-cache-" + Guid.NewGuid().ToString("N"));
    private static readonly string Key = new('a', 64);

    public static LlmJudgement Judgement { get; } = new()
    {
        Suitability = 0.75,
        RecommendedKind = AutomationKind.DocumentAi,
        Criteria = new WellmannCriteria(0.5, 0.2, 0.6, 0.9, 3),
        EthicalFlags = [new EthicalFlag(EthicalFlagCategory.PersonalData, EthicalSeverity.High, "Names on invoices.", ["sop.md:3"])],
        Rationale = "Scanned invoices.",
        Evidence = ["metric:executions"],
    };

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    [Fact]
    public async Task SetAsync_ThenTryGet_RoundTripsJudgement()
    {
        var ct = TestContext.Current.CancellationToken;
        var sut = new LocalFolderAssessmentCache(_root);

        await sut.SetAsync(Key, Judgement, ct);
        var read = await new LocalFolderAssessmentCache(_root).TryGetAsync(Key, ct);

        Assert.NotNull(read);
        Assert.Equal(Judgement.Suitability, read.Suitability);
        Assert.Equal(Judgement.RecommendedKind, read.RecommendedKind);
        Assert.Equal(Judgement.Criteria, read.Criteria);
        Assert.Equal(EthicalSeverity.High, Assert.Single(read.EthicalFlags).Severity);
        Assert.Equal(["metric:executions"], read.Evidence);
    }

    [Fact]
    public async Task TryGetAsync_MissingOrCorruptEntry_Miss()
    {
        var ct = TestContext.Current.CancellationToken;
        var sut = new LocalFolderAssessmentCache(_root);
        Assert.Null(await sut.TryGetAsync(Key, ct));

        await sut.SetAsync(Key, Judgement, ct);
        var file = Directory.GetFiles(_root, "*.json", SearchOption.AllDirectories).Single();
        await File.WriteAllTextAsync(file, "{\"suitability\": 9", ct);

        Assert.Null(await sut.TryGetAsync(Key, ct));
    }

    [Fact]
    public async Task SetAsync_KeyWithPathCharacters_Throws()
    {
        var sut = new LocalFolderAssessmentCache(_root);

        await Assert.ThrowsAsync<ArgumentException>(() => sut.SetAsync("../../etc/passwd", Judgement, TestContext.Current.CancellationToken));
    }
}
