using AutomationScanner.Core.Embeddings;

namespace AutomationScanner.Core.Ethics;

/// <summary>
/// The shortened words of exported step names (snake_case, camelCase and capital codes such as <c>CHK_ELIG</c>,
/// <c>APP_DECL</c>, <c>CHANGE DIAGN</c>, <c>JOIN-PAT</c>), read from a small dictionary of the shortenings real exports
/// use (ERP, case-management and ticketing systems; the shipped logs). A shortening with one reading is read in full
/// wherever it appears. One with several readings (<c>DEC</c>: decision, decrease or December; <c>FIN</c>: final,
/// finished, finance or fine) is read only in its process: <see cref="Resolve"/> takes the reading whose step text is
/// nearest in meaning to the process (its domain's description, its name, documents and other steps) and only when that
/// reading is clearly nearer than the next. Such a reading never matches a rule by itself: it only tells whether a step
/// decides or evaluates, so that the step inherits its process's rules, and the finding shows the reading.
/// </summary>
public static class StepCodes
{
    /// <summary>Shortenings with one reading that are not words of their own: read in any case.</summary>
    internal static readonly Dictionary<string, string> Shortenings = new(StringComparer.OrdinalIgnoreCase)
    {
        ["appl"] = "application",
        ["appln"] = "application",
        ["decl"] = "declined",
        ["calc"] = "calculate",
        ["appr"] = "approve",
        ["apprv"] = "approve",
        ["rej"] = "reject",
        ["req"] = "request",
        ["verif"] = "verify",
        ["notif"] = "notification",
        ["assmt"] = "assessment",
        ["chk"] = "check",
        ["cust"] = "customer",
        ["acct"] = "account",
        ["amt"] = "amount",
        ["qty"] = "quantity",
        ["pmt"] = "payment",
        ["pymt"] = "payment",
        ["docs"] = "documents",
        ["elig"] = "eligibility",
        ["assgn"] = "assign",
        ["asgn"] = "assign",
        ["canc"] = "cancel",
        ["cncl"] = "cancel",
        ["diagn"] = "diagnosis",
        ["appt"] = "appointment",
        ["mgr"] = "manager",
        ["mgmt"] = "management",
        ["dept"] = "department",
        ["empl"] = "employee",
        ["addr"] = "address",
        ["rcv"] = "receive",
        ["recv"] = "receive",
        ["rcpt"] = "receipt",
        ["reimb"] = "reimbursement",
        ["intvw"] = "interview",
        ["stmt"] = "statement",
        ["txn"] = "transaction",
        ["sched"] = "schedule",
        ["upd"] = "update",
        ["eval"] = "evaluation",
        ["adj"] = "adjust",
        ["prio"] = "priority",
    };

    /// <summary>Shortenings that are also words ("app", "doc"): read in full only where their capitals were chosen.</summary>
    internal static readonly Dictionary<string, string> CapitalShortenings = new(StringComparer.Ordinal)
    {
        ["APP"] = "application",
        ["DOC"] = "document",
        ["INV"] = "invoice",
        ["REG"] = "registration",
    };

    /// <summary>Shortenings with several readings, each a word the code begins or stands for in real exports.</summary>
    internal static readonly Dictionary<string, string[]> Ambiguous = new(StringComparer.OrdinalIgnoreCase)
    {
        ["dec"] = ["decision", "decrease", "December"],
        ["fin"] = ["final", "finished", "finance", "fine"],
        ["rev"] = ["review", "revision", "revenue", "reversal", "revoke"],
        ["acc"] = ["accept", "account", "accounting"],
        ["auth"] = ["authorise", "authentication", "authority"],
        ["exp"] = ["expense", "expiry", "experience", "export"],
        ["ref"] = ["reference", "referral", "refund"],
        ["del"] = ["delete", "delivery"],
        ["compl"] = ["complete", "complaint", "compliance"],
        ["susp"] = ["suspend", "suspicious", "suspense"],
        ["conf"] = ["confirm", "configuration", "conference"],
        ["stat"] = ["status", "statistics"],
        ["sub"] = ["submit", "subscription", "substitute"],
    };

    /// <summary>A reading is taken only when its step text is at least this much nearer to the process than the next reading's.</summary>
    public const double ReadingMargin = 0.02;

    /// <summary>
    /// The unambiguous reading of one word of a step name, or null. <paramref name="capitalsChosen"/>: the name is
    /// code-like or mixes cases, so a word in capitals was written as a code (not a sentence written all in capitals).
    /// </summary>
    internal static string? Expand(string word, bool capitalsChosen) =>
        Shortenings.TryGetValue(word, out var expanded) || (capitalsChosen && CapitalShortenings.TryGetValue(word, out expanded)) ? expanded : null;

    /// <summary>The words of the readable name that are ambiguous codes, with their candidate readings.</summary>
    public static IReadOnlyList<(string Code, string[] Readings)> AmbiguousCodes(string activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var readable = TaskText.Normalise(activity);
        var words = readable.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        // Code-like names only: a name of at most three words, or one whose code is written in capitals.
        return [.. words.Where(w => Ambiguous.ContainsKey(w) && (words.Length <= 3 || w.All(c => !char.IsLetter(c) || char.IsUpper(c))))
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .Select(w => (w, Ambiguous[w]))];
    }

    /// <summary>
    /// Reads the ambiguous codes of <paramref name="activity"/> in its process: each candidate reading replaces the code in
    /// the readable name and is compared by meaning with <paramref name="processTexts"/> (the domain's description, the
    /// process's name, documents and other steps); the nearest reading is taken when it beats the next by
    /// <see cref="ReadingMargin"/>. Null when the name has no ambiguous code or no reading is clearly nearest.
    /// </summary>
    public static CodeReading? Resolve(string activity, IReadOnlyList<string> processTexts, ITextEmbedder embedder)
    {
        ArgumentNullException.ThrowIfNull(processTexts);
        ArgumentNullException.ThrowIfNull(embedder);
        var codes = AmbiguousCodes(activity);
        if (codes.Count == 0 || processTexts.Count == 0)
        {
            return null;
        }

        var readable = TaskText.Normalise(activity);
        var context = embedder.Embed(processTexts);
        var read = readable;
        var explained = new List<string>();
        foreach (var (code, readings) in codes)
        {
            var texts = readings.Select(r => ReplaceWord(read, code, r)).ToList();
            var vectors = embedder.Embed(texts);
            var scored = vectors.Select((v, i) => (Reading: readings[i], Text: texts[i], Similarity: context.Max(c => VectorMath.Cosine(v, c))))
                .OrderByDescending(s => s.Similarity).ToList();
            if (scored[0].Similarity - scored[1].Similarity < ReadingMargin)
            {
                continue;
            }

            read = scored[0].Text;
            explained.Add(FormattableString.Invariant(
                $"'{code}' read as '{scored[0].Reading}' ({scored[0].Similarity:0.00} to the process; next '{scored[1].Reading}' {scored[1].Similarity:0.00})"));
        }

        return explained.Count == 0 ? null : new CodeReading(activity, read, string.Join("; ", explained));
    }

    private static string ReplaceWord(string text, string word, string replacement) =>
        string.Join(' ', text.Split(' ').Select(w => string.Equals(w, word, StringComparison.OrdinalIgnoreCase) ? replacement : w));
}

/// <summary>How an activity name's ambiguous codes were read in its process.</summary>
/// <param name="Activity">The activity name as exported.</param>
/// <param name="Text">The readable name with the codes read ("decision final").</param>
/// <param name="Evidence">Which code was read how, with the similarities that chose it.</param>
public sealed record CodeReading(string Activity, string Text, string Evidence);
