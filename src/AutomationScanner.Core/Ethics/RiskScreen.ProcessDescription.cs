using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using AutomationScanner.Core.Model;

namespace AutomationScanner.Core.Ethics;

/// <summary>
/// A step whose name the screen cannot read takes what its process's description screens as: a code in a language the
/// glossary does not cover ("KÕNE_KLASS"), an abbreviation, a word it lacks says nothing about what the step does, while
/// "Emergency number 112 centre: incoming calls are classified to decide which crew is sent first" does.
/// </summary>
public sealed partial class RiskScreen
{
    /// <summary>At most this many sentences of a process description are screened (its first ones).</summary>
    public const int MaxDescriptionSentences = 12;

    /// <summary>
    /// A readable step that assesses or decides takes a rule its description matched by meaning only from this
    /// similarity up (an unread step takes what the description screens as). Round 16, measured on few cases: the
    /// description matches that named what such a step assesses were 0.37-0.62 (migration risk, emotion scores,
    /// agents' performance), the wrong ones 0.32-0.35 (choosing a cleaning contractor read as an employment decision, a
    /// visa risk score as recruitment).
    /// </summary>
    public const double DescribedReadStepMinSimilarity = 0.36;

    /// <summary>
    /// Round 17: a readable step that works the case without assessing or deciding (<see cref="TaskText.IsCaseWorkStep"/>)
    /// takes a rule its description matched by meaning only from this similarity up: the catalogue's High threshold, at
    /// which a meaning match fires on its own (a step that only works the case is a weaker sign that the practice happens
    /// there than one that assesses or decides, which takes matches from <see cref="DescribedReadStepMinSimilarity"/>).
    /// On the older batches the right matches such steps took were 0.51-0.74 (benefit review, real-time face
    /// identification, exam cheating watch, urgency of GP calls), a wrong one 0.44 (sales leads ranked for call-backs read
    /// as emergency triage); fresh-r17, not read, lost one case to this floor against 0.36. Round 19: the floor is that of
    /// a step that assesses or decides. Once the glossary read the ordinary words of case work (round 18), the steps that
    /// work the case and lost their description's practice to 0.45 were many more than the wrong takes it kept out: the
    /// right matches measured 0.38-0.45 (a rota updated from a slowness judgement, a jobseeker's allowance status set
    /// from a model, a recruiter's review of a model's shortlist, an emotion label put on callers), against the one wrong
    /// 0.44 of round 17; a step that only checks a file's form, communicates or keeps records is still no case work.
    /// </summary>
    public const double DescribedCaseWorkStepMinSimilarity = 0.36;

    /// <summary>A description sentence has at least this many words.</summary>
    public const int MinDescriptionWords = 4;

    /// <summary>A description sentence is screened up to this many characters.</summary>
    public const int MaxDescriptionSentenceLength = 400;

    /// <summary>What each process description screens as, per scan (context): a scan of 100 steps screens it once.</summary>
    private ConditionalWeakTable<RiskContext, ConcurrentDictionary<string, Lazy<DescriptionFinding>>> _descriptions = [];

    /// <summary>
    /// The rules a process description screens as, at its highest tier, each with the sentence that gave it: the
    /// description's sentences are screened as task texts of the process (patterns, meaning, the domain's inherited rules,
    /// the labelled cases' vote, the hold-backs and the Art. 6(3) filter), and the applied hits of the highest tier any
    /// sentence reaches are kept. Computed rules (displacement, worker information) and the Art. 6(3) filter and
    /// profiling override (which only qualify other hits) are not carried.
    /// </summary>
    private sealed record DescriptionFinding(RiskTier Tier, IReadOnlyList<(RiskHit Hit, string Sentence)> Hits);

    /// <summary>
    /// Whether the screen reads the step name's words (<see cref="TaskText.Understanding"/>: most of them English or
    /// glossary words), itself or through its step-code reading. An unread name ("IEDZIVOTAJU_IZVERTEJUMS") takes what
    /// its process description screens as, and gets no vote of the labelled cases: its likeness to other unread names is
    /// that of their letters, not of what they do.
    /// </summary>
    private bool IsReadName(string name, CodeReading? reading)
    {
        var vocabulary = SpellingForm.Vocabulary(Catalogue);
        return TaskText.Understanding(name, vocabulary).IsRead || (reading is not null && TaskText.Understanding(reading.Text, vocabulary).IsRead);
    }

    /// <summary>
    /// From what similarity up a readable step takes a rule its description matched by meaning only, or null when it takes
    /// nothing from its description: a step whose name (its own words, the glossary's reading of them, or its step-code
    /// reading) assesses (<see cref="TaskText.IsAssessmentStep"/>), decides (<see cref="DecisionEvidence"/>) or names the
    /// case's outcome (<see cref="TaskText.NamesTheOutcome"/>, round 18) for the
    /// organisation itself takes them from <see cref="DescribedReadStepMinSimilarity"/> up; a step that only works the
    /// case (<see cref="TaskText.IsCaseWorkStep"/>: it checks, reviews, analyses, identifies, watches, allocates or stops)
    /// is a weaker sign that the described practice happens there and takes them from
    /// <see cref="DescribedCaseWorkStepMinSimilarity"/> up.
    /// </summary>
    private static double? DescribedReadStepFloor(TaskCandidate candidate, CodeReading? reading, string readable)
    {
        if (IsActOfOthers(candidate))
        {
            return null;
        }

        var texts = new List<string> { TaskText.Normalise(candidate.Name) };
        if (!string.Equals(readable, texts[0], StringComparison.OrdinalIgnoreCase))
        {
            texts.Add(readable);
        }

        if (reading is not null)
        {
            texts.Add(reading.Text);
        }

        // Round 25: the name read word by word through the glossary, where the whole name is not read in English.
        if (TaskText.WordByWord(candidate.Name) is var wordByWord && !texts.Contains(wordByWord, StringComparer.OrdinalIgnoreCase))
        {
            texts.Add(wordByWord);
        }

        AddWithoutAccents(texts);

        return AssessesOrDecides(candidate, reading, readable)
            ? DescribedReadStepMinSimilarity
            : texts.Any(TaskText.IsCaseWorkStep) ? DescribedCaseWorkStepMinSimilarity : null;
    }

    /// <summary>
    /// Round 31: each reading also without its accents ("Évaluation personnel" as "evaluation personnel"): a cognate the
    /// glossary leaves as written because it is near English keeps its accent, and the step's acts are read in English
    /// letters, so "Évaluation", "Vérification", "Análisis" name the act "evaluation", "verification", "analysis" does.
    /// Only a reading with accents gains a plain form (a plain reading is left as it is, its capitals included).
    /// </summary>
    private static void AddWithoutAccents(List<string> texts)
    {
        foreach (var text in texts.ToList())
        {
            var plain = string.Join(' ', text.Split(' ').Select(StepGlossary.Fold));
            if (!string.Equals(plain, text.ToLowerInvariant(), StringComparison.Ordinal) && !texts.Contains(plain, StringComparer.OrdinalIgnoreCase))
            {
                texts.Add(plain);
            }
        }
    }

