using AutomationScanner.Azure.Storage;
using Azure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Spectre.Console;

namespace AutomationScanner.Cli.Commands;

/// <summary>
/// `scanner scan --engagement NAME`: the same storage scan the RunScan function runs (read exports/{engagement}/,
/// publish to reports/{engagement}/{scanId}/ and latest.json), from a consultant's machine.
/// </summary>
internal static class StorageScan
{
    /// <summary>Runs the storage scan registered by <c>AddScannerStorage</c> in the CLI's host (<see cref="Program.BuildHost"/>).</summary>
    public static async Task<int> RunAsync(IAnsiConsole console, IServiceProvider services, string engagement, bool force, int top, CancellationToken cancellationToken)
    {
        var storage = services.GetRequiredService<ScannerStorageClients>();
        var usesKey = services.GetRequiredService<IOptions<ScannerStorageOptions>>().Value.ConnectionString is not null;
        var service = services.GetRequiredService<StorageScanService>();
        var time = services.GetRequiredService<TimeProvider>();
        var request = new ScanRequest(engagement, "cli", force ? "cli-" + Guid.NewGuid().ToString("N") : null, time.GetUtcNow());
        ScanOutcome outcome;
        try
        {
            if (usesKey)
            {
                await storage.Reports.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
            }

            outcome = await console.Status().StartAsync("Scanning...", context =>
                service.ScanAsync(request, new Progress<string>(step => context.Status(Markup.Escape(step) + "...")), cancellationToken));
        }
        catch (ScanFailedException ex)
        {
            console.MarkupLineInterpolated($"[red]error:[/] {ex.Message}");
            return ScanCommand.ExitNothingReadable;
        }
        catch (RequestFailedException ex)
        {
            console.MarkupLineInterpolated($"[red]error:[/] storage request failed: {ex.Status} {ex.ErrorCode}");
            return 1;
        }

        switch (outcome.Status)
        {
            case ScanStatus.NoExports:
                console.MarkupLineInterpolated($"[yellow]Engagement {engagement} has no exports[/] under {StorageNames.ExportsContainer}/{engagement}/; upload some with `scanner upload`.");
                return 1;
            case ScanStatus.InProgress:
                console.MarkupLineInterpolated($"A scan of the same exports of {engagement} is running elsewhere; it will publish (`scanner download {engagement}` later).");
                return 0;
            case ScanStatus.AlreadyPublished:
                console.MarkupLineInterpolated($"Exports unchanged: scan [bold]{outcome.Manifest!.ScanId}[/] is current (use --force for a new one, `scanner download {engagement}` to get it).");
                return 0;
            default:
                ScanCommand.Print(console, outcome.Report!, top);
                console.MarkupLineInterpolated($"Published scan [bold]{outcome.Manifest!.ScanId}[/] to {StorageNames.ReportsContainer}/{engagement}/ ({string.Join(", ", outcome.Manifest.Formats.Keys)}).");
                return outcome.Report!.Inputs.Any(i => i.Read) ? 0 : ScanCommand.ExitNothingReadable;
        }
    }
}
