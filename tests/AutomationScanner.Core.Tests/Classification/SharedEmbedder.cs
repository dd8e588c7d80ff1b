using AutomationScanner.Core.Embeddings;

namespace AutomationScanner.Core.Tests.Classification;

/// <summary>One real MiniLM embedder (with an in-memory cache) for the classification tests: the model loads once.</summary>
internal static class SharedEmbedder
{
    public static CachingTextEmbedder Instance { get; } = new(new MiniLmTextEmbedder());
}
