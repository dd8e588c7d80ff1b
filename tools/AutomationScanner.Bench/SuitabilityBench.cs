using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using AutomationScanner.Core.Classification;
using AutomationScanner.Core.Embeddings;
using AutomationScanner.Core.Model;
using AutomationScanner.Training;
using Spectre.Console;

namespace AutomationScanner.Bench;

/// <summary>
/// <c>dotnet run --project tools/AutomationScanner.Bench -c Release -- --only Suitability</c>: the shipped suitability model's cold load (a fresh process: the model file
/// read in place, and the first assessment), the scorer's rate on activity names with the embedding cache warm (the
/// shipped logs' 50 names repeated, and 20,000 distinct name-like texts), and the recall of the two-stage
/// nearest-statement search against exhaustive search.
/// </summary>
internal static class SuitabilityBench
{
    public const string Name = "Suitability model";

    private const int Names = 20_000;

    private sealed record ColdLoad(double LoadMs, double IndexMs, double FirstAssessmentMs, double CpuMs, bool Compiled, double LoadCpuMs = 0);

    public static async Task<int> RunAsync(IAnsiConsole console, string cacheFolder, CancellationToken cancellationToken)
    {
        using var inner = new MiniLmTextEmbedder();
        var embedder = new CachingTextEmbedder(inner, new LocalFolderEmbeddingStore(cacheFolder), LabelSetReader.EmbeddingCacheEntries);
        await embedder.LoadAsync(cancellationToken);
        var model = SuitabilityModel.LoadShipped(embedder);
        var index = model.Index ?? throw new InvalidOperationException("The shipped model has no task-statement index.");
        var tasks = LabelSetReader.Read(Path.Combine("data", "labels", "gpts-are-gpts", "train_labelset.tsv"));

        // Queries: the activity names of the shipped logs' kind, and short name-like prefixes of O*NET statements.
        var queries = BenchmarkActivityNames.All.Select(ActivityNameNormalizer.Normalize)
            .Concat(tasks.Where((_, i) => i % 37 == 0).Select(t => string.Join(' ', t.Text.Split(' ').Take(3))))
            .Distinct(StringComparer.Ordinal).ToArray();
        var vectors = embedder.Embed(queries, cancellationToken);
        var candidates = Enumerable.Range(0, Names).Select(i => new TaskCandidate(BenchmarkActivityNames.All[i % BenchmarkActivityNames.All.Count], "bench")).ToArray();
        var normalised = candidates.Select(c => ActivityNameNormalizer.Normalize(c.Name)).ToArray();
        embedder.Embed(normalised, cancellationToken);
        var distinct = DistinctNames(tasks, Names).Select(n => new TaskCandidate(n, "bench")).ToArray();
        var distinctNormalised = distinct.Select(c => ActivityNameNormalizer.Normalize(c.Name)).ToArray();
        embedder.Embed(distinctNormalised, cancellationToken);
        await embedder.SaveAsync(cancellationToken);

        // Cold load in a fresh process (after the cache above is saved, so its first assessment embeds nothing).
        var cold = await RunChildAsync(cacheFolder, cancellationToken);

        var scorer = new SuitabilityScorer(model);
        scorer.Assess(candidates.AsSpan(0, 2_000).ToArray(), cancellationToken);
        var (scorerWall, scorerCpu) = Measure(() => scorer.Assess(candidates, cancellationToken));
        scorer.Assess(distinct.AsSpan(0, 2_000).ToArray(), cancellationToken);
        var (distinctWall, distinctCpu) = Measure(() => scorer.Assess(distinct, cancellationToken));
        var embeddings = embedder.Embed(distinctNormalised, cancellationToken);
        var (embedWall, embedCpu) = Measure(() => embedder.Embed(distinctNormalised, cancellationToken));
        var (normaliseWall, normaliseCpu) = Measure(() =>
        {
            foreach (var candidate in distinct)
            {
                ActivityNameNormalizer.Normalize(candidate.Name);
            }
        });
        model.PredictBatch(distinctNormalised, embeddings, 5);
        var (modelWall, modelCpu) = Measure(() => model.PredictBatch(distinctNormalised, embeddings, 5));
        index.Nearest(embeddings.Take(2_000).ToArray(), 3);
        var (searchWall, searchCpu) = Measure(() => index.Nearest(embeddings, 3));

        var table = new Table().AddColumns("Suitability model", "Count", "Wall", "Per second (wall)", "Per CPU-second");
        table.AddRow("Cold load (fresh process): model file read in place (text model + task-statement index)", "1", F($"{cold.LoadMs + cold.IndexMs:0} ms"), "-", F($"{cold.LoadCpuMs:0} ms CPU"));
        table.AddRow("  + first assessment (JIT)", "1", F($"{cold.FirstAssessmentMs:0} ms"), "-", "-");
        table.AddRow("  = ready to score", "1", F($"{cold.LoadMs + cold.IndexMs + cold.FirstAssessmentMs:0} ms"), "-", F($"{cold.CpuMs:0} ms CPU"));
        table.AddRow("Scorer on activity names: normalise, embed (cache warm), predict, 3 nearest O*NET tasks; 50 names repeated", F($"{Names:N0}"), F($"{scorerWall:0.000} s"), F($"{Names / scorerWall:N0}"), F($"{Names / scorerCpu:N0}"));
        table.AddRow(F($"Scorer on {Names:N0} distinct name-like texts (same path, one search per name)"), F($"{Names:N0}"), F($"{distinctWall:0.000} s"), F($"{Names / distinctWall:N0}"), F($"{Names / distinctCpu:N0}"));
        table.AddRow("  normalisation alone (one thread)", F($"{Names:N0}"), F($"{normaliseWall:0.000} s"), F($"{Names / normaliseWall:N0}"), F($"{Names / normaliseCpu:N0}"));
        table.AddRow("  embedding-cache lookups alone", F($"{Names:N0}"), F($"{embedWall:0.000} s"), F($"{Names / embedWall:N0}"), F($"{Names / embedCpu:N0}"));
        table.AddRow("  model alone (compiled pipeline, top-5 n-grams)", F($"{Names:N0}"), F($"{modelWall:0.000} s"), F($"{Names / modelWall:N0}"), F($"{Names / modelCpu:N0}"));
        table.AddRow("  nearest-statement search alone (one thread)", F($"{Names:N0}"), F($"{searchWall:0.000} s"), F($"{Names / searchWall:N0}"), F($"{Names / searchCpu:N0}"));
        console.Write(table);

        foreach (var shortlist in new[] { 32, 64, TaskStatementIndex.Candidates, 192 })
        {
            var recall = Recall(index, vectors, shortlist);
            console.WriteLine(F($"Two-stage search ({TaskStatementIndex.ProjectedDimensions}-dimensional int8 subspace, {shortlist} candidates re-scored{(shortlist == TaskStatementIndex.Candidates ? ", the default" : string.Empty)}) against exhaustive search over {index.Count:N0} statements, {queries.Length} name-like queries: nearest found {recall.First:P1}, same 3 nearest {recall.Three:P1}, text score from the neighbours read differs by {recall.MeanDifference:0.00000} on average, at most {recall.MaxDifference:0.0000}."));
        }

        console.MarkupLineInterpolated($"[grey]{Environment.ProcessorCount} cores, .NET {Environment.Version}, compiled pipeline: {cold.Compiled}. Per CPU-second is steadier than wall time on a busy machine; the scorer runs large batches on all cores.[/]");
        return 0;
    }

