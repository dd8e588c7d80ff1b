using AutomationScanner.Core.Classification;
using AutomationScanner.Core.Embeddings;
using AutomationScanner.Core.Ethics;
using AutomationScanner.Core.Ingestion.Common;
using AutomationScanner.Core.Mining;
using AutomationScanner.Core.Model;
using AutomationScanner.Core.Scanning;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace AutomationScanner.Core.Hosting;

/// <summary>
/// The scan's own composition, shared by every host (the CLI, the Functions app, tests): options bound from
/// configuration and validated when the host starts, the pipeline, the suitability scorer, the clock and the rule
/// catalogue. Hosts add what is theirs: the text embedder and its cache, the LLM assessor, storage.
/// </summary>
public static class ScannerCoreServiceCollectionExtensions
{
    /// <summary>Path of a suitability model file (<c>scanner train</c>) to use instead of the shipped model (CLI <c>--model</c>).</summary>
    public const string SuitabilityModelKey = "Suitability:Model";

    /// <summary>Object types to flatten OCEL logs on: "Order, Item" or a list (Ingestion__ObjectTypes__0 ...).</summary>
    public const string OcelObjectTypesKey = "Ingestion:ObjectTypes";

    /// <summary>
    /// Registers, each once (a second call changes nothing): <see cref="ScoringOptions"/> (section <c>Scoring</c>),
    /// <see cref="InputLimits"/> and <see cref="DocumentOptions"/> (sections <c>Limits</c>, <c>Limits:Documents</c>) and
    /// <see cref="IngestionSettings"/> (section <c>Ingestion</c>), all validated on start so a bad value stops the host
    /// with a message naming its key; the <see cref="IngestionOptions"/> built from them; <see cref="TimeProvider.System"/>;
    /// <see cref="RuleCatalogue.Default"/>; the <see cref="SuitabilityScorer"/> (the shipped model, or the file at
    /// <see cref="SuitabilityModelKey"/>; it needs the host's <see cref="ITextEmbedder"/>); and <see cref="ScanPipeline"/>.
    /// </summary>
    public static IServiceCollection AddScannerCore(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        if (services.Any(d => d.ServiceType == typeof(CoreMarker)))
        {
            return services;
        }

        services.AddSingleton<CoreMarker>();
        services.AddOptions<ScoringOptions>().Bind(configuration.GetSection(ScoringOptions.SectionName)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<ScoringOptions>, ScoringOptionsValidator>();

        // ScanPipeline and the Durable activities take the options object itself.
        services.TryAddSingleton(sp => sp.GetRequiredService<IOptions<ScoringOptions>>().Value);
        services.AddScannerLimits(configuration);
        services.AddOptions<IngestionSettings>().Bind(configuration.GetSection(IngestionSettings.SectionName)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<IngestionSettings>>(new SectionValidator<IngestionSettings>(IngestionSettings.SectionName));
        services.TryAddSingleton(sp => IngestionOptionsFrom(
            sp.GetRequiredService<IOptions<IngestionSettings>>().Value,
            sp.GetRequiredService<IOptions<InputLimits>>().Value,
            sp.GetRequiredService<IOptions<DocumentOptions>>().Value,
            ObjectTypes(configuration.GetSection(OcelObjectTypesKey)),
            sp.GetRequiredService<IOptions<OcelOptions>>().Value));
        services.TryAddSingleton(TimeProvider.System);
        // Read and compiled when first resolved, not while the host is built: a scan's embedding model starts loading
        // in between (CachingTextEmbedder.LoadAsync), so the two overlap.
        services.TryAddSingleton(_ => RuleCatalogue.Default);

        // The suitability model loads once; the scorer is thread-safe.
        services.TryAddSingleton(sp =>
        {
            var embedder = sp.GetRequiredService<ITextEmbedder>();
            var path = configuration[SuitabilityModelKey];
            return new SuitabilityScorer(string.IsNullOrWhiteSpace(path) ? SuitabilityModel.LoadShipped(embedder) : SuitabilityModel.Load(path, embedder));
        });
        services.TryAddSingleton<ScanPipeline>();
        return services;
    }

    /// <summary>The configured OCEL object types: one comma-separated value or a list of values.</summary>
    public static IReadOnlyList<string> ObjectTypes(IConfigurationSection section)
    {
        ArgumentNullException.ThrowIfNull(section);
        return OcelOptions.ParseList([.. section.Value is { } value ? [value] : Array.Empty<string>(), .. section.GetChildren().Select(c => c.Value).OfType<string>()]);
    }

    /// <summary>What the readers and the miner are given, from the validated settings.</summary>
    public static IngestionOptions IngestionOptionsFrom(IngestionSettings settings, InputLimits limits, DocumentOptions documents, IReadOnlyList<string> objectTypes, OcelOptions? ocelLimits = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return IngestionOptions.Default with
        {
            Limits = limits,
            Documents = documents,
            DefaultTimeZone = settings.ResolveTimeZone(),
            DateOrder = settings.DateOrder,
            Columns = string.IsNullOrWhiteSpace(settings.Columns) ? ColumnMapping.Empty : ColumnMapping.Parse(settings.Columns),
            Mining = settings.AutomatedResources.Count == 0
                ? MiningOptions.Default
                : new MiningOptions { AutomatedResources = new HashSet<string>(settings.AutomatedResources, StringComparer.OrdinalIgnoreCase) },
            Ocel = (ocelLimits ?? OcelOptions.Default) with { ObjectTypes = objectTypes },
        };
    }

    /// <summary>Marks a collection that already has the core services.</summary>
    private sealed class CoreMarker;
}
