using System.Text.RegularExpressions;
using AutomationScanner.Core.Model;

namespace AutomationScanner.Core.Documents;

/// <summary>
/// Labels a step manual, user-system interaction or automated, after Leopold, van der Aa and Reijers (2018): cue
/// words for automation ("automatically", "the system sends"), for work at a screen ("enter", "log in", "in SAP")
/// and the systems named. Everything else is manual work (phone calls, signatures, physical checks, meetings).
/// </summary>
internal static class InteractionClassifier
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(1);

    private static readonly Regex AutomatedCue = Word(
        @"automatic(?:ally)?|auto-?\w+|is (?:automatically )?(?:generated|triggered|sent|posted|created|calculated) by the (?:system|workflow|tool)|"
        + @"batch (?:job|run)|scheduled (?:job|task|run)|nightly (?:job|run)|without (?:manual|human) (?:intervention|input)|"
        + @"automatisch|automatisiert|automatisch gegenereerd");

    private static readonly Regex UserSystemCue = Word(
        @"enters?|entering|key in|keys in|types?|input|log (?:in|on)(?:to)?|logs (?:in|on)|sign in|click(?:s|ing)?|select(?:s)? (?:the )?(?:\p{L}+ )?(?:tab|field|menu|option|button|checkbox)|"
        + @"fill(?:s)? (?:in|out)|upload(?:s)?|download(?:s)?|export(?:s)?|import(?:s)?|copy and paste|paste(?:s)?|scan(?:s)?|print(?:s)?|"
        + @"record(?:s)? (?:it |them |the \p{L}+ )?in|update(?:s)? (?:the )?(?:record|status|field|ticket|entry|system)|"
        + @"screen|form|field|tab|menu|button|dashboard|queue|transaction(?: code)?|worklist|online|in the (?:system|tool|application)|"
        + @"eingeben|erfassen|buchen|hochladen|invoeren|registreren|uploaden|inloggen|anmelden");

    public static InteractionKind Classify(string text, string? role, IReadOnlyList<string> systems)
    {
        if (RoleDetector.IsMachine(role) || AutomatedCue.IsMatch(text))
        {
            return InteractionKind.Automated;
        }

        return systems.Count > 0 || UserSystemCue.IsMatch(text) ? InteractionKind.UserSystem : InteractionKind.Manual;
    }

    private static Regex Word(string pattern) =>
        new(@"(?<![\p{L}\p{N}])(?:" + pattern + @")(?![\p{L}\p{N}])", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, Timeout);
}
