using System.CommandLine;
using AutomationScanner.Azure.Storage;
using Azure;
using Microsoft.Extensions.Logging.Abstractions;
using Spectre.Console;

namespace AutomationScanner.Cli.Commands;

/// <summary>`scanner download ENGAGEMENT [--scan ID] [--format json|csv|html|md|xlsx] [--out PATH]`: a published report to a file.</summary>
public static class DownloadCommand
{
    public static Command Create(IAnsiConsole console)
    {
        var engagement = new Argument<string>("engagement") { Description = $"Engagement name ({EngagementName.Rule})" };
        var scan = new Option<string?>("--scan") { Description = "Scan id (default: the latest scan)" };
        var format = new Option<string>("--format", "-f") { Description = "json, csv, html, md or xlsx", DefaultValueFactory = _ => "json" };
        format.AcceptOnlyFromAmong([.. ReportFormat.KnownNames]);
        var output = new Option<string?>("--out", "-o") { Description = "File or existing folder to write (default: {engagement}-{scanId}-report.{ext} here)" };
        var connection = StorageConnection.CreateOption();
        var command = new Command("download", "Download a published report of an engagement") { engagement, scan, format, output, connection };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var name = parse.GetValue(engagement);
            if (!EngagementName.IsValid(name))
            {
                console.MarkupLineInterpolated($"[red]error:[/] invalid engagement name '{name}': {EngagementName.Rule}.");
                return 1;
            }

            if (ReportFormat.Find(parse.GetValue(format)) is not { } reportFormat)
            {
                console.MarkupLineInterpolated($"[red]error:[/] format '{parse.GetValue(format)}' is not published by this version; available: {string.Join(", ", ReportFormat.All.Select(f => f.Name))}.");
                return 1;
            }

            if (parse.GetValue(scan) is { } requested && !ScanId.IsValid(requested))
            {
                console.MarkupLineInterpolated($"[red]error:[/] '{requested}' is not a scan id (yyyyMMddTHHmmssZ-xxxxxxxxxxxx).");
                return 1;
            }

            var (storage, _, error) = StorageConnection.Resolve(parse.GetValue(connection));
            if (storage is null)
            {
                console.MarkupLineInterpolated($"[red]error:[/] {error}");
                return 1;
            }

            var reports = new ReportStore(storage, NullLogger<ReportStore>.Instance);
            try
            {
                var scanId = parse.GetValue(scan) ?? (await reports.ReadLatestAsync(name, cancellationToken))?.ScanId;
                if (scanId is null)
                {
                    console.MarkupLineInterpolated($"[red]error:[/] engagement '{name}' has no published scan yet.");
                    return 1;
                }

                var blob = await reports.OpenReportAsync(name, scanId, reportFormat, cancellationToken);
                if (blob is null)
                {
                    console.MarkupLineInterpolated($"[red]error:[/] scan '{scanId}' of '{name}' has no {reportFormat.Name} report.");
                    return 1;
                }

                var fileName = $"{name}-{scanId}-{reportFormat.FileName}";
                var target = parse.GetValue(output) is { } o ? (Directory.Exists(o) ? Path.Combine(o, fileName) : o) : fileName;
                using (blob)
                {
                    await console.Progress().Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new DownloadedColumn())
                        .StartAsync(async context =>
                        {
                            var task = context.AddTask(Markup.Escape(fileName), maxValue: Math.Max(blob.Details.ContentLength, 1));
                            var temporary = target + ".tmp";
                            await using (var file = File.Create(temporary))
                            {
                                var buffer = new byte[81920];
                                int read;
                                while ((read = await blob.Content.ReadAsync(buffer, cancellationToken)) > 0)
                                {
                                    await file.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
                                    task.Increment(read);
                                }
                            }

                            File.Move(temporary, target, overwrite: true);
                            task.Value = task.MaxValue;
                        });
                }

                console.MarkupLineInterpolated($"Wrote [bold]{target}[/] (scan {scanId}).");
                return 0;
            }
            catch (RequestFailedException ex)
            {
                console.MarkupLineInterpolated($"[red]error:[/] reading {storage.Reports.Uri} failed: {ex.Status} {ex.ErrorCode}");
                return 1;
            }
        });
        return command;
    }
}
