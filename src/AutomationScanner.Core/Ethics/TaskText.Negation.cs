using System.Text.RegularExpressions;

namespace AutomationScanner.Core.Ethics;

/// <summary>
/// Round 22: what a text says is not done, and data it says are not about anyone. A practice the text negates is no
/// evidence of that practice ("the app does not grade pupils"), and data the text states to be totals or anonymous are
/// not personal data (GDPR Art. 4(1) and Recital 26: information that does not relate to an identified or identifiable
/// natural person), so the rules about natural persons have no data subject there.
/// </summary>
public static partial class TaskText
{
    /// <summary>
    /// <paramref name="text"/> without the clauses it negates, or null when it negates none. A clause is negated where the
    /// system (or the text's elided subject, at its start or after a semicolon) "does not", "never" or "will not" do the
    /// act, where the system keeps, stores or collects "no" data of a kind, where "no" single thing of a kind "is looked
    /// at", and where it holds "nothing on" anyone: the negation runs to the end of its clause (a semicolon, a full stop,
    /// "but", "only", "instead"), where nobody's face or data "is checked" or kept (round 39: whose face, not who acts),
    /// and where the system's deciding act has no object ("it ranks nobody", "it controls nothing"; round 27). A negation
    /// that states who does not act (no one, nobody, no human or staff member: the absence of human review, an element of
    /// GDPR Art. 22) and one about what a person cannot perceive or do (the elements of Art. 5(1)(a)) are conditions of
    /// the practice, not its absence, and stay. Round 41: "no longer", "no more" after such a verb, and a noun such as
    /// "login", state no data kept ("after that their login no longer works" is the consequence a rule reads). Round 47:
    /// "there is no such ..." says a claim is false (an element of Art. 5(1)(a)), and "there is no ..." after a condition
    /// ("below the line, there is no step up the pay scale") states the consequence a rule reads; neither is negated. Round 49:
    /// "there is no court order / warrant / legal basis / ban / evidence" says a threat or a claim is false (an element of
    /// Art. 5(1)(a) and (b)), not that a practice is absent. Round 50: so does "there was no deposit / other family /
    /// shortage / deadline / waiting list / outbreak" after a claim ("tells them the deposit is lost if they hang up; there
    /// was no deposit and no other family"). Also a passive negation of the act on a person or their data ("no one is
    /// identified and no images are kept", "nothing about borrowers is scored or stored", "nothing is decided from it");
    /// not one whose agent is a person ("nothing is decided by a person": the absence of human involvement, GDPR Art. 22).
    /// </summary>
    public static string? WithoutNegatedPractices(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var stripped = WithoutSwitchedOffSentences(NegatedClause().Replace(text, m => m.Groups["keep"].Value + " "));
        return stripped.Length == text.Length && stripped == text ? null : Spaces().Replace(stripped, " ").Trim();
    }

    /// <summary>
    /// Round 36: <paramref name="text"/> without each sentence (or part after a semicolon) that names a technique and says
    /// it is switched off, disabled, not licensed or never used, or that it was proposed and declined ("the suite includes
    /// an emotion analysis feature, but it is switched off and not licensed"; "face recognition was proposed last year but
    /// the owners declined it"): the whole sentence is what is not done. Round 37: also a technique thought about, tried or
    /// explored and then dropped ("thought about having software rank job applications but decided the owner would read
    /// every one herself", "tried a feature that would guess shoppers' mood and dropped it"); a decision for the system
    /// ("but decided the model would rank them") is not a negation. Round 41: the person's determiner may be left out,
    /// as a log name leaves it out ("but decided owner would read every one"); "it", "they", "this" or "that" is then no
    /// person. Round 46: also tried or tested and then turned down, rejected or sent back ("tested an emotion-reading add-on
    /// and turned it down"). Round 47: also looked at and then decided against ("looked at having the tenant portal predict
    /// which tenants would fall behind on rent and decided against it"). Round 49: also a demo or a pitch had and then decided
    /// against buying or using ("we had a demo in March of a tool that would read our counter staff's mood from the shop
    /// camera and decided against buying it"). The subject of the switching off is the technique or a pronoun for it ("the applicant is disabled" is
    /// not); "never switched on" needs no subject (only a device is switched on). The sentence around a match is cut by
    /// position, not by the pattern, so an untrusted text is read in linear time.
    /// </summary>
    private static string WithoutSwitchedOffSentences(string text)
    {
        var match = SwitchedOff().Match(text);
        if (!match.Success)
        {
            return text;
        }

        var kept = new System.Text.StringBuilder(text.Length);
        var from = 0;
        while (match.Success)
        {
            var start = Math.Max(from, text.LastIndexOfAny(SentenceEnds, match.Index) + 1);
            var end = text.IndexOfAny(SentenceEnds, match.Index + match.Length);
            end = end < 0 ? text.Length : end;
            kept.Append(text, from, start - from).Append(' ');
            from = end;
            match = end < text.Length ? SwitchedOff().Match(text, end) : Match.Empty;
        }

        return kept.Append(text, from, text.Length - from).ToString();
    }

