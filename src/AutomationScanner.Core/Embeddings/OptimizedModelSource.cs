namespace AutomationScanner.Core.Embeddings;

/// <summary>Where <see cref="OptimizedModelStore.Open"/> got its session.</summary>
internal enum OptimizedModelSource
{
    /// <summary>Nothing opened yet.</summary>
    None,

    /// <summary>The saved optimised model, mapped in place, graph optimisation off.</summary>
    Saved,

    /// <summary>Optimised from the source model, and saved for the next load.</summary>
    OptimizedAndSaved,

    /// <summary>Optimised from the source model in memory (no writable folder, or another process saved it first).</summary>
    Optimized,
}
