using System.Text.RegularExpressions;

namespace AutomationScanner.Core.Documents;

/// <summary>
/// Kinds of data a statement handles, named as the ethics rules use them: "personal", "health", "financial",
/// "biometric", "criminal", "special-category" (GDPR Art. 9 besides health and biometrics), "children".
/// </summary>
internal static class DataCategories
{
    private static readonly (string Category, Regex Pattern)[] Cues =
    [
        ("personal", Word(@"personal (?:data|details|information)|personally identifiable|PII|name and address|home address|date of birth|birth ?date|social security(?: number)?|SSN|national (?:insurance|id)(?: number)?|BSN|passport|ID card|identity document|driver'?s licen[cs]e|phone number|e-?mail address|employee (?:id|number|record|file)|personnel file|CV|résumé|resume|applicant|candidate|personenbezogene|persoonsgegevens")),
        ("health", Word(@"health|medical|patient|diagnos[ie]s|sick(?:ness)? (?:leave|note)|illness|disabilit(?:y|ies)|prescription|clinical|treatment|Gesundheit|Krankmeldung|gezondheid|ziekmelding")),
        ("financial", Word(@"invoices?|payments?|pay|paid|bank (?:account|details|statement)|IBAN|BIC|credit card|card number|salar(?:y|ies)|payroll|wages?|amounts?|VAT|tax|ledger|accounts payable|accounts receivable|credit (?:limit|check|score)|loan|Rechnung|Zahlung|factuur|betaling")),
        ("biometric", Word(@"biometric|fingerprints?|face recognition|facial (?:recognition|image)|iris scan|voice ?print")),
        ("criminal", Word(@"criminal (?:record|conviction|offen[cs]e)s?|background check|certificate of good conduct|VOG|Führungszeugnis")),
        ("special-category", Word(@"ethnic(?:ity)?|racial|religio(?:n|us)|trade union|sexual orientation|political (?:opinion|affiliation)s?|genetic")),
        ("children", Word(@"child(?:ren)?|minors|under-?age|pupils?|students? under")),
    ];

    public static IReadOnlyList<string> Find(string text)
    {
        List<string>? found = null;
        foreach (var (category, pattern) in Cues)
        {
            if (pattern.IsMatch(text))
            {
                (found ??= []).Add(category);
            }
        }

        return found ?? (IReadOnlyList<string>)[];
    }

    private static Regex Word(string pattern) =>
        new(@"(?<![\p{L}\p{N}])(?:" + pattern + @")(?![\p{L}\p{N}])", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
}
