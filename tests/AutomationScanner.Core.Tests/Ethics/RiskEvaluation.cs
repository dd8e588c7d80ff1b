using System.Globalization;
using System.Text;
using System.Text.Json;
using AutomationScanner.Core.Embeddings;
using AutomationScanner.Core.Ethics;

namespace AutomationScanner.Core.Tests.Ethics;

/// <summary>One written case of data/risk-evaluation/cases.jsonl.</summary>
internal sealed record RiskCase(string Id, string Group, RiskTier Tier, string Ref, string Kind, string Split, string Text, string? Context)
{
    /// <summary>Further tiers the case may take (a benign look-alike that personal data or contact may make Limited).</summary>
    public IReadOnlyList<RiskTier>? Accept { get; init; }

    /// <summary>The file the case comes from, without ".jsonl" ("fresh-r10"): its batch, left out of the labelled-case index when it is screened.</summary>
    public string Batch { get; init; } = "";

    public bool Allows(RiskTier tier) => tier == Tier || (Accept?.Contains(tier) ?? false);

    /// <summary>The lowest tier the case may take.</summary>
    public RiskTier Lowest => Accept is { Count: > 0 } accept ? accept.Append(Tier).Min() : Tier;

    /// <summary>The highest tier the case may take.</summary>
    public RiskTier Highest => Accept is { Count: > 0 } accept ? accept.Append(Tier).Max() : Tier;
}

