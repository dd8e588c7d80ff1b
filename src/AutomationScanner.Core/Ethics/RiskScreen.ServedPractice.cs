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
    /// step's own name is peripheral (it logs, prints, compiles, forwards). Off by default: measured on the whole set it
    /// gained 2 and lost 0 (fresh-r35: 0 and 0), but it breaks a round-32 guard (RiskDescribedPracticeRound32Tests, the
    /// crawler step "Zber_tvári_web" falls below Prohibited), not yet explained; left for the next round.
    /// </summary>
    public bool StepsServeTheStatedPractice { get; init; }

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
        if (!StepsServeTheStatedPractice || finding is null || finding.Tier < RiskTier.High)
        {
            return [];
        }

        var served = new HashSet<RiskHit>();
        foreach (var (hit, sentence) in finding.Hits)
        {
            if (hit.Tier < RiskTier.High || (aboveHigh && hit.Tier < RiskTier.Prohibited) || hit.Evidence.Scope == EvidenceScope.ProcessContext
                || sentence.Split(' ', StringSplitOptions.RemoveEmptyEntries).Count(w => w.Any(char.IsLetter)) < MinStatedActWords
                || (hit.Evidence.Similarity is { } similarity
                    && (similarity < Catalogue.Semantic.Threshold(RiskTier.High) || !Catalogue.Rule(hit.RuleId)!.HasAllElements(TaskText.Normalise(sentence))))
                || !(AMachineDoesIt().IsMatch(sentence) || SensingDevice().IsMatch(sentence)) || NoSystemActs().IsMatch(sentence)
                || (TaskText.WithoutNegatedPractices(sentence) is { } affirmed && !Catalogue.Rule(hit.RuleId)!.HasAllElements(TaskText.Normalise(affirmed))))
            {
                continue;
            }

            served.Add(hit);
        }

        return served;
    }

    /// <summary>A device that senses or recognises people (the machine of the biometric practices): cameras, scanners, sensors, face or voice recognition.</summary>
    [GeneratedRegex(@"\b(cameras?|cctv|scanners?|sensors?|microphones?|recogni[sz]\w*|biometric\w*)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SensingDevice();
}
