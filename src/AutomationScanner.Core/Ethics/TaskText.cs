using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace AutomationScanner.Core.Ethics;

/// <summary>
/// Turns log activity names into text a reader (and the sentence model) understands: "A_DECLINED" becomes
/// "declined", "W_Beoordelen fraude" "Beoordelen fraude", "ER Triage" "emergency room triage", "LacticAcid"
/// "Lactic Acid". Also tells decision and contact steps apart by their wording.
/// </summary>
public static partial class TaskText
{
    private static readonly Dictionary<string, string> Abbreviations = new(StringComparer.Ordinal)
    {
        ["ER"] = "emergency room",
        ["A&E"] = "accident and emergency",
        ["IC"] = "intensive care",
        ["ICU"] = "intensive care unit",
        ["IV"] = "intravenous",
        ["HR"] = "human resources",
        ["PO"] = "purchase order",
        ["GR"] = "goods receipt",
    };

    /// <summary>
    /// A readable form of an activity name; plain sentences pass through with collapsed whitespace. A name mostly in
    /// another EU language is read in English through <see cref="StepGlossary"/> ("W_Beoordelen fraude" as "assessment
    /// fraud"); <see cref="GlossaryReadingOf"/> tells how.
    /// </summary>
    public static string Normalise(string name)
    {
        var readable = Readable(name);
        return StepGlossary.Read(readable)?.Text ?? readable;
    }

    /// <summary>
    /// How much of a step name the screen understands: the words of its readable form (<see cref="Normalise"/>, glossary
    /// reading included) of at least three letters that are not function words, and of those the words the screen reads:
    /// a whole word of the sentence model's English vocabulary or of <paramref name="vocabulary"/> (the catalogue's words,
    /// <see cref="SpellingForm.Vocabulary"/>: the model's 30,000 entries lack "invoice" and "shortlist"), such a word with
    /// an English ending (-s, -es, -ed, -d, -ing; a stem of at least four letters), a closed-up pair of them (<see cref="SpellingForm.Split"/>), or a word
    /// the step glossary reads. The name is read (<see cref="NameUnderstanding.IsRead"/>) when most of them are, as the
    /// glossary reads a name when most of its words are foreign: a Latvian or Lithuanian code is not, "Check KYC status" is.
    /// </summary>
    public static NameUnderstanding Understanding(string name, IReadOnlySet<string>? vocabulary = null)
    {
        vocabulary ??= new HashSet<string>();
        var readable = Normalise(name);
        var counted = 0;
        var unknown = new List<string>();
        foreach (Match match in Letters().Matches(readable))
        {
            var word = match.Value;
            var glossary = word.Length < 3 ? null : StepGlossary.ReadWordAsEnglish(word);
            if (word.Length < 3 || glossary is { Length: 0 })
            {
                continue;
            }

            counted++;
            if (glossary is null && !IsEnglishWord(word, vocabulary))
            {
                unknown.Add(word);
            }
        }

        return new NameUnderstanding(readable, counted, counted - unknown.Count, unknown);
    }

    [GeneratedRegex(@"\p{L}[\p{L}\p{M}]*")]
    private static partial Regex Letters();

    private static bool IsEnglishWord(string word, IReadOnlySet<string> vocabulary)
    {
        var lower = StepGlossary.Fold(word);
        bool Whole(string w) => w.Length >= 3 && (vocabulary.Contains(w) || StepGlossary.IsModelWord(w));
        return Whole(lower)
            || EnglishEndings.Any(e => lower.Length >= e.Length + StepGlossary.MinStem && lower.EndsWith(e, StringComparison.Ordinal)
                && (Whole(lower[..^e.Length]) || Whole(lower[..^e.Length] + "e")))
            || SpellingForm.Split(lower, vocabulary) is not null;
    }

    private static readonly string[] EnglishEndings = ["s", "es", "ed", "d", "ing"];

    /// <summary>
    /// Round 25: the name read word by word through the step glossary (each word or hyphenated part the glossary reads,
    /// replaced by its English reading; function words dropped; the rest kept as written), whatever the share of its
    /// words the glossary reads. <see cref="Normalise"/> reads a name in English only where most of its words are
    /// foreign, so a code beside one foreign word ("T05 Giudizio", "HU-07 Hitelbírálat"), a cognate compound
    /// ("Premieberegning") or a cognate beside a word left unread ("ANALIZA_VIDEO_TURA") keeps the foreign word, though
    /// <see cref="Understanding"/> counts it as read; this reading tells what such a step does.
    /// </summary>
    public static string WordByWord(string name)
    {
        var words = new List<string>();
        foreach (var word in Readable(name).Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = new List<string>();
            foreach (var part in word.Split('-'))
            {
                var reading = part.Length < 3 || !part.Any(char.IsLetter) ? null : StepGlossary.ReadWordAsEnglish(part.Trim('(', ')', '.', ',', ':', ';', '\'', '"'));
                if (reading is null)
                {
                    parts.Add(part);
                }
                else if (reading.Length > 0)
                {
                    parts.Add(reading);
                }
            }

            if (parts.Count > 0)
            {
                words.Add(string.Join('-', parts));
            }
        }

        return string.Join(' ', words);
    }

    /// <summary>How <see cref="Normalise"/> read <paramref name="name"/> through the step glossary, or null when it did not.</summary>
    public static GlossaryReading? GlossaryReadingOf(string name) => StepGlossary.Read(Readable(name));

    /// <summary>The name with its codes, capitals and shortenings read, before the glossary.</summary>
    private static string Readable(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var text = SystemPrefix().Replace(name.Trim(), "");
        text = CamelBoundary().Replace(text, "$1 $2");
        text = text.Replace('_', ' ').Replace('+', ' ');
        var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var builder = new StringBuilder(text.Length + 16);

        // A shortening in capitals that is also a word ("APP", "DOC") is read in full only where its capitals were
        // chosen: in a name that also has small letters ("Check APP status") or in a code-like step name of at most three
        // words ("APP_DECL"). A sentence written all in capitals ("... WHOSE APP DATA SHOWS ...") keeps the word.
        var capitalsChosen = words.Length <= 3 || text.Any(char.IsLower);
        foreach (var word in words)
        {
            if (builder.Length > 0)
            {
                builder.Append(' ');
            }

            // Shortened words of step names ("APP_DECL" as "application declined", "CHK_ELIG" as "check eligibility"):
            // the unambiguous ones of StepCodes' dictionary; an ambiguous code (DEC, FIN) is read only in its process.
            var expanded = Abbreviations.GetValueOrDefault(word) ?? StepCodes.Expand(word, capitalsChosen);
            if (expanded is not null)
            {
                builder.Append(expanded);
            }
            else if (word.Length > 3 && word.All(c => !char.IsLetter(c) || char.IsUpper(c)))
            {
                builder.Append(word.ToLowerInvariant());
            }
            else
            {
                builder.Append(word);
            }
        }

        return builder.ToString();
    }