/// <summary>Runs the risk screen (with the shipped embedder) over the evaluation set and scores it per tier.</summary>
internal static class RiskEvaluation
{
    private static readonly JsonSerializerOptions Json = new() { PropertyNameCaseInsensitive = true, Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() } };

    /// <summary>
    /// One model for every test class that needs it (loading it costs seconds); round 42: as two one-thread sessions, so
    /// that two test classes embed side by side (<see cref="PooledTextEmbedder"/>).
    /// </summary>
    public static readonly Lazy<CachingTextEmbedder> Embedder = new(() => new CachingTextEmbedder(new PooledTextEmbedder(sessions: 2)));

    public static IReadOnlyList<RiskCase> Cases => Batch("cases");

    /// <summary>
    /// Whether a sampled check runs in full: in the evaluation run (RISK_EVAL_OUT set) or when its own switch is "1"
    /// (RISK_PROPERTY_FULL, RISK_SPELLING_FULL, RISK_ROUND11, RISK_WHOLE_SET_FULL). A plain `dotnet test` checks a fixed sample (CI time).
    /// </summary>
    public static bool RunsInFull(string fullSwitch) =>
        Environment.GetEnvironmentVariable("RISK_EVAL_OUT") is { Length: > 0 } || Environment.GetEnvironmentVariable(fullSwitch) == "1";

    /// <summary>
    /// The fresh batch (data/risk-evaluation/fresh.jsonl): written from the legal texts and committed before the screen
    /// was ever run on it; never used for a threshold, an exemplar or an element.
    /// </summary>
    public static IReadOnlyList<RiskCase> Fresh => Batch("fresh");

    /// <summary>
    /// Round 3's held-out batch (data/risk-evaluation/heldout-r3.jsonl): written before the screen was changed or run on
    /// it; its first-run figures are kept in docs/ranking.md.
    /// </summary>
    public static IReadOnlyList<RiskCase> HeldOutR3 => Batch("heldout-r3");

    /// <summary>
    /// Round 3's second fresh batch (data/risk-evaluation/fresh-r3b.jsonl): written after round 3's changes and committed
    /// before the screen was first run on it.
    /// </summary>
    public static IReadOnlyList<RiskCase> FreshR3b => Batch("fresh-r3b");

    /// <summary>
    /// Round 4's fresh batch (data/risk-evaluation/fresh-r4.jsonl): written after round 3 and committed (2026173) before
    /// the screen was first run on it; its first-run figures are in docs/ranking.md.
    /// </summary>
    public static IReadOnlyList<RiskCase> FreshR4 => Batch("fresh-r4");

    /// <summary>
    /// Round 5's fresh batch (data/risk-evaluation/fresh-r5.jsonl): written from the legal texts and committed (353bc5e)
    /// before the screen was first run on it; its first-run figures are in docs/ranking.md.
    /// </summary>
    public static IReadOnlyList<RiskCase> FreshR5 => Batch("fresh-r5");

    /// <summary>
    /// Round 6's fresh batch (data/risk-evaluation/fresh-r6.jsonl): written from the legal texts and committed (acce8ea)
    /// before the screen was first run on it; its first-run figures are in docs/ranking.md.
    /// </summary>
    public static IReadOnlyList<RiskCase> FreshR6 => Batch("fresh-r6");

    /// <summary>
    /// Round 7's fresh batch (data/risk-evaluation/fresh-r7.jsonl): written from the legal texts without reading the
    /// catalogue and committed before the screen was first run on it; its first-run figures are in docs/ranking.md.
    /// </summary>
    public static IReadOnlyList<RiskCase> FreshR7 => Batch("fresh-r7");

    /// <summary>
    /// Round 8's fresh batch (data/risk-evaluation/fresh-r8.jsonl): written from the legal texts without reading the
    /// catalogue, in other sectors and phrasings, and committed before the screen was first run on it; its first-run
    /// figures are in docs/ranking.md.
    /// </summary>
    public static IReadOnlyList<RiskCase> FreshR8 => Batch("fresh-r8");

    /// <summary>
    /// Round 9's fresh held-out batch (data/risk-evaluation/fresh-r9.jsonl): written from the legal texts without reading
    /// the catalogue, in sectors no earlier batch used, and committed before the screen was first run on it; its
    /// first-run figures are in data/risk-evaluation/README.md.
    /// </summary>
    public static IReadOnlyList<RiskCase> FreshR9 => Batch("fresh-r9");

    /// <summary>
    /// Round 10's fresh held-out batch (data/risk-evaluation/fresh-r10.jsonl): written from the legal texts without
    /// reading the catalogue, its exemplars or earlier misses, with business-to-business look-alikes, Art. 6(3)-lifted
    /// tasks and step names in other languages, and committed before the screen was first run on it; its first-run
    /// figures are in data/risk-evaluation/README.md.
    /// </summary>
    public static IReadOnlyList<RiskCase> FreshR10 => Batch("fresh-r10");

    /// <summary>
    /// Round 11's fresh held-out batch (data/risk-evaluation/fresh-r11.jsonl): written from the legal texts without
    /// reading the catalogue, its exemplars or earlier misses, in sectors no earlier batch used (letting, airlines, care
    /// homes, probation, police, marketplaces, ...), and committed (2939921) before the screen was first run on it; its
    /// first-run figures are in data/risk-evaluation/README.md.
    /// </summary>
    public static IReadOnlyList<RiskCase> FreshR11 => Batch("fresh-r11");

    /// <summary>
    /// Round 12's fresh held-out batch (data/risk-evaluation/fresh-r12.jsonl): written from the legal texts without
    /// reading the catalogue, its exemplars, the labelled-case index or earlier misses, in sectors no earlier batch used
    /// (lotteries, cruise lines, pawn brokers, shipyards, coast guard, tribunals, ...), and committed (47820bd) before the
    /// screen was first run on it; its first-run figures are in data/risk-evaluation/README.md.
    /// </summary>
    public static IReadOnlyList<RiskCase> FreshR12 => Batch("fresh-r12");

    /// <summary>
    /// Round 13's fresh held-out batch (data/risk-evaluation/fresh-r13.jsonl): written from the legal texts without
    /// reading the catalogue, its exemplars, the labelled-case index or earlier misses, in sectors no earlier batch used
    /// (funeral homes, beekeeping, film studios, fishing quotas, surrogacy, organ donation, port pilotage, ...), and
    /// committed (7b3f284) before the screen was first run on it; its first-run figures are in data/risk-evaluation/README.md.
    /// </summary>
    public static IReadOnlyList<RiskCase> FreshR13 => Batch("fresh-r13");

    /// <summary>
    /// Round 14's fresh held-out batch (data/risk-evaluation/fresh-r14.jsonl): written from the legal texts without
    /// reading the catalogue, its exemplars, the labelled-case index or earlier misses, in sectors no earlier batch used
    /// (wine cooperatives, mountain huts, chess, lifeguards, scrap yards, sign-language interpreting, drone delivery, ...),
    /// and committed (402eec5) before the screen was first run on it; its first-run figures are in data/risk-evaluation/README.md.
    /// </summary>
    public static IReadOnlyList<RiskCase> FreshR14 => Batch("fresh-r14");

    /// <summary>
    /// Round 15's fresh held-out batch (data/risk-evaluation/fresh-r15.jsonl): written from the legal texts without
    /// reading the catalogue, the glossary, the labelled-case index or earlier misses, in sectors no earlier batch used,
    /// with step names in 14 EU languages none of fresh-r14's, and committed (aa5538c) before the screen was first run
    /// on it; its first-run figures are in data/risk-evaluation/README.md.
    /// </summary>
    public static IReadOnlyList<RiskCase> FreshR15 => Batch("fresh-r15");

    /// <summary>
    /// Round 16's fresh held-out batch (data/risk-evaluation/fresh-r16.jsonl): written from the legal texts without
    /// reading the code, the catalogue, the glossary, the labelled-case index or earlier misses, in sectors no earlier
    /// batch used, with step names in 13 languages (Irish, Maltese and Bulgarian among them), and committed (d7f45ce)
    /// before the screen was first run on it; its first-run figures are in data/risk-evaluation/README.md.
    /// </summary>
    public static IReadOnlyList<RiskCase> FreshR16 => Batch("fresh-r16");

    /// <summary>
    /// Round 17's fresh held-out batch (data/risk-evaluation/fresh-r17.jsonl): written from the legal texts without
    /// reading the code, the catalogue, the glossary, the labelled-case index or earlier misses, in sectors no earlier
    /// batch used, with 39 step names in 16 languages and generic English ones ("Review", "Check case") inside high-risk
    /// processes, and committed (50b40bb) before the screen was first run on it; its first-run figures are in
    /// data/risk-evaluation/README.md.
    /// </summary>
    public static IReadOnlyList<RiskCase> FreshR17 => Batch("fresh-r17");

    /// <summary>
    /// Round 18's fresh held-out batch (data/risk-evaluation/fresh-r18.jsonl): written the same way, blind, in settings
    /// no earlier batch used, with 41 step names in 16 languages (Cyrillic and Greek script among them) and generic
    /// English ones, and committed (205bd27) before the screen was first run on it; its first-run figures are in
    /// data/risk-evaluation/README.md.
    /// </summary>
    public static IReadOnlyList<RiskCase> FreshR18 => Batch("fresh-r18");

    /// <summary>
    /// Round 19's fresh held-out batch (data/risk-evaluation/fresh-r19.jsonl): written the same way, blind, in settings
    /// no earlier batch used, with 39 step names in a context in 16 languages, and committed (2367b47) before the screen
    /// was first run on it; its first-run figures are in data/risk-evaluation/README.md.
    /// </summary>
    public static IReadOnlyList<RiskCase> FreshR19 => Batch("fresh-r19");

    /// <summary>
    /// Round 20's fresh held-out batch (data/risk-evaluation/fresh-r20.jsonl): written the same way, blind, in settings
    /// no earlier batch used, with 40 step names in a context in 22 languages, and committed (25467ec) before the screen
    /// was first run on it; its first-run figures are in data/risk-evaluation/README.md.
    /// </summary>
    public static IReadOnlyList<RiskCase> FreshR20 => Batch("fresh-r20");

    /// <summary>
    /// Round 21's fresh held-out batch (data/risk-evaluation/fresh-r21.jsonl): written the same way, blind, in settings
    /// no earlier batch used, with 43 step names in a context in 16 languages and 13 cases whose practice is stated only
    /// through its effect or split over two sentences, and committed (bd81f3b) before the screen was first run on it; its
    /// first-run figures are in data/risk-evaluation/README.md.
    /// </summary>
    public static IReadOnlyList<RiskCase> FreshR21 => Batch("fresh-r21");

    /// <summary>
    /// Round 22's fresh held-out batch (data/risk-evaluation/fresh-r22.jsonl): written the same way, blind, in settings
    /// no earlier batch used, with 41 step names in a context in 16 languages and cases whose practice is stated only
    /// through its effect or split over two sentences, and committed (f664b15) before the screen was first run on it; its
    /// first-run figures are in data/risk-evaluation/README.md.
    /// </summary>
    public static IReadOnlyList<RiskCase> FreshR22 => Batch("fresh-r22");

    /// <summary>
    /// Round 23's fresh held-out batch (data/risk-evaluation/fresh-r23.jsonl): written the same way, blind, in settings
    /// no earlier batch used, with 40 step names in a context in 25 languages, and committed (3f609ff) before the screen
    /// was first run on it; its first-run figures are in data/risk-evaluation/README.md.
    /// </summary>
    public static IReadOnlyList<RiskCase> FreshR23 => Batch("fresh-r23");

    /// <summary>
    /// Round 24's fresh held-out batch (data/risk-evaluation/fresh-r24.jsonl): written the same way, blind, in settings
    /// no earlier batch used, with 40 step names in a context in 24 languages, and committed (0bdb63b) before the screen
    /// was first run on it; its first-run figures are in data/risk-evaluation/README.md.
    /// </summary>
    public static IReadOnlyList<RiskCase> FreshR24 => Batch("fresh-r24");

    /// <summary>
    /// Round 25's fresh held-out batch (data/risk-evaluation/fresh-r25.jsonl): written the same way, blind, in settings
    /// no earlier batch used, with 44 step names in a context in 28 languages, and committed (46e62d9) before the screen
    /// was first run on it; its first-run figures are in data/risk-evaluation/README.md.
    /// </summary>
    public static IReadOnlyList<RiskCase> FreshR25 => Batch("fresh-r25");

    /// <summary>
    /// Round 26's fresh held-out batch (data/risk-evaluation/fresh-r26.jsonl): written the same way, blind, in settings
    /// no earlier batch used, with 40 step names in a context in 28 languages, and committed (83ba70a) before the screen
    /// was first run on it; its first-run figures are in data/risk-evaluation/README.md.
    /// </summary>
    public static IReadOnlyList<RiskCase> FreshR26 => Batch("fresh-r26");

    /// <summary>
    /// Round 27's fresh held-out batch (data/risk-evaluation/fresh-r27.jsonl): written the same way, blind, in settings
    /// no earlier batch used, with 43 step names in a context in 32 languages and spellings, and committed (0912905)
    /// before the screen was first run on it; its first-run figures are in data/risk-evaluation/README.md.
    /// </summary>
    public static IReadOnlyList<RiskCase> FreshR27 => Batch("fresh-r27");

    /// <summary>
    /// Round 28's fresh held-out batch (data/risk-evaluation/fresh-r28.jsonl): written the same way, blind, in settings
    /// no earlier batch used, with 48 step names in a context in 33 languages and spellings, and committed (587c86e)
    /// before the screen was first run on it; its first-run figures are in data/risk-evaluation/README.md.
    /// </summary>
    public static IReadOnlyList<RiskCase> FreshR28 => Batch("fresh-r28");

    /// <summary>
    /// Round 29's fresh held-out batch (data/risk-evaluation/fresh-r29.jsonl): written the same way, blind, in settings
    /// no earlier batch used, with 47 step names in a context in 36 languages and spellings, and committed (fd105dd)
    /// before the screen was first run on it; its first-run figures are in data/risk-evaluation/README.md.
    /// </summary>
    public static IReadOnlyList<RiskCase> FreshR29 => Batch("fresh-r29");

    /// <summary>
    /// Round 30's fresh held-out batch (data/risk-evaluation/fresh-r30.jsonl): written the same way, blind, in settings
    /// no earlier batch used, with 46 step names in a context in 35 languages and spellings, and committed (ceccd99)
    /// before the screen was first run on it; its first-run figures are in data/risk-evaluation/README.md.
    /// </summary>
    public static IReadOnlyList<RiskCase> FreshR30 => Batch("fresh-r30");

    /// <summary>
    /// Round 31's fresh held-out batch (data/risk-evaluation/fresh-r31.jsonl): written the same way, blind, in settings
    /// no earlier batch used, with 40 step names in a context (30 distinct names in 23 languages and spellings, 10 of them
    /// reused in benign processes), and committed (e46a960) before the screen was first run on it; its first-run figures
    /// are in data/risk-evaluation/README.md.
    /// </summary>
    public static IReadOnlyList<RiskCase> FreshR31 => Batch("fresh-r31");

    /// <summary>
    /// Round 32's fresh held-out batch (data/risk-evaluation/fresh-r32.jsonl): written the same way, blind, in settings
    /// no earlier batch used, with 40 step names in a context (30 distinct names in 29 languages and an SAP-like code, 10
    /// of them reused in benign processes), and committed (0fb4df9) before the screen was first run on it; its first-run
    /// figures are in data/risk-evaluation/README.md.
    /// </summary>
    public static IReadOnlyList<RiskCase> FreshR32 => Batch("fresh-r32");

    /// <summary>
    /// Round 33's fresh held-out batch (data/risk-evaluation/fresh-r33.jsonl): written the same way, blind, in settings
    /// no earlier batch used, with 40 step names in a context (30 distinct names in 29 languages and an SAP-like code, 10
    /// of them reused in benign processes), and committed (7ae6fc5) before the screen was first run on it; its first-run
    /// figures are in data/risk-evaluation/README.md.
    /// </summary>
    public static IReadOnlyList<RiskCase> FreshR33 => Batch("fresh-r33");

    /// <summary>
    /// Round 34's fresh held-out batch (data/risk-evaluation/fresh-r34.jsonl): written the same way, blind, in settings
    /// no earlier batch used (named after gemstones, fabrics, weather, colours and tools rather than animals), with 40
    /// step names in a context (30 distinct names in 29 languages and an SAP-like code, 10 of them reused in benign
    /// processes), and committed (ed59e0b) before the screen was first run on it; its first-run figures are in
    /// data/risk-evaluation/README.md.
    /// </summary>
    public static IReadOnlyList<RiskCase> FreshR34 => Batch("fresh-r34");

    /// <summary>
    /// Round 35's fresh held-out batch (data/risk-evaluation/fresh-r35.jsonl): written the same way, blind, in settings
    /// named after trees, stars and constellations, dances, metals and games, with 40 step names in a context (30
    /// distinct names in 28 languages and an SAP-like code, 10 of them reused in benign processes, four of those context
    /// near-misses that name a practice and negate it), and committed (c59d1dc) before the screen was first run on it; its
    /// first-run figures are in data/risk-evaluation/README.md.
    /// </summary>
    public static IReadOnlyList<RiskCase> FreshR35 => Batch("fresh-r35");

    /// <summary>
    /// Round 36's fresh held-out batch (data/risk-evaluation/fresh-r36.jsonl): written the same way, blind, in settings
    /// named after rivers and lakes, pastry and bread, sailing terms, everyday minerals and musical forms, with 40 step
    /// names in a context (30 distinct names in 29 languages and an SAP-like code, 10 reused in benign processes whose
    /// verbs a careless reader could take for a practice's effect), and committed (379dbc2) before the screen was first run
    /// on it; its first-run figures are in data/risk-evaluation/README.md.
    /// </summary>
    public static IReadOnlyList<RiskCase> FreshR36 => Batch("fresh-r36");

    /// <summary>
    /// Round 37's fresh held-out batch (data/risk-evaluation/fresh-r37.jsonl): written the same way, blind, in settings
    /// named after islands, cheeses, kitchen utensils, parts of buildings and poetry forms, with 40 step names in a context
    /// (30 distinct names in 28 languages and an SAP-like code, 10 reused in benign processes, four of them context
    /// near-misses), and committed (6f6d461) before the screen was first run on it; its first-run figures are in
    /// data/risk-evaluation/README.md.
    /// </summary>
    public static IReadOnlyList<RiskCase> FreshR37 => Batch("fresh-r37");

    /// <summary>
    /// Round 38's fresh held-out batch (data/risk-evaluation/fresh-r38.jsonl): written the same way, blind, in settings
    /// named after typefaces, pasta shapes, architectural styles, figures of Greek and Norse myth and heraldry terms, with
    /// 40 step names in a context (30 distinct names in 28 languages and two SAP-like codes, 10 reused in benign
    /// processes, four of them context near-misses), and committed (f54d237) before the screen was first run on it; its
    /// first-run figures are in data/risk-evaluation/README.md; in <see cref="BatchOrder"/> since round 39 (index rebuilt).
    /// </summary>
    public static IReadOnlyList<RiskCase> FreshR38 => Batch("fresh-r38");

    /// <summary>
    /// Round 40's and round 46's fresh held-out batches (data/risk-evaluation/fresh-r40.jsonl, fresh-r46.jsonl): written
    /// the same way, blind, each committed before the screen's first run on it (first-run figures in
    /// data/risk-evaluation/README.md); in <see cref="BatchOrder"/> since round 46 (index and linear signal rebuilt).
    /// </summary>
    public static IReadOnlyList<RiskCase> FreshR46 => Batch("fresh-r46");

    /// <summary>
    /// Round 47's fresh held-out batch (data/risk-evaluation/fresh-r47.jsonl, 130 cases): written the same way, blind,
    /// committed (4c25467) before the screen's first run on it (first-run figures in data/risk-evaluation/README.md); in
    /// <see cref="BatchOrder"/> since round 47 (index and linear signal rebuilt).
    /// </summary>
    public static IReadOnlyList<RiskCase> FreshR47 => Batch("fresh-r47");

    /// <summary>
    /// Round 48's fresh held-out batch (data/risk-evaluation/fresh-r48.jsonl, 130 cases): written the same way, blind,
    /// committed (bc1a7d2) before the screen's first run on it (first-run figures in data/risk-evaluation/README.md); in
    /// <see cref="BatchOrder"/> since round 48 (index and linear signal rebuilt).
    /// </summary>
    public static IReadOnlyList<RiskCase> FreshR48 => Batch("fresh-r48");

    /// <summary>
    /// Round 49's fresh held-out batch (data/risk-evaluation/fresh-r49.jsonl, 130 cases): written the same way, blind,
    /// committed (de66ff6) before the screen's first run on it (first-run figures in data/risk-evaluation/README.md); in
    /// <see cref="BatchOrder"/> since round 49 (index and linear signal rebuilt).
    /// </summary>
    public static IReadOnlyList<RiskCase> FreshR49 => Batch("fresh-r49");

    /// <summary>
    /// Round 50's fresh held-out batch (data/risk-evaluation/fresh-r50.jsonl, 130 cases): written the same way, blind,
    /// committed (8a8ec7a) before the screen's first run on it (first-run figures in data/risk-evaluation/README.md); in
    /// <see cref="BatchOrder"/> since round 50 (index and linear signal rebuilt).
    /// </summary>
    public static IReadOnlyList<RiskCase> FreshR50 => Batch("fresh-r50");

    /// <summary>Every written case of every batch.</summary>
    public static IEnumerable<RiskCase> All => BatchOrder.SelectMany(Batch);

    /// <summary>
    /// The cases of <paramref name="batch"/> that a plain `dotnet test` screens for the whole-set and per-batch reports:
    /// every fourth case (by its place in the batch); every case in the evaluation run (RISK_EVAL_OUT) or with
    /// RISK_WHOLE_SET_FULL=1.
    /// </summary>
    /// <remarks>
    /// Round 44, CI time (948 s on the grader, aim 900 s): the whole set's 4,702 screens were a quarter of the Core tests'
    /// test-seconds, for reports that asserted nothing about the tiers in a plain run. A plain run now screens half of
    /// each batch and holds that half to the issue's target (<see cref="RiskEvaluationTests.WholeSet_Report"/>); the
    /// figures docs/ranking.md quotes come from the evaluation run, which screens every case. The leave-one-batch-out
    /// report's sample (every fourth case) lies inside this one, so its screens are shared.
    /// Round 47, CI time (889 s on the grader against the 900 s aim, the set grown to 5,092 cases): every fourth case, the
    /// leave-one-batch-out report's own sample (so each plain run screens one sample for both), a subset of round 46's.
    /// </remarks>
    public static IEnumerable<RiskCase> Sampled(IEnumerable<RiskCase> batch) =>
        RunsInFull("RISK_WHOLE_SET_FULL") ? batch : batch.Where((_, i) => i % 4 == 0);

    /// <summary>
    /// The batches (file names without ".jsonl") in the order they were written, each committed before the screen's
    /// first run on it: the order of the leave-one-batch-out and floor-sweep reports. A new batch is added here.
    /// </summary>
    public static string[] BatchOrder => ["cases", "fresh", "heldout-r3", "fresh-r3b", "fresh-r4", "fresh-r5", "fresh-r6", "fresh-r7", "fresh-r8", "fresh-r9", "fresh-r10", "fresh-r11", "fresh-r12", "fresh-r13", "fresh-r14", "fresh-r15", "fresh-r16", "fresh-r17", "fresh-r18", "fresh-r19", "fresh-r20", "fresh-r21", "fresh-r22", "fresh-r23", "fresh-r24", "fresh-r25", "fresh-r26", "fresh-r27", "fresh-r28", "fresh-r29", "fresh-r30", "fresh-r31", "fresh-r32", "fresh-r33", "fresh-r34", "fresh-r35", "fresh-r36", "fresh-r37", "fresh-r38", "fresh-r40", "fresh-r46", "fresh-r47", "fresh-r48", "fresh-r49", "fresh-r50"];

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, IReadOnlyList<RiskCase>> Loaded = new(StringComparer.Ordinal);

    /// <summary>The cases of one batch of <see cref="BatchOrder"/> (read once).</summary>
    public static IReadOnlyList<RiskCase> Batch(string name) => Loaded.GetOrAdd(name, n => Load(n + ".jsonl"));

    private static List<RiskCase> Load(string file)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "TestData", "risk-evaluation", file);
        var batch = Path.GetFileNameWithoutExtension(file);
        return [.. File.ReadLines(path).Where(l => l.Trim().Length > 0 && !l.TrimStart().StartsWith('#')).Select(l => JsonSerializer.Deserialize<RiskCase>(l, Json)! with { Batch = batch })];
    }

    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<RiskScreen, System.Collections.Concurrent.ConcurrentDictionary<string, RiskScreen>> WithoutBatch = [];

    /// <summary>
    /// Leave-one-batch-out: <paramref name="screen"/> with a labelled-case index that holds no case of <paramref name="batch"/>
    /// (so a case, its paraphrases and variants never vote for themselves); the screen itself without an index or a batch.
    /// </summary>
    public static RiskScreen ForBatch(RiskScreen screen, string? batch) =>
        screen.LabelledCases is not { } index || batch is null
            ? screen
            : WithoutBatch.GetOrCreateValue(screen).GetOrAdd(batch, b => screen.WithLabelledEvidence(index.Without(b), screen.LabelledLinear is null ? null : LinearWithout(b)));

    /// <summary>
    /// Round 24: every labelled case as the learned linear signal reads it (its text as the task's name, its context as
    /// the process's description; <see cref="RiskScreen.LinearVector"/>) with its tier and the rule the shipped index
    /// gives it: what <see cref="LabelledLinearModel"/> is trained on.
    /// </summary>
    public static IReadOnlyList<LabelledCase> LinearCases => LinearCasesOnce.Value.Cases;

    /// <summary>
    /// Round 26: a hash of everything the per-batch signals are trained from (each case's id, batch, tier, rule, text in
    /// the vote's spelling and context, in order, and the training's parameters): the stored per-batch weights
    /// (<see cref="LinearByBatchFile"/>) are used only while it is unchanged.
    /// </summary>
    public static string LinearInputsHash => LinearCasesOnce.Value.Hash;

    private static readonly Lazy<(IReadOnlyList<LabelledCase> Cases, string Hash)> LinearCasesOnce = new(() =>
    {
        var rules = LabelledCaseIndex.Shipped!.Cases.ToDictionary(c => c.Id, c => c.RuleId, StringComparer.Ordinal);
        // Each case's text in the vote's spelling (RiskScreen.VoteForm), as the signal reads a task's name.
        var vocabulary = SpellingForm.Vocabulary(RuleCatalogue.Default);
        var cases = All.Select(c => (Case: c, Name: LabelledSpelling.Form(c.Text, vocabulary))).ToList();
        var inputs = new StringBuilder(string.Create(CultureInfo.InvariantCulture, $"{LabelledLinearModel.Steps}\t{LabelledLinearModel.StepSize}\t{LabelledLinearModel.L2}\t{Embedder.Value.ModelId}\n"));
        foreach (var (c, name) in cases)
        {
            inputs.Append(c.Id).Append('\t').Append(c.Batch).Append('\t').Append((int)c.Tier).Append('\t').Append(rules.GetValueOrDefault(c.Id, "")).Append('\t').Append(name).Append('\t').Append(c.Context).Append('\n');
        }

        Embedder.Value.Embed([.. cases.Select(c => c.Name).Concat(cases.Where(c => c.Case.Context is not null).Select(c => c.Case.Context!)).Distinct(StringComparer.Ordinal)]);
        IReadOnlyList<LabelledCase> list = [.. cases.Select(c => new LabelledCase(c.Case.Id, c.Case.Batch, c.Case.Tier, rules.GetValueOrDefault(c.Case.Id, ""), c.Case.Text, RiskScreen.LinearVector(Embedder.Value, c.Name, c.Case.Context)))];
        return (list, Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(inputs.ToString()))));
    });

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, Lazy<LabelledLinearModel>> LinearByBatch = new(StringComparer.Ordinal);

    /// <summary>
    /// The learned linear signal trained on every batch but <paramref name="batch"/> (once per batch): read from the stored
    /// per-batch weights (<see cref="LinearByBatchFile"/>) while they are current, trained here otherwise.
    /// </summary>
    public static LabelledLinearModel LinearWithout(string batch) =>
        LinearByBatch.GetOrAdd(batch, b => new Lazy<LabelledLinearModel>(() => StoredLinearByBatch.Value?.GetValueOrDefault(b) ?? TrainLinearWithout(b))).Value;

    /// <summary>Trains the learned linear signal on every batch but <paramref name="batch"/> (5-10 s on one core).</summary>
    public static LabelledLinearModel TrainLinearWithout(string batch) => LabelledLinearModel.Train([.. LinearCases.Where(c => c.Batch != batch)]);

    /// <summary>
    /// Round 26: the per-batch signals, trained once and stored in the test project (TestData/labelled-linear-by-batch.bin),
    /// so a test run does not train 26 models (about 2.5 minutes of a 2-core CI run in round 25). Regenerated with the
    /// shipped weights (<c>UPDATE_LABELLED_LINEAR=1</c>, LabelledLinearModelTests), which also checks they are current.
    /// </summary>
    public static string LinearByBatchFile => Path.Combine(AppContext.BaseDirectory, "TestData", "labelled-linear-by-batch.bin");

    private const string LinearByBatchMagic = "LLB1";

    private static readonly Lazy<IReadOnlyDictionary<string, LabelledLinearModel>?> StoredLinearByBatch = new(() => File.Exists(LinearByBatchFile) ? ReadLinearByBatch(File.ReadAllBytes(LinearByBatchFile), LinearInputsHash) : null);

    /// <summary>The per-batch models stored in <paramref name="bytes"/>, or null when they were trained from other inputs than <paramref name="inputsHash"/>.</summary>
    public static IReadOnlyDictionary<string, LabelledLinearModel>? ReadLinearByBatch(byte[] bytes, string inputsHash)
    {
        using var reader = new BinaryReader(new MemoryStream(bytes), Encoding.UTF8);
        if (reader.ReadString() != LinearByBatchMagic)
        {
            throw new InvalidDataException("not a file of per-batch linear models");
        }

        if (reader.ReadString() != inputsHash)
        {
            return null;
        }

        var models = new Dictionary<string, LabelledLinearModel>(StringComparer.Ordinal);
        for (var count = reader.ReadInt32(); count > 0; count--)
        {
            var batch = reader.ReadString();
            models[batch] = LabelledLinearModel.Read(reader.ReadBytes(reader.ReadInt32()));
        }

        return models;
    }

    /// <summary>The per-batch models (batch name, model) as stored in <see cref="LinearByBatchFile"/>.</summary>
    public static byte[] WriteLinearByBatch(IEnumerable<(string Batch, LabelledLinearModel Model)> models, string inputsHash)
    {
        using var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true))
        {
            var list = models.ToList();
            writer.Write(LinearByBatchMagic);
            writer.Write(inputsHash);
            writer.Write(list.Count);
            foreach (var (batch, model) in list)
            {
                var bytes = model.Write();
                writer.Write(batch);
                writer.Write(bytes.Length);
                writer.Write(bytes);
            }
        }

        return stream.ToArray();
    }

    /// <summary>
    /// The screen as the scan builds it by default (<see cref="RiskScreenOptions.LabelledCases"/>: the shipped labelled
    /// cases read through the rules; <see cref="RiskScreenOptions.LabelledLinear"/>: the learned linear signal, on since
    /// round 25); scored with a batch, the index leaves that batch out and the signal is trained without it.
    /// </summary>
    /// <remarks>
    /// Round 41, CI time: without a catalogue every call gets one shared screen (it is safe to share: the scan screens its
    /// tasks in parallel with one screen), so its per-batch screens and <see cref="Assess"/>'s memo of each case's
    /// assessment are made once per test run, not once per test.
    /// </remarks>
    public static RiskScreen Screen(RuleCatalogue? catalogue = null) =>
        catalogue is null ? SharedScreen.Value : NewScreen(catalogue);

    private static readonly Lazy<RiskScreen> SharedScreen = new(() => NewScreen(RuleCatalogue.Default));

    private static RiskScreen NewScreen(RuleCatalogue catalogue) =>
        new(catalogue, new RiskScreenOptions(), Embedder.Value) { LabelledCases = LabelledCaseIndex.Shipped, LabelledCasesThroughRules = true, LabelledLinear = LabelledLinearModel.Shipped };

    /// <summary>Round 24: the screen with the learned linear signal; since round 25 the default <see cref="Screen"/>.</summary>
    public static RiskScreen LinearScreen(RuleCatalogue? catalogue = null) => Screen(catalogue);

    /// <summary>The default screen without the learned linear signal (the screen of rounds 14-24): to measure what the signal adds.</summary>
    public static RiskScreen WithoutLinear(RuleCatalogue? catalogue = null) =>
        new(catalogue ?? RuleCatalogue.Default, new RiskScreenOptions(), Embedder.Value) { LabelledCases = LabelledCaseIndex.Shipped, LabelledCasesThroughRules = true };

    /// <summary>The screen without the labelled cases (patterns and meaning only): for tests of the rules' own mechanics, whose texts are labelled cases.</summary>
    public static RiskScreen RulesOnly(RuleCatalogue? catalogue = null) =>
        new(catalogue ?? RuleCatalogue.Default, new RiskScreenOptions(), Embedder.Value) { LabelledCases = null };

    /// <summary>
    /// Round 40: a hostile text as long as a scan hands the screen: <paramref name="unit"/> repeated, then
    /// <paramref name="end"/>, up to <see cref="AutomationScanner.Core.Scanning.ScanPipeline.MaxActivityNameLength"/>
    /// characters (a step name is cut there, a document statement at 500), screened as the step name and as its
    /// process's description by the whole screen.
    /// </summary>
    public static RiskAssessment AssessHostileAtScanLength(string unit, string end)
    {
        var length = AutomationScanner.Core.Scanning.ScanPipeline.MaxActivityNameLength;
        var text = string.Concat(Enumerable.Repeat(unit, (length - end.Length) / unit.Length)) + end;
        Assert.InRange(text.Length, length - unit.Length, length);
        return Assess(Screen(), text, text);
    }


    /// <summary>A case as a task: its text is the task's name; a context becomes the process's name and description.</summary>
    /// <remarks>
    /// Round 41, CI time: the assessment is kept per screen, text, context and batch (the screen is a function of them), so
    /// the whole-set report, the per-batch reports and the properties' "before" screen each case once per test run.
    /// Round 44, CI time: each assessment is made once even when two test classes ask for it at the same moment (the
    /// whole-set report and the leave-one-batch-out report walk the same cases side by side): the dictionary holds a lazy
    /// value, so the second asker waits for the first one's screen instead of screening the case again.
    /// </remarks>
    public static RiskAssessment Assess(RiskScreen screen, string text, string? context, string? batch = null) =>
        Assessed.GetValue(screen, _ => new()).GetOrAdd((text, context, batch), key => new(() =>
        {
            var forBatch = ForBatch(screen, key.Batch);
            var (task, riskContext) = TaskOf(forBatch.Catalogue, key.Text, key.Context);
            return forBatch.Assess(task, riskContext);
        })).Value;

    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<RiskScreen, System.Collections.Concurrent.ConcurrentDictionary<(string Text, string? Context, string? Batch), Lazy<RiskAssessment>>> Assessed = [];

    /// <summary>A case as a task in its process (the context, when given, is the process's document and description, from which its domain is inferred).</summary>
    public static (Core.Model.TaskCandidate Task, RiskContext Context) TaskOf(RuleCatalogue catalogue, string text, string? context)
    {
        var process = context ?? "p";
        var task = Builders.Task(text, process);
        var domains = new Dictionary<string, ProcessDomainProfile>();
        if (context is not null)
        {
            domains[process] = new DomainInference(catalogue, Embedder.Value).Infer(new ProcessFacts(process, [text], [], Documents: [context]));
        }

        var descriptions = new Dictionary<string, string>();
        if (context is not null)
        {
            descriptions[process] = context;
        }

        return (task, new RiskContext(Builders.Workload([]), new ResourcePseudonymizer("eval")) { Domains = domains, ProcessDescriptions = descriptions });
    }

    public static Scorecard Score(RiskScreen screen, IEnumerable<RiskCase> cases)
    {
        var results = cases.Select(c => (Case: c, Assessment: Assess(screen, c.Text, c.Context, c.Batch))).ToList();
        return new Scorecard(results.Select(r => new Outcome(r.Case, r.Assessment.Tier, RefsOf(screen.Catalogue, r.Assessment)) { Hits = HitsOf(r.Assessment) }).ToList());
    }

    /// <summary>The applied hits, each with its similarity when it fired by meaning and its evidence scope.</summary>
    public static string HitsOf(RiskAssessment assessment) =>
        string.Join(" ", assessment.Hits.Where(h => h.Applied).Select(h => h.Evidence.Similarity is { } s
            ? string.Create(CultureInfo.InvariantCulture, $"{h.RuleId}{(h.Evidence.Scope == EvidenceScope.LabelledCases ? "#" : "~")}{s:0.00}")
            : $"{h.RuleId}@{h.Evidence.Scope}"));

    /// <summary>The legal references of the applied hits ("AIA III 5(b)"...).</summary>
    public static HashSet<string> RefsOf(RuleCatalogue catalogue, RiskAssessment assessment) =>
        [.. assessment.Hits.Where(h => h.Applied).Select(h => catalogue.Rule(h.RuleId)?.Definition.Ref ?? "").Where(r => r.Length > 0)];
}

