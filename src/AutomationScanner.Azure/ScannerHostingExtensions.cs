using AutomationScanner.Azure.Storage;
using Microsoft.Extensions.Hosting;

namespace AutomationScanner.Azure;

public static class ScannerHostingExtensions
{
    /// <summary>The one composition root every host (Functions handler, CLI) calls.</summary>
    public static IHostApplicationBuilder AddScanner(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.AddScannerStorage();
        return builder;
    }
}
