using System.Text.RegularExpressions;
using AutomationScanner.Core.Model;

namespace AutomationScanner.Core.Ethics;

public sealed partial class RiskScreen
{
    /// <summary>Round 37: the Art. 5(1)(h) practice and the Annex III 1 use it lies within.</summary>
    internal const string RealTimeRemoteIdentificationRule = "P5c-realtime-remote-biometric-identification";

    internal const string RemoteBiometricIdentificationRule = "H5a-biometrics";

    internal const string CrimePredictionRule = "P5a-crime-prediction-by-profiling";

    internal const string LawEnforcementRule = "H5c-law-enforcement";

    /// <summary>
    /// Round 37: whether the two readings of a law-enforcement practice's legal limits run
    /// (<see cref="HoldBackRemoteIdentificationForAnOperatorsOwnClientele"/>, <see cref="HoldBackCrimePredictionOnObjectiveFacts"/>);
    /// on by default, off to measure what they do.
    /// </summary>
    public bool ReadsLawEnforcementLimits { get; init; } = true;

    /// <summary>
    /// Round 37 (issue 12): Art. 5(1)(h) prohibits the use of real-time remote biometric identification in publicly
    /// accessible spaces "for the purposes of law enforcement" (Art. 3(45): by or on behalf of a competent authority, to
    /// prevent, investigate, detect or prosecute criminal offences). A venue, park, casino or club that identifies its own
    /// ticket holders, guests, members or banned patrons from a distance is remote biometric identification under Annex
    /// III 1(a), High, not the prohibited practice. Where the task's words and its process's description name the
    /// operator's own clientele and no law-enforcement purpose at all (no police or officers, crime, fines, suspect, wanted
    /// person, watch list, court or investigation), an applied 5(1)(h) finding is recorded, not applied, with a note, and
    /// the Annex III 1 use is applied in its place with the same evidence. A text that names neither (a crowd at a station) keeps its finding:
    /// the purpose is unknown, and the consultant must ask. On the whole set before this rule, four written cases of a
    /// venue's own visitors (a bingo hall's self-excluded guests, a karting track's banned drivers, a conference hall's
    /// ticket buyers, an adventure park's pass holders, all labelled High) were rated Prohibited.
    /// </summary>
    private List<RiskHit> HoldBackRemoteIdentificationForAnOperatorsOwnClientele(List<RiskHit> hits, TaskCandidate candidate, string? description)
    {
        if (!ReadsLawEnforcementLimits || !hits.Any(h => h.Applied && h.RuleId == RealTimeRemoteIdentificationRule))
        {
            return hits;
        }

        var texts = OwnTextsAndDescription(candidate, description);

        if (texts.Any(t => LawEnforcementPurpose().IsMatch(t)) || !texts.Any(t => OperatorsOwnClientele().IsMatch(t)))
        {
            return hits;
        }

        const string note = "Art. 5(1)(h): the words name the operator's own visitors, guests, members or ticket holders and no law-enforcement purpose (police or officers, crime, fines, suspects, wanted persons, a watch list); the practice concerns use for law enforcement, so the step is screened as remote biometric identification under Annex III 1(a). Ask who uses the matches and for what.";
        return PracticeRecordedAndUseApplied(hits, RealTimeRemoteIdentificationRule, RemoteBiometricIdentificationRule, note);
    }

    /// <summary>
    /// Round 37 (issue 12): Art. 5(1)(d) prohibits assessing the risk that a person commits a criminal offence "based
    /// solely on the profiling of a natural person or on assessing their personality traits and characteristics"; it does
    /// not apply to systems that support the human assessment of a person's involvement in a criminal activity "which is
    /// already based on objective and verifiable facts directly linked to a criminal activity" (recital 42). A reoffending
    /// estimate from a person's convictions, criminal record or the facts of the case is Annex III 6(d), High. Where a
    /// text of the task (its words or its process's description) grounds the estimate in such facts and no text names a
    /// ground of profiling or personality (personality, temperament, character or traits, a questionnaire, family,
    /// upbringing, nationality, origin, ethnicity, religion, neighbourhood, friends, debts, "alone", "purely"), an applied
    /// 5(1)(d) finding is recorded, not applied, and the law-enforcement use is applied in its place. On the whole set,
    /// 25 written reoffending estimates from records are labelled High (Annex III 6), and every 5(1)(d) case that names a
    /// conviction or a record also names a ground of profiling; a resettlement office's release plan "based on their
    /// convictions and behaviour in prison" and police weighing an arrested man's earlier sentences were rated Prohibited.
    /// </summary>
    private List<RiskHit> HoldBackCrimePredictionOnObjectiveFacts(List<RiskHit> hits, TaskCandidate candidate, string? description)
    {
        if (!ReadsLawEnforcementLimits || !hits.Any(h => h.Applied && h.RuleId == CrimePredictionRule))
        {
            return hits;
        }

        var texts = OwnTextsAndDescription(candidate, description);

        if (!texts.Any(t => ObjectiveFactsOfACrime().IsMatch(t)) || texts.Any(t => GroundOfProfiling().IsMatch(t)))
        {
            return hits;
        }

        const string note = "Art. 5(1)(d): the estimate rests on objective, verifiable facts linked to a criminal activity (convictions, the criminal record, the facts of the case) and the words name no ground of profiling or personality; such an assessment is not the prohibited practice (recital 42) but a law-enforcement use under Annex III 6(d). Check that no personality, origin or social data enter the model.";
        return PracticeRecordedAndUseApplied(hits, CrimePredictionRule, LawEnforcementRule, note);
    }

