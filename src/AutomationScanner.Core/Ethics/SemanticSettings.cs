namespace AutomationScanner.Core.Ethics;

/// <summary>How meaning-based matches fire: a threshold per tier, and the margin over ordinary work.</summary>
public sealed record SemanticSettings
{
    public IReadOnlyDictionary<RiskTier, double> Thresholds { get; set; } = new Dictionary<RiskTier, double>();

    /// <summary>The best rule exemplar must beat the nearest ordinary-work exemplar by this much.</summary>
    public double Margin { get; init; }

    /// <summary>
    /// The margin over ordinary work for a text that has every legal element of the rule in its own words (by pattern,
    /// none by meaning); without a value the general <see cref="Margin"/> applies. May be negative.
    /// </summary>
    public double WordElementMargin { get; set; } = 1.0;

    /// <summary>A rule fires by meaning only when its similarity is within this distance of the nearest rule's.</summary>
    public double Competition { get; set; } = 1.0;

    /// <summary>Descriptions of ordinary work that carries no risk: the counterweight to the rule exemplars.</summary>
    public IReadOnlyList<string> MinimalExemplars { get; set; } = [];

    public double Threshold(RiskTier tier) => Thresholds.TryGetValue(tier, out var value) ? value : 1.0;

    /// <summary>
    /// Lower thresholds for a text that has every legal element of the rule (asymmetric: rating a Prohibited or High
    /// practice lower costs more than rating ordinary work higher). Without an entry the tier's threshold applies.
    /// </summary>
    public IReadOnlyDictionary<RiskTier, double> ElementThresholds { get; set; } = new Dictionary<RiskTier, double>();

    public double ElementThreshold(RiskTier tier) => ElementThresholds.TryGetValue(tier, out var value) ? value : Threshold(tier);

    /// <summary>
    /// The lowest similarity at which a text that has every legal element of a Prohibited or High rule fires it when that
    /// rule is also the nearest in meaning of all rules (and beats ordinary work by the margin): the words name each
    /// element and no other rule reads closer, even where the model places a paraphrase far from every exemplar.
    /// Without a value (1.0) only the element threshold applies.
    /// </summary>
    public double NearestElementThreshold { get; set; } = 1.0;

    /// <summary>
    /// A legal element counts as present by meaning when a word or adjacent word pair of the text has at least this
    /// similarity to one of the element's seed words (<see cref="ElementSeeds"/>); 1.0 (the default) switches it off.
    /// </summary>
    public double ElementWordThreshold { get; set; } = 1.0;

    /// <summary>How many legal elements of one alternative may be found by meaning; the others need their pattern.</summary>
    public int MaxElementsByMeaning { get; set; } = 1;

    /// <summary>
    /// Round 23: how far a Prohibited or High rule must be nearer to a text than every other rule (and at its tier's
    /// element threshold) for every element of an alternative but one to be found by meaning
    /// (<see cref="MaxElementsByMeaning"/> otherwise). 1 (the default) turns it off.
    /// </summary>
    public double ClearNearestMargin { get; set; } = 1.0;

    /// <summary>
    /// For a Prohibited rule whose Annex III parent (<see cref="RuleDefinition.WithinRule"/>) is the nearest rule: the
    /// stricter word similarity at which one of its elements counts as found by meaning (a look-alike seed such as
    /// "gender" ~ "sexual" must not make a categorisation by age and sex one by sexual orientation). 1 turns it off.
    /// </summary>
    public double WithinRuleElementWordThreshold { get; set; } = 1.0;

    /// <summary>
    /// For a rule whose meaning may stand for one element (<see cref="RuleDefinition.MeaningStandsForOneElement"/>): the
    /// similarity at which a text that is nearest to that rule of all rules, and has every other element of one of its
    /// alternatives in words, fires it. 1 turns this off.
    /// </summary>
    public double PartialElementThreshold { get; set; } = 1.0;

    /// <summary>
    /// For the same path: how far the rule must beat the nearest ordinary-work exemplar. A description is distinctive
    /// of the practice when it is far nearer to the rule than to any ordinary work, whatever its absolute similarity
    /// (a paraphrase in everyday words sits lower on the model's scale than one in the Act's words). Without a value
    /// the general <see cref="Margin"/> applies.
    /// </summary>
    public double PartialElementMargin { get; set; }

    /// <summary>
    /// For the same path: the fewest words a text needs. A short step name ("Stop payment") cannot describe a technique
    /// or a vulnerable group in other words; meaning stands for an element only in a description.
    /// </summary>
    public int PartialElementMinWords { get; set; }

    /// <summary>
    /// A word or adjacent word pair of a task at this similarity or more to a seed of <see cref="ElementSeeds.NonPersons"/>
    /// (document, clause, template...), while no word or word pair is that near a seed of <see cref="ElementSeeds.Persons"/>,
    /// makes the task's subject a document or written text: the rules about persons
    /// (<see cref="RuleDefinition.AboutPersons"/>) it matched by meaning alone are held back. 1.0 (the default) turns it off.
    /// </summary>
    public double NonPersonThreshold { get; set; } = 1.0;

    /// <summary>
    /// Round 25: a role noun of a task ("chauffeur's", "kennel handlers", "each couple's") whose nearest seed of
    /// <see cref="ElementSeeds.PersonKinds"/> is at this similarity or more, nearer than every thing, animal, document and
    /// organisation seed, is read as that kind of person (a worker, a student, an applicant, a customer, a person) in one
    /// more view of the text, matched for the High rules about persons only. 1.0 (the default) turns it off.
    /// </summary>
    public double PersonKindThreshold { get; set; } = 1.0;

    /// <summary>
    /// Round 26: in a text that states a term of work (<see cref="SemanticRuleMatcher.StatesATermOfWork"/>: pay, a
    /// bonus, shifts, a rota, a contract, promotion, dismissal; AI Act Annex III 4(b) and recital 57), a role noun of the
    /// <see cref="SemanticRuleMatcher.PersonKindView"/> form that is read as no other kind of person is read as a worker
    /// ("each cook's", "a chauffeur's contract", "the walkers"), unless it reads as an organisation or a thing at this
    /// similarity or more. 1.0 (the default) turns the reading off.
    /// </summary>
    public double OccupationNonWorkerThreshold { get; set; } = 1.0;

    /// <summary>
    /// Round 30: with the reading of round 26 on, a head noun of the O*NET occupation titles (<see cref="OccupationNouns"/>:
    /// "mechanics", "divers", "midwives", "technicians") names an occupation whatever its ending, in the plural or after a
    /// word that picks one person among several; and besides a term of work, a decision on work that Annex III 4(b) names
    /// (tasks allocated, assigned or handed out; the relationship terminated: let go, laid off, kept on) lets an occupation
    /// be read as a worker. False (the default) turns both off.
    /// </summary>
    public bool ListedOccupations { get; set; }
}
