using AutomationScanner.Core.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace AutomationScanner.Azure.Storage;

public static class StorageServiceCollectionExtensions
{
    /// <summary>Object types to flatten OCEL logs on: "Order, Item" or a list (Ingestion__ObjectTypes__0 ...).</summary>
    public const string OcelObjectTypesKey = ScannerCoreServiceCollectionExtensions.OcelObjectTypesKey;

    /// <summary>The configured OCEL object types: one comma-separated value or a list of values.</summary>
    public static IReadOnlyList<string> ObjectTypes(IConfigurationSection section) => ScannerCoreServiceCollectionExtensions.ObjectTypes(section);

    /// <summary>
    /// For hosts that work on storage (the Functions app, the CLI's storage commands): the core services
    /// (<c>AddScannerCore</c>: options, pipeline, scorer, clock), blob/queue adapters bound to the <c>ScannerStorage</c>
    /// connection (read by <see cref="ScannerStorageConnection"/>), validated at start (a missing connection fails the
    /// host before it takes work), and the storage scan that runs the pipeline.
    /// </summary>
    public static IHostApplicationBuilder AddScannerStorage(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddScannerCore(builder.Configuration);
        builder.Services.AddOptions<ScannerStorageOptions>()
            .BindConfiguration(ScannerStorageOptions.SectionName)
            .Configure(o => ScannerStorageConnection.Apply(builder.Configuration[ScannerStorageOptions.SectionName], o))
            .ValidateAnnotations()
            .ValidateOnStart();
        builder.Services.AddOptions<ScanSchedulingOptions>()
            .BindConfiguration(ScanSchedulingOptions.SectionName)
            .ValidateAnnotations()
            .ValidateOnStart();
        builder.Services.AddSingleton<ScannerStorageClients>();
        builder.Services.AddSingleton<ExportCatalog>();
        builder.Services.AddSingleton<ReportStore>();
        builder.Services.AddSingleton<AutomationScanner.Core.Tracking.IOpportunityStatusStore, BlobOpportunityStatusStore>();
        builder.Services.AddSingleton<ScanScheduler>();
        builder.Services.AddSingleton<StorageScanService>();
        return builder;
    }
}
