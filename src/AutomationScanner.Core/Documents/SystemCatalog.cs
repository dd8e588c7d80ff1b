using System.Text.RegularExpressions;

namespace AutomationScanner.Core.Documents;

/// <summary>Names of IT systems and channels that statements mention, each with the words that signal it.</summary>
internal static class SystemCatalog
{
    private static readonly (string Name, Regex Pattern)[] Systems =
    [
        ("SAP", Exact(@"SAP(?:\s+(?:S/4\s?HANA|ECC|Ariba|Concur))?|S/4\s?HANA")),
        ("Oracle", Cue("Oracle(?: EBS| ERP| Fusion)?")),
        ("Microsoft Dynamics", Cue(@"(?:MS |Microsoft )?Dynamics(?: 365| NAV| AX)?|Navision")),
        ("Excel", Cue("Excel|spreadsheets?|xlsx")),
        ("Word", Cue("MS Word|Microsoft Word|Word document")),
        ("Outlook", Cue("Outlook")),
        ("Email", Cue("e-?mails?|mailbox|inbox")),
        ("Salesforce", Cue("Salesforce|SFDC")),
        ("ServiceNow", Cue("ServiceNow")),
        ("Workday", Cue("Workday")),
        ("Jira", Cue("Jira")),
        ("Zendesk", Cue("Zendesk")),
        ("SharePoint", Cue("SharePoint")),
        ("Teams", Cue("MS Teams|Microsoft Teams")),
        ("Slack", Cue("Slack")),
        ("DocuSign", Cue("DocuSign")),
        ("Coupa", Cue("Coupa")),
        ("NetSuite", Cue("NetSuite")),
        ("QuickBooks", Cue("QuickBooks")),
        ("Xero", Cue("Xero")),
        ("ERP", Exact("ERP")),
        ("CRM", Exact("CRM")),
        ("Ticketing system", Cue("ticketing (?:system|tool)|helpdesk (?:system|tool)|service desk tool")),
        ("Web portal", Cue("(?:web |supplier |customer |self-service )?portal")),
        ("Database", Cue("database")),
        ("Scanner/OCR", Cue("OCR|scanner|scanning station")),
    ];

    public static IReadOnlyList<string> Find(string text)
    {
        List<string>? found = null;
        foreach (var (name, pattern) in Systems)
        {
            if (pattern.IsMatch(text))
            {
                (found ??= []).Add(name);
            }
        }

        return found ?? (IReadOnlyList<string>)[];
    }

    private static Regex Cue(string pattern) => Build(pattern, RegexOptions.IgnoreCase);

    // Acronyms (SAP, ERP, CRM) only count in upper case, so "sap" in prose does not.
    private static Regex Exact(string pattern) => Build(pattern, RegexOptions.None);

    private static Regex Build(string pattern, RegexOptions options) =>
        new(@"(?<![\p{L}\p{N}])(?:" + pattern + @")(?![\p{L}\p{N}])", options | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
}