    /// <summary>In a fresh process: load the shipped model, read its index and assess one activity name, timed apart.</summary>
    public static async Task<string> MeasureColdAsync(string cacheFolder, CancellationToken cancellationToken)
    {
        using var inner = new MiniLmTextEmbedder();
        var embedder = new CachingTextEmbedder(inner, new LocalFolderEmbeddingStore(cacheFolder), LabelSetReader.EmbeddingCacheEntries);
        await embedder.LoadAsync(cancellationToken);
        using var process = Process.GetCurrentProcess();
        var cpu = process.TotalProcessorTime;
        var watch = Stopwatch.StartNew();
        var model = SuitabilityModel.LoadShipped(embedder);
        var load = watch.Elapsed.TotalMilliseconds;
        process.Refresh();
        var loadCpu = (process.TotalProcessorTime - cpu).TotalMilliseconds;
        watch.Restart();
        _ = model.Index;
        var index = watch.Elapsed.TotalMilliseconds;
        watch.Restart();
        new SuitabilityScorer(model).Assess([new TaskCandidate(BenchmarkActivityNames.All[^1], "bench")], cancellationToken);
        var first = watch.Elapsed.TotalMilliseconds;
        process.Refresh();
        return JsonSerializer.Serialize(new ColdLoad(load, index, first, (process.TotalProcessorTime - cpu).TotalMilliseconds, model.IsCompiled, loadCpu));
    }

