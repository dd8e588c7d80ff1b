using System.Text.RegularExpressions;

namespace AutomationScanner.Core.Documents;

/// <summary>Finds who performs a step: "the AP clerk", "a first-line support agent", "Clerk: ...", "the system".</summary>
internal static class RoleDetector
{
    private const string RoleNouns =
        "clerks?|managers?|agents?|analysts?|officers?|specialists?|team|supervisors?|approvers?|requesters?|requestors?|"
        + "technicians?|operators?|administrators?|admins?|assistants?|accountants?|controllers?|coordinators?|"
        + "desk|department|employees?|staff|reviewers?|engineers?|leads?|owners?|buyers?|planners?|auditors?|"
        + "advisors?|advisers?|representatives?|reps?|consultants?|caseworkers?|case workers?|nurses?|doctors?|physicians?|"
        + "recruiters?|director|cfo|ceo|hr|system|bot|robot|workflow|Sachbearbeiter(?:in)?|Mitarbeiter(?:in)?|medewerker";

    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(1);

    // Up to three modifiers before the role noun: "the accounts payable clerk", "a first-line support agent".
    // Only as the subject (sentence start) or the agent ("by the finance manager"): "in the SAP system" is a place.
    private static readonly Regex Article = new(
        @"(?:^\s*(?:then|next|afterwards|finally|dann|daarna)?,?\s*|(?<![\p{L}])(?:by|von|vom|door)\s+)(?:the|a|an|der|die|das|de|het|een)\s+(?<role>(?:[\p{L}][\p{L}\p{N}/&-]*\s+){0,3}(?:" + RoleNouns + @"))(?![\p{L}])",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, Timeout);

    // "AP clerk: enter the invoice" or "Role: Service desk agent".
    private static readonly Regex Prefix = new(
        @"^\s*(?:(?:role|who|responsible|owner|verantwortlich|rol)\s*:\s*(?<role>[^.;:\n]{2,60})|(?<role>(?:[\p{L}][\p{L}\p{N}/&-]*\s+){0,3}(?:" + RoleNouns + @"))\s*:)",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, Timeout);

    // Capitalised subject without article: "AP Clerk checks ...", "Finance team approves ...".
    private static readonly Regex Subject = new(
        @"^\s*(?<role>(?:[\p{Lu}][\p{L}\p{N}/&-]*\s+){0,3}(?i:" + RoleNouns + @"))\s+(?:must|should|shall|will|then|\p{Ll}+s)\b",
        RegexOptions.CultureInvariant, Timeout);

    // "The AP clerk checks ...", "A support agent must ...": a sentence that describes someone's step.
    private static readonly Regex SubjectSentence = new(
        @"^\s*(?:(?:then|next|afterwards|finally)\s*,?\s+)?(?:the|a|an|each|every)?\s*(?:[\p{L}][\p{L}\p{N}/&-]*\s+){0,3}?(?:" + RoleNouns + @")\s+(?:\p{L}+ly\s+)?(?:must|should|shall|will|can|may|then|also|now|first|\p{L}{2,}s)(?![\p{L}])",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, Timeout);

    public static bool StartsWithPerformer(string text) => SubjectSentence.IsMatch(text);

    public static string? Find(string text)
    {
        var match = Prefix.Match(text);
        if (!match.Success)
        {
            match = Subject.Match(text);
        }

        if (!match.Success)
        {
            match = Article.Match(text);
        }

        return match.Success ? Clean(match.Groups["role"].Value) : null;
    }

    public static bool IsMachine(string? role) =>
        role is not null && Regex.IsMatch(role, @"(?:^|\s)(?:system|bot|robot|workflow)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, Timeout);

    private static string Clean(string role)
    {
        var collapsed = Regex.Replace(role.Trim(), @"\s+", " ", RegexOptions.None, Timeout);
        return Regex.Replace(collapsed, @"^(?:the|a|an|der|die|das|de|het|een) ", string.Empty, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, Timeout);
    }
}
