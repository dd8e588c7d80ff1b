namespace AutomationScanner.Core.Ethics;

/// <summary>A rule as written in the catalogue data file.</summary>
public sealed record RuleDefinition
{
    public required string Id { get; init; }

    public required string Title { get; init; }

    public required RuleKind Kind { get; init; }

    public required RiskTier Tier { get; init; }

    public required string Clause { get; init; }

    public required DateOnly AppliesFrom { get; init; }

    /// <summary>A later date agreed politically but not yet law (Digital Omnibus), when there is one.</summary>
    public DateOnly? DeferredTo { get; init; }

    public string Source { get; set; } = "";

    public IReadOnlyList<EvidenceScope> Scope { get; set; } = [];

    public IReadOnlyList<Safeguard> Safeguards { get; set; } = [];

    /// <summary>Alternatives; within one alternative every pattern must match the same evidence text.</summary>
    public IReadOnlyList<IReadOnlyList<string>> Triggers { get; set; } = [];

    /// <summary>Patterns that, when present in the evidence text, stop the rule (e.g. the medical exception).</summary>
    public IReadOnlyList<string> Unless { get; set; } = [];

    /// <summary>
    /// For matches by meaning: a pattern the text must also contain, the legal element the practice needs (the
    /// workplace or school for Art. 5(1)(f), "real time" for Art. 5(1)(h)). Pattern matches do not need it.
    /// </summary>
    public IReadOnlyList<string> Requires { get; set; } = [];

    /// <summary>
    /// The practice's legal elements, written from the article or Annex III point (for Art. 5(1)(a): a manipulative or
    /// deceptive technique and a distorted decision): alternatives, each a list of patterns that must all match one
    /// text. A text that has every element of one alternative needs only the lower element threshold to fire by
    /// meaning, and the nearest-rule competition is waived: the elements, not the wording, carry the match.
    /// </summary>
    public IReadOnlyList<IReadOnlyList<string>> Elements { get; set; } = [];

    /// <summary>The legal reference in the evaluation set's vocabulary ("AIA III 5(b)", "GDPR 22").</summary>
    public string Ref { get; set; } = "";

    /// <summary>Descriptions of the practice written from the legal text; tasks are matched to them by meaning.</summary>
    public IReadOnlyList<string> Exemplars { get; set; } = [];

    /// <summary>
    /// Whether the rule's elements are descriptive only (no subject, setting or purpose condition, as Art. 5(1)(a)-(b)):
    /// then the text's clear nearness to the rule as a whole may stand for one element its words do not state
    /// (<see cref="SemanticSettings.PartialElementThreshold"/>).
    /// </summary>
    public bool MeaningStandsForOneElement { get; set; }

    /// <summary>
    /// For rules whose other elements carry the legal condition (the workplace or school for Art. 5(1)(f); the absence
    /// of human review and the matter of significant effect for Art. 22): per element alternative, the indices of the
    /// elements that only describe the act (infer, decide...) and that the text's clear nearness to the rule may stand
    /// for, under the same conditions as <see cref="MeaningStandsForOneElement"/>. The condition elements still need
    /// their words. Empty: none.
    /// </summary>
    public IReadOnlyList<IReadOnlyList<int>> MeaningStandsForAct { get; set; } = [];

    /// <summary>
    /// Round 24: per element alternative, the indices of the elements that state the practice's act, as its article or
    /// Annex III point words it ("analyse and filter job applications, and evaluate candidates", Annex III 4(a); "evaluate
    /// the creditworthiness", 5(b); "allocate tasks", "monitor and evaluate", 4(b); "evaluate and classify ... dispatch",
    /// 5(d); "deploy ... techniques", "exploit ... vulnerabilities", Art. 5(1)(a)-(b)). The labelled cases' vote reads
    /// what a step is about from its nearest cases; the act must be the step's own (<see cref="RiskScreen"/>). Empty: the
    /// vote asks for no act.
    /// </summary>
    public IReadOnlyList<IReadOnlyList<int>> ActElements { get; set; } = [];

