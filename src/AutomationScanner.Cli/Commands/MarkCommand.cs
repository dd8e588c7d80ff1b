using System.CommandLine;
using AutomationScanner.Core.Tracking;
using Spectre.Console;

namespace AutomationScanner.Cli.Commands;

/// <summary>
/// `scanner mark ENGAGEMENT OPPORTUNITY-ID --status S`: records where an opportunity stands, in a local folder
/// (<c>{marks-dir}/{engagement}/opportunity-status.json</c>). The first mark as piloting or automated takes its
/// baseline from the report it names; later scans with <c>--marks</c> measure the realised benefit against it.
/// </summary>
public static class MarkCommand
{
    public const string DefaultMarksFolder = "scanner-marks";

    public static Option<string> CreateMarksDirOption() =>
        new("--marks-dir") { Description = "Folder of the local opportunity statuses, one sub-folder per engagement", DefaultValueFactory = _ => DefaultMarksFolder };

    public static Command Create(IAnsiConsole console, TimeProvider? time = null)
    {
        var engagement = new Argument<string>("engagement") { Description = $"Engagement name ({OpportunityMarking.EngagementRule})" };
        var id = new Argument<string>("opportunityId") { Description = "The opportunity's id, as in the report (16 hex digits)" };
        var status = new Option<string>("--status", "-s") { Description = "candidate, piloting, automated or rejected", Required = true };
        var reason = new Option<string?>("--reason", "-r") { Description = "Why (required with --status rejected)" };
        var by = new Option<string?>("--by") { Description = "Who marks it (kept in the history)" };
        var report = new Option<string>("--report") { Description = "The report the mark is made from (its figures become the baseline)", DefaultValueFactory = _ => Path.Combine("scan-output", "opportunities.json") };
        var marksDir = CreateMarksDirOption();
        var command = new Command("mark", "Mark an opportunity candidate, piloting, automated or rejected; rescans then report its realised benefit")
        {
            engagement, id, status, reason, by, report, marksDir,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var name = parse.GetValue(engagement)!;
            if (!OpportunityMarking.IsValidEngagement(name))
            {
                return Fail(console, $"invalid engagement name '{name}': {OpportunityMarking.EngagementRule}.");
            }

            if (!OpportunityMarking.TryParseStatus(parse.GetValue(status), out var parsed))
            {
                return Fail(console, $"--status '{parse.GetValue(status)}' is not one of candidate, piloting, automated, rejected.");
            }

            var reportPath = parse.GetValue(report)!;
            BaselineReport baseline;
            try
            {
                await using var stream = File.OpenRead(reportPath);
                baseline = await BaselineReport.ReadAsync(stream, reportPath, cancellationToken);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidDataException)
            {
                return Fail(console, ex is FileNotFoundException or DirectoryNotFoundException ? $"{reportPath}: no such report (give the scan's opportunities.json with --report)" : ex.Message);
            }

            var store = new LocalOpportunityStatusStore(parse.GetValue(marksDir)!);
            try
            {
                var mark = await store.MarkAsync(name, new MarkRequest(parse.GetValue(id)!.Trim(), parsed, parse.GetValue(reason), parse.GetValue(by)),
                    baseline, (time ?? TimeProvider.System).GetUtcNow(), cancellationToken);
                console.MarkupLineInterpolated($"[bold]{mark.Task}[/] ({mark.Process}) is now [bold]{mark.Status.ToString().ToLowerInvariant()}[/] in {store.PathOf(name)}.");
                if (mark.Baseline is { } b)
                {
                    console.MarkupLineInterpolated($"Baseline: scan {b.ScanId}, automation rate {b.AutomationRate ?? 0:P1}, {b.ManualHoursPerYear:N0} manual h/year, estimated benefit {b.EstimatedBenefitHours.P50:N0} h/year (P50).");
                }

                return 0;
            }
            catch (Exception ex) when (ex is ArgumentException or InvalidDataException or IOException or UnauthorizedAccessException)
            {
                return Fail(console, ex.Message);
            }
        });
        return command;
    }

    private static int Fail(IAnsiConsole console, string message)
    {
        console.MarkupLineInterpolated($"[red]error:[/] {message}");
        return 1;
    }
}
