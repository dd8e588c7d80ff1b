using System.CommandLine;
using AutomationScanner.Azure.Storage;
using Azure;
using Azure.Storage.Blobs.Models;
using Spectre.Console;

namespace AutomationScanner.Cli.Commands;

/// <summary>`scanner upload ENGAGEMENT FILES...`: puts exports under exports/{engagement}/, which schedules a scan in Azure.</summary>
public static class UploadCommand
{
    public static Command Create(IAnsiConsole console)
    {
        var engagement = new Argument<string>("engagement") { Description = $"Engagement name ({EngagementName.Rule})" };
        var files = new Argument<string[]>("files") { Description = "Files or folders to upload (folders keep their relative paths)", Arity = ArgumentArity.OneOrMore };
        var connection = StorageConnection.CreateOption();
        var command = new Command("upload", "Upload exports of an engagement to the exports container") { engagement, files, connection };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var name = parse.GetValue(engagement);
            if (!EngagementName.IsValid(name))
            {
                console.MarkupLineInterpolated($"[red]error:[/] invalid engagement name '{name}': {EngagementName.Rule}.");
                return 1;
            }

            var uploads = new List<(string Path, string BlobName)>();
            foreach (var path in parse.GetValue(files)!)
            {
                if (File.Exists(path))
                {
                    uploads.Add((path, $"{name}/{Path.GetFileName(path)}"));
                }
                else if (Directory.Exists(path))
                {
                    uploads.AddRange(Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories)
                        .Where(f => !Path.GetFileName(f).StartsWith('.'))
                        .Order(StringComparer.Ordinal)
                        .Select(f => (f, $"{name}/{Path.GetRelativePath(path, f).Replace('\\', '/')}")));
                }
                else
                {
                    console.MarkupLineInterpolated($"[red]error:[/] {path}: no such file or folder");
                    return 1;
                }
            }

            // Two files with one blob name (a/x.csv and b/x.csv given as files) would silently replace each other.
            if (uploads.GroupBy(u => u.BlobName, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1) is { } clash)
            {
                console.MarkupLineInterpolated($"[red]error:[/] {string.Join(" and ", clash.Select(c => c.Path))} would both be uploaded as {StorageNames.ExportsContainer}/{clash.Key}; rename one or upload their folder.");
                return 1;
            }

            var (storage, usesKey, error) = StorageConnection.Resolve(parse.GetValue(connection));
            if (storage is null)
            {
                console.MarkupLineInterpolated($"[red]error:[/] {error}");
                return 1;
            }

            try
            {
                if (usesKey)
                {
                    // Local accounts (Azurite) start empty; in Azure the infrastructure creates the container.
                    await storage.Exports.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
                }

                await console.Progress().Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new TransferSpeedColumn())
                    .StartAsync(async context =>
                    {
                        foreach (var (path, blobName) in uploads)
                        {
                            var length = new FileInfo(path).Length;
                            var task = context.AddTask(Markup.Escape(blobName), maxValue: Math.Max(length, 1));
                            await storage.Exports.GetBlobClient(blobName).UploadAsync(path, new BlobUploadOptions
                            {
                                ProgressHandler = new Progress<long>(sent => task.Value = sent),
                            }, cancellationToken);
                            task.Value = task.MaxValue;
                        }
                    });
            }
            catch (RequestFailedException ex)
            {
                console.MarkupLineInterpolated($"[red]error:[/] upload to {storage.Exports.Uri} failed: {ex.Status} {ex.ErrorCode}");
                return 1;
            }

            console.MarkupLineInterpolated($"Uploaded {uploads.Count} file(s) to [bold]{StorageNames.ExportsContainer}/{name}/[/]; a scan is scheduled from the upload events.");
            return 0;
        });
        return command;
    }
}
