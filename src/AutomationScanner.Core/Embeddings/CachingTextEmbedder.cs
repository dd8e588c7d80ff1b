using System.Runtime.CompilerServices;

namespace AutomationScanner.Core.Embeddings;

/// <summary>
/// An <see cref="ITextEmbedder"/> that answers from an <see cref="EmbeddingCache"/> and embeds only the misses, in one
/// batch. With a store, <see cref="LoadAsync"/> warms the cache before a scan and <see cref="SaveAsync"/> persists what
/// the scan added, so an unchanged rescan runs the model on nothing (and never loads it).
/// </summary>
public sealed class CachingTextEmbedder : ITextEmbedder
{
    /// <summary>
    /// A scan's persisted cache keeps at most this many vectors (about 25 MB at 384 dimensions), the most recently used.
    /// Scans never embed the suitability model's training statements (the model file carries their vectors).
    /// </summary>
    public const int MaxStoredEntries = 16_000;

    private readonly ITextEmbedder _inner;
    private readonly int _maxStoredEntries;
    private readonly IEmbeddingStore? _store;
    private readonly SemaphoreSlim _storeGate = new(1, 1);
    private bool _loaded;

    /// <param name="inner">The model that embeds what the cache does not hold.</param>
    /// <param name="store">Where the cache persists; null keeps it in memory only.</param>
    /// <param name="maxStoredEntries">Vectors the persisted file keeps (training and evaluation keep a whole label set).</param>
    public CachingTextEmbedder(ITextEmbedder inner, IEmbeddingStore? store = null, int maxStoredEntries = MaxStoredEntries)
    {
        ArgumentNullException.ThrowIfNull(inner);
        ArgumentOutOfRangeException.ThrowIfNegative(maxStoredEntries);
        _inner = inner;
        _maxStoredEntries = maxStoredEntries;
        _store = store;
        Cache = new EmbeddingCache(inner.ModelId, inner.Dimensions);
    }

    public EmbeddingCache Cache { get; }

    public string ModelId => _inner.ModelId;

    public int Dimensions => _inner.Dimensions;

    /// <summary>Texts answered from the cache and texts sent to the model, since creation.</summary>
    public (long Hits, long Misses) Counts => (Interlocked.Read(ref _hits), Interlocked.Read(ref _misses));

    private long _hits;
    private long _misses;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public float[][] Embed(IReadOnlyList<string> texts, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(texts);
        var result = new float[texts.Count][];
        var missing = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (var i = 0; i < texts.Count; i++)
        {
            var prepared = MiniLmTextEmbedder.Prepare(texts[i]);
            if (prepared.Length == 0)
            {
                result[i] = new float[Dimensions];
            }
            else if (Cache.TryGet(prepared, out var vector))
            {
                result[i] = vector;
                Interlocked.Increment(ref _hits);
            }
            else if (missing.TryGetValue(prepared, out var positions))
            {
                positions.Add(i);
            }
            else
            {
                missing[prepared] = [i];
            }
        }

        if (missing.Count > 0)
        {
            var unique = missing.Keys.ToArray();
            Interlocked.Add(ref _misses, unique.Length);
            var vectors = _inner.Embed(unique, cancellationToken);
            for (var j = 0; j < unique.Length; j++)
            {
                Cache.Add(unique[j], vectors[j]);
                foreach (var i in missing[unique[j]])
                {
                    result[i] = vectors[j];
                }
            }
        }

        return result;
    }

    /// <summary>Frees the inner model's memory (the cache stays); a later miss reloads the model.</summary>
    public void ReleaseModel() => _inner.ReleaseModel();

    public void PreloadModel() => _inner.PreloadModel();

    /// <summary>
    /// Reads the persisted cache once (later calls do nothing). A missing or unreadable file is an empty cache. When the
    /// store holds no cache at all (a first scan into a folder or engagement), every text the caller goes on to embed is
    /// new, so the model starts loading now on another thread (<see cref="ITextEmbedder.PreloadModel"/>), while the
    /// caller reads its inputs.
    /// </summary>
    public async Task LoadAsync(CancellationToken cancellationToken)
    {
        if (_store is null)
        {
            return;
        }

        await _storeGate.WaitAsync(cancellationToken);
        try
        {
            if (_loaded)
            {
                return;
            }

            var bytes = await _store.ReadAsync(Cache.StoreName, cancellationToken);
            if (bytes is not null)
            {
                Cache.Load(bytes);
            }
            else
            {
                _inner.PreloadModel();
            }

            Cache.MarkSaved();
            _loaded = true;
        }
        finally
        {
            _storeGate.Release();
        }
    }

    /// <summary>Persists the cache when entries were added since the last load or save.</summary>
    public async Task SaveAsync(CancellationToken cancellationToken)
    {
        if (_store is null || !Cache.HasChanges)
        {
            return;
        }

        await _storeGate.WaitAsync(cancellationToken);
        try
        {
            await _store.WriteAsync(Cache.StoreName, Cache.Serialize(_maxStoredEntries), cancellationToken);
            Cache.MarkSaved();
        }
        finally
        {
            _storeGate.Release();
        }
    }
}
