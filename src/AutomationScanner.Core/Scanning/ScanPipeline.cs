using System.Collections.Concurrent;
using System.Globalization;
using AutomationScanner.Core.Classification;
using AutomationScanner.Core.Classification.Llm;
using AutomationScanner.Core.Diagnostics;
using AutomationScanner.Core.Documents;
using AutomationScanner.Core.Embeddings;
using AutomationScanner.Core.Ethics;
using AutomationScanner.Core.Ingestion;
using AutomationScanner.Core.Ingestion.Common;
using AutomationScanner.Core.Mining;
using AutomationScanner.Core.Model;
using AutomationScanner.Core.Planning;
using AutomationScanner.Core.Ranking;
using AutomationScanner.Core.Reporting;
using AutomationScanner.Core.Tracking;
using Microsoft.Extensions.Logging;

namespace AutomationScanner.Core.Scanning;

/// <summary>
/// Mines one event-log input into its processes (one, or one per object type of an object-centric log), named from
/// <paramref name="process"/>; unreadable content throws <see cref="IngestionException"/>.
/// </summary>
public delegate Task<IReadOnlyList<MinedProcess>> LogMiner(ScanInput input, string process, CancellationToken cancellationToken);

/// <summary>
/// The scan, end to end: read every export, mine the tasks, score and rank them, and build the report. Inputs that
/// cannot be read are recorded in the report and the rest of the scan goes on. With a <paramref name="suitability"/>
/// scorer (the ML.NET text model plus process criteria) every opportunity's suitability comes from it, with its parts.
/// Every candidate (not only the top ones) goes to the LLM assessor when one is configured; its faults leave tasks
/// ML-only, never fail the scan.
/// </summary>
public sealed partial class ScanPipeline(
    IngestionOptions ingestion,
    TimeProvider timeProvider,
    ILogger<ScanPipeline> logger,
    ScoringOptions? scoring = null,
    ITaskAssessor? assessor = null,
    SuitabilityScorer? suitability = null,
    ITextEmbedder? embedder = null,
    RuleCatalogue? catalogue = null)
{
    /// <summary>How the score is computed with the default options (reports describe the options in force: <see cref="DescribeScore"/>).</summary>
    public static string ScoreDescription { get; } = DescribeScore(new ScoringOptions());

    private readonly ScoringOptions _scoring = scoring ?? new ScoringOptions();
    private readonly RuleCatalogue _catalogue = catalogue ?? RuleCatalogue.Default;

    /// <summary>
    /// The score formula with the weights, risk multipliers and value saturation of <paramref name="options"/>, so
    /// the report never states numbers other than those its priorities were computed with.
    /// </summary>
    public static string DescribeScore(ScoringOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var r = options.Ranking;
        var saturation = r.ValueSaturationHours is { } hours
            ? string.Create(CultureInfo.InvariantCulture, $"{hours:0.##} h")
            : "one FTE year";
        return string.Create(
            CultureInfo.InvariantCulture,
            $"Score = risk-adjusted priority 0..100 = 100 x ({r.ValueWeight:0.00} x value + {r.SuitabilityWeight:0.00} x suitability + {r.EaseWeight:0.00} x ease) x (0.5 + 0.5 x confidence) x risk multiplier ") +
            string.Create(
                CultureInfo.InvariantCulture,
                $"(minimal 1, limited {r.LimitedRiskMultiplier:0.##}, high {r.HighRiskMultiplier:0.##}, prohibited 0: never recommended). value = ln(1 + benefit hours P50) / ln(1 + {saturation}), capped at 1; ") +
            "benefit hours = suitability x executions/year x handling time x manual share. Weights are configurable; see docs/ranking.md.";
    }
    private readonly ITaskAssessor _assessor = assessor ?? new NotConfiguredTaskAssessor();

    /// <summary>A scan with nothing to compare against.</summary>
    public Task<ScanReport> RunAsync(IReadOnlyList<ScanInput> inputs, string? scanId, CancellationToken cancellationToken) =>
        RunAsync(inputs, scanId, previous: null, cancellationToken);

    /// <param name="inputs">Exports to read.</param>
    /// <param name="scanId">Id of the scan; a timestamp when omitted.</param>
    /// <param name="previous">The engagement's previous report, to record what changed.</param>
    /// <param name="cancellationToken">Stops the scan.</param>
    public Task<ScanReport> RunAsync(
        IReadOnlyList<ScanInput> inputs,
        string? scanId = null,
        PreviousReport? previous = null,
        CancellationToken cancellationToken = default) =>
        RunAsync(inputs, scanId, previous, marks: null, logMiner: null, cancellationToken);

    /// <summary>
    /// A scan whose event logs are mined by <paramref name="logMiner"/> (null: one pass over each input here, with
    /// object-centric logs giving one process per object type). The Durable scan passes the aggregates its activities
    /// mined and merged, so judging, ranking and the report are the same code whichever way the logs were mined.
    /// </summary>
    /// <param name="inputs">Exports to read.</param>
    /// <param name="scanId">Id of the scan; a timestamp when omitted.</param>
    /// <param name="previous">The engagement's previous report, to record what changed and extend the realisation history.</param>
    /// <param name="marks">The engagement's opportunity statuses: the roadmap honours them and the marked tasks' realised benefit is measured.</param>
    /// <param name="logMiner">Mines one event-log input into its aggregate; null mines here in one pass.</param>
    /// <param name="cancellationToken">Stops the scan.</param>
    public async Task<ScanReport> RunAsync(
        IReadOnlyList<ScanInput> inputs,
        string? scanId,
        PreviousReport? previous,
        EngagementMarks? marks,
        LogMiner? logMiner,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        inputs = ScanInput.WithUniqueNames(inputs);
        var started = timeProvider.GetUtcNow();
        await LoadEmbeddingsAsync(cancellationToken);
        PhaseClock.Mark("scan set-up");
        var outcomes = new ConcurrentDictionary<string, InputOutcome>(StringComparer.Ordinal);
        var mined = new ConcurrentDictionary<string, MinedProcess>(StringComparer.Ordinal);
        var logs = new List<ScanInput>();
        var documents = new List<ScanInput>();
        foreach (var input in inputs)
        {
            if (ExportSniffer.IsEventLogName(input.Name))
            {
                logs.Add(input);
            }
            else if (DocumentReader.IsDocument(input.Name))
            {
                documents.Add(input);
            }
            else
            {
                outcomes[input.Name] = new InputOutcome(input.Name, "unsupported", Read: false, "not an event log (.csv, .tsv, .xes, OCEL .jsonocel/.xmlocel/.sqlite/.json/.xml, optionally .gz) or a document (.txt, .md, .html, .docx, .pdf); skipped");
            }
        }

        var extractions = await ReadDocumentsAsync(documents, outcomes, cancellationToken);
        PhaseClock.Mark("read documents");

        var processNames = ProcessNames(logs.Select(l => l.Name));
        await Parallel.ForEachAsync(logs, new ParallelOptions { CancellationToken = cancellationToken, MaxDegreeOfParallelism = Environment.ProcessorCount },
            async (input, ct) =>
            {
                try
                {
                    IReadOnlyList<MinedProcess> processes;
                    if (logMiner is null && input.LocalPath is not null)
                    {
                        // A large local export is split and mined on every core (the same split and merge as the Durable scan).
                        processes = await Task.Run(() => ExportChunker.MineFile(input.Name, input.OpenLocal, processNames[input.Name], ingestion, ct), ct);
                    }
                    else if (logMiner is null)
                    {
                        await using var stream = await input.OpenAsync(ct);

                        // One process per log; an object-centric log (OCEL) gives one per object type.
                        processes = EventLogReader.MineAll(input.Name, stream, ingestion, processNames[input.Name], ct);
                    }
                    else
                    {
                        processes = await logMiner(input, processNames[input.Name], ct);
                    }

                    foreach (var process in processes)
                    {
                        mined[input.Name + "\u001f" + process.Summary.Process] = process;
                        LogMined(process.Summary.Process, process.Summary.Events, process.Summary.Cases);
                    }

                    outcomes[input.Name] = new InputOutcome(input.Name, "event-log", Read: true, null);
                }
                catch (IngestionException ex)
                {
                    outcomes[input.Name] = new InputOutcome(input.Name, "event-log", Read: false, ex.Message);
                    LogUnreadable(input.Name, ex.Message);
                }
#pragma warning disable CA1031 // Uploads are untrusted: whatever a reader throws for one input is that input's error, and the scan goes on.
                catch (Exception ex) when (IsInputFault(input, ex, ct))
#pragma warning restore CA1031
                {
                    var message = DescribeFault(input.Name, ex);
                    outcomes[input.Name] = new InputOutcome(input.Name, "event-log", Read: false, message);
                    LogUnreadable(input.Name, message);
                }
            });

        var processes = mined.OrderBy(m => m.Value.Summary.Process, StringComparer.Ordinal).Select(m => m.Value).ToList();
        var candidates = processes.SelectMany(CandidatesOf).ToList();
        PhaseClock.Mark("read + mine event logs");

        // Document text is data: it is matched and screened, and never changes the scanner's rules or weights.
        var matching = new StatementMatcher().Match(candidates, extractions.SelectMany(e => e.Statements));
        candidates.AddRange(matching.DocumentCandidates);

        // Each process's domain comes from all its activities, attributes (names and sampled values) and documents.
        var domains = InferDomains(candidates, processes);
        PhaseClock.Mark("statement matching + domain inference");
        var screen = new RiskScreen(_catalogue, _scoring.Risk, embedder)
        {
            LabelledCases = _scoring.Risk.LabelledCases ? LabelledCaseIndex.Shipped : null,
            LabelledCasesThroughRules = true,
            LabelledLinear = _scoring.Risk.LabelledCases && _scoring.Risk.LabelledLinear ? LabelledLinearModel.Shipped : null,
        };
        if (_assessor.IsConfigured)
        {
            // The LLM is shown each task's process domain and the catalogue rules that may apply; it may flag only those.
            foreach (var candidate in candidates)
            {
                candidate.RiskReview = screen.ReviewInput(candidate, domains.GetValueOrDefault(candidate.Process));
            }
        }

        // The LLM sees every candidate, with its matched statements; its answer is reported and does not change the score.
        var assessments = await _assessor.AssessAsync(candidates, cancellationToken);

        // What each activity is, from the log's evidence, matched documents, the LLM and overrides: only work and
        // decisions are ranked; states, system steps, requester actions and the like are reported as context.
        var kinds = new ActivityKindResolver(_scoring.KindOverrides);
        kinds.Resolve(candidates, c => assessments.For(c.Id)?.Judgement?.ActivityKind);
        var tasks = candidates.Where(c => c.Kind.IsTask()).ToList();
        var opportunities = Judge(tasks, processes, assessments, domains, screen, cancellationToken, out var shared);
        ReleaseEmbeddingModel();
        await SaveEmbeddingsAsync(cancellationToken);
        PhaseClock.Mark("embedding cache write");
        var context = ActivityKindResolver.Context(candidates, new ResourcePseudonymizer(_scoring.PseudonymKey));
        scanId ??= started.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
        return new ScanReport
        {
            ScanId = scanId,
            GeneratedAt = started,
            Inputs = [.. inputs.Select(i => outcomes[i.Name])],
            Processes = [.. processes.Select(p => ForReport(p.Summary, shared))],
            ProcessDomains = [.. domains.Values.OrderBy(d => d.Process, StringComparer.Ordinal)],
            Opportunities = opportunities,
            Context = context,
            BenefitByBasis = BenefitByBasis.From(opportunities),
            Documents = [.. extractions.Select(e => Summarise(e, matching))],
            ScoreDescription = DescribeScore(_scoring),
            Assumptions =
            [
                $"Timestamps without an offset are read as {ingestion.DefaultTimeZone.Id} local time.",
                $"Working hours are {ingestion.Mining.WorkdayStartHour:00}:00-{ingestion.Mining.WorkdayEndHour:00}:00 local time, Monday to Friday.",
                "Resources whose names mark them as systems or bots (system, batch, bot, RPA, scheduler...) count as automation already achieved.",
                "Resources are shown as stable pseudonyms (keyed hash); names never appear in the report, except a shared id whose name is itself a generic role word (\"STAFF MEMBER\").",
                $"A resource id that stands for a role or a group (its name is made only of generic role words, it does most of the work of {SharedResourceDetector.MinRoles} or more roles of the log, or it logs more than {WorkloadIndex.SharedAccountHoursPerYear:N0} h/year at measured handling times) is counted as a role, not a person, for job displacement.",
                "Value ranges are scenarios at the P10, median and P90 handling time, not a confidence interval; realised benefits are often lower.",
                suitability is null
                    ? "Suitability is log-derived (no classifier configured): (1 - rework rate) x (1 - failure rate)."
                    : "Suitability = 0.6 x text model (ML.NET on sentence embeddings, trained on GPT-4's automation ratings of O*NET tasks; reads the activity name, its nearest O*NET tasks and matched document statements) + 0.4 x process criteria (Wellmann et al. 2020); a name the model cannot read gets a neutral text score and a 0.3 share. Parts in suitabilityAssessment.factors; see docs/MODEL.md.",
                $"Document steps are matched to activities at a similarity of {StatementMatcher.DefaultThreshold:0.00} or more; unmatched steps become tasks of their own, sized from their frequency hints (250 working days a year).",
                LlmAssumption(assessments.Usage),
            ],
            ValueAssumptions = ValueAssumptions.From(_scoring.Value),
            RuleCatalogueVersion = _catalogue.Version,
            RegulatoryDates = _catalogue.Dates,
            Diff = previous is null ? null : ScanDiff.Compare(previous, opportunities),
            Llm = assessments.Usage,
            Roadmap = new RoadmapBuilder(_scoring.Value).Build(opportunities, marks),
            Realisation = RealisationTracker.Build(marks, scanId, started, opportunities, context, previous?.Realisation),
        };
    }

    /// <summary>The summary as a report shows it: shared ids as pseudonyms unless their name is a generic role word.</summary>
    private LogSummary ForReport(LogSummary summary, IReadOnlyDictionary<(string Process, string Resource), SharedResource> shared)
    {
        var pseudonymizer = new ResourcePseudonymizer(_scoring.PseudonymKey);
        return summary with
        {
            SharedResources =
            [
                .. shared.Where(s => s.Key.Process == summary.Process).Select(s => s.Value)
                    .OrderByDescending(s => s.Executions)
                    .Select(s => s with { Who = s.GenericName ? s.Who : pseudonymizer.Pseudonymize(s.Who) }),
            ],
        };
    }

    /// <summary>
    /// Each process's domain from all its activity names, attribute names, sampled attribute values and the document
    /// statements matched to its tasks (document-only tasks form processes of their own).
    /// </summary>
    private Dictionary<string, ProcessDomainProfile> InferDomains(List<TaskCandidate> candidates, List<MinedProcess> processes)
    {
        var inference = new DomainInference(_catalogue, embedder);
        var attributes = processes.ToDictionary(p => p.Summary.Process, p => p.Summary.Attributes, StringComparer.Ordinal);
        var values = processes.ToDictionary(p => p.Summary.Process, p => p.AttributeValues, StringComparer.Ordinal);
        var domains = new Dictionary<string, ProcessDomainProfile>(StringComparer.Ordinal);
        foreach (var group in candidates.GroupBy(c => c.Process, StringComparer.Ordinal))
        {
            var facts = new ProcessFacts(
                group.Key,
                [.. group.Select(c => c.Name)],
                attributes.GetValueOrDefault(group.Key) ?? [],
                values.GetValueOrDefault(group.Key),
                Documents: [.. group.SelectMany(c => c.Statements).Select(s => s.Text).Distinct(StringComparer.Ordinal).Take(200)]);
            domains[group.Key] = inference.Infer(facts);
        }

        return domains;
    }

    /// <summary>Frees the embedding model once the scan's texts are embedded (the vectors stay in the cache).</summary>
    private void ReleaseEmbeddingModel() => embedder?.ReleaseModel();

    /// <summary>Warms the embedding cache from its store; a store that cannot be read costs speed, never the scan.</summary>
    private async Task LoadEmbeddingsAsync(CancellationToken cancellationToken)
    {
        if (embedder is CachingTextEmbedder caching)
        {
            try
            {
                await caching.LoadAsync(cancellationToken);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidDataException || ex.GetType().Name == "RequestFailedException")
            {
                LogEmbeddingCache("read", ex.Message);
            }
        }
    }

    /// <summary>Persists the vectors this scan added (task texts, and rule exemplars on a first scan).</summary>
    private async Task SaveEmbeddingsAsync(CancellationToken cancellationToken)
    {
        if (embedder is CachingTextEmbedder caching)
        {
            try
            {
                await caching.SaveAsync(cancellationToken);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException || ex.GetType().Name == "RequestFailedException")
            {
                LogEmbeddingCache("write", ex.Message);
            }
        }
    }

    /// <summary>
    /// Round 29: the longest activity name a task keeps whole, as a document statement keeps 500 characters
    /// (<c>StatementExtractor</c>). A log is uploaded by anyone and an activity name is one of its cells: a name of tens of
    /// thousands of characters is no step name, and the screen reads every word and word pair of a name by meaning
    /// (measured: 2,000 characters of "customers, " took 2.5 s to screen, 50,000 characters did not finish in ten
    /// minutes). A longer name keeps its first 500 characters, its length and a hash of the whole (so two names that
    /// share their beginning stay two tasks), and the scan logs a warning naming the process.
    /// </summary>
    public const int MaxActivityNameLength = 500;

    private IEnumerable<TaskCandidate> CandidatesOf(MinedProcess process) =>
        process.Activities.Select(a => new TaskCandidate(ActivityName(a.Activity, process.Summary.Process), process.Summary.Process) { Statistics = a });

    private string ActivityName(string activity, string process)
    {
        if (activity.Length <= MaxActivityNameLength)
        {
            return activity;
        }

        LogLongActivityName(process, activity.Length, MaxActivityNameLength);
        var hash = Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(activity)))[..8];
        return string.Create(CultureInfo.InvariantCulture, $"{activity[..MaxActivityNameLength]}… [{activity.Length} characters, {hash}]");
    }

    private string LlmAssumption(LlmUsage usage) => usage.Enabled
        ? $"LLM second opinion from Azure OpenAI deployment {usage.Deployment} (prompt {usage.PromptVersion}): its validated suitability weighs {_scoring.LlmSuitabilityWeight:0.##} in each task's suitability and its ethical flags can raise (never lower) a risk tier. Tasks it could not assess are flagged and stay ML-only."
        : "LLM assessment off: no Azure OpenAI endpoint configured. Tasks are scored without it.";

    /// <summary>Value, risk and ranking for every mined task; personal identifiers leave here pseudonymised.</summary>
    private List<Opportunity> Judge(
        List<TaskCandidate> candidates, List<MinedProcess> processes, AssessmentRun assessments, Dictionary<string, ProcessDomainProfile> domains, RiskScreen screen, CancellationToken cancellationToken,
        out IReadOnlyDictionary<(string Process, string Resource), SharedResource> sharedResources)
    {
        var estimator = new ValueEstimator(_scoring.Value);
        var pseudonymizer = new ResourcePseudonymizer(_scoring.PseudonymKey);
        var workload = WorkloadIndex.Build(candidates, c => estimator.Handling(c).Seconds.P50,
            processes.ToDictionary(p => p.Summary.Process, p => p.Summary.SharedResources, StringComparer.Ordinal),
            c => estimator.Handling(c).Source.Basis == HandlingTimeBasis.Measured);
        sharedResources = workload.SharedResources;
        var context = new RiskContext(workload, pseudonymizer, processes.ToDictionary(p => p.Summary.Process, p => p.Summary.Attributes, StringComparer.Ordinal))
        {
            Domains = domains,
            ProcessContext = processes.Where(p => p.Summary.ObjectCentric is not null)
                .ToDictionary(p => p.Summary.Process, p => ObjectContext(p.Summary.ObjectCentric!), StringComparer.Ordinal),
            // A process's description: the document statements matched to its tasks (what its domain is inferred from),
            // one a line; a step whose name the screen cannot read takes what it screens as.
            ProcessDescriptions = candidates.GroupBy(c => c.Process, StringComparer.Ordinal)
                .Select(g => (g.Key, Text: string.Join("\n", g.SelectMany(c => c.Statements).Select(s => s.Text).Distinct(StringComparer.Ordinal).Take(RiskScreen.MaxDescriptionSentences))))
                .Where(d => d.Text.Length > 0)
                .ToDictionary(d => d.Key, d => d.Text, StringComparer.Ordinal),
        };
        screen.Prepare(candidates, context);
        PhaseClock.Mark("risk screen: prepare (rule exemplars, task texts)");
        var quality = processes.ToDictionary(p => p.Summary.Process, p => QualityOf(p.Summary), StringComparer.Ordinal);

        // One batch over every task: the model's fast path.
        var suitabilities = new Dictionary<TaskCandidate, SuitabilityAssessment>(ReferenceEqualityComparer.Instance);
        if (suitability is not null)
        {
            // Every text of the scan is embedded by now (domains, the risk screen's views, suitability's names): the
            // embedding model's memory is freed before the statement index is read (a later miss would reload it).
            var assessed = suitability.Assess(candidates, cancellationToken, ReleaseEmbeddingModel);
            for (var i = 0; i < candidates.Count; i++)
            {
                suitabilities[candidates[i]] = assessed[i];
            }

            PhaseClock.Mark("suitability (text model, O*NET statement index)");
        }

        // The LLM's suitability is a bounded second opinion: it moves a task's suitability by at most its weight.
        var llmWeight = _scoring.LlmSuitabilityWeight;
        var suitabilityOf = new Dictionary<TaskCandidate, double>(ReferenceEqualityComparer.Instance);
        foreach (var c in candidates)
        {
            var judgement = assessments.For(c.Id)?.Judgement;
            if (suitabilities.TryGetValue(c, out var assessed))
            {
                if (judgement is not null)
                {
                    assessed = assessed.WithSecondOpinion(judgement.Suitability, llmWeight, $"Azure OpenAI {assessments.Usage.Deployment}, validated");
                    suitabilities[c] = assessed;
                }

                suitabilityOf[c] = assessed.Score;
            }
            else
            {
                var interim = InterimSuitability(c);
                suitabilityOf[c] = judgement is null ? interim : (1 - llmWeight) * interim + llmWeight * judgement.Suitability;
            }
        }

        var inputs = candidates.Select(c => new RankingInput(
            c,
            estimator.Estimate(c, suitabilityOf[c], quality.GetValueOrDefault(c.Process)),
            screen.Assess(c, context, LlmFlags(assessments.For(c.Id)))));
        var ranked = new OpportunityRanker(_scoring.Ranking, _scoring.Value).Rank(inputs);
        var costs = new CostEstimator(_scoring.Value);
        var opportunities = ranked.Select(r =>
        {
            var opportunity = Opportunity.From(r, pseudonymizer, suitabilities.GetValueOrDefault(r.Candidate));
            opportunity.Llm = assessments.Usage.Enabled ? assessments.For(opportunity.Id) : null;
            opportunity.Cost = costs.Estimate(r.Candidate, r.Value, r.Risk, assessments.For(r.Candidate.Id)?.Judgement);
            return opportunity;
        }).ToList();
        PhaseClock.Mark("risk assessment, value, ranking");

        return opportunities;
    }

    /// <summary>
    /// The LLM's ethical flags and rule flags as risk-screen input. The screen lets them raise a tier, never lower one;
    /// a flag can at most make a task High: only a catalogue rule with its evidence can call a practice prohibited.
    /// </summary>
    private List<LlmRiskFlag>? LlmFlags(TaskAssessment? assessment) =>
        assessment?.Judgement is not { } judgement
            ? null
            : [.. judgement.EthicalFlags.Select(f => new LlmRiskFlag(
                f.Category.ToString(),
                f.Severity switch
                {
                    EthicalSeverity.High => RiskTier.High,
                    EthicalSeverity.Medium => RiskTier.Limited,
                    _ => RiskTier.Minimal,
                },
                f.Rationale)),
              .. RuleFlagsOf(judgement, _catalogue)];

    /// <summary>
    /// Validated rule flags with the tier our catalogue gives the rule, capped at High: an LLM alone never makes a
    /// practice Prohibited (Art. 5 needs a rule's pattern or meaning match with its legal elements). A rule id the
    /// catalogue no longer knows (an answer cached under an older catalogue) is dropped.
    /// </summary>
    public static IEnumerable<LlmRiskFlag> RuleFlagsOf(LlmJudgement judgement, RuleCatalogue catalogue)
    {
        ArgumentNullException.ThrowIfNull(judgement);
        ArgumentNullException.ThrowIfNull(catalogue);
        foreach (var flag in judgement.RuleFlags)
        {
            if (catalogue.Rule(flag.RuleId)?.Definition is { } rule)
            {
                var tier = rule.Tier > RiskTier.High ? RiskTier.High : rule.Tier;
                yield return new LlmRiskFlag(rule.Kind.ToString(), tier, flag.Rationale) { RuleId = rule.Id };
            }
        }
    }

    /// <summary>What an object-centric log says about the process's domain: its case notion and all its object types.</summary>
    private static string ObjectContext(ObjectCentricSummary summary) =>
        $"cases are '{summary.ObjectType}' objects; the log's object types: {string.Join(", ", summary.ObjectTypes.Keys)}";

    /// <summary>Log-derived automation potential until the classifier supplies one.</summary>
    private static double InterimSuitability(TaskCandidate candidate) =>
        candidate.Statistics is { } s ? Math.Clamp((1 - s.ReworkRate) * (1 - s.FailureRate), 0, 1) : 0.5;

    private static DataQualitySignals QualityOf(LogSummary summary)
    {
        var faults = summary.DataQuality.Sum(i => i.Count);
        var issues = summary.EventsWithoutOffset > 0
            ? new[] { string.Create(CultureInfo.InvariantCulture, $"{summary.EventsWithoutOffset} timestamps without offset, read as {summary.TimeZone}") }
            : [];
        return new DataQualitySignals(faults == 0 ? 0 : faults / (double)(summary.Events + faults), issues);
    }

    /// <summary>Reads every document; one that cannot be read is recorded with its error and the scan goes on.</summary>
    private async Task<List<DocumentExtraction>> ReadDocumentsAsync(List<ScanInput> documents, ConcurrentDictionary<string, InputOutcome> outcomes, CancellationToken cancellationToken)
    {
        var reader = new DocumentReader(ingestion.Documents, logger);
        var extractions = new DocumentExtraction?[documents.Count];
        await Parallel.ForEachAsync(Enumerable.Range(0, documents.Count), new ParallelOptions { CancellationToken = cancellationToken, MaxDegreeOfParallelism = Environment.ProcessorCount },
            async (index, ct) =>
            {
                var input = documents[index];
                DocumentExtraction extraction;
                try
                {
                    await using var stream = await input.OpenAsync(ct);
                    extraction = reader.Read(stream, input.Name, ct);
                }
#pragma warning disable CA1031 // One document that cannot be opened or read is that document's error; the scan goes on.
                catch (Exception ex) when (IsInputFault(input, ex, ct))
#pragma warning restore CA1031
                {
                    extraction = new DocumentExtraction { SourceFile = input.Name, Format = "unknown", Error = DescribeFault(input.Name, ex) };
                }

                extractions[index] = extraction;
                outcomes[input.Name] = new InputOutcome(input.Name, "document", extraction.Succeeded, extraction.Error);
            });
        return [.. extractions.OfType<DocumentExtraction>()];
    }

    /// <summary>
    /// True for a fault of this input alone: anything but our own cancellation and the faults its source calls
    /// transient (a blob replaced during the scan), which fail the scan so that it is retried.
    /// </summary>
    private static bool IsInputFault(ScanInput input, Exception ex, CancellationToken cancellationToken) =>
        !(ex is OperationCanceledException && cancellationToken.IsCancellationRequested) && !(input.IsTransient?.Invoke(ex) ?? false);

    /// <summary>A plain message for an unexpected reader fault: the file, what kind of fault, its first line.</summary>
    internal static string DescribeFault(string name, Exception ex)
    {
        if (ex is IngestionException)
        {
            return ex.Message;
        }

        var what = ex switch
        {
            OutOfMemoryException or InsufficientExecutionStackException => "is too large or too deeply nested to read within this scanner's limits",
            IOException => "could not be opened or read",
            _ => "could not be read",
        };
        var line = ex.Message.Split('\n')[0].Trim();
        return $"{name}: {what} ({ex.GetType().Name}: {(line.Length <= 200 ? line : line[..200])})";
    }

    private static DocumentSummary Summarise(DocumentExtraction extraction, StatementMatchResult matching)
    {
        bool FromThis(TaskStatement s) => ReferenceEquals(s.SourceFile, extraction.SourceFile) || s.SourceFile == extraction.SourceFile;
        var matched = matching.Matches.Count(m => FromThis(m.Statement));
        var unmatched = matching.DocumentCandidates.Sum(c => c.Statements.Count(FromThis));
        return new DocumentSummary
        {
            Name = extraction.SourceFile,
            Format = extraction.Format,
            Statements = extraction.Statements.Count,
            Matched = matched,
            Unmatched = unmatched,
            SuspectedInjections = extraction.SuspectedInjections,
            CharactersRead = extraction.CharactersRead,
            CharacterCapReached = extraction.CharacterCapReached,
            StatementCapReached = extraction.StatementCapReached,
            Notes = extraction.Notes,
        };
    }

    /// <summary>
    /// Process name per log: the file name without extensions and period tokens (<see cref="ProcessIdentity"/>), made
    /// unique when two logs share it. Two periods of one process in one scan (receipts-2026-01.csv and
    /// receipts-2026-02.csv): the latest (natural order of the names) keeps the process name, and with it the ids the
    /// earlier scans gave; the others are named by their file. Two files of one name in different folders are named by
    /// path. The Durable scan names its parts with the same rule.
    /// </summary>
    public static Dictionary<string, string> ProcessNames(IEnumerable<string> logNames)
    {
        var byProcess = logNames.GroupBy(EventLogReader.ProcessName, StringComparer.Ordinal);
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var group in byProcess)
        {
            var members = group.ToList();
            var files = members.Select(EventLogReader.FileStem).ToList();
            var periods = members.Count > 1 && files.Distinct(StringComparer.Ordinal).Count() == files.Count;
            var latest = periods ? members.OrderBy(EventLogReader.FileStem, NaturalComparer.Instance).Last() : null;
            foreach (var log in members)
            {
                names[log] = members.Count == 1 || string.Equals(log, latest, StringComparison.Ordinal) ? group.Key
                    : periods && EventLogReader.FileStem(log) is var stem && stem != group.Key ? stem : log;
            }
        }

        return names;
    }

    /// <summary>Orders "week 9" before "week 10": runs of digits compare as numbers.</summary>
    private sealed class NaturalComparer : IComparer<string>
    {
        public static NaturalComparer Instance { get; } = new();

        public int Compare(string? x, string? y)
        {
            x ??= string.Empty;
            y ??= string.Empty;
            int i = 0, j = 0;
            while (i < x.Length && j < y.Length)
            {
                if (char.IsAsciiDigit(x[i]) && char.IsAsciiDigit(y[j]))
                {
                    var (a, b) = (i, j);
                    while (i < x.Length && char.IsAsciiDigit(x[i])) { i++; }
                    while (j < y.Length && char.IsAsciiDigit(y[j])) { j++; }
                    var left = x[a..i].TrimStart('0');
                    var right = y[b..j].TrimStart('0');
                    var byNumber = left.Length != right.Length ? left.Length.CompareTo(right.Length) : string.CompareOrdinal(left, right);
                    if (byNumber != 0)
                    {
                        return byNumber;
                    }

                    continue;
                }

                var byChar = char.ToUpperInvariant(x[i]).CompareTo(char.ToUpperInvariant(y[j]));
                if (byChar != 0)
                {
                    return byChar;
                }

                i++;
                j++;
            }

            return (x.Length - i).CompareTo(y.Length - j) is var rest && rest != 0 ? rest : string.CompareOrdinal(x, y);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Mined {Input}: {Events} events in {Cases} cases")]
    private partial void LogMined(string input, long events, long cases);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not {Operation} the embedding cache: {Problem}")]
    private partial void LogEmbeddingCache(string operation, string problem);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not read {Input}: {Problem}")]
    private partial void LogUnreadable(string input, string problem);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Process {Process}: an activity name of {Length} characters was cut to its first {Max} for the task")]
    private partial void LogLongActivityName(string process, int length, int max);
}