    /// <summary>The step decides something about a person or a case (a state such as DECLINED counts).</summary>
    public static bool IsDecision(string normalisedName) => Decision().IsMatch(normalisedName);

    /// <summary>
    /// A decision that is not only the sending of one: "Create Fine" and "A_DECLINED" are, "Send Fine" and "Notify the
    /// offender of the fine" are not (they are contact steps); a step that sends a case to collection or refuses is.
    /// </summary>
    public static bool IsDecisionStep(string normalisedName) =>
        IsDecision(normalisedName) && (!IsContact(normalisedName) || StrongDecision().IsMatch(normalisedName));

    /// <summary>
    /// The step only communicates: its action (the first word) is to send, notify, remind, inform, call, write or reply,
    /// and it names no decision ("Send appointment reminders", "Notify applicant"; not "Send rejection letter").
    /// </summary>
    /// <summary>
    /// Round 24 (lead): the step only keeps records (archive, file, store...) or only communicates (notify, send, inform,
    /// without a message that is itself the act): not where a decision its process describes is taken.
    /// </summary>
    /// <summary>Round 25: the step only keeps records (registers, records, files, archives, stores, uploads, prints, copies).</summary>
    public static bool KeepsRecords(string normalisedName) => RecordKeepingVerb().IsMatch(normalisedName);

    public static bool KeepsRecordsOrOnlyCommunicates(string normalisedName) =>
        IsCommunicationOnly(normalisedName) || RecordKeepingVerb().IsMatch(normalisedName);

    public static bool IsCommunicationOnly(string normalisedName) =>
        CommunicationVerb().IsMatch(normalisedName) && !IsDecisionStep(normalisedName) && !MessageIsTheAct(normalisedName)
        && !EvaluatedMessages().IsMatch(normalisedName);