    /// <summary>
    /// Round 27: for a Limited rule, the indices of the element alternatives whose elements are the rule's whole legal
    /// condition (Art. 50(2) and (4): a synthetic voice or video of a real person, generated images, a language model's text
    /// published; GDPR Art. 35's personal data of named persons collected or sent): stated in the text's own words, with the
    /// rule the nearest in meaning, they fire it below its tier's element threshold, as the elements of a High rule do.
    /// An alternative that is broader than the rule's tier definition is not listed: C1's contact with any person (staff
    /// and "their" included, where the tier names customers, citizens and patients) is not; its copy without the
    /// organisation's own staff and the bare possessives is.
    /// </summary>
    public IReadOnlyList<int> ElementsSuffice { get; set; } = [];

    /// <summary>
    /// Round 26: per element alternative, per element, words that state the element as the Act's definitions and recitals
    /// word it (Art. 5(1)(h): "without a significant delay", Art. 3(42) and recital 17; "open to the public", Art. 3(44) and
    /// recital 19). They are seeds only: an element is read by meaning against them, beside the seeds its pattern yields
    /// (<see cref="ElementSeeds.ForCatalogue"/>), never by pattern. Empty: the pattern's seeds only.
    /// </summary>
    public IReadOnlyList<IReadOnlyList<IReadOnlyList<string>>> DefinitionSeeds { get; set; } = [];

    /// <summary>
    /// Round 26: per element alternative, the indices of the elements that name the persons the practice protects by
    /// their kind (the workplace or education institution of Art. 5(1)(f): workers, staff, students, pupils), which the
    /// person-by-kind reading of round 25 may state (<see cref="SemanticRuleMatcher.PersonKindView"/>: "the jewellers'
    /// counter assistants" as workers). Every other element of the alternative still needs its words in the text as
    /// written. Empty: a Prohibited practice takes nothing from that reading.
    /// </summary>
    public IReadOnlyList<IReadOnlyList<int>> KindViewElements { get; set; } = [];

    /// <summary>
    /// Round 31: per element alternative, the indices of the elements that an occupation named by an O*NET head noun
    /// (<see cref="OccupationNouns.NamesWorkers"/>: "the marshals", "each apprentice", "the deckhands") states as well
    /// as their pattern: Art. 5(1)(f)'s "areas of workplace and education institutions" are where persons work at their
    /// trade, whatever the trade is called. Empty: no element is read so.
    /// </summary>
    public IReadOnlyList<IReadOnlyList<int>> OccupationElements { get; set; } = [];

    /// <summary>
    /// Round 40: per element alternative, the indices of the elements (the workers an employment decision or monitoring
    /// concerns, Annex III 4(b)) that any occupation the text names states as well as their pattern
    /// (<see cref="OccupationNouns.NamesAnOccupation"/>: "the linesmen", "lane attendants", "each hygienist"): a decision on
    /// promotion or pay concerns persons at work whatever their trade is called. Empty: no element is read so.
    /// </summary>
    public IReadOnlyList<IReadOnlyList<int>> WorkerElements { get; set; } = [];

    /// <summary>
    /// Round 22, for a technique deployed on the person's own choices (Art. 5(1)(a)-(b): a subliminal, manipulative or
    /// deceptive technique, or the exploitation of a vulnerability, that distorts what the person does): the words of an
    /// act addressed to the person or of the person's own acting (something shown, said, sent, offered, priced, played or
    /// designed for them; their buying, paying, signing, staking). The technique itself is the first element of each of
    /// the rule's alternatives. A text with neither the technique nor such an act in its words describes no technique:
    /// what it states is done about the person (a benefit stopped, an application turned down, an account closed), which
    /// the decision rules judge. The rule is then not matched by meaning at all, so it is not the nearest rule either.
    /// Empty: no such condition.
    /// </summary>
    public IReadOnlyList<string> AddressedAct { get; set; } = [];

