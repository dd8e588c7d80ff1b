using AutomationScanner.Core.Ingestion;
using AutomationScanner.Core.Ingestion.Ocel;
using AutomationScanner.Core.Model;
using Microsoft.Extensions.Configuration;
using AutomationScanner.Core.Scanning;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace AutomationScanner.Azure.Storage;

public static class StorageServiceCollectionExtensions
{
    /// <summary>
    /// For hosts that work on storage (the Functions handler), next to <c>AddScanner</c>: blob/queue adapters bound to the <c>ScannerStorage</c> connection, validated at start (a missing connection
    /// fails the host before it takes work), plus the storage scan that runs the pipeline.
    /// </summary>
    /// <summary>Object types to flatten OCEL logs on: "Order, Item" or a list (Ingestion__ObjectTypes__0 ...).</summary>
    public const string OcelObjectTypesKey = "Ingestion:ObjectTypes";

    /// <summary>The configured OCEL object types: one comma-separated value or a list of values.</summary>
    public static IReadOnlyList<string> ObjectTypes(IConfigurationSection section)
    {
        ArgumentNullException.ThrowIfNull(section);
        return OcelOptions.ParseList([.. section.Value is { } value ? [value] : Array.Empty<string>(), .. section.GetChildren().Select(c => c.Value).OfType<string>()]);
    }

    public static IHostApplicationBuilder AddScannerStorage(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOptions<ScannerStorageOptions>()
            .BindConfiguration(ScannerStorageOptions.SectionName)
            .Configure(o => o.ConnectionString ??= builder.Configuration[ScannerStorageOptions.SectionName])
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddOptions<ScanSchedulingOptions>()
            .BindConfiguration(ScanSchedulingOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.TryAddSingleton(TimeProvider.System);
        // Limits from the Limits section (registered by AddScanner; defaults when a host registers no options).
        builder.Services.TryAddSingleton(sp => IngestionOptions.Default with
        {
            Limits = sp.GetService<IOptions<InputLimits>>()?.Value ?? InputLimits.Default,
            Documents = sp.GetService<IOptions<DocumentOptions>>()?.Value ?? DocumentOptions.Default,
            Ocel = OcelOptions.Default with { ObjectTypes = ObjectTypes(builder.Configuration.GetSection(OcelObjectTypesKey)) },
        });
        builder.Services.TryAddSingleton<ScanPipeline>();
        builder.Services.AddSingleton<ScannerStorageClients>();
        builder.Services.AddSingleton<ExportCatalog>();
        builder.Services.AddSingleton<ReportStore>();
        builder.Services.AddSingleton<AutomationScanner.Core.Tracking.IOpportunityStatusStore, BlobOpportunityStatusStore>();
        builder.Services.AddSingleton<ScanScheduler>();
        builder.Services.AddSingleton<StorageScanService>();
        return builder;
    }
}