    // Round 19: a message or call named as the thing evaluated, as a glossary reading of a noun-first name gives it
    // (Estonian "Kõnede_järjestamine", read "call ranking"; "e-mail classification"): "call" is the calls ranked, not
    // an act of calling. Round 24: also joined by a hyphen ("call-triage for cave-rescue dispatch" was held back as a
    // call, while "call triage" was not). Round 31: also the noun "priority" ("call priority", Danish "Opkald_prioritet"): the
    // priority of the calls, not an act of calling.
    [GeneratedRegex(@"^\s*(calls?|messages?|e-?mails?|mails?|letters?|chats?|texts?|enquir(y|ies)|complaints?)[\s-]+(" + AssessmentActs + @"|sorting|prioriti[sz]ation|priorit(y|ies)|triage)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex EvaluatedMessages();

    /// <summary>
    /// Round 16: a step led by a communication verb whose message is itself the act, so there is no other step where its
    /// decision or evaluation would be screened: the message takes the decision ("send the e-mail that ends the member's
    /// contract": the notice of termination is the termination), it is the influence (Art. 5(1)(a), Annex III 8(b):
    /// messages sent "to sway" or "to change how they vote" influence by being sent), "send" dispatches emergency
    /// responders (Annex III 5(d): "dispatch, or establish priority in the dispatching of, emergency first response
    /// services"), or it tells someone the system's own estimate of a person or a piece of evidence ("tell the detectives
    /// which ... are likely to ...": the evaluation is made where it is told). Such a step is not held back as
    /// communication only.
    /// </summary>
    public static bool MessageIsTheAct(string normalisedName) =>
        MessageTakesADecision().IsMatch(normalisedName) || MessageToInfluence().IsMatch(normalisedName)
        || DispatchOfResponders().IsMatch(normalisedName) || MessageOfAnEstimate().IsMatch(normalisedName);

    [GeneratedRegex(@"\b(that|which) (automatically |also |then )?(ends?|ended|cancel\w*|terminat\w*|suspends?|suspended|revok\w*|withdraws?|withdrew|withdrawn|blocks?|blocked|stops?|stopped|closes|closed|refus\w*|rejects?|rejected|denies|denied|bans?|banned|expels?|expelled)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex MessageTakesADecision();

    [GeneratedRegex(@"\b(to|so (that )?|in order to) (\w+ ){0,2}(sway\w*|persuad\w*|convinc\w*|influenc\w*|manipulat\w*|pressur\w*|coax\w*|nudg\w*|talk (them|him|her|people|\w+) into|change (how|what|whom|who|which|their|his|her) \w+)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex MessageToInfluence();

    [GeneratedRegex(@"^\s*(send\w*|sent)\s+(\w+\s+){0,3}(ambulances?|paramedics?|patrols?|patrol cars?|police (cars?|officers?|units?)|fire ?(engines?|crews?|brigades?|fighters?)|firefighters?|rescue (teams?|crews?|boats?|helicopters?)|first responders?|responders?|air ambulances?|lifeboats?)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex DispatchOfResponders();

    [GeneratedRegex(@"^\s*(tell\w*|told|inform\w*|notif\w*|advis\w*|messag\w*|e-?mail\w*|send\w*|writ(e|es|ing) to)\b.{0,60}\b(which|who|whom|whether|whose)\b.{0,80}\b(likely|unlikely|probabl\w*|at risk|risk of|chances? of|predicted|expected to|suspected of)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex MessageOfAnEstimate();

    // Round 45: "ring" is the verb only when it is not the first half of a compound noun ("Ring-road operations desk",
    // normalised "Ring road ...", a ring main, a ring binder): the road's signals were held back as a phone call.
    [GeneratedRegex(@"^\s*(send\w*|sent|e-?mail\w*|mail|notif\w*|inform\w*|remind\w*|text|sms|messag\w*|call|phone|ring(?![\s-]+(roads?|ways?|mains?|fences?|binders?|fingers?|tones?|gauges?|networks?|circuits?|lines?)\b)|writ(e|es|ing) to|repl(y|ies|ied)|tell|advis(e|es|ed|ing))\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex CommunicationVerb();

    /// <summary>
    /// The verb that leads a step name when it only says the step is carried out ("conduct", "perform", "carry out",
    /// "execute", "hold", "undertake", "do", "run" followed by what is done: "conduct interview"), or null. Such a verb is
    /// not the step's subject matter.
    /// </summary>
    public static string? LeadingExecutionVerb(string normalisedName)
    {
        ArgumentNullException.ThrowIfNull(normalisedName);
        var match = ExecutionVerb().Match(normalisedName);
        return match.Success ? match.Groups[1].Value : null;
    }

    [GeneratedRegex(@"^\s*(conduct(s|ed|ing)?|perform(s|ed|ing)?|carr(y|ies|ied|ying) out|execut(e|es|ed|ing)|hold(s|ing)?|held|undertak(e|es|ing)|undertook|do|does|did|run(s|ning)?|ran)\s+\S", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ExecutionVerb();

    /// <summary>
    /// The step's act when it only keeps records or hands a case on: it registers, records, enters, files, archives,
    /// stores, scans, uploads, attaches, prints or copies something, assigns a case to a handler ("assign recruiter",
    /// "route to the support group") or closes a handled case ("close claim"); and it names no decision and no evaluation. Such a step is a narrow procedural task
    /// (AI Act Art. 6(3)(a)); null otherwise. "Register loan application" records the application, it does not evaluate
    /// the applicant; "Assign pupils to the advanced stream" assigns persons, not a handler, and is not procedural.
    /// </summary>
    public static string? ProceduralAct(string normalisedName)
    {
        ArgumentNullException.ThrowIfNull(normalisedName);
        if (IsDecisionStep(normalisedName) || Evaluation().IsMatch(normalisedName))
        {
            return null;
        }

        var match = RecordKeepingVerb().Match(normalisedName);
        if (match.Success)
        {
            return match.Groups[1].Value;
        }

        match = HandlerAssignment().Match(normalisedName);
        if (match.Success)
        {
            return match.Value.Trim();
        }

        match = ClosingOfAFile().Match(normalisedName);
        return match.Success ? match.Value.Trim() : null;
    }

    /// <summary>
    /// Round 24: whether the text names an act of evaluating or deciding anywhere in its words, as verb or noun
    /// (<see cref="AssessmentActs"/>: assess, score, rank, classify, triage, predict...; decide, decision, approve, reject,
    /// refuse, grant, select, filter, profile, recommend, propose...): the acts the Annex III uses and GDPR Art. 22 consist of.
    /// </summary>
    public static bool NamesAnAssessmentOrDecision(string normalisedName)
    {
        ArgumentNullException.ThrowIfNull(normalisedName);
        return AssessmentOrDecisionAct().IsMatch(normalisedName) || IsDecision(normalisedName);
    }

    [GeneratedRegex(@"\b(" + AssessmentActs + "|" + DecisionActs + @")\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex AssessmentOrDecisionAct();

    /// <summary>
    /// Round 24: the step's act when it is the requester's or a receipt of what the requester sent, not an act of the
    /// organisation on a person: a submission or a request (submit, apply for, lodge, hand in, send in, request, enquire),
    /// a receipt (receive, incoming, arrival of), or the record of such a status: a name that ends in what happened to a
    /// thing without deciding on it ("application submitted", "CV uploaded", "Declaration SUBMITTED by EMPLOYEE", "claim
    /// received"). Null when the step also evaluates or decides ("receive and assess the applications"), and for a status
    /// that is a decision ("application rejected"). The words are returned.
    /// </summary>
    public static string? SubmissionOrReceipt(string normalisedName)
    {
        ArgumentNullException.ThrowIfNull(normalisedName);
        var own = WithoutLeadingAdverbial(normalisedName);
        // Round 24 (lead): an appeal or objection lodged with a judge, a court or an authority is the person's remedy, the
        // requester's act, whoever it is addressed to (the shipped road-fines log's "Appeal to Judge": the judge named is
        // the addressee, not an act of judging).
        if (AppealOrObjection().Match(own) is { Success: true } appeal)
        {
            return appeal.Value.Trim();
        }

        if (ThenAssessesOrDecides().IsMatch(own) || Evaluation().IsMatch(own) || IsDecisionStep(own))
        {
            return null;
        }

        var match = SubmissionVerb().Match(own);
        if (!match.Success)
        {
            match = NonDecidingStatus().Match(own);
        }

        return match.Success ? match.Groups[1].Value.Trim() : null;
    }

    [GeneratedRegex(@"^\s*(appeal(s|ed|ing)?|object(s|ed|ing)?|lodg\w* (an? )?(appeal|objection)s?|fil\w* (an? )?(appeal|objection)s?) (to|against|with|before)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex AppealOrObjection();

    [GeneratedRegex(@"^\s*(submit\w*|appl(y|ies|ied|ying) for|lodg(e|es|ed|ing)|hand(s|ed|ing)? in|sen(d|ds|t|ding) in|request\w*|enquir\w*|inquir\w*|receiv\w*|receipt of|incoming|arrival of)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SubmissionVerb();

    [GeneratedRegex(@"^\s*(?:[\w'’-]+\s+){1,4}?(submitted|received|sent|created|opened|registered|uploaded|entered|recorded|filed|logged|started|saved|printed|archived|forwarded|arrived|returned|updated|changed|requested)(\s+by\s+\S.*)?\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex NonDecidingStatus();

    /// <summary>
    /// Round 17: the task's own act when it is one of the four Art. 6(3) acts of the AI Act, read from what the system
    /// itself does (the lead verb and its object, after a leading "After the term," or "Once the marks are given,", and,
    /// round 19, after a process description's setting label and the system or the step as the subject: "Town school:
    /// once the marks are given, the system compares ..."):
    /// (a) a narrow procedural task (recital 53: turn unstructured data into structured data, classify incoming documents
    /// into categories, detect duplicates; translate, transcribe, convert, index, file, link); (b) improving the result of
    /// a previously completed human activity (the wording, language, spelling or tone of a text a person wrote); (c)
    /// detecting deviations from prior decision-making patterns for a person to review (round 19: also flagged "for the
    /// exam committee", "for the head teacher", a person or body named as the one who looks); (d) a preparatory task (checking
    /// that a file is complete, gathering its documents, pre-filling a form). Null when the act is none of these, when it
    /// assesses or decides itself (its lead verb evaluates, scores, ranks, classifies, selects or decides, or it goes on
    /// to do so: "... and reject the incomplete ones"), or when it sorts by a criterion of merit or likelihood (a sort or
    /// an order counts only by a formal criterion: kind, language, date, arrival; "in order of urgency" is triage).
    /// The condition, with the words that state it ("(a) translate"), is returned.
    /// </summary>
    public static string? Art63Act(string normalisedName)
    {
        ArgumentNullException.ThrowIfNull(normalisedName);
        var own = WithoutLeadingAdverbial(normalisedName);
        // Round 27: a later clause whose subject is someone else ("...; the caseworker then assesses eligibility herself")
        // states the assessment left to a person, not an act of the system's.
        if (LeadVerbAssessesOrDecides(own) || ThenAssessesOrDecides().IsMatch(ClauseOfAnotherSubject().Replace(own, "")) || MeritCriterion().IsMatch(own)
            || SystemAssessesOrDecides().IsMatch(own))
        {
            return null;
        }

        if (ImprovesCompletedWork().Match(own) is { Success: true } improves)
        {
            return "(b) " + improves.Value.Trim();
        }

        // Round 48: also in the passive, the cases that deviate as the subject ("decisions that differ from how the office
        // usually decides are flagged for a team leader").
        var deviationAct = DetectsDeviation().Match(own) is { Success: true } deviation ? deviation.Groups[1].Value
            : DeviationsFlagged().Match(own) is { Success: true } flagged ? flagged.Groups["act"].Value : null;
        if (deviationAct is not null && PriorPattern().IsMatch(own) && ForHumanReview().IsMatch(own))
        {
            return "(c) " + deviationAct.Trim() + " deviations for a person to review";
        }

        if ((PreparesAnAssessment().Match(own) is { Success: true } preparatory ? preparatory : FillsAFormFromDocumentsRegex.Match(own)) is { Success: true } prepares)
        {
            return "(d) " + Truncate(prepares.Value.Trim(), 80);
        }

        if (NarrowProcedure().Match(own) is { Success: true } procedure)
        {
            return "(a) " + Truncate(procedure.Value.Trim(), 80);
        }

        return ProceduralAct(own) is { } act ? "(a) " + act : null;
    }

    /// <summary>
    /// Round 27: the words that leave the assessment a task prepares to a person after it (Art. 6(3)(d), "a preparatory
    /// task to an assessment"): someone named by a noun who then assesses, examines, reads, reviews, judges or decides
    /// ("before the caseworker assesses them", "so that the case officer can find them", "the recruiters still read every
    /// one", "caseworkers decide everything", "for the selection panel to read", "ahead of the officer's own assessment"),
    /// or null. Who that is (a person, not the system) is for the caller to read. Round 37: reading out, aloud or back
    /// is passing the answer on, not assessing ("midwives read out its answer": the model decided).
    /// </summary>
    public static (string Span, string Who)? AssessmentLeftToAPerson(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var match = AssessorNext().Match(text);
        return match.Success && !SystemWord().IsMatch(match.Groups["who"].Value) ? (match.Value.Trim(), match.Groups["who"].Value) : null;
    }

    [GeneratedRegex(@"(\b(before|until|so that|so|for|ahead of|and|then|while|whom?|where)\b|[;,.:]|^)\s*((the|a|an|each|every|their|his|her|its|our)\s+)?(?<who>([\w'’-]+\s+){0,3}?[\w'’-]+?)\s*(['’]s?\s+(own\s+)?(assessment|examination|evaluation|review|decision|judg\w*)\b|\s+(then\s+|still\s+|alone\s+|only\s+|first\s+|later\s+|themselves\s+|can\s+|will\s+|must\s+|to\s+|who\s+)?(assess(es|ed|ing)?|(reads?|reading)(?!\s+(out|aloud|back)\b)|examin(e|es|ed|ing)|review(s|ed|ing)?|decid(e|es|ed|ing)|judg(e|es|ed|ing)|consider(s|ed|ing)?|evaluat(e|es|ed|ing)|weigh(s|ed|ing)?|check(s|ed|ing)?(?!\s+(in|out)\b))\b)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex AssessorNext();

    // Round 38: also a thing the system produced ("that mark decides", "the score decides"): no person.
    [GeneratedRegex(@"\b(it|they|this|that|which|who|whom|system|tool|model|software|program|bot|assistant|engine|algorithm|step|nobody|no one|none|mark|score|result|rating|grade|output|answer|number|figure|list|ranking|outcome|point|value|total|sum|count)s?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SystemWord();

    /// <summary>
    /// Whether the text's own act (its lead verb, after a leading adverbial clause) evaluates a person or a case
    /// (<see cref="AssessmentActs"/>) or decides (approve, reject, decide, admit...): such a task is the assessment or the
    /// decision itself, never a task Art. 6(3) lifts.
    /// </summary>
    public static bool LeadVerbAssessesOrDecides(string normalisedName)
    {
        ArgumentNullException.ThrowIfNull(normalisedName);
        return LeadAssessmentOrDecision().IsMatch(WithoutLeadingAdverbial(normalisedName));
    }

    /// <summary>The text cut to at most <paramref name="max"/> characters, with "…" where it was cut (evidence excerpts).</summary>
    internal static string Truncate(string text, int max) => text.Length <= max ? text : text[..max] + "…";

    private const string DecisionActs = @"decid\w*|approv\w*|reject\w*|refus\w*|declin\w*|admit\w*|den(y|ies|ied)|grant\w*|award\w*|dismiss\w*|terminat\w*|revok\w*|accept\w*|select\w*|filter\w*|profil\w*|diagnos\w*|recommend\w*|propos\w*";

    // Round 19: what stands before the act in a sentence of a process description: a setting label before a colon
    // ("Cluj university: "), a leading adverbial clause ("once the lecturers have marked the exams, ") and the step or
    // the system as the subject ("the step compares ...", "the software turns ..."). Round 21: the subject also without its
    // article, as a step name's reading leaves it when the article was written as a capital ("A tool compares ..." reads
    // "tool compares ..."), then only before a verb in the third person ("tool compares", not "model the demand").
    // A leading place with no comma before the system as subject ("At the benefits desk a tool gathers ..."). Interpreted,
    // not generated: the generated matcher did not take the lookahead after the lazy place (round 27).
    private static readonly Regex PlaceBeforeTheSystem = new(@"^\s*(in|at|for|within|inside) [^,;:.!?]{1,80}?\s(?=(the|this|a|an|its|our) " + SystemSubject + @"s? \p{Ll})", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    /// <summary>
    /// The text without what stands before its act (<see cref="LeadingAdverbial"/>), read again on what is left (at most
    /// three times): "After the term, a tool points out ..." leaves "points out ..." (round 27: the generated matcher
    /// stops after the first part of a setting, a clause and then the system as subject).
    /// </summary>
    private static string WithoutLeadingAdverbial(string text)
    {
        for (var i = 0; i < 3; i++)
        {
            var next = PlaceBeforeTheSystem.Replace(LeadingAdverbial().Replace(text, ""), "");
            if (next.Length == text.Length)
            {
                break;
            }

            text = next;
        }

        return text;
    }

    // Round 27: also a clause that says when ("before the recruiter reads them, "), a leading place or beneficiary ("At the
    // benefits desk, ", "For the benefits office " before the system as subject), the system as a possessed subject ("the
    // college's software reviews ...") and a person who runs or uses the system to do the act ("HR runs a tool over last
    // year's decisions to spot ..."): the act is what follows. Round 48: also a person who has or lets the system do it
    // ("the detective has a tool transcribe and index the interviews").
    // Interpreted, not generated (round 27): the generated matcher missed the system as subject after the optional
    // possessive ("the tool tidies ..." matched nothing), where the interpreter reads it. Round 37: one word may name
    // the kind of system before its noun ("a language tool rewrites ...", "the scoring model ranks ...").
    private static readonly Regex LeadingAdverbialRegex = new(@"^\s*([^:;.!?]{1,80}:\s+)?((after|once|when|at the end of|following|before)\b[^,;]{0,100},\s*|(in|at|for|within|inside) [^,;:.!?]{1,80}?,\s*)?((the|this|a|an|its|our) (([\w'’-]+ ){0,3}?[\w-]+['’]s )?([\w-]+ )?" + SystemSubject + "s? " + SubjectAdverb + @"(?=\p{Ll})|" + SystemSubject + " " + SubjectAdverb + @"(?=\p{Ll}+s\b)|[^,;:.!?]{0,60}?\b(run|runs|use|uses|apply|applies|applied|used|ran) (a|an|the|its|our) ([\w-]+ )?" + SystemSubject + @"\b[^,;:.!?]{0,80}?\bto (?=\p{Ll})|[^,;:.!?]{0,60}?\b(has|have|had|gets|get|got|lets|let) (a|an|the|its|our|their) ([\w-]+ )?" + SystemSubject + @" (to )?(?=\p{Ll}))?", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    private static Regex LeadingAdverbial() => LeadingAdverbialRegex;

    // The system or the step as the subject of a sentence, and the adverb that may follow it (LeadingAdverbial).
    private const string SystemSubject = "(step|system|tool|model|software|program|bot|assistant|engine|algorithm)";
    private const string SubjectAdverb = "(then |also |automatically |only |first |just )?";

    [GeneratedRegex(@"^\s*(automatically\s+)?(" + AssessmentActs + "|" + DecisionActs + @")\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex LeadAssessmentOrDecision();

    // Round 27: the system named as the one that assesses or decides anywhere in the text ("sorted by software that decides
    // which one is answered first", "software deciding whether a helicopter is sent"): not a task Art. 6(3) lifts.
    [GeneratedRegex(@"\b((that|which)|" + SystemSubject + @"s?)\s+(then\s+|also\s+|automatically\s+|itself\s+)?(" + AssessmentActs + "|" + DecisionActs + @"|deciding|assessing|ranking|scoring|rating)\b(?!\s+(nobody|no one|none|nothing)\b)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SystemAssessesOrDecides();

    // A clause after a semicolon or a full stop whose subject is a person or a thing named with a determiner, not the system.
    // Round 38: also a plural noun without a determiner followed by an adverb of who does it ("; advisers then assess
    // every application").
    // Round 45: also a clause led by "before", "until", "so that" or "whereupon" whose subject (no pronoun, no system, no
    // verb in -ing) then assesses, decides or reviews ("..., before a caseworker assesses it and decides the grant"), and a
    // relative clause whose subject assesses, decides, reviews or draws up ("for the counsellor, who then draws up the
    // plan and decides"): the decision in it is that person's, not the system's.
    [GeneratedRegex(@"[;.]\s+((the|a|an|each|every|their|his|her|no)\s+(?!" + SystemSubject + @"s?\b)|(?!(then|and|also|it|its|this|that|these|those|there|which|who|" + SystemSubject + @")s?\b)[\w'’-]+s\s+(then|still|themselves|alone|always|later|personally|each)\s)[^;.]*"
        + @"|\b(before|until|so that|whereupon|after which)\s+(?!((the|a|an|each|every|their|his|her|our)\s+)?(it|its|this|that|they|them|there|which|" + SystemSubject + @")s?\b)(?!\w+ing\b)((the|a|an|each|every|their|his|her|our)\s+)?[\w'’-]+(\s+[\w'’-]+)?\s+(then\s+|still\s+|alone\s+|personally\s+|themselves\s+|herself\s+|himself\s+)?(assess(es|ed)?|decid(e|es|ed)|review(s|ed)?|examin(e|es|ed)|judg(e|es|ed)|evaluat(e|es|ed)|consider(s|ed)?)\b[^;.]*"
        + @"|,\s*who\s+(then\s+|still\s+|alone\s+|personally\s+|later\s+)?(?!(is|are|was|were|has|have|had|get|gets|got|receive|receives)\b)[^;.]*?\b(assess\w*|decid\w*|review\w*|examin\w*|judg\w*|evaluat\w*|consider\w*|draws? up|drew up|signs? off)\b[^;.]*", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ClauseOfAnotherSubject();

    [GeneratedRegex(@"\b(and|then) (then |also |automatically )?(" + AssessmentActs + "|" + DecisionActs + @")\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ThenAssessesOrDecides();

    [GeneratedRegex(@"\bby (how (well|likely|good|strong|suitable|promising|much)|(their |its )?(likel\w*|suitab\w*|merit\w*|fit\b|quality|strength|chances?|risk\w*|scores?|ratings?|performance|reliab\w*))", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex MeritCriterion();

    // Art. 6(3)(b): improving the result of a previously completed human activity. Round 37: also rewording finished work
    // only to make it neutral or readable ("rewrites adverts that recruiters have already finished, only to make them
    // gender-neutral"). Round 46: a comma between the words before the wording ("in neutral, polite wording").
    [GeneratedRegex(@"^\s*(improv\w*|polish\w*|tid(y|ies|ied|ying)|smooth\w*|correct\w*|proofread\w*|edit\w*|re-?word\w*|re-?writ\w*|rephras\w*|fix\w*|check\w*|clean\w*|copy-?edit\w*)\b(\s+up)?\s+([\w'’-]+,?\s+){0,6}?(wording|language|spelling|grammar|typos?|punctuation|tone|style|phrasing)\b|^\s*(re-?writ\w*|re-?word\w*|rephras\w*|edit\w*|polish\w*)\s+[^.;:!?]{0,80}?\b(already (finished|written|drafted|done|completed|approved)|finished|completed)\b[^.;:!?]{0,60}?\bonly to (make|keep)\b[^.;:!?]{0,40}?\b(gender-?neutral|readable|clearer|plainer|simpler|easier to read|inclusive|consistent)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ImprovesCompletedWork();

    // Art. 6(3)(c): the act that finds deviations. Round 46: also looking back at or going through earlier decisions, an audit.
    // Round 47: a mark that "sits far from" the examiner's usual pattern.
    [GeneratedRegex(@"^\s*(flag\w*|show\w*|look\w* (back )?(at|over|through|into)|go(es)? (back )?(through|over)|audit\w*|point\w* out|highlight\w*|detect\w*|compar\w*|check\w*|find\w*|list\w*|spot\w*|mark\w* out|mark(s|ed|ing)? ([\w'’-]+ ){0,3}?(that|which|whose|where)|review\w*|report\w*|signal\w*|tell\w*)\b.{0,160}?\b(deviat\w*|differ\w*|depart\w*|unusual\w*|inconsisten\w*|anomal\w*|outliers?|strict\w*|harsh\w*|lenien\w*|drift\w*|stray\w*|diverg\w*|atypical\w*|out of line|out of step|out of keeping|irregular\w*|far (away )?(from|off))", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex DetectsDeviation();

    // Round 48: the passive form, the cases that deviate as the subject of their flagging ("Blue badge decisions that differ
    // from how the office usually decides similar cases are flagged for a team leader").
    [GeneratedRegex(@"^[^.;:!?]{0,120}?\b(that|which|where|whose)\b[^.;:!?]{0,80}?\b(deviat\w*|differ\w*|depart\w*|stray\w*|diverg\w*|(is|are) (out of line|out of step|unusual|atypical|inconsistent))[^.;:!?]{0,120}?\b(are|is|get|gets|were|was) (then |automatically |first |all )?(?<act>flagged|highlighted|marked|listed|shown|reported|sent|passed|forwarded|put)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex DeviationsFlagged();

    [GeneratedRegex(@"\b(patterns?|usual\w*|normal\w*|habits?|typical\w*|customary|earlier|prior|previous|past|the others|other (examiners?|judges?|teachers?|officers?|offices?|caseworkers?)|years?|before)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PriorPattern();

    // For a person to review. Round 46: also "so that a senior officer reviews them" (the person as the subject, no "can").
    // Round 47: also a next sentence in which the person re-reads or reviews ("... The chief examiner re-reads each one").
    [GeneratedRegex(@"\b(for (the |a |an |their |its |them )?([\w'’-]+ ){0,4}?(to|who (will )?) ?(review|look|check|examin\w*|consider|follow|decide|investigat\w*)|so (that )?(a |an |the |they )?([\w'’-]+ ){0,4}?can (look|review|check|examin\w*)|so (that )?(a |an |the )([\w'’-]+ ){0,3}?(reviews|looks at|checks|examines|re-?examines|reconsiders|looks again at)\b|for (a |the )?(second look|review|human review)|to (review|look at|look into)|can (take|have) (a |another )?(second |closer |fresh |further )?look|, (who|which) (then |will |can |first |only )?(review|look|check|examin|consider|decide|investigat|re-?mark|re-?grad|re-?assess)\w*|(for|to) (the |a |an |their |its )?([\w'’-]+ ){0,2}?(committee|board|panel|jury|caseworkers?|case officers?|officers?|reviewers?|examiners?|supervisors?|managers?|teachers?|lecturers?|inspectors?|auditors?|advisers?|advisors?|clerks?|staff|humans?|persons?|people|team)|[.;] (then |afterwards )?(the |a |an |each |every )?([\w'’-]+ ){0,2}?(examiners?|officers?|caseworkers?|case officers?|reviewers?|panel|committee|board|teachers?|lecturers?|tutors?|managers?|supervisors?|auditors?|inspectors?|clerks?|staff) (then |still |always |personally |first )?(re-?reads?|re-?checks?|re-?examines?|re-?marks?|reviews?|looks? (again )?at|checks?|examines?|reads?)\b)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ForHumanReview();

    // Art. 6(3)(d): checking that a file is complete. Round 47: also that its papers are "attached" or "enclosed". Round 48:
    // also gathering reports and attendance records.
    [GeneratedRegex(@"^\s*((check|verif|confirm|make sure|ensur)\w*\s+(that\s+|whether\s+|if\s+)?.{0,80}?(\b(complete\w*|missing|mandatory|required|attached|enclosed)\b|\b(all|every|each)\b.{0,40}?\b(documents?|attachments?|papers?|pages?|fields?|signatures?|payslips?|forms?|evidence|proofs?|certificates?)\b)|(collect|gather|assembl|compil)\w*\s+(and \w+ )?.{0,60}?\b(documents?|papers?|paperwork|payslips?|statements?|receipts?|attachments?|files?|evidence|certificates?|records?|reports?|attendance)\b|pre-?fill\w*|prepar\w* (the |a |each )?(file|dossier|folder|case file)s?)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PreparesAnAssessment();

    // Round 38: reading documents to fill their figures into a form (Art. 6(3)(d), "reads the scanned payslips and fills the
    // amounts into the form"). Interpreted, not generated: the generated matcher of this pattern, joined to the one above,
    // threw IndexOutOfRangeException on ordinary text (.NET 10 regex source generator).
    private static readonly Regex FillsAFormFromDocumentsRegex = new(@"^\s*((read|scan)\w* (the |their |its |all )?([\w'’-]+ ){0,3}?(payslips?|documents?|contracts?|receipts?|invoices?|statements?|certificates?|forms?|papers?|letters?)\b[^.;:!?]{0,80}?\b(fill|enter|copy|copies|copied|put|puts|transfer|key)\w* (in |into )?(the |their |its |all )?([\w'’-]+ ){0,2}?(amounts?|figures?|fields?|details|data|numbers?|sums?|values?|dates?|names?)\b|fill(s|ed|ing)? (in |out )(the |a |each |their )?([\w'’-]+ ){0,2}?forms?\b)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    [GeneratedRegex(@"^\s*(translat\w*|transcrib\w*|convert\w*|digiti[sz]\w*|cop(y|ies|ied|ying)|index(es|ed|ing)?|number(s|ed|ing)?|fil(e|es|ed|ing)|archiv\w*|attach\w*|link(s|ed|ing)?|re-?format\w*|format\w*|scan(s|ned|ning)?|de-?duplicat\w*|dedup\w*|(find|remov|detect|spot|merg|flag)\w* (\w+ ){0,3}duplicat\w*|turn(s|ed|ing)? .{1,100}?\binto\b(?! (a|an|one|the|their|his|her|its|each|every) ([\w'’-]+ ){0,2}?(scores?|figures?|ratings?|grades?|marks?|ranks?|rankings?|verdicts?|profiles?|risk (levels?|ratings?|scores?|figures?)|probabilit(y|ies)|likelihoods?|estimates?|predictions?)\b)|extract\w* (the )?([\w'’-]+ ){0,2}?(data|details|fields|information|text|entries)\b|[^,;:.!?]{1,80}?\b(are|is|get|gets) (automatically |then |first |only )?(translated|transcribed|converted|digiti[sz]ed|indexed|filed|archived|scanned|de-?duplicated|reformatted|extracted)\b|put(s|ting)? .{1,80}?\bin(to)? ((date|alphabetical|chronological|numerical|reverse) order|order of (arrival|receipt|date|submission|filing))\b|(sort(s|ed|ing)?|put(s|ting)?|plac(e|es|ed|ing)) .{1,100}?\b(into (\w+ ){0,2}(folders|piles|batches|trays|boxes|types|languages)|into (\w+ ){0,2}(queues?|inbox(es)?|folders?|piles?|trays?) (for|of) (the |each |its )?(right |correct |matching |relevant )?(language|languages|team|teams|office|offices|department|departments|branch|branches|region|regions|desk|desks|kind|type|types|country|countries)|by (the )?(document |file )?(type|language|date|arrival|vacancy|category|name|number|office|region))\b)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex NarrowProcedure();

    // Closing a case, a claim or a ticket, and nothing more: the file is closed once it is handled ("close claim");
    // "close the account" or "close the claim without payment" say more than that and are not read as procedural.
    [GeneratedRegex(@"^\s*clos(e|es|ed|ing) (the )?(case|claim|ticket|file|incident|request|order|dossier|record)s?\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ClosingOfAFile();

    [GeneratedRegex(@"^\s*(regist(er|ers|ered|ering|ration)|record(s|ed|ing)?|enter(s|ed|ing)?|input(s|ted|ting)?|key (in|into)|log(s|ged|ging)? (in|into)|fil(e|es|ed|ing)|archiv(e|es|ed|ing)|stor(e|es|ed|ing)|scan(s|ned|ning)?|upload(s|ed|ing)?|attach(es|ed|ing)?|print(s|ed|ing)?|cop(y|ies|ied|ying)|digiti[sz](e|es|ed|ing))\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex RecordKeepingVerb();

    [GeneratedRegex(@"^\s*(assign\w*|allocat\w*|rout(e|es|ed|ing)|forward\w*|hand\w* over)( (it|the|a|an|case|application|ticket|request|file))*( to)?( (the|a|an))? (recruiters?|handlers?|case ?workers?|case handlers?|agents?|reviewers?|approvers?|assessors?|owners?|clerks?|officers?|support groups?|resolver groups?|teams?|queues?)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex HandlerAssignment();

    /// <summary>
    /// Acts that evaluate a person or a case: assess, evaluate, score, rate, rank, screen, shortlist, classify,
    /// categorise, prioritise, triage, predict, grade, judge (the uses Annex III 3, 4(a), 5(a)-(d) name: "evaluate",
    /// "establish a credit score", "classify", "establish priority", "triage", "filter and evaluate candidates").
    /// </summary>
    private const string AssessmentActs =
        @"assess\w*|evaluat\w*|scor\w*|rat(e|es|ed|ing)|rank\w*|screen\w*|shortlist\w*|short-list\w*|classif\w*|categori[sz]\w*|prioriti[sz]\w*|triag\w*|predict\w*|grad(e|es|ed|ing)|judg\w*"
        // Round 45: flagging a risk, a suspect or a fraud is judging who or what is one ("flag_risk" at a border police
        // check, "fraud flagging"); flagging a duplicate or a missing field stays a procedural check.
        + @"|flag(s|ged|ging)? (the |a |an |each |every |any )?(high[- ])?(risks?|risky|suspects?|suspicious|suspicions?|fraud\w*|threats?|dangers?|dangerous)|(risk|fraud|threat|suspect|suspicion|danger) flag(s|ged|ging)?"
        // Round 24: estimating how likely an outcome is, is predicting it ("determine likelihood of claim", the shipped
        // teleclaims log's step that decides whether a call becomes a claim).
        + @"|(determin|estimat|calculat|comput|work\w* out|establish|gaug)\w* (the |a |an )?(\w+ )?(likelihood|probability|chances?|odds)"
        // Round 32: measuring, monitoring or tracking a named person's output or performance is the monitoring and
        // evaluation of performance Annex III 4(b) names ("monitor every cashier's speed"), not a record kept.
        + @"|(measur|monitor|track)\w* (\w+ ){0,2}(each|every|their|his|her|[\w-]+['’]s|[\w-]+s['’]) ([\w-]+ ){0,2}(output|performance|productivity|speed|pace|efficiency)";

    [GeneratedRegex(@"\b(" + AssessmentActs + @"|select\w*|filter\w*|profil\w*|diagnos\w*|match\w*|emotion\w*|biometric\w*|fingerprint\w*|faces?|facial)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Evaluation();

    [GeneratedRegex(@"\b(" + AssessmentActs + @")\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex AssessmentAct();

    /// <summary>
    /// The step's act evaluates a person or a case (<see cref="AssessmentActs"/>: "Calc score", "Shortlist", "Categorise
    /// caller", "Rank applicants") and it does not only communicate or keep records. Such a step is where the Annex III
    /// uses of its process are made: they name the evaluation ("evaluate the creditworthiness", "establish a credit
    /// score", "evaluate and classify emergency calls", "filter applications and evaluate candidates"), not only the decision.
    /// </summary>
    public static bool IsAssessmentStep(string normalisedName) =>
        AssessmentAct().IsMatch(normalisedName) && !IsCommunicationOnly(normalisedName) && !RecordKeepingVerb().IsMatch(normalisedName);

    /// <summary>
    /// Round 17: the step works the case without naming an evaluation or a decision: it checks, reviews, verifies,
    /// inspects or analyses it, identifies or recognises someone, watches or tracks them, allocates or assigns work,
    /// prioritises, suspends, blocks, disconnects or stops, updates (round 18: a rota, a score, a person's record), or
    /// handles an application, request or claim (round 18: also in noun-first order, "application handle"), calculates or
    /// recomputes (a premium, points, hours) or recognises (round 25: "premium calculation", "mood recognition") ("ΕΛΕΓΧΟΣ_ΕΠΙΔΟΜΑΤΟΣ",
    /// read "review benefit"; "cheat_watch"; "IDENTIFICACION_EN_VIVO"; "Обработка_заявления", read "handle
    /// application"). In a process whose description says what the system does there, such a step is where it is done;
    /// a step that only communicates or keeps records is not, nor one that checks a file's form (documents complete,
    /// received, signed, legible, duplicates: Art. 6(3)(a)).
    /// </summary>
    public static bool IsCaseWorkStep(string normalisedName) =>
        CaseWorkAct().IsMatch(normalisedName) && !IsCommunicationOnly(normalisedName) && !RecordKeepingVerb().IsMatch(normalisedName)
        && !ProceduralCheck().IsMatch(normalisedName);

    // A check of a file's form, not of the person: whether documents are complete, received, signed, legible, in the
    // right format, or duplicates (Art. 6(3)(a), a narrow procedural task).
    [GeneratedRegex(@"\b(complete(ness)?|incomplete|received|receipt|present|missing|signed|signatures?|legib\w*|format\w*|duplicat\w*|spelling)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ProceduralCheck();

    // Round 45: also proctoring or invigilating a test and flagging a case ("Proctor_Flag" of an online exam whose
    // description states the webcam watch): the watch of Annex III 3(d) is done at such a step; and French "notation"
    // (the marking of scripts, "Notation_Copies"), an English word too rare in a step's name to mean anything else there.
    [GeneratedRegex(@"\b(check\w*|control\w*|verif\w*|review\w*|inspect\w*|examin\w*|analy[sz]\w*|identif\w*|recogni[sz]\w*|recognition|(re-?)?calculat\w*|(re-?)?comput(e|es|ed|ing|ation)|detect\w*|monitor\w*|watch\w*|track\w*|observ\w*|surveil\w*|proctor\w*|invigilat\w*|flag(s|ged|ging)?|notation|allocat\w*|assign\w*|dispatch\w*|distribut\w*|prior|priority|suspend\w*|block\w*|disconnect\w*|stop(s|ped|ping)?|updat(e|es|ed|ing)|ban(s|ned|ning)?|exclu\w*|(handl|process)(e|es|ed|ing)? (the |an? )?(applications?|requests?|claims?|cases?)|(applications?|requests?|claims?|cases?) (handl|process)(e|es|ed|ing)?)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex CaseWorkAct();

    /// <summary>
    /// Round 18: the step names the outcome of the case (Italian "Esito sinistro", read "outcome claim"; "Case outcome"): the
    /// step where the decision on it is recorded, which takes what its process's description says is decided as a step
    /// that decides does.
    /// </summary>
    public static bool NamesTheOutcome(string normalisedName) =>
        Outcome().IsMatch(normalisedName) && !IsCommunicationOnly(normalisedName);

    [GeneratedRegex(@"\boutcomes?\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Outcome();

    /// <summary>
    /// Round 27: the step converses with the person or generates content (AI Act Art. 50(1) "interact directly with
    /// natural persons", 50(2) "generating synthetic ... text content"): it replies, responds, answers, chats, talks,
    /// holds a dialogue, is the assistant or bot, or generates or synthesises. One-way sending, notifying or printing is
    /// not a conversation.
    /// </summary>
    public static bool ConversesOrGenerates(string normalisedName) => ConversationOrGeneration().IsMatch(normalisedName);

    [GeneratedRegex(@"\b(repl(y|ies|ied|ying)|respon(d|ds|ded|ding|se|ses)|answer(s|ed|ing)?|chat\w*|talk(s|ed|ing)?|speak(s|ing)?|convers\w*|dialog\w*|assistants?|(chat|voice)?bots?|generat\w*|synthes\w*)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ConversationOrGeneration();

    /// <summary>The step writes to or talks with someone outside the organisation.</summary>
    public static bool IsContact(string normalisedName) => Contact().IsMatch(normalisedName);

    // A one-letter code before the name: "A_SUBMITTED" (BPIC 2012's lifecycle prefixes), "B register claim" (a
    // branch's letter before a step written in small letters).
    [GeneratedRegex(@"^([A-Z]_(?=\S)|[A-Z] (?=[a-z]))")]
    private static partial Regex SystemPrefix();

    [GeneratedRegex(@"(\p{Ll})(\p{Lu})")]
    private static partial Regex CamelBoundary();

    [GeneratedRegex(@"\b(approv\w*|declin\w*|reject\w*|accept\w*|grant\w*|den(y|ied|ial)|refus\w*|award\w*|decid\w*|decision\w*|verdicts?|rulings?|penalt\w*|fines?|sanction\w*|dismiss\w*|terminat\w*|revok\w*|withdraw\w*|sign(s|ed|ing)?[- ]?off|result appeal|credit collection|eligib\w*|admission\w*|admit\w*|enrol\w*|passed|goedgekeurd|afgewezen)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Decision();

    [GeneratedRegex(@"\b(credit collection|penalt\w*|declin\w*|reject\w*|refus\w*|approv\w*|den(y|ied|ial)|revok\w*|terminat\w*|dismiss\w*)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex StrongDecision();

    [GeneratedRegex(@"\b(send\w*|sent|notif\w*|inform\w*|call\w*|nabellen|e-?mail\w*|letters?|repl(y|ies|ied)|contact\w*|messag\w*|chat\w*|remind\w*)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Contact();
}

/// <summary>How much of a step name the screen understands (<see cref="TaskText.Understanding"/>).</summary>
/// <param name="Readable">The name's readable form, as the screen reads it.</param>
/// <param name="Words">Its words of at least three letters that are not function words.</param>
/// <param name="Understood">Of those, the words of the sentence model's English vocabulary or of the step glossary.</param>
/// <param name="Unknown">The others.</param>
public sealed record NameUnderstanding(string Readable, int Words, int Understood, IReadOnlyList<string> Unknown)
{
    /// <summary>More than half of its words are understood.</summary>
    public bool IsRead => 2 * Understood > Words;

    /// <summary>"0 of 2 words are English or glossary words: 'kõne', 'klass'".</summary>
    public string Describe() =>
        string.Create(CultureInfo.InvariantCulture, $"{Understood} of {Words} words are English or glossary words")
        + (Unknown.Count == 0 ? "" : ": " + string.Join(", ", Unknown.Take(6).Select(w => "'" + w + "'")));
}
