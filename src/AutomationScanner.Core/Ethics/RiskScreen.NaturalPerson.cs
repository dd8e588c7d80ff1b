using System.Text.RegularExpressions;
using AutomationScanner.Core.Model;

namespace AutomationScanner.Core.Ethics;

public sealed partial class RiskScreen
{
    /// <summary>Round 33: whether the GDPR and Art. 50 findings need their natural person (on by default; off to measure what it does).</summary>
    public bool GdprFindingsNeedANaturalPerson { get; init; } = true;

    /// <summary>Round 34: whether the Annex III findings of the rules about persons need their natural person as well (on by default; off to measure what it does).</summary>
    public bool AnnexPersonFindingsNeedANaturalPerson { get; init; } = true;

    /// <summary>
    /// Round 33: the GDPR findings (personal data, GDPR Art. 4(1) and 35; special categories, Art. 9; a solely automated
    /// decision, Art. 22) and the contact finding (AI Act Art. 50(1), an AI system that interacts with natural persons)
    /// each need a natural person: the data subject, the person decided about, the person the system talks to. Where the
    /// step's texts (its name, its statements, its readings) and its process's description name no natural person
    /// (<see cref="SemanticRuleMatcher.NamesAPerson"/>, read with the phrases that name a legal person taken out: "the
    /// customer company's master data" names a company), and they name the party the step acts on as one that is no
    /// natural person - a legal person (firms, suppliers, limited companies, business customers, a customer company), an
    /// animal (<see cref="ElementSeeds.AnimalName"/>), or totals (<see cref="TaskText.StatesAggregateData"/>) - these findings are recorded, not applied, whatever gave them (the
    /// words, the meaning, the process's domain, the labelled cases). A sole trader, a self-employed person or a
    /// one-person business is a natural person (WP29 Opinion 4/2007): such words keep every finding. Rules of the AI Act
    /// (Art. 5) are left to their own hold-backs. Round 34: the Annex III findings of the rules about persons
    /// (<see cref="RuleDefinition.AboutPersons"/>: recruitment, decisions on workers, education, public benefits,
    /// creditworthiness and insurance of natural persons, biometrics) and the profiling override are held back the same
    /// way (<see cref="AnnexPersonFindingsNeedANaturalPerson"/>): their use is one on natural persons (Annex III 4,
    /// 5(a)-(c): candidates, workers, natural persons; 1: biometric data of natural persons), and a limited company's
    /// credit rating, subcontracting firms whose contracts end or an animal identified from its markings is none.
    /// </summary>
    private List<RiskHit> HoldBackGdprFindingsWithoutANaturalPerson(List<RiskHit> hits, TaskCandidate candidate, string? description, CodeReading? reading)
    {
        if (!GdprFindingsNeedANaturalPerson || _semantic is null || !hits.Any(NeedsANaturalPerson))
        {
            return hits;
        }

        var texts = OwnTextsWithReadings(candidate, reading);

        if (description is { Length: > 0 })
        {
            texts.Add(description);
        }

        if (texts.Any(t => SoleTrader().IsMatch(t)))
        {
            return hits;
        }

        // The party: the first text that names one that is no natural person. Machines, vehicles and goods are not read
        // so (measured: number plates, car parks, boats and drones are where persons' data and decisions are).
        string? party = null;
        foreach (var text in texts)
        {
            party = LegalPerson().Match(text) is { Success: true } firm ? $"'{firm.Value}' names a legal person"
                : ElementSeeds.AnimalName(text) is { } animal ? $"'{animal}' names an animal"
                : PlantOrDish().Match(text) is { Success: true } thing ? $"'{thing.Value}' names a plant or a dish"
                : CandidateThing().Match(text) is { Success: true } things ? $"'{things.Value}' names candidates that are no persons"
                : TaskText.StatesAggregateData(text) ? "its data are stated to be totals"
                : null;
            if (party is not null)
            {
                break;
            }
        }

        var legalPerson = party?.EndsWith("names a legal person", StringComparison.Ordinal) == true;
        if (party is null)
        {
            return hits;
        }

        // Round 38: in a text that singles out animals one by one, a pronoun is the animal's ("each sow by the pattern of
        // her ears"); "raw fish for them" keeps its pronoun.
        // Round 48: where a text names the candidates as things ("the candidates are eight plots of land"), the step's
        // other "candidate" words are those things too: a glossary reading of "GraduatoriaCandidati" ("ranking candidate")
        // names no person beside them.
        var candidatesAreThings = texts.Any(t => CandidateThing().IsMatch(t));
        var withoutFirms = texts.Select(t => LegalPerson().Replace(CandidateThing().Replace(t, " "), " "))
            .Select(t => candidatesAreThings ? CandidateWord().Replace(t, " ") : t)
            .Select(t => ElementSeeds.NamesAnimalsOneByOne(t) ? ThirdPersonPronoun().Replace(t, " ") : t).ToList();
        var personNamed = withoutFirms.Any(_semantic.NamesAPerson);
        // Contact (Art. 50(1)) with a legal person: the staff who make it are not the persons contacted.
        var contactedNamed = personNamed && (!legalPerson || withoutFirms.Any(t => _semantic.NamesAPerson(OwnStaff().Replace(t, " "))));
        if (personNamed && contactedNamed)
        {
            return hits;
        }

        return [.. hits.Select(h => NeedsANaturalPerson(h) && (!personNamed || (h.Kind == RuleKind.CustomerFacing && !contactedNamed))
            ? h with { Applied = false, Note = h.Kind is RuleKind.HighRisk or RuleKind.ProfilingOverride
                ? $"The step and its process name no natural person, and the party acted on is none ({party}): {h.Clause} is a use on natural persons (candidates, workers, students, applicants, borrowers, the persons whose biometric data are read)."
                : $"The step and its process name no natural person, and the party acted on is none ({party}): {h.Clause} concerns an identified or identifiable natural person (GDPR Art. 4(1); AI Act Art. 50(1): natural persons)." }
            : h)];
    }

