using AutomationScanner.Azure;
using AutomationScanner.Azure.Storage;
using AutomationScanner.Core.Classification.Llm;
using AutomationScanner.Core.Diagnostics;
using AutomationScanner.Core.Embeddings;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Spectre.Console;

namespace AutomationScanner.Cli;

/// <summary>
/// The `scanner` executable and the CLI's composition root. Its one host is built here (<see cref="BuildHost"/>), per
/// invocation of a command that scans: configured from <see cref="CliConfiguration"/> (<c>appsettings.json</c>,
/// environment, <c>--settings</c>) with the command-line flags on top as configuration keys (<c>--hourly-cost</c> is
/// <c>Scoring:Value:HourlyCost</c>, <c>--time-zone</c> is <c>Ingestion:TimeZone</c>...: <see cref="Flags"/>), and composed
/// exactly as the Functions app is: <c>AddScanner</c> (which calls <c>AddScannerCore</c>) and, for the storage commands,
/// <c>AddScannerStorage</c>. Its options are validated when it starts (<see cref="StartAsync"/>), so a bad flag or
/// setting stops the command with a message naming the key and, where one sets it, the flag.
/// </summary>
public static class Program
{
    /// <summary>The flag that sets each configuration key, for error messages.</summary>
    public static readonly IReadOnlyList<(string Key, string Flag)> Flags =
    [
        ("Scoring:Value:HourlyCost", "--hourly-cost"),
        ("Scoring:Value:Currency", "--currency"),
        ("Scoring:KindOverrides", "--kind"),
        ("Ingestion:TimeZone", "--time-zone"),
        ("Ingestion:DateOrder", "--date-order"),
        ("Ingestion:Columns", "--map"),
        ("Ingestion:AutomatedResources", "--automated-resource"),
        ("Ingestion:ObjectTypes", "--object-type"),
        ("Suitability:Model", "--model"),
        (ScannerStorageOptions.SectionName, "--connection"),
    ];

    public static async Task<int> Main(string[] args)
    {
        PhaseTrace.BeginIfAsked();
        var console = AnsiConsole.Console;
        if (Console.IsOutputRedirected)
        {
            // Logs and pipes have no terminal width; 80 columns would fold every table.
            console.Profile.Width = 160;
        }

        var exitCode = await ScannerCli.Create(console).Parse(args).InvokeAsync();
        PhaseTrace.EndIfAsked();
        return exitCode;
    }

    /// <summary>
    /// Builds the host: <paramref name="configuration"/>, then <paramref name="flags"/> (which win), <c>AddScanner</c>,
    /// <c>AddScannerStorage</c> when <paramref name="storage"/>, and the not-configured assessor when <paramref name="llm"/> is false.
    /// With <paramref name="model"/>, the host's sentence model is that one (a scan may have begun loading it before the
    /// host was built); the host owns it either way, so disposing the host frees it.
    /// </summary>
    public static IHost BuildHost(IConfiguration configuration, IEnumerable<KeyValuePair<string, string?>> flags, bool storage, bool llm, MiniLmTextEmbedder? model = null)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddConfiguration(configuration);
        builder.Configuration.AddInMemoryCollection(flags);
        builder.AddScanner();
        if (model is not null)
        {
            // A factory, not an instance: the container disposes what its factories return.
            builder.Services.AddSingleton(_ => model);
        }

        if (storage)
        {
            builder.AddScannerStorage();
        }

        if (!llm)
        {
            // --no-llm: the last registration wins, so the scan never calls Azure OpenAI even when it is configured.
            builder.Services.AddSingleton<ITaskAssessor>(new NotConfiguredTaskAssessor());
        }

        return builder.Build();
    }

    /// <summary>Starts the host (validating every option); an exit code, with the reason printed, when that fails.</summary>
    public static async Task<int?> StartAsync(IAnsiConsole console, IHost host, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(host);
        try
        {
            await host.StartAsync(cancellationToken);
            return null;
        }
        catch (OptionsValidationException ex)
        {
            console.MarkupLineInterpolated($"[red]error:[/] {Describe(ex)}");
            return 1;
        }
    }

    /// <summary>Each failure, its configuration key followed by the flag that sets it (<c>Scoring:Value:HourlyCost (--hourly-cost): ...</c>).</summary>
    public static string Describe(OptionsValidationException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var failures = exception.Failures.Select(failure =>
        {
            foreach (var (key, flag) in Flags)
            {
                if (failure.StartsWith(key, StringComparison.Ordinal) && failure.Length > key.Length && failure[key.Length] is ':' or ' ')
                {
                    var end = failure.IndexOf(": ", key.Length, StringComparison.Ordinal);
                    return end < 0 ? failure : $"{failure[..end]} ({flag}){failure[end..]}";
                }
            }

            return failure;
        });
        var message = string.Join("; ", failures);
        return exception.OptionsType == typeof(ScannerStorageOptions) ? message + " Or pass --connection." : message;
    }
}
