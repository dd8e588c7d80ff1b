using System.CommandLine;
using System.Globalization;
using AutomationScanner.Azure.Storage;
using AutomationScanner.Core.Classification;
using AutomationScanner.Core.Classification.Llm;
using AutomationScanner.Core.Diagnostics;
using AutomationScanner.Core.Embeddings;
using AutomationScanner.Core.Ethics;
using AutomationScanner.Core.Hosting;
using AutomationScanner.Core.Ingestion.Common;
using AutomationScanner.Core.Reporting;
using AutomationScanner.Core.Scanning;
using AutomationScanner.Core.Tracking;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Spectre.Console;

namespace AutomationScanner.Cli.Commands;

/// <summary>`scanner scan PATH...`: the main job on local files, offline.</summary>
public static class ScanCommand
{
    public const int ExitNothingReadable = 2;

    public static Command Create(IAnsiConsole console)
    {
        var inputs = new Argument<string[]>("inputs") { Description = "Folders or files with exports (event logs: .csv, .tsv, .xes, OCEL .jsonocel/.xmlocel/.sqlite/.json/.xml, .gz; documents: .txt, .md, .html, .docx, .pdf)", Arity = ArgumentArity.ZeroOrMore };
        var output = new Option<string>("--out", "-o") { Description = "Folder for opportunities.json, .csv, .html and .md", DefaultValueFactory = _ => "scan-output" };
        var previous = new Option<string?>("--previous") { Description = "An earlier opportunities.json of the same engagement, to report what changed" };
        var timeZone = new Option<string>("--time-zone") { Description = "IANA zone for timestamps that carry no offset", DefaultValueFactory = _ => "UTC" };
        var map = new Option<string?>("--map") { Description = "Explicit CSV columns, e.g. \"case=Case ID,activity=Activity,timestamp=End,start=Start,resource=User,role=Function\"" };
        var dateOrder = new Option<DateOrder?>("--date-order") { Description = "DayFirst or MonthFirst for numeric dates like 03/04/2024 (guessed when omitted)" };
        var automated = new Option<string[]>("--automated-resource") { Description = "Resource names that are systems or bots (repeatable)", AllowMultipleArgumentsPerToken = true };
        var objectType = new Option<string[]>("--object-type") { Description = "OCEL logs: object types to use as the case, one process each (repeatable or comma-separated; default every type, or Ingestion__ObjectTypes)", AllowMultipleArgumentsPerToken = true };
        var top = new Option<int>("--top") { Description = "Rows to print", DefaultValueFactory = _ => 20 };
        var noLlm = new Option<bool>("--no-llm") { Description = "Do not call Azure OpenAI even when AzureOpenAI__Endpoint and AzureOpenAI__Deployment are set" };
        var engagement = new Option<string?>("--engagement", "-e") { Description = "Scan this engagement's exports in storage and publish the report there, instead of local files" };
        var connection = StorageConnection.CreateOption();
        var force = new Option<bool>("--force") { Description = "With --engagement: publish a new report even if no export changed since the last scan" };
        var model = new Option<FileInfo?>("--model") { Description = "Suitability model (.zip from `scanner train`); default: the shipped model" };
        var hourlyCost = new Option<double?>("--hourly-cost") { Description = "Full cost of one hour of the work, for the money figures (default 50, or Scoring__Value__HourlyCost)" };
        var currency = new Option<string?>("--currency") { Description = "Currency of --hourly-cost (default EUR, or Scoring__Value__Currency)" };
        var marks = new Option<string?>("--marks") { Description = "Engagement whose opportunity statuses (`scanner mark`) the roadmap honours and whose realised benefit is measured" };
        var marksDir = MarkCommand.CreateMarksDirOption();
        var settings = new Option<string?>("--settings") { Description = "JSON settings file in the Functions app's shape, e.g. {\"Limits\": {\"MaxEventsPerCase\": 100000}} (wins over appsettings.json and environment variables such as Limits__MaxEventsPerCase)" };
        var kinds = new Option<string[]>("--kind") { Description = "Override an activity's kind, e.g. \"A_SUBMITTED=system\" or \"process::activity=state\" (repeatable; kinds: work, decision, requester, system, state, measurement, wait, external)", AllowMultipleArgumentsPerToken = true };
        var command = new Command("scan", "Scan exports and write the ranked opportunity list")
        {
            inputs, output, previous, timeZone, map, dateOrder, automated, objectType, top, noLlm, engagement, connection, force, model, hourlyCost, currency, kinds, marks, marksDir, settings,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            PhaseClock.Mark("command line");
            WarmRuleCatalogue();
            IConfigurationRoot configuration;
            try
            {
                configuration = CliConfiguration.Build(parse.GetValue(settings));
            }
            catch (Exception ex) when (ex is FileNotFoundException or InvalidDataException or FormatException or InvalidOperationException)
            {
                return Fail(console, ex.Message);
            }

            var name = parse.GetValue(engagement);
            var paths = parse.GetValue(inputs) ?? [];
            if (name is not null && paths.Length > 0)
            {
                return Fail(console, "give either input paths or --engagement, not both");
            }

            if (name is null && paths.Length == 0)
            {
                return Fail(console, "give input paths to scan, or --engagement NAME to scan exports in storage");
            }

            if (name is not null && !EngagementName.IsValid(name))
            {
                return Fail(console, $"invalid engagement name '{name}': {EngagementName.Rule}.");
            }

            var files = new List<ScanInput>();
            PreviousReport? earlier = null;
            EngagementMarks? engagementMarks = null;
            if (name is null)
            {
                try
                {
                    files.AddRange(ScanInput.FromPaths(paths));
                }
                catch (FileNotFoundException ex)
                {
                    return Fail(console, ex.Message);
                }

                if (parse.GetValue(previous) is { } previousPath)
                {
                    try
                    {
                        await using var stream = File.OpenRead(previousPath);
                        earlier = await PreviousReport.ReadAsync(stream, previousPath, cancellationToken);
                    }
                    catch (Exception ex) when (ex is IOException or InvalidDataException or UnauthorizedAccessException)
                    {
                        return Fail(console, ex.Message);
                    }
                }

                if (parse.GetValue(marks) is { } marksOf)
                {
                    try
                    {
                        engagementMarks = await new LocalOpportunityStatusStore(parse.GetValue(marksDir)!).ReadAsync(marksOf, cancellationToken);
                    }
                    catch (Exception ex) when (ex is ArgumentException or IOException or InvalidDataException or UnauthorizedAccessException)
                    {
                        return Fail(console, ex.Message);
                    }
                }
            }

            // The flags as configuration keys, over appsettings.json, the environment and --settings.
            var outPath = Path.GetFullPath(parse.GetValue(output)!);
            var flags = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
            if (parse.GetResult(timeZone) is { Implicit: false })
            {
                flags["Ingestion:TimeZone"] = parse.GetValue(timeZone);
            }

            if (parse.GetValue(dateOrder) is { } order)
            {
                flags["Ingestion:DateOrder"] = order.ToString();
            }

            if (parse.GetValue(map) is { } mapping)
            {
                flags["Ingestion:Columns"] = mapping;
            }

            AddList(flags, "Ingestion:AutomatedResources", parse.GetValue(automated), offset: 0);
            if (parse.GetValue(objectType) is { Length: > 0 } chosen)
            {
                flags[ScannerCoreServiceCollectionExtensions.OcelObjectTypesKey] = string.Join(",", chosen);
            }

            if (parse.GetValue(hourlyCost) is { } cost)
            {
                flags["Scoring:Value:HourlyCost"] = cost.ToString("R", CultureInfo.InvariantCulture);
            }

            if (parse.GetValue(currency) is { Length: > 0 } code)
            {
                flags["Scoring:Value:Currency"] = code.ToUpperInvariant();
            }

            // --kind adds to the overrides of the settings.
            AddList(flags, "Scoring:KindOverrides", parse.GetValue(kinds), offset: configuration.GetSection("Scoring:KindOverrides").GetChildren().Count());
            if (parse.GetValue(model) is { } modelFile)
            {
                flags[ScannerCoreServiceCollectionExtensions.SuitabilityModelKey] = modelFile.FullName;
            }

            if (name is null)
            {
                // Local scans keep the LLM and sentence-vector caches next to the report.
                flags["AssessmentCache:Path"] = Path.Combine(outPath, ".cache");
            }
            else if (parse.GetValue(connection) is { } storageConnection)
            {
                flags[ScannerStorageOptions.SectionName] = storageConnection;
            }

            PhaseClock.Mark("settings and flags");

            // With no embedding cache in the output folder every text of the scan is new: the sentence model starts
            // loading now, on another thread, while the host is built and started and the inputs are read. The host
            // owns the model, and its disposal waits for the load and frees it if the command stops early.
            var sentenceModel = new MiniLmTextEmbedder();
            if (name is null && !new LocalFolderEmbeddingStore(flags["AssessmentCache:Path"]!).Contains(EmbeddingCache.StoreNameFor(sentenceModel.ModelId)))
            {
                sentenceModel.PreloadModel();
            }

            IHost built;
            try
            {
                built = Program.BuildHost(configuration, flags, storage: name is not null, llm: !parse.GetValue(noLlm), sentenceModel);
            }
            catch
            {
                sentenceModel.Dispose();
                throw;
            }

            using var host = built;
            PhaseClock.Mark("host build");

            // One embedder serves suitability, the risk screen and statement matching; its cache is loaded before and saved
            // after. With nothing stored (an engagement's first scan), the model starts loading here if it has not yet.
            var embedder = host.Services.GetRequiredService<CachingTextEmbedder>();
            await embedder.LoadAsync(cancellationToken);
            PhaseClock.Mark("embedding cache load");
            if (await Program.StartAsync(console, host, cancellationToken) is { } failed)
            {
                return failed;
            }

            PhaseClock.Mark("host start (options validated)");
            if (NativeLlmGuard.Check(console, host.Services.GetRequiredService<ITaskAssessor>().IsConfigured) is { } refused)
            {
                return refused;
            }
            try
            {
                host.Services.GetRequiredService<SuitabilityScorer>();
            }
            catch (Exception ex) when (ex is FileNotFoundException or FormatException or InvalidOperationException or ArgumentException)
            {
                return Fail(console, ex.Message);
            }

            PhaseClock.Mark("suitability model load");

            if (name is not null)
            {
                var stored = await StorageScan.RunAsync(console, host.Services, name, parse.GetValue(force), parse.GetValue(top), cancellationToken);
                await embedder.SaveAsync(cancellationToken);
                return stored;
            }

            var pipeline = host.Services.GetRequiredService<ScanPipeline>();
            PhaseClock.Mark("scan pipeline (services)");
            ScanReport report = null!;
            await console.Status().StartAsync("Scanning...", async _ => report = await pipeline.RunAsync(files, scanId: null, earlier, engagementMarks, logMiner: null, cancellationToken));
            await embedder.SaveAsync(cancellationToken);
            PhaseClock.Mark("report assembly");
            var outDir = Directory.CreateDirectory(outPath);

            // The five reports read the finished report and nothing else: they are written at once (one per core at
            // a time), while the summary table is printed; each goes through its own temporary file.
            var writes = Task.WhenAll(
                WriteAsync(Path.Combine(outDir.FullName, "opportunities.json"), s => ReportJson.WriteAsync(report, s, cancellationToken)),
                WriteAsync(Path.Combine(outDir.FullName, "opportunities.csv"), s => CsvReportWriter.WriteAsync(report, s, cancellationToken)),
                WriteAsync(Path.Combine(outDir.FullName, "opportunities.html"), s => HtmlReportWriter.WriteAsync(report, s, cancellationToken)),
                WriteAsync(Path.Combine(outDir.FullName, "opportunities.md"), s => MarkdownReportWriter.WriteAsync(report, s, cancellationToken)),
                WriteAsync(Path.Combine(outDir.FullName, "opportunities.xlsx"), s => XlsxReportWriter.WriteAsync(report, s, cancellationToken)));
            Print(console, report, parse.GetValue(top));
            await writes;
            PhaseClock.Mark("write reports (JSON, CSV, HTML, Markdown, XLSX at once) + print table");
            console.MarkupLineInterpolated($"Wrote [bold]{Path.Combine(outDir.FullName, "opportunities.json")}[/], [bold].csv[/], [bold].html[/], [bold].md[/] and [bold].xlsx[/].");
            return report.Inputs.Any(i => i.Read) ? 0 : ExitNothingReadable;
        });
        return command;
    }

    /// <summary>
    /// Builds what the risk screen reads from the rule catalogue (its ~230 regexes, the legal elements' seeds and the
    /// spelling vocabulary: about a fifth of a warm tiny scan's CPU under Native AOT) on a thread of its own, while this
    /// thread builds and starts the host, reads and mines; the screen then finds them built, or waits for the rest.
    /// A failure is left to the screen, which meets the same exception (the catalogue is a lazy value that keeps it).
    /// </summary>
    private static void WarmRuleCatalogue() => _ = Task.Factory.StartNew(
        static () => SpellingForm.Vocabulary(RuleCatalogue.Default),
        CancellationToken.None,
        TaskCreationOptions.LongRunning,
        TaskScheduler.Default);

    /// <summary>A repeatable flag as list entries <c>key:offset</c>, <c>key:offset+1</c>...</summary>
    private static void AddList(Dictionary<string, string?> flags, string key, string[]? values, int offset)
    {
        var i = offset;
        foreach (var value in values ?? [])
        {
            flags[string.Create(CultureInfo.InvariantCulture, $"{key}:{i++}")] = value;
        }
    }

    private static int Fail(IAnsiConsole console, string message)
    {
        console.MarkupLineInterpolated($"[red]error:[/] {message}");
        return 1;
    }

    /// <summary>Writes to a temporary file first so an interrupted run never leaves half a report in place of a whole one.</summary>
    private static Task WriteAsync(string path, Func<Stream, Task> write) => Task.Run(async () =>
    {
        var temporary = path + ".tmp";
        await using (var stream = File.Create(temporary))
        {
            await write(stream);
        }

        File.Move(temporary, path, overwrite: true);
    });

    internal static void Print(IAnsiConsole console, ScanReport report, int top)
    {
        foreach (var process in report.Processes)
        {
            console.MarkupLineInterpolated(
                $"[bold]{process.Process}[/]: {process.Events:N0} events, {process.Cases:N0} cases, {process.Activities} activities, {process.SpanDays:N0} days. {process.TimeZoneNote}");
            foreach (var issue in process.DataQuality)
            {
                console.MarkupLineInterpolated($"  [yellow]{issue.Kind}[/] x{issue.Count:N0}: {issue.Examples.FirstOrDefault() ?? string.Empty}");
            }
        }

        foreach (var failed in report.Inputs.Where(i => !i.Read))
        {
            console.MarkupLineInterpolated($"[{(failed.Kind == "unsupported" ? "grey" : "red")}]{failed.Name}[/]: {failed.Error ?? string.Empty}");
        }

        foreach (var document in report.Documents.Where(d => d.Statements > 0))
        {
            console.MarkupLineInterpolated(
                $"[bold]{document.Name}[/]: {document.Statements:N0} steps, {document.Matched:N0} matched to logged activities, {document.Unmatched:N0} become tasks of their own.");
            foreach (var note in document.Notes)
            {
                console.MarkupLineInterpolated($"  [yellow]{note}[/]");
            }
        }

        var table = new Table().AddColumns("#", "Process", "Task", "Priority", "Risk", "Suitability", "Benefit h/yr (P50)", "Exec/yr", "Handling", "Confidence");
        foreach (var o in report.Opportunities.Take(top))
        {
            table.AddRow(
                o.Rank.ToString(CultureInfo.InvariantCulture),
                Markup.Escape(o.Process),
                Markup.Escape(o.Task),
                o.Score.ToString("0.0", CultureInfo.InvariantCulture),
                o.Risk.Tier.ToString(),
                o.SuitabilityAssessment is { } s
                    ? string.Create(CultureInfo.InvariantCulture, $"{s.Score:0.00} {s.Class.ToCode()}{(s.LowConfidence ? " (low conf.)" : string.Empty)}")
                    : o.Suitability.ToString("0.00", CultureInfo.InvariantCulture),
                o.Value.BenefitHours.P50.ToString("N0", CultureInfo.InvariantCulture),
                o.ExecutionsPerYear.ToString("N0", CultureInfo.InvariantCulture),
                Markup.Escape(FormatDuration(o.HandlingSeconds) + (o.HandlingBasis switch { Core.Ranking.HandlingTimeBasis.Measured => string.Empty, Core.Ranking.HandlingTimeBasis.Estimated => " (est.)", _ => " (assumed)" })),
                o.Value.Confidence.ToString("P0", CultureInfo.InvariantCulture));
        }

        console.Write(table);
        foreach (var phase in report.Roadmap?.Phases ?? [])
        {
            console.MarkupLineInterpolated(
                $"[bold]Roadmap {phase.Order}. {phase.Title}[/]: {string.Join(", ", phase.Items.Select(i => $"#{i.Rank} {i.Task}"))} ({phase.EffortDaysP50:N0} person-days, {phase.BenefitHoursP50:N0} benefit h/year, P50)");
        }

        foreach (var track in report.Realisation?.Tracks ?? [])
        {
            console.MarkupLineInterpolated(
                $"[bold]Realised[/] {track.Task} ({track.Status.ToString().ToLowerInvariant()}): {(track.RealisedHoursPerYear is { } h ? h.ToString("N0", CultureInfo.InvariantCulture) + " h/year" : "not in this scan")} of {track.EstimatedBenefitHours.P50:N0} estimated, {track.Verdict}");
        }

        console.MarkupLine($"[grey]{Markup.Escape(report.ScoreDescription)}[/]");
        PrintLlm(console, report.Llm);
    }

    private static void PrintLlm(IAnsiConsole console, LlmUsage llm)
    {
        if (!llm.Enabled)
        {
            console.MarkupLine("[grey]LLM assessment: off (set AzureOpenAI__Endpoint and AzureOpenAI__Deployment to enable).[/]");
            return;
        }

        console.MarkupLineInterpolated(
            $"LLM assessment ({llm.Deployment}): {llm.TasksAssessed:N0} tasks assessed, {llm.CacheHits:N0} from cache, {llm.Fallbacks:N0} fell back to ML-only; {llm.Requests:N0} requests, {llm.InputTokens:N0} tokens in, {llm.OutputTokens:N0} out, about {llm.EstimatedCost.ToString("0.0000", CultureInfo.InvariantCulture)} {llm.Currency}.");
        foreach (var (reason, count) in llm.FallbacksByReason)
        {
            console.MarkupLineInterpolated($"  [yellow]fallback[/] {reason}: {count:N0}");
        }
    }

    private static string FormatDuration(double seconds) => seconds switch
    {
        < 60 => string.Create(CultureInfo.InvariantCulture, $"{seconds:0}s"),
        < 3600 => string.Create(CultureInfo.InvariantCulture, $"{seconds / 60:0.#}m"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{seconds / 3600:0.#}h"),
    };
}