    [GeneratedRegex(@"\b(he|she|him|her|hers|his|they|them|their|theirs)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ThirdPersonPronoun();

    [GeneratedRegex(@"\bcandidates?\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex CandidateWord();

    // Round 46: candidates that are things, places or firms ("candidate sites for the wind farm are ranked", "candidate
    // clay suppliers are removed from the shortlist"): "candidate" is read as a person otherwise (a job candidate).
    [GeneratedRegex(@"\bcandidates? (([\w-]+ ){0,2}(sites?|locations?|suppliers?|vendors?|contractors?|firms?|compan(y|ies)|materials?|products?|sources?|routes?|designs?|drugs?|compounds?|molecules?|genes?|plots?|parcels?|fields?|buildings?|premises|venues?|areas?|regions?|technolog(y|ies)|solutions?|models?|projects?|proposals?|bids?|tenders?|names?|logos?|samples?|varieties|strains?|wells?|sites))\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex CandidateThing();

    // Round 45: plants and dishes as the party acted on: a greenhouse's "plant biometric measurements ... of lettuce
    // seedlings", the allergens "each dish on the menu contains" are no person's data (GDPR Art. 4(1), 9(1)). Bounded
    // alternatives only; a "plant" alone is as often a factory and is not read.
    [GeneratedRegex(@"\b(seedlings?|saplings?|crops|shrubs|orchards?|vineyards?|plant (biometric\w*|growth|heights?|health|leaf|leaves|stems?|roots?|diseases?|measurements?)|(lettuce|tomato|potato|cucumber|pepper|strawberry|wheat|maize|grape|apple|cabbage|bean|herb|flower|house|pot(ted)?) (plants?|seedlings?|crops?)|(each|every|which|what|the) (dish|recipe|meal|menu item)s?( on (the|its|our) menu)?|dishes|recipes|menu items)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PlantOrDish();

    /// <summary>The step's own texts: its name (normalised) and its statements, in that order.</summary>
    private static List<string> OwnTexts(TaskCandidate candidate) => [.. candidate.Statements.Select(s => s.Text).Prepend(TaskText.Normalise(candidate.Name))];

    /// <summary>The step's own texts (<see cref="OwnTexts"/>) and its process's description, where it has one.</summary>
    private static List<string> OwnTextsAndDescription(TaskCandidate candidate, string? description)
    {
        var texts = OwnTexts(candidate);
        if (!string.IsNullOrWhiteSpace(description))
        {
            texts.Add(description);
        }

        return texts;
    }

    /// <summary>The step's own texts (<see cref="OwnTexts"/>) with its step-code reading and its glossary reading, where it has them.</summary>
    private static List<string> OwnTextsWithReadings(TaskCandidate candidate, CodeReading? reading)
    {
        var texts = OwnTexts(candidate);
        if (reading is not null)
        {
            texts.Add(reading.Text);
        }

        if (TaskText.GlossaryReadingOf(candidate.Name) is { } glossary)
        {
            texts.Add(glossary.Text);
        }

        return texts;
    }

    private bool NeedsANaturalPerson(RiskHit hit) =>
        hit.Applied && (hit.Kind is RuleKind.PersonalData or RuleKind.Gdpr9 or RuleKind.Gdpr22 or RuleKind.CustomerFacing
            || (AnnexPersonFindingsNeedANaturalPerson && hit.Kind is RuleKind.HighRisk or RuleKind.ProfilingOverride && Catalogue.Rule(hit.RuleId) is { Definition.AboutPersons: true }));

    // A legal person as the party acted on: firms, companies, businesses in the plural (a singular "the company" is as
    // often the one that acts), a customer, client, partner or supplier that is a company, a business counterparty,
    // suppliers, vendors, subcontractors, resellers. Bounded alternatives only (the texts are untrusted).
    [GeneratedRegex(@"\b((business|corporate|trade|commercial|wholesale|b2b)[\s-](customers?|clients?|partners?|accounts?|buyers?)|(customer|client|partner|member|supplier|subcontracting|limited|incorporated|reseller)\s(company|firm|corporation|enterprise|business)|companies|firms|corporations|enterprises|businesses|suppliers?|vendors?|subcontractors?|resellers?|wholesalers|distributors)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex LegalPerson();

    // The deployer's own staff: for a contact finding (Art. 50(1)) with a legal person as the party, the persons who make
    // the contact are not those contacted, and the plural possessive that refers to them ("staff email their suppliers").
    [GeneratedRegex(@"\b(staff|employees?|workers?|clerks?|personnel|colleagues?|buyers?|their)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex OwnStaff();

    // A business that is a natural person.
    [GeneratedRegex(@"\b(sole (traders?|proprietors?|proprietorships?)|self-employed|freelanc\w{0,6}|one-(person|man|woman) (business|firm|compan(y|ies))|individual entrepreneurs?|family business)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SoleTrader();
}