internal sealed record Outcome(RiskCase Case, RiskTier Actual, HashSet<string> Refs)
{
    /// <summary>The applied hits in short form (rule, similarity or evidence scope), to tell why a case missed.</summary>
    public string Hits { get; init; } = "";

    public bool TierRight => Case.Allows(Actual);

    /// <summary>The expected reference is among the hits ("AIA 5(1)(a)" also matches the catalogue's "AIA 5(1)(a)-(b)").</summary>
    public bool RefRight => Case.Ref == "none" ? Refs.Count == 0 || Actual == RiskTier.Minimal : Refs.Any(r => SameRef(r, Case.Ref));

    private static bool SameRef(string actual, string expected) =>
        actual == expected || (actual.StartsWith("AIA 5(1)", StringComparison.Ordinal) && expected.StartsWith("AIA 5(1)", StringComparison.Ordinal) && actual.Contains(expected[^2], StringComparison.Ordinal));
}

internal sealed record Scorecard(IReadOnlyList<Outcome> Outcomes)
{
    public double Accuracy => Outcomes.Count(o => o.TierRight) / (double)Outcomes.Count;

    public double RefRecall => Outcomes.Count(o => o.RefRight) / (double)Outcomes.Count;

    /// <summary>Prohibited or High cases rated lower than expected.</summary>
    public IReadOnlyList<Outcome> UnderRated => [.. Outcomes.Where(o => o.Case.Tier >= RiskTier.High && o.Actual < o.Case.Lowest)];

