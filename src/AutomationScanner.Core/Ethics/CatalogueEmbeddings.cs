using AutomationScanner.Core.Embeddings;

namespace AutomationScanner.Core.Ethics;

/// <summary>
/// The MiniLM vectors of the rule catalogue's own texts (rule exemplars, ordinary-work exemplars, domain exemplars),
/// computed once and shipped in this assembly (<see cref="ResourceName"/>, the embedding cache's file format), so a scan
/// with a cold embedding cache embeds only its own task texts: the catalogue's texts are about 200 model inputs that
/// every first scan would otherwise pay for. A test recomputes them and fails when the catalogue and the file differ
/// (regenerate with <c>UPDATE_CATALOGUE_EMBEDDINGS=1</c>, see CatalogueEmbeddingsTests).
/// </summary>
public static class CatalogueEmbeddings
{
    public const string ResourceName = "AutomationScanner.Core.Ethics.catalogue-embeddings.bin";

    private static readonly Lazy<byte[]> Shipped = new(ReadShipped);

    /// <summary>Every text of <paramref name="catalogue"/> the semantic matcher and domain inference embed, prepared and distinct, in catalogue order.</summary>
    public static IReadOnlyList<string> Texts(RuleCatalogue catalogue)
    {
        ArgumentNullException.ThrowIfNull(catalogue);
        return [.. catalogue.Rules.SelectMany(r => r.Definition.Exemplars)
            .Concat(catalogue.Semantic.MinimalExemplars)
            .Concat(catalogue.Domains.SelectMany(d => d.Definition.Exemplars))
            .Concat(catalogue.Semantic.ElementWordThreshold < 1
                ? ElementSeeds.ForCatalogue(catalogue).Values.SelectMany(r => r).SelectMany(a => a).SelectMany(e => e)
                : [])
            .Concat(catalogue.Semantic.NonPersonThreshold < 1 ? ElementSeeds.Persons.Concat(ElementSeeds.NonPersons) : [])
            .Concat(catalogue.Semantic.PersonKindThreshold < 1 ? ElementSeeds.PersonKinds.SelectMany(k => k.Seeds).Concat(ElementSeeds.Organisations) : [])
            .Select(MiniLmTextEmbedder.Prepare)
            .Where(t => t.Length > 0)
            .Distinct(StringComparer.Ordinal)];
    }

    /// <summary>Adds the shipped vectors to <paramref name="cache"/> when it is for the same model (otherwise nothing); returns how many were read.</summary>
    public static int SeedInto(EmbeddingCache cache)
    {
        ArgumentNullException.ThrowIfNull(cache);
        return Shipped.Value.Length == 0 ? 0 : cache.Load(Shipped.Value);
    }

    /// <summary>Seeds the cache of <paramref name="embedder"/> when it has one (a bare model is left alone).</summary>
    public static void SeedInto(ITextEmbedder embedder)
    {
        if (embedder is CachingTextEmbedder caching && !caching.Cache.Seeded)
        {
            SeedInto(caching.Cache);
            caching.Cache.Seeded = true;
        }
    }

    private static byte[] ReadShipped()
    {
        using var resource = typeof(CatalogueEmbeddings).Assembly.GetManifestResourceStream(ResourceName);
        if (resource is null)
        {
            return [];
        }

        var bytes = new byte[resource.Length];
        resource.ReadExactly(bytes);
        return bytes;
    }
}