    private static async Task<ColdLoad> RunChildAsync(string cacheFolder, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(Environment.ProcessPath!) { RedirectStandardOutput = true, UseShellExecute = false };
        if (Path.GetFileNameWithoutExtension(Environment.ProcessPath!) == "dotnet")
        {
            start.ArgumentList.Add(typeof(SuitabilityBench).Assembly.Location);
        }

        foreach (var argument in new[] { "--measure-suitability", "--embedding-cache", cacheFolder })
        {
            start.ArgumentList.Add(argument);
        }

        using var child = Process.Start(start)!;
        var output = await child.StandardOutput.ReadToEndAsync(cancellationToken);
        await child.WaitForExitAsync(cancellationToken);
        return JsonSerializer.Deserialize<ColdLoad>(output.Trim().Split('\n')[^1])!;
    }

    /// <summary>Share of queries whose nearest (and 3 nearest) statements the two-stage search finds, and the effect on the text score.</summary>
    internal static (double First, double Three, double MeanDifference, double MaxDifference) Recall(TaskStatementIndex index, IReadOnlyList<float[]> queries, int candidates = TaskStatementIndex.Candidates)
    {
        int first = 0, three = 0;
        double sum = 0, max = 0;
        foreach (var query in queries)
        {
            var exact = index.NearestExact(query, 3);
            var fast = index.Nearest(query, 3, candidates);
            first += fast.Count > 0 && exact.Count > 0 && fast[0].Text == exact[0].Text ? 1 : 0;
            three += fast.Select(n => n.Text).ToHashSet(StringComparer.Ordinal).SetEquals(exact.Select(n => n.Text)) ? 1 : 0;
            var difference = Math.Abs(NeighbourScore(fast) - NeighbourScore(exact));
            sum += difference;
            max = Math.Max(max, difference);
        }

        var count = Math.Max(1, queries.Count);
        return ((double)first / count, (double)three / count, sum / count, max);
    }

    /// <summary>The neighbours' part of a text score as the scorer reads it: similarity-weighted, those at or above its threshold.</summary>
    private static double NeighbourScore(IReadOnlyList<TaskNeighbour> neighbours)
    {
        var threshold = new SuitabilityScoringOptions().NeighbourSimilarity;
        var read = neighbours.Where(n => n.Similarity >= threshold).ToArray();
        return read.Length == 0 ? 0 : read.Sum(n => n.Similarity * n.AutomationScore) / read.Sum(n => n.Similarity);
    }

    /// <summary>
    /// <paramref name="count"/> distinct name-like texts: the first 2 to 5 words of the O*NET statements ("Prepare
    /// financial reports", "Record patient medical information"), in a fixed order.
    /// </summary>
    internal static string[] DistinctNames(IReadOnlyList<LabelledTask> tasks, int count)
    {
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var names = new List<string>(count);
        foreach (var length in new[] { 3, 4, 5, 2 })
        {
            foreach (var task in tasks.TakeWhile(_ => names.Count < count))
            {
                var words = task.Text.TrimEnd('.').Split(' ', StringSplitOptions.RemoveEmptyEntries);
                if (words.Length >= length && seen.Add(string.Join(' ', words.Take(length))))
                {
                    names.Add(string.Join(' ', words.Take(length)));
                }
            }
        }

        return [.. names];
    }

    private static (double Wall, double Cpu) Measure(Action action)
    {
        using var process = Process.GetCurrentProcess();
        var cpuBefore = process.TotalProcessorTime;
        var watch = Stopwatch.StartNew();
        action();
        var wall = watch.Elapsed.TotalSeconds;
        process.Refresh();
        return (wall, Math.Max((process.TotalProcessorTime - cpuBefore).TotalSeconds, 1e-9));
    }

    private static string F(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
