using AutomationScanner.Azure;
using AutomationScanner.Azure.Access;
using Microsoft.Extensions.Configuration;
using AutomationScanner.Azure.Storage;
using AutomationScanner.Functions.Access;
using AutomationScanner.Functions.Scanning;
using Microsoft.Extensions.Hosting;

namespace AutomationScanner.Functions;

/// <summary>
/// The services behind the functions, apart from the worker itself: Program.cs calls it on the Functions builder,
/// tests call it on a plain host builder, so both run the same composition (and the same start-up validation).
/// </summary>
public static class FunctionsComposition
{
    public static IHostApplicationBuilder AddScannerFunctions(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);

        // The shared composition root (LLM assessor and its cache), then the storage services: their options are
        // validated at start, so a missing connection stops the worker before it takes work.
        builder.AddScanner();
        builder.AddScannerStorage();
        // Requiring a principal makes sense only where the platform's authentication sets (and strips) the header.
        builder.Services.AddOptions<EngagementAccessOptions>().BindConfiguration(EngagementAccessOptions.SectionName).ValidateDataAnnotations()
            .Validate<IConfiguration>((o, c) => ClientPrincipalPolicy.Validate(o.RequirePrincipal, c[ClientPrincipalPolicy.PlatformAuthenticationSetting]) is null,
                ClientPrincipalPolicy.Validate(true, null)!)
            .ValidateOnStart();
        builder.Services.AddOptions<ScanFanOutOptions>().BindConfiguration(ScanFanOutOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<EngagementAccess>();
        builder.Services.AddSingleton<ScanActivities>();
        builder.Services.AddProblemDetails();
        return builder;
    }
}
