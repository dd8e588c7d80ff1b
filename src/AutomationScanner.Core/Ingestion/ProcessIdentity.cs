using System.Text.RegularExpressions;

namespace AutomationScanner.Core.Ingestion;

/// <summary>
/// The process a file name stands for, stable across a client's periodic exports: period and date tokens are taken
/// out of the name, so <c>receipts-2026-01.csv</c>, <c>receipts 2026 week 02.xes</c> and <c>receipts_20260105.csv</c>
/// are all the process <c>receipts</c> (and keep their opportunity ids from scan to scan).
/// </summary>
/// <remarks>
/// What counts as a period token (delimited by the start or end of the name, <c>- _ . space ( ) [ ]</c>, case
/// ignored): full dates (2026-01-05, 20260105, 05.01.2026, with an optional time), year and month (2026-01, 202601,
/// 01-2026, Jan 2026, 2026 January), year and week or quarter (2026-W02, 2026 week 2, KW02 2026, 2026Q1, Q1 2026),
/// a week or quarter alone (week 02, wk2, KW 14, Q3), a month name alone (January, Januar, janvier...), and a range of
/// these (2026-01-01_to_2026-01-07). Deliberately NOT period tokens: a bare year (BPI_Challenge_2019 and
/// BPI_Challenge_2012 are different logs), bare numbers (plant-12, region 3), version tags (v2). Casing and the rest of
/// the name are kept; a name that is nothing but a period (2026-01.csv) keeps its full name.
/// </remarks>
public static partial class ProcessIdentity
{
    private const char Removed = '\u0000';

    /// <summary>The file stem (extensions already removed) without its period tokens; the stem itself when nothing else is left.</summary>
    public static string Of(string stem)
    {
        ArgumentNullException.ThrowIfNull(stem);
        var marked = PeriodToken().Replace(stem, Removed.ToString());
        if (marked.Length == stem.Length && !marked.Contains(Removed, StringComparison.Ordinal))
        {
            return stem;
        }

        marked = RangeConnector().Replace(marked, Removed.ToString());
        var rest = EmptyBrackets().Replace(marked.Replace(Removed.ToString(), " ", StringComparison.Ordinal), " ");
        rest = RepeatedSeparators().Replace(rest, m => m.Value.Trim() is { Length: > 0 } kept ? kept[..1] : " ").Trim(' ', '-', '_', '.');
        return rest.Any(char.IsLetterOrDigit) ? rest : stem;
    }

    private const string Sep = @"[-_. ]";
    private const string Year = @"(?:19|20)\d{2}";
    private const string Month = @"(?:0[1-9]|1[0-2])";
    private const string Day = @"(?:0[1-9]|[12]\d|3[01])";
    private const string Week = @"(?:week|wk|kw|cw|w)" + Sep + @"?\d{1,2}";
    private const string Quarter = @"q[1-4]";
    private const string MonthName = @"(?:jan(?:uary|uar|vier|uari)?|feb(?:ruary|ruar|ruari)?|f[ée]vrier|mar(?:ch|s)?|m[äa]rz|maart|apr(?:il)?|avril|may|mai|mei|jun(?:e|i)?|juin|jul(?:y|i)?|juillet|aug(?:ust|ustus)?|ao[ûu]t|sep(?:t|tember|tembre)?|oct(?:ober|obre)?|okt(?:ober)?|nov(?:ember|embre)?|dec(?:ember|embre)?|dez(?:ember)?|d[ée]cembre)";
    private const string FullMonthName = @"(?:january|february|march|april|june|july|august|september|october|november|december|januar|februar|m[äa]rz|juni|juli|oktober|dezember|janvier|f[ée]vrier|avril|juin|juillet|septembre|octobre|novembre|d[ée]cembre)";

    private const string Token =
        Year + Sep + "?" + Month + Sep + "?" + Day + @"(?:[t_ -]?\d{2}[-_.:]?\d{2}(?:[-_.:]?\d{2})?)?"
        + "|" + Day + Sep + Month + Sep + Year
        + "|" + Year + Sep + "?" + Week + "|" + Week + Sep + "?" + Year
        + "|" + Year + Sep + "?" + Quarter + "|" + Quarter + Sep + "?" + Year
        + "|" + Year + Sep + "?" + Month + "|" + Month + Sep + Year
        + "|" + MonthName + Sep + "?" + Year + "|" + Year + Sep + "?" + MonthName
        + "|" + Week + "|" + Quarter + "|" + FullMonthName;

    [GeneratedRegex(@"(?<=^|[-_. ()\[\]\u0000])(?:" + Token + @")(?=$|[-_. ()\[\]\u0000])", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PeriodToken();

    [GeneratedRegex(@"\u0000[-_. ]*(?:to|bis|until|through|thru|tot|au|al|-)[-_. ]*\u0000", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex RangeConnector();

    [GeneratedRegex(@"\(\s*\)|\[\s*\]")]
    private static partial Regex EmptyBrackets();

    [GeneratedRegex(@"[-_. ]{2,}")]
    private static partial Regex RepeatedSeparators();
}
