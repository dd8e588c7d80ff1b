using AutomationScanner.Azure.Storage;
using AutomationScanner.Core.Classification;
using AutomationScanner.Core.Classification.Llm;
using AutomationScanner.Core.Embeddings;
using AutomationScanner.Core.Ingestion.Common;
using AutomationScanner.Core.Scanning;
using Azure;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Spectre.Console;

namespace AutomationScanner.Cli.Commands;

/// <summary>
/// `scanner scan --engagement NAME`: the same storage scan the RunScan function runs (read exports/{engagement}/,
/// publish to reports/{engagement}/{scanId}/ and latest.json), from a consultant's machine.
/// </summary>
internal static class StorageScan
{
    public static async Task<int> RunAsync(IAnsiConsole console, string engagement, string? connection, bool force, IngestionOptions ingestion, ScoringOptions scoring, ITaskAssessor assessor, SuitabilityScorer suitability, int top,
        CancellationToken cancellationToken, ITextEmbedder? embedder = null)
    {
        if (!EngagementName.IsValid(engagement))
        {
            console.MarkupLineInterpolated($"[red]error:[/] invalid engagement name '{engagement}': {EngagementName.Rule}.");
            return 1;
        }

        var (storage, usesKey, error) = StorageConnection.Resolve(connection);
        if (storage is null)
        {
            console.MarkupLineInterpolated($"[red]error:[/] {error}");
            return 1;
        }

        var time = TimeProvider.System;
        var options = Options.Create(new ScanSchedulingOptions());
        var reports = new ReportStore(storage, NullLogger<ReportStore>.Instance);
        var service = new StorageScanService(
            new ExportCatalog(storage), reports, new ScanScheduler(storage, options, time, NullLogger<ScanScheduler>.Instance),
            new ScanPipeline(ingestion, time, NullLogger<ScanPipeline>.Instance, scoring, assessor, suitability, embedder), time, NullLogger<StorageScanService>.Instance,
            new BlobOpportunityStatusStore(storage));
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