    private static readonly char[] SentenceEnds = ['.', '!', '?', ';'];

    [GeneratedRegex(
        @"\b(it|this|that|they|features?|functions?|modules?|options?|add-ons?|settings?|cameras?|tools?|software|systems?|models?|recognition|analysis|scoring|tracking)\s+(is|are|was|were|has been|have been|remains?|stays?)\s+(still\s+|always\s+|permanently\s+)?"
        + @"((switched|turned)\s+off|disabled|deactivated|not\s+(\w+\s+)?(licen[cs]ed|enabled|activated|installed|deployed|switched on|turned on|bought|in use)|never\s+(\w+\s+)?(used|switched on|turned on|activated|enabled|deployed|installed))\b"
        + @"|\b(never|not)\s+(been\s+)?(switched|turned)\s+on\b"
        + @"|\b(proposed|suggested|offered|considered|discussed|pitched|recommended|trialled|piloted|thought (about|of)|explored|debated|talked about)\b[^.!?;]{0,150}?\bbut\b[^.!?;]{0,80}?\b(declined|rejected|refused|turned (it |them )?down|vetoed|dropped|said no|abandoned|shelved|scrapped"
        + @"|decided (against|not)|decided (that )?((the|a|an|her|his|their|its|our|each|every) )?(?!(model|software|system|tool|algorithm|program|programme|app|ai|bot|machine|computer|it|they|this|that)s?\b)[\w-]+ (would|will|should|must|shall))\b"
        + @"|\b(tried|tested|trialled|piloted|considered|thought about|explored)\b[^.!?;]{0,150}?\b(and|but|then)\s+(later\s+|soon\s+|quickly\s+)?(dropped|abandoned|scrapped|shelved|switched off|turned off)\s+(it|them|the idea|the plan)\b"
        + @"|\b(looked at|looked into|considered|trialled|tested|tried out|was offered|were offered|thought about|explored)\b[^.!?;]{0,150}?(,\s*(and\s+|but\s+)?|\s+(and|but)\s+)(then\s+)?decided not to (buy|use|install|adopt|introduce|deploy|order|licen[cs]e|take up|switch on|turn on|go ahead with)\s+(it|them|the \w+)\b"
        + @"|\b(tried|tested|trialled|piloted|considered|thought about|explored|looked at|was offered|were offered)\b[^.!?;]{0,150}?\b(and|but|then)\s+(later\s+|soon\s+|quickly\s+)?(turned\s+(it|them|the (idea|offer|plan))\s+down|(rejected|declined|returned)\s+(it|them|the (idea|offer|plan))|sent\s+(it|them)\s+back)\b"
        + @"|\b(looked at|looked into|considered|trialled|tested|tried out|was offered|were offered|thought about|explored|discussed|weighed( up)?|(had|saw|watched|got|were given|was given|sat through) an? (demo|demonstration|trial|pitch|presentation)|(were|was) (shown|pitched|demonstrated))\b[^.!?;]{0,150}?(,\s*(and\s+|but\s+)?|\s+(and|but)\s+)(then\s+|finally\s+|eventually\s+|in the end\s+)?(decided|chose|voted) against ((buying|using|installing|adopting|introducing|deploying|ordering|licen[cs]ing|renting|leasing) )?(it|them|the idea|the plan|the offer|that|this)\b"
        + @"|\b(had|once) (considered|planned|proposed|discussed|looked at|thought about|talked about)\b(?=[^.!?]{0,200}\b(instead|never|dropped|declined)\b)",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SwitchedOff();

    /// <summary>
    /// Whether <paramref name="text"/> states that its data are totals, aggregates or anonymous ("as totals", "in
    /// aggregate", "anonymised", "no single caller", "nothing on individual members"): no natural person is identified.
    /// </summary>
    public static bool StatesAggregateData(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return AggregateData().IsMatch(text) && !PerPersonFigures().IsMatch(text);
    }

    // The subject that negates: the text's start or a new clause (elided subject: "Does not rank ..."; "; never ..."),
    // or a system word, "it" or "we" right before the negation. Then the negation (not "cannot": what a person cannot
    // do is an element of a practice), then the clause up to its end.
    private const string NegationSubject =
        @"(?<keep>^\s*|[;:.]\s*|\b(it|we|" + SystemSubjectWords + @")\s+)";

    private const string SystemSubjectWords =
        @"step|system|tool|model|software|program|bot|assistant|engine|algorithm|app|application|platform|service|screen|camera|sensor|chatbot|kiosk|website|portal";

    // Round 27: the system's act with no object ("it controls nothing", "it ranks nobody", "it changes no decision"):
    // the acts by which a rule evaluates, decides on or controls (Annex III, Art. 6(3)'s profiling, Art. 22), not the
    // acts of review or contact, whose absence is a condition of Art. 22 ("it consults nobody").
    private const string DecisiveActs =
        @"(rank\w*|rat(e|es|ed|ing)|scor\w*|grad(e|es|ed|ing)|judg\w*|assess\w*|evaluat\w*|profil\w*|decid\w*|select\w*|reject\w*|refus\w*|filter\w*|recommend\w*|control(s|led|ling)?|operat(e|es|ed|ing)|chang(e|es|ed|ing)|alter(s|ed|ing)?|predict\w*)";

    // Round 50: a passive negation of what is done to a person or their data ("no one is identified and no images are
    // kept", "nothing about borrowers is scored or stored", "nothing is decided from it", "no viewers or staff are
    // analysed"): the practice's act with nothing and no one as its object. "No one checks" (active, the absence of human
    // review), "nothing is decided by a person" (the same absence, its agent named) and what is done for the person ("no
    // one is told") are not among these.
    private const string UnconcernedNouns =
        @"viewers?|staff|staff members?|employees?|workers?|customers?|visitors?|guests?|shoppers?|people|persons?|individuals?|residents?|members?|borrowers?|pupils?|students?|passengers?|images?|photos?|pictures?|faces?|recordings?|footage|profiles?|names?|personal data";

    private const string PassiveActs =
        @"(identified|recogni[sz]ed|analy[sz]ed|scored|rated|ranked|profiled|stored|kept|retained|saved|decided|tracked|monitored|matched|assessed|judged|graded|categori[sz]ed|classified|filmed|photographed)";

    private const string ClauseEnd = @"(?=[;.!?]|\s+(but|only|instead|just|rather)\b|,\s*(it|we|and it|but)\b|$)";

    // Round 50: the last branch looks ahead for "there is no" before its lookbehind runs, so the lookbehind (a condition
    // word up to 60 characters back) is tried only where the clause starts, not at every position of the text: the same
    // matches (checked on every text and context of data/risk-evaluation), about five times faster.
    [GeneratedRegex(
        NegationSubject + @"(does not|doesn't|doesn’t|do not|don't|don’t|did not|didn't|never|will not|won't|is not used to|are not used to)\s+(?!(\w+\s+){0,2}(notic\w*|see|seen|hear\w*|know\w*|reali[sz]\w*|understand\w*|perceiv\w*|aware\w*)\b)[^;.!?]*?" + ClauseEnd
        + @"|(?<keep>\b((stor|keep|kept|collect|record|sav|hold|held|retain|gather)\w*|log(s|ged|ging)?)\s+)no\s+(?!(one|body|human|person|staff|manual|officer|clerk|employee|review|check|longer|more|later|sooner)\b)[^;.!?]*?" + ClauseEnd
        + @"|(?<keep>)\b(no|not a|not one) (single|individual)\s+[^;.!?]*?" + ClauseEnd
        + @"|(?<keep>)\bno personal (data|details|information)\b[^;.!?]*?" + ClauseEnd
        + @"|(?<keep>)\bno (decisions?|choices?|judg(e)?ments?)\s+(\w+\s+){0,2}?(is|are|was|were|gets?|get)\s+(ever\s+)?(made|taken)\s+by\s+(the\s+|a\s+|any\s+)?(software|system|model|machine|computer|algorithm|tool|ai|programs?|programmes?)\b[^;.!?]*?" + ClauseEnd
        + @"|(?<keep>)\bnothing (on|about) (any |an )?(individual|single|one)\b[^;.!?]*?" + ClauseEnd
        + @"|(?<keep>)\b(nobody|no one|no-one|no person|no visitor|no customer|no guest|no passenger|no worker|no employee)(['’]s|s['’])\s+(faces?|fingerprints?|voices?|eyes|irises|iris|features|photos?|pictures?|images?|data|details)\s+(is|are|was|were|gets?|get|will be|has been|have been)\s+(ever\s+)?(checked|scanned|recogni[sz]ed|matched|compared|captured|recorded|stored|kept|analy[sz]ed|read|identified|verified|photographed|filmed|taken|collected|looked at)\b[^;.!?]*?" + ClauseEnd
        + @"|(?<keep>)\b(nothing|no one|nobody|no-one|no (" + UnconcernedNouns + @"))\b((\s+(or|and|nor)\s+[\w'’-]+){0,2}|\s+(about|on|of)\s+(the\s+|any\s+|a\s+|an\s+|its\s+|their\s+)?[\w'’-]+(\s+[\w'’-]+)?|\s+(at all|ever))?\s+(is|are|was|were|gets?|get|will be|has been|have been)\s+(ever\s+|then\s+|otherwise\s+)?" + PassiveActs + @"\b(?!\s+by\s+(a\s+|an\s+|any\s+|the\s+|one\s+)?(person|persons|human|humans|people|staff|officers?|officials?|clerks?|caseworkers?|employees?|managers?|anyone|anybody|hand|reviewers?)\b)[^;.!?]*?" + ClauseEnd
        + @"|" + NegationSubject + DecisiveActs + @"\s+(nothing|nobody|no one|no-one|no (decisions?|outcomes?|marks?|grades?|scores?|applicants?|candidates?|persons?|people|one))\b[^;.!?]*?" + ClauseEnd
        + @"|(?<keep>)(?=\bthere (is|are|was|were) no\s)(?<!\b(if|when|whenever|unless|otherwise|below|under|above|over|beneath|past|after|without)\b[^;.!?]{0,60})\bthere (is|are|was|were) no\s+(?!(one|body|human|person|people|staff|manual|officer|clerk|employee|review|check|appeal|way|chance|option|possibility|say|right|such|court|warrant|legal|law|ban|evidence|truth|basis|deposit|other|shortage|deadline|waiting|queue|outbreak)\b)[^;.!?]*?" + ClauseEnd,
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex NegatedClause();

    [GeneratedRegex(
        @"\b((as|in|only|into) (anonymous |anonymi[sz]ed |aggregate |overall )?(totals?|aggregates?|sums?|averages?)|aggregat(e|ed|es|ing|ion)|anonymi[sz]\w*|anonymous(ly)?|de-?identified|no (single|individual) \w+|nothing (on|about) (any |an )?(individual|single|one)|no personal (data|details|information)|not linked to (any|an|a single) (person|individual|one|name)|(averages?|medians?)\b[^.;!?]{0,60}?\b(per|by|for each|in each|across( the)?)[ -](schools?|regions?|districts?|areas?|branch(es)?|sites?|departments?|wards?|villages?|towns?|municipalit(y|ies)|count(y|ies)|countr(y|ies)|postcodes?|zones?)|(regional|national|county|district|nationwide|school-wide) (\w+ ){0,2}(averages|medians|totals)|how many (\w+ ){0,2}(places|beds|seats|classrooms|classes|buses|trains|homes|houses|flats|staff|teachers|nurses|doctors|pupils|students|patients|visitors|passengers)\b[^.;!?]{0,60}?\b(each|every|per|the|a) (schools?|regions?|districts?|areas?|wards?|towns?|municipalit(y|ies)|neighbou?rhoods?|sites?|hospitals?|branch(es)?|countr(y|ies)|count(y|ies)|villages?|zones?)\b(?!['’]))\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex AggregateData();

    // Totals kept per person are that person's data ("each claimant's payments as totals for the year", "totals per
    // customer"): a possessive after "each" or "every", or figures per person, household or head.
    [GeneratedRegex(@"\b((each|every)\s+([\w-]+\s+)?[\w-]+('s|’s|s'|s’)|per (person|head|individual|household|customer|client|user|member|employee|worker|pupil|student|patient|applicant|claimant|resident|caller|visitor|passenger|account|subscriber|tenant|borrower))\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PerPersonFigures();

    [GeneratedRegex(@"\s{2,}")]
    private static partial Regex Spaces();
}
