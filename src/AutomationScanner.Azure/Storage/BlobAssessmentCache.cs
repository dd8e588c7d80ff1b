using AutomationScanner.Core.Classification.Llm;
using global::Azure;
using global::Azure.Storage.Blobs;

namespace AutomationScanner.Azure.Storage;

/// <summary>LLM assessment cache in the <c>scanner-cache</c> container: one JSON blob per key under <c>llm-assessments/</c>.</summary>
public sealed class BlobAssessmentCache(BlobContainerClient container) : IAssessmentCache
{
    public const string ContainerName = "scanner-cache";

    private int _containerChecked;

    public async Task<LlmJudgement?> TryGetAsync(string key, CancellationToken cancellationToken)
    {
        try
        {
            var response = await container.GetBlobClient(BlobName(key)).DownloadContentAsync(cancellationToken);
            return AssessmentCacheSerializer.TryDeserialize(response.Value.Content.ToMemory().Span);
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return null;
        }
    }

    public async Task SetAsync(string key, LlmJudgement judgement, CancellationToken cancellationToken)
    {
        // Infra creates the container; creating it here too keeps Azurite and fresh accounts working.
        if (Interlocked.Exchange(ref _containerChecked, 1) == 0)
        {
            await container.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        }

        await container.GetBlobClient(BlobName(key))
            .UploadAsync(new BinaryData(AssessmentCacheSerializer.Serialize(judgement)), overwrite: true, cancellationToken);
    }

    private static string BlobName(string key) => AssessmentCacheSerializer.IsValidKey(key)
        ? "llm-assessments/" + key[..2] + "/" + key + ".json"
        : throw new ArgumentException("Cache keys are lower-case SHA-256 hex strings.", nameof(key));
}