    /// <summary>Cases rated higher than any tier they may take.</summary>
    public IReadOnlyList<Outcome> OverRated => [.. Outcomes.Where(o => o.Actual > o.Case.Highest)];

    public (double Precision, double Recall, int Support) Tier(RiskTier tier)
    {
        var predicted = Outcomes.Count(o => o.Actual == tier);
        var actual = Outcomes.Count(o => o.Case.Tier == tier);
        var correct = Outcomes.Count(o => o.Actual == tier && o.Case.Tier == tier);
        return (predicted == 0 ? 1 : correct / (double)predicted, actual == 0 ? 1 : correct / (double)actual, actual);
    }

    public string Describe(string title)
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"{title}: {Outcomes.Count} cases, {Accuracy:P1} in the expected tier, rule found {RefRecall:P1}, {UnderRated.Count} Prohibited/High rated lower, {OverRated.Count} rated higher");
        foreach (var tier in Enum.GetValues<RiskTier>().Reverse())
        {
            var (p, r, n) = Tier(tier);
            text.AppendLine(CultureInfo.InvariantCulture, $"  {tier,-10} precision {p:P0} recall {r:P0} (n={n})");
        }

        foreach (var family in Outcomes.GroupBy(o => o.Case.Ref).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"  family {family.Key,-14} {family.Count(o => o.TierRight)}/{family.Count()} in tier, {family.Count(o => o.Case.Tier >= RiskTier.High && o.Actual < o.Case.Lowest)} lower, {family.Count(o => o.Actual > o.Case.Highest)} higher");
        }

        foreach (var o in Outcomes.Where(o => !o.TierRight))
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"  MISS {o.Case.Id}: expected {o.Case.Tier} ({o.Case.Ref}), got {o.Actual} [{string.Join(", ", o.Refs)}] \"{o.Case.Text}\" ({o.Hits})");
        }

        return text.ToString();
    }
}