    /// <summary>The applied findings of <paramref name="practice"/> recorded, not applied, with <paramref name="note"/>, and <paramref name="use"/> applied with the practice's evidence where no finding of it is applied.</summary>
    private List<RiskHit> PracticeRecordedAndUseApplied(List<RiskHit> hits, string practice, string use, string note)
    {
        var result = new List<RiskHit>(hits.Count + 1);
        RiskHit? held = null;
        foreach (var hit in hits)
        {
            if (hit.Applied && hit.RuleId == practice)
            {
                held ??= hit;
                result.Add(hit with { Applied = false, Note = note });
                continue;
            }

            result.Add(hit);
        }

        if (held is not null && !result.Any(h => h.Applied && h.RuleId == use) && Catalogue.Rule(use) is { } rule)
        {
            var definition = rule.Definition;
            result.Add(new RiskHit(definition.Id, definition.Title, definition.Kind, definition.Tier, definition.Clause, held.Evidence, definition.Safeguards, Note: note));
        }

        return result;
    }

    /// <summary>A purpose of law enforcement (Art. 3(45)): the police, officers or another authority, crime, fines, suspects, wanted or missing persons, a watch list, a court or an investigation.</summary>
    [GeneratedRegex(@"\b(police\w*|policing|law[- ]enforcement|officers?|gendarm\w*|constab\w*|carabinier\w*|sheriffs?|detectives?|bailiffs?|customs|immigration|fines?|(traffic|speeding|parking) tickets|prosecut\w*|wanted|suspect(s|ed)?|fugitiv\w*|criminals?|crimes?|offen[cs]es?|offenders?|terror\w*|arrest\w*|warrants?|watch ?lists?|(missing|abducted|kidnapped) (persons?|people|child\w*|girls?|boys?|wom[ae]n|m[ae]n)|abduct\w*|kidnap\w*|border (guards?|police|control)|investigat\w*|courts?|judges?|magistrates?|shoplift\w*|thie(f|ves)|theft|burglar\w*|robber\w*|authorit(y|ies)|state security|intelligence service)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex LawEnforcementPurpose();

    /// <summary>
    /// An operator's own clientele: its ticket or pass holders, guests, visitors, members or patrons, or those it has
    /// banned or excluded. "Customers" and "clients" are left out: a text about anyone's services names them ("... for
    /// disabled customers" added to a police search must not make it a venue's own matter).
    /// </summary>
    [GeneratedRegex(@"\b((ticket|pass|season[- ]ticket|membership|card)[- ]?holders?|ticket[- ]?buyers?|(bought|booked|paid for|holds?|have|has) (a |an |their |his |her )?(tickets?|passes|memberships?|season tickets?)|guests?|visitors?|members|patrons?|self[- ]?exclu\w*|exclusion (register|list)|banned|barred)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex OperatorsOwnClientele();

    /// <summary>Objective facts of a criminal activity a reoffending estimate may rest on: convictions, a criminal or offence record, earlier sentences, the facts or circumstances of the case.</summary>
    [GeneratedRegex(@"\b(convictions?|criminal (records?|histor(y|ies))|(offen[cs]e|police|prison|court) records?|records? of (\w+ ){0,2}(offen[cs]es|crimes|convictions)|(earlier|previous|past|prior) (sentences|offen[cs]es|crimes|breaches)|facts of the (case|crime|offen[cs]e)|circumstances of the (case|crime|offen[cs]e|incident)|details of (the|this) (\w+ ){0,2}(case|crime|offen[cs]e))\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ObjectiveFactsOfACrime();

    /// <summary>Grounds of profiling or personality (Art. 5(1)(d)) besides the facts of a crime.</summary>
    [GeneratedRegex(@"\b(personality|temperament\w*|character|traits?|questionnaires?|quiz\w*|psycholog\w*|famil(y|ies)|upbringing|parents|grew up|nationality|national origin|origin|home country|ethnic\w*|race|religio\w*|neighbourhoods?|neighborhoods?|where (they|he|she) lives?|postcodes?|friends|acquaintances|social media|debts?|income|poverty|appearance|alone|purely|solely|only from)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex GroundOfProfiling();
}