    /// <summary>
    /// Round 24, for GDPR Art. 22: the element (its alternative and index in <see cref="Elements"/>) that states the
    /// decision is taken without meaningful human involvement (no one reviews, reads or opens the case, the system acts on
    /// its own, a sign-off of the whole list; EDPB WP251rev.01). A process description whose sentence applies the rule
    /// with this element in its words describes a process in which no person decides: its steps take that finding
    /// (<see cref="RiskScreen"/>). Empty: none.
    /// </summary>
    public IReadOnlyList<int> NoHumanInvolvementElement { get; set; } = [];

    /// <summary>
    /// For an Art. 5 practice that is a particular case of an Annex III use (biometric categorisation by a sensitive
    /// trait within Annex III 1(b), emotion recognition at work within 1(c), live identification within 1(a), crime
    /// prediction by profiling within Annex III 6(d)): the id of that Annex III rule. A text nearest to the parent use
    /// may still have the practice's elements; an element found by meaning then counts for this rule too, at
    /// <see cref="SemanticSettings.WithinRuleElementWordThreshold"/>. Null: none.
    /// </summary>
    public string? WithinRule { get; set; }

    /// <summary>
    /// Round 28: further Annex III uses in whose setting the Art. 5 practice lies by one of its own elements (emotion
    /// recognition "in the areas of workplace and education institutions", Art. 5(1)(f) and recital 44: Annex III 3 and
    /// 4; live identification "for the purpose of law enforcement", Art. 5(1)(h): Annex III 6). A text whose nearest rule
    /// is such a use is read for the practice's elements as a text nearest to <see cref="WithinRule"/> is (one element
    /// by meaning at <see cref="SemanticSettings.WithinRuleElementWordThreshold"/>, every other in the text's words), so
    /// that where every element is stated the practice, not the use it lies within, applies. Empty: none.
    /// </summary>
    public IReadOnlyList<string> WithinUses { get; set; } = [];

    /// <summary>Whether <paramref name="ruleId"/> is <see cref="WithinRule"/> or one of <see cref="WithinUses"/>.</summary>
    public bool LiesWithin(string? ruleId) =>
        ruleId is not null && (string.Equals(ruleId, WithinRule, StringComparison.Ordinal) || WithinUses.Contains(ruleId, StringComparer.Ordinal));

    /// <summary>
    /// For an Annex III use defined by who makes it (education and vocational training institutions, point 3; law
    /// enforcement, migration and border authorities and the judiciary, points 6-8): the domains of the catalogue whose
    /// processes are such uses. In a process of another known domain a match by meaning alone does not apply unless the
    /// task's own words name the rule's subject matter (its first legal element): "Grade file" in an insurer's claims
    /// process is not education. Empty: any process.
    /// </summary>
    public IReadOnlyList<string> Sectors { get; set; } = [];

    /// <summary>
    /// Whether the rule concerns natural persons only (a decision on a person, their employment, education, credit,
    /// insurance, benefits, their social score): a match by meaning alone on a task that names no person and whose
    /// subject reads as a document or written text ("Grade the file format", "Score the draft contract's clauses") is
    /// recorded, not applied (<see cref="SemanticSettings.NonPersonThreshold"/>).
    /// </summary>
    public bool AboutPersons { get; set; }

    /// <summary>
    /// Whether the rule concerns installations rather than people (Annex III point 2: a safety component in the operation
    /// of critical infrastructure). Its finding says nothing about whose data a step processes, so it neither restores an
    /// inherited personal-data finding nor counts as a finding on persons read by meaning. Before round 24 the screen
    /// told this rule apart by comparing its reference with "AIA III 2".
    /// </summary>
    public bool ConcernsInstallations { get; set; }

    /// <summary>
    /// Round 25: whether the rule is about biometric data (AI Act Art. 3(34): personal data from the physical,
    /// physiological or behavioural characteristics of a natural person; Annex III point 1, Art. 5(1)(e)-(h)). A task
    /// whose subject is an animal and that names no person ("face recognition for the tortoises") does not take it, by
    /// pattern either: an animal's face is no natural person's biometric data.
    /// </summary>
    public bool ConcernsBiometricData { get; set; }
}
