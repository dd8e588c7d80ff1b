using System.Text.RegularExpressions;

namespace AutomationScanner.Core.Ethics;

/// <summary>
/// Round 35: a step of a process whose description states a prohibited practice or a high-risk use takes it, whatever the
/// step itself does.
/// </summary>
public sealed partial class RiskScreen
{
    /// <summary>
    /// Round 35, a product rule: whether a read step of the organisation takes the High and Prohibited findings its process's
    /// description states with every legal element in its words (<see cref="FindingsTheStepServes"/>), also where the
    /// step's own name is peripheral (it logs, prints, compiles, forwards). On by default since round 36: measured on the
    /// whole set it gained 2 and lost 0 (fresh-r35: 0 and 0). Round 35 left it off because a round-32 guard failed with
    /// it; round 36 read the failure: the guard's "before" screen (the nearest-clause reading off) already rated the
    /// crawler step Prohibited through this rule, so the guard's "before is lower" no longer held, while the step's tier
    /// was right; the guard now measures its own reading with this rule off. Off to measure what it adds.
    /// </summary>
    public bool StepsServeTheStatedPractice { get; init; } = true;

    /// <summary>
    /// The High and Prohibited findings of the description that a read step of the organisation serves. An AI system is the
    /// system as a whole (AI Act Art. 3(1)): the records a high-risk system keeps and the logs it writes are its own
    /// obligations (Art. 12, 19, 26(6)), and an Art. 5 practice is prohibited in its placing on the market, putting into
    /// service and use, not in one act of it. A step that compiles the night report of a process in which cameras identify
    /// every face live, or records the applications a model then ranks, is part of that system: a consultant who recommends
    /// automating it recommends building part of the practice, so the step carries the practice's tier with the
    /// description's sentence as evidence. The step does not take a finding the description only resembles: the sentence
    /// states the finding by the rule's pattern, or with every legal element of the rule in its words and near the rule
    /// at the catalogue's High threshold, at which a meaning match fires on its own (a step that does not name the act is
    /// weaker evidence than one that does, <see cref="FindingsOnWhatTheStepNames"/>: on the whole set the findings below it
    /// that steps took were wrong, a studio gathering its own photos read as face scraping at 0.34, a benefit freeze as
    /// crime prediction at 0.44, a staff appraisal as manipulation at 0.32); the sentence says a machine does it (the AI
    /// Act and GDPR Art. 22 attach to a system, Art. 3(1)) and not that no system is used ("loan officers decide
    /// themselves; no scoring model is used"), and the practice's elements are still there once the clauses the
    /// sentence negates are left out (<see cref="TaskText.WithoutNegatedPractices"/>); a sentence of a few words (a
    /// setting) states no use, and a rule its domain passes on is the domain's, not a stated practice. A step already High takes only a Prohibited finding; a step done by others (the applicant's
    /// submission) takes nothing.
    /// </summary>
    private HashSet<RiskHit> FindingsTheStepServes(DescriptionFinding? finding, bool aboveHigh)
    {
        if (finding is null || finding.Tier < RiskTier.High)
        {
            return [];
        }

        var served = new HashSet<RiskHit>();
        foreach (var (hit, sentence) in finding.Hits)
        {
            if (!StatesTheFinding(hit, sentence) || (aboveHigh && hit.Tier < RiskTier.Prohibited)
                || hit.Evidence.Similarity < Catalogue.Semantic.Threshold(RiskTier.High)
                || !(AMachineDoesIt().IsMatch(sentence) || SensingDevice().IsMatch(sentence)) || NoSystemActs().IsMatch(sentence)
                || (TaskText.WithoutNegatedPractices(sentence) is { } affirmed && !Catalogue.Rule(hit.RuleId)!.HasAllElements(TaskText.Normalise(affirmed))))
            {
                continue;
            }

            served.Add(hit);
        }

        return served;
    }

    /// <summary>
    /// Round 36: whether the step handles the case of the persons the practice is about: it keeps records or communicates
    /// (files, archives, prints, sends), or its words name a document or record of a case (a file, a form, a letter, a
    /// report, a list, a rota, an application, an offer). Those are the records and outputs a system keeps and issues
    /// (AI Act Art. 12, 19, 26(6)); a step that orders supplies or charges devices ("Order labels", "Charge handhelds" of
    /// a cold store whose software ranks packers by speed) does nothing with anyone's case and is not part of the
    /// practice's system. Round 35's rule had no such condition; on the whole set and fresh-r36 every step it gained
    /// handles a case (opens the client file, writes the loyalty file, digitises the forms, sends the offer letter).
    /// </summary>
    private static bool HandlesThePersonsCase(string stepText)
    {
        var normalised = TaskText.Normalise(stepText);
        return TaskText.KeepsRecordsOrOnlyCommunicates(normalised) || CaseDocument().IsMatch(normalised);
    }

    /// <summary>A document or record of a person's case.</summary>
    [GeneratedRegex(@"\b(files?|dossiers?|records?|forms?|letters?|reports?|lists?|rotas?|sheets?|cards?|profiles?|applications?|pass|passes|offers?|proposals?|cases?|documents?|papers?|registers?|registrations?|recordings?|minutes|notes|statements?|invoices?|calls?|entries|entry|digests?|summar(y|ies)|certificates?|notices?|fines?|decisions?)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex CaseDocument();

    /// <summary>A device that senses or recognises people (the machine of the biometric practices): cameras, scanners, sensors, face or voice recognition.</summary>
    [GeneratedRegex(@"\b(cameras?|cctv|scanners?|sensors?|microphones?|recogni[sz]\w*|biometric\w*)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SensingDevice();
}