    /// <summary>Whether the step's name (its own words, their glossary reading or its step-code reading) assesses, decides or names the outcome.</summary>
    private static bool AssessesOrDecides(TaskCandidate candidate, CodeReading? reading, string readable)
    {
        var texts = new List<string> { TaskText.Normalise(candidate.Name) };
        if (!string.Equals(readable, texts[0], StringComparison.OrdinalIgnoreCase))
        {
            texts.Add(readable);
        }

        if (reading is not null)
        {
            texts.Add(reading.Text);
        }

        // Round 25: the name read word by word through the glossary, where the whole name is not read in English.
        if (TaskText.WordByWord(candidate.Name) is var wordByWord && !texts.Contains(wordByWord, StringComparer.OrdinalIgnoreCase))
        {
            texts.Add(wordByWord);
        }

        AddWithoutAccents(texts);

        return texts.Any(TaskText.IsAssessmentStep) || texts.Any(TaskText.NamesTheOutcome) || DecisionEvidence(candidate, texts) is { Applies: true };
    }

    /// <summary>
    /// A step whose name is not read (<see cref="TaskText.Understanding"/>: at most half of its words are English or
    /// glossary words, in its readable form and in its step-code reading) and that has no document statements of its own,
    /// in a process with a description, takes the rules the description screens as at its highest tier, as process-context
    /// hits whose evidence says the name was not read and what the description describes. So does a readable step that
    /// assesses or decides (its name evaluates, scores, ranks or classifies, or decides), or, round 17, that works the case
    /// (it checks, reviews, identifies, watches, allocates or stops: <see cref="DescribedReadStepFloor"/>), and that its own
    /// words and its process's domain rate below High: what it assesses or decides is what the description says the process does
    /// (round 16: Croatian "ProcjenaRizika", risk assessment, read once the glossary read Croatian, lost the border check
    /// its description describes). Round 25: the step's act is also read in its name read word by word through the
    /// glossary (<see cref="TaskText.WordByWord"/>), and a step whose words state the act by which a technique on the
    /// person's choices reaches the person (it offers, shows, sends) takes that technique from the description
    /// (<see cref="DeployedTechniques"/>). A rule the step already has is
    /// left as it is. Any other readable step, a step with its own statements and a step of a process without a description
    /// are untouched.
    /// </summary>
    private void AddDescribedProcessHits(List<RiskHit> hits, TaskCandidate candidate, RiskContext context, CodeReading? reading, HashSet<string> soleDecisionStated, HashSet<string> servedUseStated)
    {
        if (candidate.Statements.Count > 0 || !context.ProcessDescriptions.TryGetValue(candidate.Process, out var description)
            || string.IsNullOrWhiteSpace(description))
        {
            return;
        }

        var read = IsReadName(candidate.Name, reading);
        var understanding = TaskText.Understanding(candidate.Name, SpellingForm.Vocabulary(Catalogue));
        var floor = read ? DescribedReadStepFloor(candidate, reading, understanding.Readable) : 0;
        string[] stepTexts = reading is null ? [understanding.Readable, TaskText.WordByWord(candidate.Name)] : [understanding.Readable, reading.Text, TaskText.WordByWord(candidate.Name)];
        var stepWords = new List<string>(stepTexts);
        AddWithoutAccents(stepWords);

        // Round 25: an Art. 5 practice the description states with every legal element in its words, performed by a step
        // whose own name names the practice's act (<see cref="StatesThePracticeTheStepPerforms"/>).
        // A step that only keeps records (files, archives, registers) performs no practice (as it deploys no technique).
        var practices = read && !IsActOfOthers(candidate) && !stepTexts.Any(TaskText.KeepsRecords)
            ? DescriptionFindingOf(candidate.Process, description, context) is { Tier: RiskTier.Prohibited } described
                ? described.Hits.Where(f => StatesThePracticeTheStepPerforms(f.Hit, f.Sentence, stepTexts)).Select(f => f.Hit).ToHashSet()
                : []
            : [];
        var aboveHigh = read && hits.Any(h => h.Applied && h.Tier >= RiskTier.High);

        // Round 31: a High or Prohibited finding whose sentence is about what the step's own words name (the same act or
        // the same object, in the clause of the sentence that carries the finding; <see cref="FindingsOnWhatTheStepNames"/>).
        // A step already High takes only a Prohibited finding so.
        var named = read && ReadsWhatTheStepNames && !IsActOfOthers(candidate)
            ? FindingsOnWhatTheStepNames(DescriptionFindingOf(candidate.Process, description, context), [.. stepWords], description, IsTheOrganisationsAct(candidate, RiskTier.High))
                .Where(h => !aboveHigh || h.Tier == RiskTier.Prohibited).ToHashSet()
            : [];
        if (read && ReadsStatusChanges && !IsActOfOthers(candidate) && stepWords.Any(w => StatusStep().IsMatch(TaskText.Normalise(w))))
        {
            named.UnionWith(DescriptionFindingOf(candidate.Process, description, context).Hits
                .Where(f => StatusChangeStated().IsMatch(f.Sentence) && StatesTheFinding(f.Hit, f.Sentence) && (!aboveHigh || f.Hit.Tier == RiskTier.Prohibited))
                .Select(f => f.Hit));
        }

        // Round 35: a High or Prohibited finding the description states with every legal element, which a read step of the
        // organisation in the process serves (<see cref="FindingsTheStepServes"/>) where it handles a person's case (round
        // 36: it keeps records or communicates, or names a file, form, letter, report...; <see cref="HandlesThePersonsCase"/>).
        var ownSentence = TheStepsOwnSentence(description);
        var served = read && StepsServeTheStatedPractice && !IsActOfOthers(candidate)
            && (stepTexts.Any(HandlesThePersonsCase) || (ReadsTheStepsOwnSentence && ownSentence is not null && HandlesThePersonsCase(ownSentence)))
            ? FindingsTheStepServes(DescriptionFindingOf(candidate.Process, description, context), aboveHigh)
            : [];
        // Round 43: a step rated High only by its own name's meaning ("contract dismissal" near a termination) is not yet
        // firmly High: the labelled cases' vote may still hold that reading back (<see cref="HoldBackMeaningMatchesTheLabelledCasesCallMinimal"/>,
        // which runs after this). Such a step still takes the Art. 22 finding its description states without human
        // involvement (<see cref="TakesStatedSoleDecisionsOverMeaning"/>).
        var firmlyHigh = aboveHigh && (!TakesStatedSoleDecisionsOverMeaning || hits.Any(h => h.Applied && h.Tier >= RiskTier.High
            && !(h.Evidence.Scope == EvidenceScope.Text && h.Evidence.Similarity is not null)));

        // Round 24: a description that states a decision with legal or similarly significant effect taken without
        // meaningful human involvement (nobody reviews, reads or opens the case; the system acts on its own; a person only
        // signs off the whole list: GDPR Art. 22(1), EDPB WP251rev.01) describes a process in which no step is a person's
        // decision: every step of the organisation in it carries out the automated decision, whatever its name says
        // ("Push status change", "Batch done"). Such a step takes the Art. 22 finding (only that one) at any similarity.
        var finding = read && !IsActOfOthers(candidate) ? DescriptionFindingOf(candidate.Process, description, context) : null;
        var sole = firmlyHigh ? null : finding?.Hits.FirstOrDefault(f => f.Hit.Kind == RuleKind.Gdpr22 && Catalogue.Rule(f.Hit.RuleId)!.StatesNoHumanInvolvement(f.Sentence)).Hit;
        if (aboveHigh && practices.Count == 0 && named.Count == 0 && served.Count == 0 && sole is null)
        {
            return;
        }

        var deploys = read && !aboveHigh && !IsActOfOthers(candidate) ? DeployedTechniques(finding, stepTexts) : [];
        var interacts = read && !aboveHigh && !IsActOfOthers(candidate) ? TransparencyDutiesTheStepCarriesOut(finding, stepTexts) : [];
        var stated = read && !aboveHigh && !IsActOfOthers(candidate) ? FindingsStatedOfTheStep(finding, stepTexts) : [];
        if (read && floor is null && sole is null && deploys.Count == 0 && practices.Count == 0 && interacts.Count == 0 && stated.Count == 0 && named.Count == 0 && served.Count == 0)
        {
            return;
        }

        var why = !read
            ? $"step name not read ('{TaskText.Truncate(candidate.Name, 80)}': {understanding.Describe()})"
            : floor is null && sole is null && deploys.Count == 0 && interacts.Count == 0 && stated.Count > 0
                ? $"the process description states what step '{TaskText.Truncate(candidate.Name, 80)}' itself does ('the step ...'): the obligation attaches where the act is done"
            : floor is null && sole is null && deploys.Count == 0
                ? $"step '{TaskText.Truncate(candidate.Name, 80)}' converses with the person or generates the content (it replies, answers, chats, generates), the act to which the transparency duty its process's description states attaches (AI Act Art. 50)"
            : floor is null && sole is null
                ? $"step '{TaskText.Truncate(candidate.Name, 80)}' addresses the person (it offers, shows, sends or tells them something), the act by which the technique its process's description states is deployed (AI Act Art. 5(1)(a)-(b))"
            : floor is null
                ? $"step '{TaskText.Truncate(candidate.Name, 80)}' is a step of a process whose description states the decision is taken without meaningful human involvement (GDPR Art. 22, EDPB WP251rev.01): no step in it is a person's decision"
                : $"step '{TaskText.Truncate(candidate.Name, 80)}' {(AssessesOrDecides(candidate, reading, understanding.Readable) ? "assesses or decides" : "works the case (it checks, reviews, identifies, watches, allocates or stops)")}, and its words and its process's domain say nothing higher";

        finding ??= DescriptionFindingOf(candidate.Process, description, context);
        foreach (var (hit, sentence) in finding.Hits)
        {
            // The rule's own exclusions hold for the step as for an inherited rule: a fraud check in a lending process
            // does not take the description's credit scoring (Annex III 5(b) does not cover fraud detection).
            var solelyAutomated = ReferenceEquals(hit, sole);
            var deployed = deploys.Contains(hit.RuleId);
            var performed = practices.Contains(hit);
            var interacting = interacts.Contains(hit.RuleId) || stated.Contains(hit);
            var namesIt = named.Contains(hit);
            var serves = served.Contains(hit);
            // Round 43: the stated solely automated decision replaces the step's own reading of the same rule by meaning
            // alone (the description states it; the name only resembles it).
            if (solelyAutomated && !firmlyHigh && TakesStatedSoleDecisionsOverMeaning && !stepTexts.Any(Catalogue.Rule(hit.RuleId)!.IsExcluded))
            {
                hits.RemoveAll(h => h.RuleId == hit.RuleId && h.Applied && h.Evidence.Scope == EvidenceScope.Text && h.Evidence.Similarity is not null);
            }

            if (hits.Any(h => h.RuleId == hit.RuleId && (h.Applied || !solelyAutomated) && !IsHeldBackForWantOfAPerson(h)) || stepTexts.Any(Catalogue.Rule(hit.RuleId)!.IsExcluded)
                || (aboveHigh && !performed && !namesIt && !serves && !solelyAutomated)
                || (read && !solelyAutomated && !deployed && !performed && !interacting && !namesIt && !serves && (floor is null || hit.Evidence.Similarity < floor))
                // Lead, round 32: GDPR Art. 22 is a decision based solely on automated processing; a description sentence
                // that resembles one by meaning but says no machine decides ("guarantee claims on faulty bicycles at a
                // bike shop", 0.48 once fresh-r32 joined the index) states no such decision for a deciding step to take.
                || (read && !solelyAutomated && hit.Kind == RuleKind.Gdpr22 && hit.Evidence.Similarity is not null && !AMachineDoesIt().IsMatch(sentence)))
            {
                continue;
            }

            if (solelyAutomated)
            {
                soleDecisionStated.Add(hit.RuleId);
            }

            if (serves && ServedUsesOutlastTheStepsNarrowWords && hit.Kind == RuleKind.HighRisk
                && (stepTexts.Any(t => PersonsCaseFile().IsMatch(t)) || (ownSentence is not null && PersonsCaseFile().IsMatch(ownSentence))))
            {
                servedUseStated.Add(hit.RuleId);
            }

            var how = hit.Evidence.Similarity is { } similarity && hit.Evidence.Exemplar is { } exemplar
                ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $"by meaning, near \"{TaskText.Truncate(exemplar, 100)}\" {similarity:0.00}")
                : hit.Evidence.Scope switch
                {
                    EvidenceScope.ProcessContext => "from the process's domain",
                    EvidenceScope.LabelledCases => "by the labelled cases' vote",
                    _ => "by its words",
                };
            var stepWhy = performed && !deployed && (read && (aboveHigh || floor is null || hit.Evidence.Similarity < floor))
                ? $"step '{TaskText.Truncate(candidate.Name, 80)}' names the act of the practice, and the description states every legal element of it in its words"
                : namesIt && !solelyAutomated && !deployed && !performed && !interacting && (aboveHigh || floor is null || hit.Evidence.Similarity < floor)
                    ? $"step '{TaskText.Truncate(candidate.Name, 80)}' names what the description's sentence stating the finding is about (its act or its object), or is nearer in meaning to the act of that sentence than to any other act or setting the description names, so the act it describes is done at this step"
                    : serves && !solelyAutomated && !deployed && !performed && !interacting && !namesIt && (aboveHigh || floor is null || hit.Evidence.Similarity < floor)
                        ? $"step '{TaskText.Truncate(candidate.Name, 80)}' is a step of the process whose description states this {(hit.Tier == RiskTier.Prohibited ? "practice" : "use")} with every legal element in its words, so it is part of that system (AI Act Art. 3(1); its records and logs are the system's own obligations, Art. 12 and 19) and automating it builds part of it"
                        : why;
            var excerpt = $"{stepWhy}; the process description describes "
                + $"\"{TaskText.Truncate(sentence, 200)}\", which the screen rates {finding.Tier} under {hit.Clause} ({how})";
            hits.Add(hit with
            {
                Evidence = new EvidenceSpan(excerpt, EvidenceScope.ProcessContext, "process " + candidate.Process + " (description)", Exemplar: hit.Evidence.Exemplar, Similarity: hit.Evidence.Similarity),
                Applied = true,
            });
        }
    }

    /// <summary>
    /// Round 31: the High and Prohibited findings of the description whose sentence is about what the step's own words
    /// name. An obligation attaches where its act is done (round 27); a step whose name names the act or the thing acted on
    /// that the sentence stating the practice describes ("grouping customers camera" beside "cameras group shoppers by their
    /// presumed ethnic origin", "claim payouts" beside "a model checks each traveller's claim and pays or refuses it") is that
    /// act's step, whatever else its name says: Annex III and GDPR Art. 22 attach to the use and
    /// the decision, Art. 5 to the placing on the market, putting into service or use of the practice. The sentence is
    /// read clause by clause and only the clause nearest in meaning to the finding's rule counts (the clause that carries
    /// the finding): "members first confirm their postal address, then the renewal screen slips in pictures ..." places
    /// the technique at the renewal screen, not at the address check. The step names it when one of its content words
    /// shares its stem with a word of that clause (<see cref="SharesAStem"/>), or when its words are near that clause in
    /// meaning (<see cref="DescribedNamedClauseMinSimilarity"/>). A step that only keeps records or only communicates is
    /// where nothing is decided (the decision is screened where it is taken), and a step done by others takes nothing.
    /// </summary>
    private HashSet<RiskHit> FindingsOnWhatTheStepNames(DescriptionFinding? finding, string[] stepTexts, string description, bool organisationsAct)
    {
        if (finding is null || finding.Tier < RiskTier.High || _semantic is null || stepTexts.Any(TaskText.KeepsRecordsOrOnlyCommunicates))
        {
            return [];
        }

        var words = StepContentWords(stepTexts);
        if (words.Count == 0)
        {
            return [];
        }

        var named = new HashSet<RiskHit>();
        (string Clause, double Similarity)? nearest = null;
        foreach (var (hit, sentence) in finding.Hits)
        {
            if (!StatesTheFinding(hit, sentence))
            {
                continue;
            }

            var clause = CarryingClause(hit.RuleId, sentence);
            if (NamesAWordOf(words, clause) || StepNearClause(stepTexts, clause) >= DescribedNamedClauseMinSimilarity
                || (ReadsTheNearestClause && organisationsAct && !stepTexts.Any(NamesAPeripheralAct)
                    && (hit.Evidence.Similarity is not { } matched || matched >= Catalogue.Semantic.Threshold(RiskTier.High))
                    && (nearest ??= NearestClause(stepTexts, description)) is { } near
                    && near.Similarity >= DescribedNearestClauseMinSimilarity && string.Equals(near.Clause, clause, StringComparison.Ordinal)))
            {
                named.Add(hit);
            }
        }

        return named;
    }

    /// <summary>
    /// Whether a sentence of the description states a High or Prohibited finding of its own, which a step may take
    /// (<see cref="FindingsOnWhatTheStepNames"/>, <see cref="FindingsTheStepServes"/>).
    /// </summary>
    private bool StatesTheFinding(RiskHit hit, string sentence)
    {
        // Only what the sentence itself states (its words or its meaning): a rule its process's domain passes on
        // ("consumer loan application process" gives the lending domain's 5(b)) is not stated of anything the step
        // names, and passes to the steps that decide or assess through the domain.
        if (hit.Tier < RiskTier.High || hit.Evidence.Scope == EvidenceScope.ProcessContext)
        {
            return false;
        }

        // A sentence of a few words names a setting ("consumer loan application process", "visa applications at a
        // consulate"), not an act done to someone: its finding comes from its subject matter, which a step that
        // completes or files the application also names without doing the use.
        if (sentence.Split(' ', StringSplitOptions.RemoveEmptyEntries).Count(w => w.Any(char.IsLetter)) < MinStatedActWords)
        {
            return false;
        }

        // Lead, round 31: the sentence states the finding with every legal element of the rule in its words (or by the
        // rule's pattern). A finding by nearness alone is a sentence that resembles the rule's exemplars ("claims of
        // policyholders are registered, assessed and paid or rejected" near a solely automated refusal, 0.56; a list of
        // a complaint process's steps near it, 0.40) without saying the practice happens, and naming its object (the
        // claim, the compensation) does not make a step the place of a practice the sentence does not state.
        // GDPR Art. 22 is a decision based solely on automated processing: the sentence must say a machine takes it.
        if ((hit.Evidence.Similarity is not null && !Catalogue.Rule(hit.RuleId)!.HasAllElements(TaskText.Normalise(sentence)))
            || (hit.Kind == RuleKind.Gdpr22 && !AMachineDoesIt().IsMatch(sentence)))
        {
            return false;
        }

        return true;
    }

    /// <summary>
    /// Round 32: whether the step's act is the act of the clause that carries the description's finding: among the
    /// clauses of the description's sentences, the one nearest in meaning to the step's words (any reading) is that
    /// clause. Annex III, GDPR Art. 22 and Art. 5 attach to the use of the system in the process; the description says
    /// what the system does, and a step whose name is closer to that act than to any other act or setting the
    /// description names (a scan, an upload, the shop, the payroll) is where the use is made. A step nearer to another
    /// clause names a different act of the process ("Charge handhelds" beside "each packer's handheld logs every box"),
    /// and one near none of them (below <see cref="DescribedNearestClauseMinSimilarity"/>) says nothing of the use.
    /// Nearness is weaker evidence than a shared word, so the step takes so only a finding stated by the rule's pattern or
    /// matched by meaning at the catalogue's High threshold (at which a meaning match fires on its own): on the whole set
    /// the findings near the rule at 0.34 and 0.44 were a step gathering a studio's own photos read as face scraping and a
    /// benefit freeze read as crime prediction. A step that is the requester's act (a submission, a receipt) or, for a
    /// High finding, a procedural act takes nothing so (<see cref="IsTheOrganisationsAct"/>, as for the vote): "submit
    /// application" is nearest to "candidates apply through the careers page", not to the recruiters' shortlisting.
    /// </summary>
    internal (string Clause, double Similarity)? NearestClause(string[] stepTexts, string description)
    {
        if (_semantic is null)
        {
            return null;
        }

        var clauses = DescriptionSentences(description).SelectMany(Clauses).Distinct(StringComparer.Ordinal).ToList();
        var steps = stepTexts.Where(t => !string.IsNullOrWhiteSpace(t)).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        if (clauses.Count == 0 || steps.Count == 0)
        {
            return null;
        }

        var vectors = _semantic.Embedder.Embed([.. clauses, .. steps]);
        (string Clause, double Similarity)? best = null;
        for (var i = 0; i < clauses.Count; i++)
        {
            var similarity = AutomationScanner.Core.Embeddings.VectorMath.Nearest(vectors[i], vectors[clauses.Count..]).Similarity;
            if (best is null || similarity > best.Value.Similarity)
            {
                best = (clauses[i], similarity);
            }
        }

        return best;
    }

    /// <summary>
    /// Round 32: a step's words nearest to the clause carrying the finding name its act from this similarity up (below
    /// it the step is near none of the description's acts: its nearest clause says nothing of what it does).
    /// </summary>
    public const double DescribedNearestClauseMinSimilarity = 0.25;

    /// <summary>Round 32: whether a read step takes a finding whose carrying clause is the description's clause nearest to its words (<see cref="NearestClause"/>); on by default, off to measure what it adds.</summary>
    public bool ReadsTheNearestClause { get; init; } = true;

    /// <summary>
    /// Round 32: a step whose words name an act beside the use (it archives, prints, pays out, invoices, logs in, notifies,
    /// reminds, backs up), wherever in the name the word stands ("Ticket receipt e-mail", "Belege archivieren" read
    /// "receipts archive"): what is decided is decided elsewhere.
    /// </summary>
    internal static bool NamesAPeripheralAct(string text) => !string.IsNullOrWhiteSpace(text) && PeripheralAct().IsMatch(text);

    [GeneratedRegex(@"\b(archiv\w*|print\w*|invoic\w*|payouts?|pay(s|ing)? out|payments?|payslips?|payroll|refund\w*|receipts?|log-?(in|on|out|off)s?|log(s|ged|ging)? (in|on|out|off)|sign(s|ed|ing)? (in|on|out)|passwords?|notif\w*|remind\w*|newsletters?|back-?ups?|back(s|ed|ing)? up|welcome)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PeripheralAct();

    /// <summary>Round 31: a description sentence states an act (who does what to whom) in at least this many words.</summary>
    public const int MinStatedActWords = 6;

    /// <summary>
    /// Round 31: a step's words near the clause that carries its description's finding from this similarity up name what
    /// the clause is about (docs/ranking.md "Round 31": right takes 0.47-0.58, a step's own other clause 0.81, which is why
    /// only the clause nearest to the rule counts).
    /// </summary>
    public const double DescribedNamedClauseMinSimilarity = 0.5;

    /// <summary>
    /// Round 31: whether a read step takes the High and Prohibited findings of its description whose sentence is about what
    /// its words name (<see cref="FindingsOnWhatTheStepNames"/>); on by default, off to measure what it adds.
    /// </summary>
    public bool ReadsWhatTheStepNames { get; init; } = true;

    /// <summary>The clause of <paramref name="sentence"/> nearest in meaning to the rule (the whole sentence when it has one clause).</summary>
    internal string CarryingClause(string ruleId, string sentence)
    {
        var clauses = Clauses(sentence);
        if (clauses.Count <= 1 || _semantic is null)
        {
            return sentence;
        }

        return clauses.MaxBy(c => _semantic.Scores([new TaskTextItem(c, "description clause")]).FirstOrDefault(m => m.RuleId == ruleId)?.Similarity ?? 0)!;
    }

    /// <summary>The best similarity of the step's words (each reading) to the clause.</summary>
    internal double StepNearClause(string[] stepTexts, string clause)
    {
        if (_semantic is null)
        {
            return 0;
        }

        var texts = stepTexts.Where(t => !string.IsNullOrWhiteSpace(t)).Distinct(StringComparer.OrdinalIgnoreCase).Prepend(clause).ToList();
        var vectors = _semantic.Embedder.Embed(texts);
        return Math.Max(0, AutomationScanner.Core.Embeddings.VectorMath.Nearest(vectors[0], vectors[1..]).Similarity);
    }

    /// <summary>
    /// The clauses of a sentence: split at commas, semicolons, colons and dashes and before "then", "so that", "while" and
    /// "whereas" (the joints between one act and the next); clauses of fewer than three words are joined to the next.
    /// </summary>
    internal static List<string> Clauses(string sentence)
    {
        var clauses = new List<string>();
        var pending = "";
        foreach (var part in ClauseBreak().Split(sentence))
        {
            var text = (pending.Length > 0 ? pending + " " : "") + part.Trim();
            if (text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Count(w => w.Any(char.IsLetter)) < 3)
            {
                pending = text;
                continue;
            }

            clauses.Add(text);
            pending = "";
        }

        if (pending.Length > 0)
        {
            if (clauses.Count > 0)
            {
                clauses[^1] += " " + pending;
            }
            else
            {
                clauses.Add(pending);
            }
        }

        return clauses;
    }

    [GeneratedRegex(@"\s*[,;:\u2013\u2014]\s+|\s+(?=(?:and then|then|so that|while|whereas)\b)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ClauseBreak();

    /// <summary>
    /// The content words of the step's readings: words of at least four letters that are not function words and do not
    /// name the step's bookkeeping (step, process, data, file, status, record, result, outcome...), which every
    /// description's sentences may also use.
    /// </summary>
    internal static HashSet<string> StepContentWords(IEnumerable<string> stepTexts) =>
        [.. stepTexts.SelectMany(t => ContentWord().Matches(t ?? "").Select(m => m.Value.ToLowerInvariant()))
            .Where(w => w.Length >= 4 && !ElementSeeds.StopWords.Contains(w) && !BookkeepingWords.Contains(w))];

    private static readonly HashSet<string> BookkeepingWords = new(
        "step steps process processes data file files status record records result results outcome outcomes list lists entry entries item items form forms task tasks system systems case cases info information detail details value values batch auto automatic new next done".Split(' '),
        StringComparer.OrdinalIgnoreCase);

    [GeneratedRegex(@"\p{L}[\p{L}\p{M}]*")]
    private static partial Regex ContentWord();

    private static bool NamesAWordOf(HashSet<string> stepWords, string clause)
    {
        var clauseWords = ContentWord().Matches(clause).Select(m => m.Value.ToLowerInvariant()).Where(w => w.Length >= 4 && !ElementSeeds.StopWords.Contains(w)).ToList();
        return stepWords.Any(s => clauseWords.Any(c => SharesAStem(s, c)));
    }

    /// <summary>
    /// Two words share a stem when one begins the other (at least four letters: "camera" / "cameras", "group" / "grouping")
    /// or they agree in their first five letters or more and differ only in an ending of at most three letters
    /// ("evaluation" / "evaluate", "termination" / "terminated").
    /// </summary>
    internal static bool SharesAStem(string a, string b)
    {
        var common = 0;
        while (common < a.Length && common < b.Length && a[common] == b[common])
        {
            common++;
        }

        var shorter = Math.Min(a.Length, b.Length);
        return (common == shorter && shorter >= 4) || (common >= 5 && shorter - common <= 3 && Math.Max(a.Length, b.Length) - common <= 5);
    }

    /// <summary>
    /// Round 25: the practices on the person's choices (AI Act Art. 5(1)(a)-(b): rules with an act addressed to the person,
    /// <see cref="RuleDefinition.AddressedAct"/>) that the process's description states, and that the step's own name
    /// deploys: its words state the rule's act addressed to the person (it offers, shows, displays, sends, advertises,
    /// upsells, nudges, calls) or its technique. A manipulative or exploitative technique is deployed where the content
    /// reaches the person, so the step that shows the offer or sends the message is where the described practice is done
    /// (Art. 5(1)(a) "deploys ... techniques", (b) "exploits any of the vulnerabilities"), whatever the similarity of the
    /// description's match: the rule is the description's own finding. A step that only keeps records (files, archives,
    /// registers) deploys nothing; the decision rules (Annex III, Art. 22) of the description still pass only to steps that
    /// assess, decide or work the case.
    /// </summary>
    private HashSet<string> DeployedTechniques(DescriptionFinding? finding, string[] stepTexts)
    {
        if (finding is null || stepTexts.Any(TaskText.KeepsRecords))
        {
            return [];
        }

        return [.. finding.Hits.Select(f => Catalogue.Rule(f.Hit.RuleId)!)
            .Where(r => r.Definition.AddressedAct.Count > 0 && !r.TechniqueUnread(stepTexts))
            .Select(r => r.Definition.Id)];
    }

    /// <summary>
    /// Round 27: the transparency findings (AI Act Art. 50: rules of kind <see cref="RuleKind.CustomerFacing"/>) that the
    /// process's description states and that the step's own name carries out. Art. 50(1) attaches to the AI system
    /// "intended to interact directly with natural persons", 50(2) to the system "generating synthetic ... text content":
    /// the duty lies where the conversation or the generation is done, so a step whose words state that act (it replies,
    /// responds, answers, chats, talks, holds the dialogue, is the assistant or bot, or generates or synthesises;
    /// <see cref="TaskText.ConversesOrGenerates"/>) takes the description's Art. 50 finding whatever the similarity of
    /// the description's match: the rule is the description's own finding. A step that only keeps records (files,
    /// archives, prints) carries out nothing; a benign description (staff answer the customers) states no Art. 50 finding,
    /// so the same step name there takes nothing, and nor does one whose sentence does not say a system talks or writes
    /// (Art. 50 binds providers and deployers of AI systems, Art. 3(1)); a description whose finding is High or Prohibited keeps only those
    /// rules, which pass to a step as before (assesses, decides, works the case, deploys).
    /// </summary>
    private static HashSet<string> TransparencyDutiesTheStepCarriesOut(DescriptionFinding? finding, string[] stepTexts)
    {
        if (finding is null || stepTexts.Any(TaskText.KeepsRecords) || !stepTexts.Any(TaskText.ConversesOrGenerates))
        {
            return [];
        }

        return [.. finding.Hits.Where(f => f.Hit.Kind == RuleKind.CustomerFacing && AMachineDoesIt().IsMatch(f.Sentence) && !NoSystemActs().IsMatch(f.Sentence)).Select(f => f.Hit.RuleId)];
    }

    // Art. 50 binds providers and deployers of AI systems (Art. 3(1): a machine-based system): the description's
    // sentence must say a system does the talking or the writing ("answered by an AI assistant", "a language model
    // replies", "with a text generator"), not the staff.
    [GeneratedRegex(@"\b(ai|a\.i\.|artificial intelligence|system|tool|model|software|program|programme|algorithm|bot|chat ?bot|voice ?bot|engine|generator|generative|automatic\w*|automated|machine|app|virtual|avatar|llm|gpt)s?\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex AMachineDoesIt();

    /// <summary>
    /// Round 27: the High findings of the description that a sentence states of the step itself: its subject is the step
    /// ("the step sets the contracts ... to 'not renewed'", "this step ends a picker's season contract"). What the
    /// description says the step does is what the step does, whatever the step's name (a label, an abbreviation, "Set
    /// status"): Annex III and GDPR Art. 22 attach to the act (the decision, the grant or refusal, the evaluation), and the
    /// sentence places the act at this step. Art. 5 findings keep their own test (<see cref="StatesThePracticeTheStepPerforms"/>,
    /// every legal element stated); a step that only keeps records (files, archives, prints) takes nothing.
    /// </summary>
    private static HashSet<RiskHit> FindingsStatedOfTheStep(DescriptionFinding? finding, string[] stepTexts)
    {
        if (finding is null || finding.Tier != RiskTier.High || stepTexts.Any(TaskText.KeepsRecords))
        {
            return [];
        }

        return [.. finding.Hits.Where(f => f.Hit.Tier == RiskTier.High && TheStepIsTheSubject().IsMatch(f.Sentence)).Select(f => f.Hit)];
    }

    [GeneratedRegex(@"\b(the|this) (process )?step\b(?! (before|after|that follows|that precedes))", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex TheStepIsTheSubject();

    /// <summary>
    /// Round 43: whether an Annex III use that a step takes because it serves the use the description states (its
    /// records, its files; <see cref="FindingsTheStepServes"/>) stays applied when the step's own words are a narrow
    /// procedural task (Art. 6(3)(a): it registers, files, records). The served rule reads the step as part of the
    /// system; Art. 6(3) weighs that system ("software proposes the outcome of each complaint ... the board member adopts
    /// the proposal in nearly every case" materially influences the decision), not the filing step's verb. Before, the
    /// filter lifted every such finding of a record-keeping step to Limited, which undid the served rule for exactly the
    /// steps it was written for. Off to measure what it adds.
    /// </summary>
    public bool ServedUsesOutlastTheStepsNarrowWords { get; init; } = true;

    /// <summary>
    /// The file of a person's case that a record-keeping step keeps (<see cref="ServedUsesOutlastTheStepsNarrowWords"/>):
    /// the case file, the dossier, the register, the application, the claim. A monthly report or a statistic sums many
    /// cases and is no part of any one decision; a step that compiles it keeps its Art. 6(3) lift (round 35).
    /// </summary>
    [GeneratedRegex(@"\b(files?|dossiers?|cases?|records?|registers?|papers|evidence|applications?|claims?|complaints?)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PersonsCaseFile();

    /// <summary>
    /// Round 43: whether a step whose High tier rests only on its own name's meaning (a text match by similarity, no
    /// pattern, no domain, no description) still takes the GDPR Art. 22 finding its process description states without
    /// meaningful human involvement. Such a reading may be held back later by the labelled cases' vote ("contract
    /// dismissal" near "Stop payment" and "APP_DECL", rated Minimal), and the step then lost both its own reading and the
    /// stated decision ("the model predicts which customers will not pay, and their supply contracts are ended and the
    /// meters switched off without anyone reviewing them"). Off to measure what it adds.
    /// </summary>
    public bool TakesStatedSoleDecisionsOverMeaning { get; init; } = true;

    /// <summary>
    /// Round 43: whether a step that only sets a status ("Set status", "Update status", "Change state") takes a High or
    /// Prohibited finding whose sentence states, with every legal element, that a status is set or changed ("when the
    /// absence model predicts more than twenty sick days for a mechanic ... the mechanic's status is changed to 'contract
    /// ended'"): the status change is the act by which the decision takes effect, and the step that sets it is where
    /// that act is done. The step's words alone are bookkeeping (<see cref="StepContentWords"/> leaves "status" out, so
    /// the nearest-clause reading cannot see it); the pair of the status step and the stated status change is specific.
    /// Off to measure what it adds.
    /// </summary>
    public bool ReadsStatusChanges { get; init; } = true;

    /// <summary>A step name that sets or changes a status and says nothing else.</summary>
    [GeneratedRegex(@"^\s*(set|sets|setting|change|changes|changing|update|updates|updating|switch|switches|move|moves)\s+(the\s+|a\s+)?(status|state)\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex StatusStep();

    /// <summary>A sentence that states a status is set or changed: "status is changed to", "sets the status to", "status becomes".</summary>
    [GeneratedRegex(@"\b(status|state)\s+(is|was|are|were|gets?|got)\s+(then\s+)?(changed|set|updated|switched|moved|turned)\s+to\b|\b(sets?|changes?|switch(es)?|updates?|moves?|turns?)\s+(the\s+|their\s+|its\s+|his\s+|her\s+)?([\w'’-]+\s+){0,2}(status|state)\s+to\b|\b(status|state)\s+(becomes|changes\s+to|switches\s+to)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex StatusChangeStated();

    /// <summary>
    /// Round 43: whether the description's sentence about the step itself ("At the letter-post sorting centre, this step
    /// produces the printed weekly rota", "This step stores the call audio") counts as the step's own words when the screen
    /// asks whether the step handles the persons' case (<see cref="HandlesThePersonsCase"/>): a coded name
    /// ("Planificare_Ture", read as "schedule shift") says less of what the step handles than the client's sentence about
    /// it. Off to measure what it adds.
    /// </summary>
    public bool ReadsTheStepsOwnSentence { get; init; } = true;

    /// <summary>The first sentence of the description whose subject is the step (<see cref="TheStepIsTheSubject"/>), or null.</summary>
    private static string? TheStepsOwnSentence(string description) =>
        DescriptionSentences(description).FirstOrDefault(s => TheStepIsTheSubject().IsMatch(s));

    /// <summary>
    /// Round 25: whether a process description's Art. 5 finding is a practice the step performs. An Art. 5 practice is the
    /// conjunction of its legal elements (the setting, the purpose, the "solely", the real-time and public-space conditions;
    /// <see cref="RuleDefinition.Elements"/>, written from the Act and recitals 28-45): the description's sentence must state
    /// every element of one of the rule's alternatives in its own words (not by meaning, not by the labelled cases' vote),
    /// and the step's own name must name the practice's act (<see cref="SemanticRuleMatcher.ActOf"/>: reading the moods,
    /// scoring the residents, predicting the offence, categorising the faces), by its pattern or by meaning against the
    /// element's seeds. Such a step takes the Art. 5 finding whatever else its name and its domain give it: an Annex III or
    /// Art. 22 finding of the same step (emotion recognition within biometrics, a refusal by social score) is the use the
    /// practice lies within, not a reason to rate it lower. Exceptions of the point are the rule's <c>unless</c>, read on
    /// the sentence when it was screened and on the step's words here.
    /// </summary>
    private bool StatesThePracticeTheStepPerforms(RiskHit hit, string sentence, IReadOnlyList<string> stepTexts) =>
        hit.Tier == RiskTier.Prohibited && _semantic is not null && Catalogue.Rule(hit.RuleId) is { } rule
        && rule.HasAllElements(sentence) && !rule.IsExcluded(sentence)
        && stepTexts.Any(t => !rule.IsExcluded(t) && _semantic.ActOf(rule, t) is { Length: > 0 });

    private DescriptionFinding DescriptionFindingOf(string process, string description, RiskContext context) =>
        _descriptions.GetValue(context, _ => new ConcurrentDictionary<string, Lazy<DescriptionFinding>>(StringComparer.Ordinal))
            .GetOrAdd(process + "\u001f" + description, _ => new Lazy<DescriptionFinding>(() => ScreenDescription(process, description, context)))
            .Value;

    private DescriptionFinding ScreenDescription(string process, string description, RiskContext context)
    {
        var top = RiskTier.Minimal;
        var found = new List<(RiskHit Hit, string Sentence)>();
        var sentences = DescriptionSentences(description);
        var label = ReadsSettingLabelsAsSettings && sentences.Count > 0 && IsSettingLabel(sentences[0]) ? sentences[0] : null;
        foreach (var (sentence, later) in DescriptionReadings(sentences))
        {
            if (later is not null && !APairMayAddTo(later))
            {
                continue;
            }

            var assessment = Assess(new TaskCandidate(sentence, process), context, [], readsDescription: false);
            var asLabel = later is null && ReferenceEquals(sentence, label);
            var carried = assessment.Hits.Where(h => h.Applied && h.Kind is not (RuleKind.Displacement or RuleKind.WorkerInformation or RuleKind.LlmFlag
                or RuleKind.NarrowProceduralFilter or RuleKind.ProfilingOverride)
                && (later is null || StatedAcrossThePair(h, sentence))
                && (!asLabel || h.Tier < RiskTier.High || (h.Evidence.Similarity is null && h.Evidence.Scope != EvidenceScope.LabelledCases))).ToList();
            var tier = TierOf(carried);
            if (tier == RiskTier.Minimal || tier < top)
            {
                continue;
            }

            if (tier > top)
            {
                top = tier;
                found.Clear();
            }

            // Round 43: a finding first read in one sentence that does not state it (the sentence resembles the rule, or has
            // the act without the setting: "every face in the live feeds is checked against the police's wanted list",
            // the public space named in the sentence before) takes the evidence of a pair that states it with every
            // legal element in its words (<see cref="StatesTheFinding"/>): the two sentences are where the description
            // states the practice, and the steps that take a stated finding read that evidence.
            if (later is not null && ReadsStatingPairs)
            {
                for (var i = 0; i < found.Count; i++)
                {
                    if (carried.FirstOrDefault(h => h.RuleId == found[i].Hit.RuleId && h.Tier == tier) is { } restated
                        && !StatesTheFinding(found[i].Hit, found[i].Sentence) && StatesTheFinding(restated, sentence))
                    {
                        found[i] = (restated, sentence);
                    }
                }
            }

            found.AddRange(carried.Where(h => h.Tier == tier && !found.Any(f => f.Hit.RuleId == h.RuleId)).Select(h => (h, sentence)));
        }

        return new DescriptionFinding(top, found);
    }

    /// <summary>
    /// Round 38: whether a description's first sentence that is only a setting label (<see cref="IsSettingLabel"/>:
    /// "Bookbinding school final exam.", "Sepia infant school.") is read as the setting it names, not as a practice: its
    /// High and Prohibited findings by meaning (or by the labelled cases' vote) are not carried as the description's, and
    /// its findings by a rule's own pattern are. A label at a lower tier is kept: a setting may itself reveal special
    /// categories of data ("gospel choir, members' register": religious belief, GDPR Art. 9). The label still gives the
    /// process its domain, and joined with each later sentence (<see cref="DescriptionReadings"/>) it still brings the
    /// setting and the persons to what that sentence states in its words. On by default, off to measure what it does.
    /// </summary>
    public bool ReadsSettingLabelsAsSettings { get; init; } = true;

    /// <summary>
    /// Whether <paramref name="sentence"/> is a setting label: at most <see cref="MaxSettingLabelWords"/> words, no verb
    /// of the common finite forms (is, are, has, does, can, will, uses...), no system named (software, a model, a tool,
    /// an app) and no act of evaluating or deciding (<see cref="TaskText.NamesAnAssessmentOrDecision"/>): a heading that
    /// names who the organisation is and what the process handles.
    /// </summary>
    internal static bool IsSettingLabel(string sentence) =>
        sentence.Split(' ', StringSplitOptions.RemoveEmptyEntries).Count(w => w.Any(char.IsLetter)) <= MaxSettingLabelWords
        && !LabelVerbOrSystem().IsMatch(sentence) && !TaskText.NamesAnAssessmentOrDecision(TaskText.Normalise(sentence));

    /// <summary>Round 38: the most words a setting label has (<see cref="IsSettingLabel"/>).</summary>
    public const int MaxSettingLabelWords = 8;

    [GeneratedRegex(@"\b(is|are|was|were|be|been|being|has|have|had|does|do|did|can|could|will|would|may|might|must|shall|should|gets?|got|uses?|used|runs?|lets?|makes?|made|takes?|took|gives?|gave|keeps?|kept|sends?|sent|reads?|writes?|wrote|puts?|shows?|tells?|told|asks?|says?|said|decides?|checks?|works?|helps?|wants?|needs?|goes|went|comes?|came|becomes?|where|which|who|that|when|because|if|then|we|it|they|our|software|model|models|tool|tools|system|systems|program|programme|app|apps|algorithm|algorithms|ai|bot|chatbot|platform|camera|cameras|automat\w*)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex LabelVerbOrSystem();

    /// <summary>
    /// Round 35: whether a description is also read two sentences at a time (<see cref="DescriptionReadings"/>). On by
    /// default since round 36: measured alone on the whole set (index as shipped, served-practice rule on) it gained 9
    /// and lost 2 (a probation model on convictions read as crime prediction; a conference hall's door cameras read as
    /// Art. 5(1)(h) identification outside law enforcement), and moved 2 (one of them up, wrongly: a grammar tool tidying
    /// an admissions panel's finished letters read as High), once a pair may not add to a sentence that leaves the
    /// decision to a person (<see cref="APairMayAddTo"/>). Off to measure what it adds.
    /// </summary>
    public bool ReadsSentencePairs { get; init; } = true;

    /// <summary>
    /// Round 43: whether a finding first read in one sentence that does not state it takes the evidence of a later pair of
    /// sentences that does (<see cref="ScreenDescription"/>). A client states the setting in one sentence and the practice
    /// in the next ("The step processes the feeds from the cameras at the main bus and train interchange. Since the
    /// summer every face in the live feeds is checked against the police's wanted list"); the single sentence reaches the
    /// tier by meaning, the pair has every legal element. Off to measure what it adds.
    /// </summary>
    public bool ReadsStatingPairs { get; init; } = true;

    /// <summary>
    /// What a description is screened as: each of its sentences, then (round 35, <see cref="ReadsSentencePairs"/>) its
    /// first sentence joined with each later one and each sentence joined with the one before it. A description states a
    /// practice's legal elements across its sentences as a client tells it: the setting first ("Maple syrup bottling
    /// plant."), then what is measured ("Scanner data measure each packer's output per minute"), then what follows from it
    /// ("the league table each month settles bonuses and who receives a warning letter"); no sentence alone has the
    /// person, the act and the effect, while the whole description, screened as one text, has them (context cases,
    /// round 34: the whole description rated the practice where the sentences did not in 21 of the 35 Prohibited or High
    /// cases rated lower). Two sentences keep the evidence local: a long description read whole dilutes each act with
    /// every other, and a setting joined with a sentence about something else states nothing new. A single sentence's
    /// finding is kept before a pair's at the same tier (its evidence is the narrower one). A pair adds only what it is
    /// read for (<see cref="StatedAcrossThePair"/>).
    /// </summary>
    private IEnumerable<(string Text, string? Later)> DescriptionReadings(List<string> sentences)
    {
        foreach (var sentence in sentences)
        {
            yield return (sentence, null);
        }

        if (!ReadsSentencePairs)
        {
            yield break;
        }

        for (var i = 1; i < sentences.Count; i++)
        {
            yield return (Joined(sentences[0], sentences[i]), sentences[i]);
            if (i >= 2)
            {
                yield return (Joined(sentences[i - 1], sentences[i]), sentences[i]);
            }
        }

        static string Joined(string first, string second) =>
            first.TrimEnd().EndsWith('.') || first.TrimEnd().EndsWith('!') || first.TrimEnd().EndsWith('?') ? first.TrimEnd() + " " + second : first.TrimEnd() + ". " + second;
    }

    /// <summary>
    /// Round 35: a finding of two sentences read together counts only where it is a High or Prohibited finding whose
    /// legal elements the two sentences state in their words (or the rule's pattern found across them): a pair read by
    /// meaning alone is two sentences' topics averaged (on the whole set such findings were benign processes: a magazine's
    /// renewal as manipulation, a suit maker's client card as task allocation, street-light fault reports as critical
    /// infrastructure), and a Limited finding needs no second sentence.
    /// </summary>
    private bool StatedAcrossThePair(RiskHit hit, string pair) =>
        hit.Tier >= RiskTier.High
        && (hit.Evidence.Similarity is null && hit.Evidence.Scope != EvidenceScope.LabelledCases
            || Catalogue.Rule(hit.RuleId) is { } rule && rule.HasAllElements(TaskText.Normalise(TaskText.WithoutNegatedPractices(pair) ?? pair)));

    /// <summary>
    /// Round 36: whether a pair may add to its later sentence at all. The earlier sentence brings the setting and the
    /// people; it cannot undo what the later sentence says of the system's own part: a later sentence that says no system
    /// acts, or that leaves the assessment or decision to a person after the system's act ("the software only sorts the
    /// letters by file number; caseworkers decide everything", "admission is decided by the teachers' committee, which
    /// reads every application", Art. 6(3)(d)), states no machine's use with its setting that it did not state alone. On
    /// the whole set the pairs read so were a visa mailroom's sorting and a college's form scanning, read as a migration
    /// or an education decision taken by a machine. A passive whose agent is the system ("applications are read by the
    /// model") leaves nothing to a person. Measured and dropped: also skipping a later sentence whose own reading Art.
    /// 6(3) lifts lost a bottling plant's league table that "settles bonuses and who receives a warning letter" (the
    /// sentence alone was lifted as a narrow measuring task, wrongly).
    /// </summary>
    private static bool APairMayAddTo(string later) =>
        !NoSystemActs().IsMatch(later)
        && (TaskText.AssessmentLeftToAPerson(later) is not { } left
            || (PassiveAuxiliary().IsMatch(left.Who) && PassiveBySystem().IsMatch(later[(later.IndexOf(left.Span, StringComparison.Ordinal) + left.Span.Length)..])));

    /// <summary>The end of a passive's subject ("posts are", "admission is"): what follows is done to it, by the agent after "by".</summary>
    [GeneratedRegex(@"\b(is|are|was|were|be|been|being|gets?|got)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PassiveAuxiliary();

    /// <summary>A passive's agent that is the system: "by the model", "by scoring software".</summary>
    [GeneratedRegex(@"^\s*by\s+(the\s+|a\s+|an\s+|its\s+|our\s+)?([\w-]+\s+){0,2}?(model|software|system|tool|algorithm|program|programme|AI|machine|app|bot|engine|computer)s?\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PassiveBySystem();

    /// <summary>
    /// The first <see cref="MaxDescriptionSentences"/> sentences of a description (split at a full stop, question or
    /// exclamation mark before a capital, and at line breaks), each cut at <see cref="MaxDescriptionSentenceLength"/>
    /// characters; fragments of fewer than <see cref="MinDescriptionWords"/> words (a heading, a process's name such as
    /// "procure-to-pay") describe nothing and are left out.
    /// </summary>
    internal static List<string> DescriptionSentences(string description) =>
        [.. SentenceBreak().Split(description)
            .Select(s => Collapse(s).Trim())
            .Where(s => s.Split(' ', StringSplitOptions.RemoveEmptyEntries).Count(w => w.Any(char.IsLetter)) >= MinDescriptionWords)
            .Take(MaxDescriptionSentences)
            .Select(s => s.Length <= MaxDescriptionSentenceLength ? s : s[..MaxDescriptionSentenceLength])];

    [GeneratedRegex(@"(?<=[.!?])\s+(?=\p{Lu})|\s*[\r\n]+\s*")]
    private static partial Regex SentenceBreak();
}
