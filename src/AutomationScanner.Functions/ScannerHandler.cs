using System.Globalization;
using AutomationScanner.Azure;
using AutomationScanner.Azure.Access;
using AutomationScanner.Azure.Storage;
using AutomationScanner.Functions.Access;
using AutomationScanner.Functions.Api;
using AutomationScanner.Functions.Triggers;

namespace AutomationScanner.Functions;

/// <summary>
/// The custom handler: an ASP.NET Core app that the Functions host starts and calls on
/// <c>http://127.0.0.1:$FUNCTIONS_CUSTOMHANDLER_PORT</c>. It serves <c>/</c> (readiness), <c>POST /{FunctionName}</c>
/// for queue and timer triggers, and the forwarded HTTP API under <c>/api</c>.
/// </summary>
internal static class ScannerHandler
{
    public const string PortVariable = "FUNCTIONS_CUSTOMHANDLER_PORT";

    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateSlimBuilder(args);
        if (builder.Configuration[PortVariable] is { Length: > 0 } port)
        {
            // Loopback only: the host is the one caller.
            builder.WebHost.UseUrls(string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{int.Parse(port, CultureInfo.InvariantCulture)}"));
        }

        // The shared composition root (LLM assessor and its cache), then the storage services only this host and
        // storage-backed CLI commands need: their options are validated at start, so a missing connection stops here.
        builder.AddScanner();
        builder.AddScannerStorage();
        builder.Services.AddOptions<EngagementAccessOptions>().BindConfiguration(EngagementAccessOptions.SectionName).ValidateDataAnnotations()
            .Validate<IConfiguration>((o, c) => ClientPrincipalPolicy.Validate(o.RequirePrincipal, c[ClientPrincipalPolicy.PlatformAuthenticationSetting]) is null,
                ClientPrincipalPolicy.Validate(true, null)!)
            .ValidateOnStart();
        builder.Services.AddSingleton<EngagementAccess>();
        builder.Services.AddProblemDetails();
        configure?.Invoke(builder);

        var app = builder.Build();
        app.MapGet("/", () => Results.Ok(new { status = "ready" }));
        app.MapTriggerFunctions();
        app.MapReportApi();
        app.MapOpportunityStatusApi();
        return app;
    }
}
