using System.Text.RegularExpressions;
using AutomationScanner.Core.Model;

namespace AutomationScanner.Core.Ethics;

public sealed partial class RiskScreen
{
    /// <summary>Round 38: the Art. 5(1)(c) practice and the two Annex III 4 uses a score of candidates or workers is.</summary>
    internal const string SocialScoringRule = "P2-social-scoring";

    internal const string RecruitmentRule = "H1-recruitment";

    internal const string WorkerEvaluationRule = "H2c-performance-monitoring";

    /// <summary>
    /// Round 38: whether a score of job candidates or of workers that reads as social scoring by meaning alone is screened
    /// as the Annex III 4 use it is (<see cref="HoldBackSocialScoringOfCandidatesOrWorkers"/>); on by default, off to
    /// measure what it does.
    /// </summary>
    public bool ReadsWorkScoresAsAnnexIII { get; init; } = true;

    /// <summary>
    /// Round 38 (issue 12): Art. 5(1)(c) prohibits evaluating or classifying natural persons over time "based on their
    /// social behaviour or known, inferred or predicted personal or personality characteristics" where the score leads to
    /// detrimental treatment in unrelated social contexts or out of proportion to the behaviour; recital 31 keeps lawful
    /// evaluation for a specific purpose outside it. Scoring job applicants (their CVs, answers, a game) to choose whom to
    /// invite, or scoring workers (their calls, output, conduct at work) to set their pay, tasks or warnings, is the
    /// specific purpose Annex III 4(a) and 4(b) name: High, not Prohibited. Where a social-scoring finding was read by
    /// meaning alone (not by the rule's pattern), a text of the task (its words or its process's description) names job
    /// applications or candidates, or workers at work, and no text names a ground of social scoring (social behaviour,
    /// private life, conduct outside work, neighbours, social media, trustworthiness as a citizen), the finding is recorded,
    /// not applied, and the Annex III 4 use is applied in its place with the same evidence. Measured on the whole set with
    /// the reading off and on: four written cases labelled High that had been rated Prohibited gained (applicants' recorded
    /// interview answers under a cut-off, a game of personality traits, CV scores; parking wardens' bonuses from a rating
    /// of their conduct), and no case labelled 5(1)(c) was lost; on fresh-r38, a claims centre's call scores that hand the
    /// lowest scorers the hard complaints gained.
    /// </summary>
    private List<RiskHit> HoldBackSocialScoringOfCandidatesOrWorkers(List<RiskHit> hits, TaskCandidate candidate, string? description)
    {
        if (!ReadsWorkScoresAsAnnexIII || !hits.Any(h => h.Applied && h.RuleId == SocialScoringRule && h.Evidence.Similarity is not null))
        {
            return hits;
        }

        var texts = OwnTextsAndDescription(candidate, description);
        if (texts.Any(t => GroundOfSocialScoring().IsMatch(t)))
        {
            return hits;
        }

        var (use, whom) = texts.Any(t => JobCandidates().IsMatch(t)) ? (RecruitmentRule, "job applicants or candidates")
            : texts.Any(t => WorkersAtWork().IsMatch(t)) ? (WorkerEvaluationRule, "workers at their work")
            : (null, null);
        if (use is null)
        {
            return hits;
        }

        var note = $"Art. 5(1)(c): read by meaning only; the words score {whom} and name no ground of social scoring (social behaviour, private life, conduct outside work, social media); scoring for that specific purpose is the use Annex III 4 names (recital 31), so the step is screened as that use. Check that nothing from outside the application or the work enters the score.";
        return PracticeRecordedAndUseApplied(hits, SocialScoringRule, use, note);
    }

    /// <summary>A ground of social scoring: social behaviour, private life, conduct outside work or in the neighbourhood, social media, friends, trustworthiness, a citizen's, a resident's or a passenger's or a guest's conduct (the public, not workers, is scored).</summary>
    [GeneratedRegex(@"\b(social (behaviou?r|media|life|lives|conduct|networks?|credit|circles?)|private (life|lives|behaviou?r|conduct)|personal lives|outside (of )?(work|the job|working hours|the workplace)|off[- ]duty|after hours|leisure|free time|neighbou?r\w*|friends?|famil(y|ies)|lifestyle|trustworth\w*|good[- ]citizen\w*|citizens?|residents?|tenants?|passengers?|travell?ers?|guests?|patrons?|shoppers?|visitors?|dating|bill payments?|traffic offen[cs]es?|civic|political\w*|relig\w*|church\w*|volunteer\w*|parking fines|unpaid fines|library|rubbish|litter\w*)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex GroundOfSocialScoring();

    /// <summary>Job applications or candidates: applicants, candidates, CVs, vacancies, hiring, a job interview or application.</summary>
    [GeneratedRegex(@"\b(job[- ]?(seekers?|applicants?|applications?|candidates?|interviews?|offers?)|(applicants?|candidates?) for ([\w-]+ ){0,3}(jobs?|posts?|positions?|roles?|vacanc\w*)|applications? for ([\w-]+ ){0,3}(jobs?|posts?|positions?|roles?|vacanc\w*)|(staff|crew|workforce) applications?|cvs?|r[eé]sum[eé]s?|curricul(um|a) vitae|recruit\w*|hiring|vacanc(y|ies)|(interview|call)[- ]?backs?|shortlist\w*)\b|\b(applicants?|candidates?)\b(?=[^.;]{0,120}\b(interviews?|jobs?|posts?|positions?|roles?|hired|hire)\b)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex JobCandidates();

    /// <summary>Workers at their work: staff, employees, workers, a named trade's workers (handlers, wardens, drivers, cashiers...), with their shifts, pay or warnings.</summary>
    [GeneratedRegex(@"\b(staff|employees?|workers?|personnel|workforce|colleagues|(call|claims?|case) handlers?|handlers?|wardens?|cashiers?|couriers?|riders?|drivers?|nurses?|technicians?|clerks?|pickers?|packers?|crew members?|shift workers?|team members?)\b(?=[^.;]{0,160}\b(shifts?|rotas?|bonus\w*|pay|wages?|salar\w*|promot\w*|warnings?|dismiss\w*|sack\w*|fir(e|ed|ing)|contracts?|tasks?|jobs?|calls?|complaints?|performance|output|productivity|conduct|speed|targets?|hours|routes?|rounds?)\b)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex WorkersAtWork();
}
