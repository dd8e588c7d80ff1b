using System.Buffers;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using AutomationScanner.Core.Model;

namespace AutomationScanner.Core.Classification;

/// <summary>
/// Turns event-log activity names ("Declaration SUBMITTED by EMPLOYEE", "W_Completeren aanvraag",
/// "A_PARTLYSUBMITTED", "createPurchaseOrder+complete") into task-like text for the model, which was trained on
/// O*NET sentences ("Enter data into computer systems."). Rules, in order:
/// <list type="number">
/// <item>drop a lifecycle suffix ("+complete", "(start)") and a one-letter namespace prefix ("A_", "O_", "W_");</item>
/// <item>split underscores, dashes, dots, slashes and CamelCase; split glued status words ("PARTLYSUBMITTED");</item>
/// <item>expand common abbreviations ("appl" to "application", "PO" to "purchase order");</item>
/// <item>drop trailing lifecycle words ("start", "complete");</item>
/// <item>turn a status participle into a leading verb ("declaration submitted by employee" to
/// "submit declaration by employee").</item>
/// </list>
/// It knows English only: other languages pass through split but untranslated, and the model flags them as low
/// confidence because their words are unknown to it.
/// </summary>
public static partial class ActivityNameNormalizer
{
    private static readonly Dictionary<string, string> Abbreviations = new(StringComparer.OrdinalIgnoreCase)
    {
        ["appl"] = "application",
        ["app"] = "application",
        ["req"] = "request",
        ["reqs"] = "requests",
        ["doc"] = "document",
        ["docs"] = "documents",
        ["info"] = "information",
        ["inv"] = "invoice",
        ["po"] = "purchase order",
        ["gr"] = "goods receipt",
        ["ir"] = "invoice receipt",
        ["amt"] = "amount",
        ["qty"] = "quantity",
        ["mgr"] = "manager",
        ["mgmt"] = "management",
        ["dept"] = "department",
        ["cust"] = "customer",
        ["addr"] = "address",
        ["acct"] = "account",
        ["pmt"] = "payment",
        ["pymt"] = "payment",
        ["msg"] = "message",
        ["notif"] = "notification",
        ["chk"] = "check",
        ["upd"] = "update",
        ["calc"] = "calculate",
        ["eval"] = "evaluate",
        ["rcpt"] = "receipt",
        ["tkt"] = "ticket",
        ["svc"] = "service",
        ["emp"] = "employee",
        ["supv"] = "supervisor",
        ["admin"] = "administration",
        ["auth"] = "authorization",
        ["conf"] = "confirmation",
        ["ack"] = "acknowledge",
        ["wf"] = "workflow",
        ["sched"] = "schedule",
        ["hr"] = "human resources",
        ["id"] = "identification",
        ["er"] = "emergency room",
        ["iv"] = "intravenous",
        ["erp"] = "enterprise resource planning system",
        ["crm"] = "customer relationship management system",
        ["kyc"] = "customer identity check",
        ["sla"] = "service level agreement",
    };

    /// <summary>Status words as event logs write them, and the verb a task statement would start with.</summary>
    private static readonly Dictionary<string, string> Participles = new(StringComparer.OrdinalIgnoreCase)
    {
        ["submitted"] = "submit",
        ["approved"] = "approve",
        ["rejected"] = "reject",
        ["declined"] = "decline",
        ["accepted"] = "accept",
        ["cancelled"] = "cancel",
        ["canceled"] = "cancel",
        ["sent"] = "send",
        ["received"] = "receive",
        ["handled"] = "handle",
        ["registered"] = "register",
        ["created"] = "create",
        ["changed"] = "change",
        ["updated"] = "update",
        ["deleted"] = "delete",
        ["checked"] = "check",
        ["paid"] = "pay",
        ["booked"] = "book",
        ["closed"] = "close",
        ["opened"] = "open",
        ["finalized"] = "finalize",
        ["saved"] = "save",
        ["requested"] = "request",
        ["released"] = "release",
        ["recorded"] = "record",
        ["reviewed"] = "review",
        ["validated"] = "validate",
        ["verified"] = "verify",
        ["activated"] = "activate",
        ["notified"] = "notify",
        ["escalated"] = "escalate",
        ["resolved"] = "resolve",
        ["returned"] = "return",
        ["filled"] = "fill",
    };

    /// <summary>Glued all-caps status words seen in public logs (BPIC 2012).</summary>
    private static readonly Dictionary<string, string> GluedWords = new(StringComparer.OrdinalIgnoreCase)
    {
        ["partlysubmitted"] = "partly submitted",
        ["preaccepted"] = "pre accepted",
        ["finalapproved"] = "final approved",
    };

