namespace AutomationScanner.Core.Documents;

/// <summary>Verbs that open a step in SOPs and work instructions ("Check ...", "Enter ...").</summary>
internal static class VerbLexicon
{
    private static readonly HashSet<string> Verbs = new(StringComparer.OrdinalIgnoreCase)
    {
        "accept", "access", "add", "adjust", "allocate", "analyse", "analyze", "answer", "apply", "approve", "archive", "arrange",
        "ask", "assess", "assign", "attach", "audit", "authorise", "authorize", "book", "calculate", "call", "cancel", "capture",
        "categorise", "categorize", "change", "check", "choose", "classify", "clear", "click", "close", "code", "collect", "compare",
        "compile", "complete", "compute", "confirm", "consolidate", "contact", "convert", "copy", "correct", "create", "decide",
        "define", "delete", "deliver", "determine", "discuss", "dispatch", "distribute", "document", "download", "draft", "edit",
        "email", "e-mail", "enter", "ensure", "escalate", "establish", "estimate", "evaluate", "examine", "execute", "export", "extract",
        "file", "fill", "find", "fix", "follow", "forward", "generate", "get", "give", "go", "handle", "identify", "import", "inform",
        "initiate", "input", "insert", "inspect", "install", "investigate", "issue", "key", "label", "launch", "log", "look", "mail",
        "maintain", "make", "manage", "mark", "match", "merge", "monitor", "move", "navigate", "notify", "obtain", "open", "order",
        "organise", "organize", "pay", "perform", "pick", "place", "plan", "post", "prepare", "print", "prioritise", "prioritize",
        "process", "produce", "provide", "publish", "purchase", "put", "raise", "read", "receive", "reconcile", "record", "redirect",
        "refer", "refund", "register", "reject", "release", "remind", "remove", "renew", "reopen", "repair", "reply", "report",
        "request", "require", "reroute", "resolve", "respond", "restart", "retrieve", "return", "review", "route", "run", "save",
        "scan", "schedule", "search", "select", "send", "set", "share", "sign", "sort", "specify", "start", "stamp", "store",
        "submit", "summarise", "summarize", "switch", "take", "test", "track", "transfer", "translate", "triage", "type", "update",
        "upload", "use", "validate", "verify", "visit", "wait", "write", "fixes", "fix", "take", "require", "inserts", "close",
    };

    private static readonly HashSet<string> Stems = new(Verbs.Select(TextNormalizer.Stem), StringComparer.Ordinal);

    public static bool IsVerb(string word) => Verbs.Contains(word);

    /// <summary>True when a normalised, stemmed token is a known verb ("clos" from "closes").</summary>
    public static bool IsVerbStem(string token) => Stems.Contains(token);
}
