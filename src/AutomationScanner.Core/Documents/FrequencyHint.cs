using System.Globalization;
using System.Text.RegularExpressions;

namespace AutomationScanner.Core.Documents;

/// <summary>
/// Reads how often a step runs from its wording ("daily", "about 200 per week", "for each invoice").
/// A year has 250 working days, 52 weeks, 12 months; a per-item hint ("for each invoice") keeps its text but
/// has no number, because the volume then comes from the log or the consultant.
/// </summary>
internal static class FrequencyHint
{
    private const double WorkingDaysPerYear = 250;
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(1);

    private static readonly Regex Counted = new(
        @"(?<text>(?:(?:about|approx(?:imately|\.)?|around|roughly|some|up to|over|more than|circa|ca\.|~|etwa|ungefähr|rund|ongeveer|circa)\s*)?"
        + @"(?<n>\d{1,3}(?:[,.\u00A0 ]\d{3})+|\d+(?:\.\d+)?)\s*(?<k>k\b)?\s*"
        + @"(?<what>(?:[\p{L}-]+\s+){0,2}?)(?:times\s+|x\s+|mal\s+|keer\s+)?"
        + @"(?:per|a|an|each|every|/|pro|je|im|in de|per)\s*"
        + @"(?<unit>hour|hr|working day|business day|day|week|wk|month|quarter|year|annum|stunde|tag|arbeitstag|woche|monat|quartal|jahr|uur|dag|werkdag|week|maand|kwartaal|jaar))",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, Timeout);

    private static readonly Regex DurationWords = Word(@"h|hrs?|hours?|min|mins|minutes?|seconds?|secs?|stunden?|minuten?|uur|uren");

    private static readonly (Regex Pattern, double PerYear)[] Named =
    [
        (Word(@"several times (?:a|per) day|multiple times (?:a|per) day"), 3 * WorkingDaysPerYear),
        (Word(@"twice (?:a|per) day"), 2 * WorkingDaysPerYear),
        (Word(@"hourly|every hour|stündlich|elk uur"), 8 * WorkingDaysPerYear),
        (Word(@"daily|every (?:working |business )?day|each (?:working |business )?day|once a day|täglich|arbeitstäglich|dagelijks|elke dag"), WorkingDaysPerYear),
        (Word(@"twice (?:a|per) week"), 104),
        (Word(@"(?:every|each|on) (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)s?|(?:jeden|jeweils) (?:montag|dienstag|mittwoch|donnerstag|freitag)|(?:elke|iedere) (?:maandag|dinsdag|woensdag|donderdag|vrijdag)"), 52),
        (Word(@"weekly|every week|each week|once a week|wöchentlich|wekelijks|elke week"), 52),
        (Word(@"bi-?weekly|fortnightly|every (?:two|2) weeks"), 26),
        (Word(@"twice (?:a|per) month|semi-?monthly"), 24),
        (Word(@"monthly|every month|each month|once a month|month-end|month end|monatlich|maandelijks|elke maand"), 12),
        (Word(@"quarterly|every quarter|each quarter|quartalsweise|vierteljährlich|driemaandelijks|per kwartaal"), 4),
        (Word(@"semi-?annually|twice a year|halbjährlich|halfjaarlijks"), 2),
        (Word(@"annually|yearly|every year|each year|once a year|year-end|jährlich|jaarlijks"), 1),
    ];

    private static readonly Regex PerItem = Word(
        @"(?:for|on) (?:each|every) [\p{L}-]+(?: [\p{L}-]+)?|per (?!cent\b|year\b|month\b|week\b|day\b|hour\b|quarter\b)[\p{L}-]+|für jede[nrms]? [\p{L}-]+|voor (?:elke|iedere) [\p{L}-]+");

    public static (double? PerYear, string? Text) Read(string text)
    {
        foreach (Match match in Counted.Matches(text))
        {
            // "1.5 hours per week" is handling time, not a frequency.
            if (!DurationWords.IsMatch(match.Groups["what"].Value) && TryNumber(match.Groups["n"].Value, out var n))
            {
                if (match.Groups["k"].Success)
                {
                    n *= 1000;
                }

                return (n * PeriodsPerYear(match.Groups["unit"].Value), match.Groups["text"].Value.Trim());
            }
        }

        foreach (var (pattern, perYear) in Named)
        {
            var match = pattern.Match(text);
            if (match.Success)
            {
                return (perYear, match.Value);
            }
        }

        var item = PerItem.Match(text);
        return item.Success ? (null, item.Value) : (null, null);
    }

    private static bool TryNumber(string raw, out double value)
    {
        // "1,200", "1.200" and "1 200" are thousands; "2.5" is a decimal.
        var thousands = Regex.IsMatch(raw, @"^\d{1,3}(?:[,.\u00A0 ]\d{3})+$", RegexOptions.None, Timeout);
        var normalised = thousands ? Regex.Replace(raw, @"[,.\u00A0 ]", string.Empty, RegexOptions.None, Timeout) : raw;
        return double.TryParse(normalised, NumberStyles.Float, CultureInfo.InvariantCulture, out value) && value > 0;
    }

    private static double PeriodsPerYear(string unit) => unit.ToUpperInvariant() switch
    {
        "HOUR" or "HR" or "STUNDE" or "UUR" => 8 * WorkingDaysPerYear,
        "DAY" or "WORKING DAY" or "BUSINESS DAY" or "TAG" or "ARBEITSTAG" or "DAG" or "WERKDAG" => WorkingDaysPerYear,
        "WEEK" or "WK" or "WOCHE" => 52,
        "MONTH" or "MONAT" or "MAAND" => 12,
        "QUARTER" or "QUARTAL" or "KWARTAAL" => 4,
        _ => 1,
    };

    private static Regex Word(string pattern) =>
        new(@"(?<![\p{L}\p{N}])(?:" + pattern + @")(?![\p{L}\p{N}])", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, Timeout);
}