    /// <summary>The characters <see cref="Separators"/> turns into spaces.</summary>
    private static readonly SearchValues<char> SeparatorChars = SearchValues.Create("_-./\\:;,+()[]{}\"'#|");

    /// <summary>The characters every <see cref="LifecycleSuffix"/> match starts with.</summary>
    private static readonly SearchValues<char> SuffixOpeners = SearchValues.Create("+([");

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static string Normalize(string activityName)
    {
        ArgumentNullException.ThrowIfNull(activityName);
        // Each rule runs only when its pattern can match (most names need none of them): the same text, without the regex.
        var text = activityName.Trim();
        if (text.AsSpan().ContainsAny(SuffixOpeners))
        {
            text = LifecycleSuffix().Replace(text, string.Empty);
        }

        if (text.Length > 2 && text[1] == '_')
        {
            text = NamespacePrefix().Replace(text, string.Empty);
        }

        if (text.AsSpan().ContainsAny(SeparatorChars))
        {
            text = Separators().Replace(text, " ");
        }

        if (MayHaveCaseBoundary(text))
        {
            text = CamelCaseBoundary().Replace(text, " ");
        }

        var tokens = new List<string>();
        foreach (var raw in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var token = GluedWords.TryGetValue(raw, out var glued) ? glued : raw;
            token = Abbreviations.TryGetValue(token, out var expanded) ? expanded : token;
            if (token.Contains(' ', StringComparison.Ordinal))
            {
                foreach (var part in token.Split(' ', StringSplitOptions.RemoveEmptyEntries))
                {
                    tokens.Add(part.ToLowerInvariant());
                }
            }
            else
            {
                tokens.Add(token.ToLowerInvariant());
            }
        }

        while (tokens.Count > 1 && LifecycleVocabulary.NameSuffixWords.Contains(tokens[^1]))
        {
            tokens.RemoveAt(tokens.Count - 1);
        }

        // "declaration submitted by employee" reads as a state; the model knows tasks: "submit declaration by employee".
        var participle = -1;
        for (var i = 0; i < tokens.Count && participle < 0; i++)
        {
            participle = Participles.ContainsKey(tokens[i]) ? i : -1;
        }

        if (participle > 0)
        {
            var verb = Participles[tokens[participle]];
            tokens.RemoveAt(participle);
            tokens.Insert(0, verb);
        }
        else if (participle == 0)
        {
            tokens[0] = Participles[tokens[0]];
        }

        if (tokens.Count == 0)
        {
            return activityName.Trim();
        }

        var sentence = string.Join(' ', tokens);
        var initial = char.ToUpperInvariant(sentence[0]);
        return initial == sentence[0] ? sentence : string.Concat(new ReadOnlySpan<char>(in initial), sentence.AsSpan(1));
    }

    /// <summary>
    /// False when <see cref="CamelCaseBoundary"/> cannot match: each of its boundaries has an upper-case letter after
    /// another character or a decimal digit next to it.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool MayHaveCaseBoundary(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var category = char.GetUnicodeCategory(text[i]);
            if (category == UnicodeCategory.DecimalDigitNumber || (i > 0 && category == UnicodeCategory.UppercaseLetter))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// "+complete", "(start)", "[withdraw]": a transition value glued to the name, words from <see cref="LifecycleVocabulary"/>.
    /// Interpreted, not compiled: it runs once per task name, and compiling it cost start-up more than it ever saved.
    /// </summary>
    private static readonly Regex LifecycleSuffixRegex = new(
        @"\s*(\+|\(|\[)\s*(" + string.Join('|', LifecycleVocabulary.Words
            .Where(w => w.Uses.HasFlag(LifecycleUse.Value) && w.Uses.HasFlag(LifecycleUse.NameSuffix))
            .Select(w => Regex.Escape(w.Word))) + @")\s*(\)|\])?\s*$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    private static Regex LifecycleSuffix() => LifecycleSuffixRegex;

    [GeneratedRegex(@"^[A-Z]_(?=\p{L})", RegexOptions.CultureInvariant)]
    private static partial Regex NamespacePrefix();

    [GeneratedRegex(@"[_\-./\\:;,+()\[\]{}""'#|]+", RegexOptions.CultureInvariant)]
    private static partial Regex Separators();

    [GeneratedRegex(@"(?<=\p{Ll})(?=\p{Lu})|(?<=\p{Lu})(?=\p{Lu}\p{Ll})|(?<=\p{L})(?=\p{Nd})|(?<=\p{Nd})(?=\p{L})", RegexOptions.CultureInvariant)]
    private static partial Regex CamelCaseBoundary();
}
