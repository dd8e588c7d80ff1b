using System.ComponentModel.DataAnnotations;

namespace AutomationScanner.Core.Ranking;

/// <summary>
/// Assumptions of the value model (configuration section <c>Value</c>). Defaults follow UiPath Automation
/// Hub's inputs: 220 working days a year, 8 hours a day; the hourly cost and currency are the client's.
/// </summary>
public sealed class ValueOptions
{
    public const string SectionName = "Value";

    /// <summary>Working days in a year, for FTE.</summary>
    [Range(1, 366)]
    public double WorkingDaysPerYear { get; set; } = 220;

    /// <summary>Working hours in a day, for FTE.</summary>
    [Range(0.5, 24)]
    public double HoursPerDay { get; set; } = 8;

    /// <summary>Fully loaded cost of one hour of the work, in <see cref="Currency"/>.</summary>
    [Range(0, 100_000)]
    public double HourlyCost { get; set; } = 50;

    /// <summary>ISO 4217 code the money figures are in.</summary>
    [Required]
    [RegularExpression("^[A-Z]{3}$")]
    public string Currency { get; set; } = "EUR";

    /// <summary>Handling time assumed when the log has no start/complete pairs (P50; P10 is half, P90 double).</summary>
    [Range(0.1, 480)]
    public double DefaultHandlingMinutes { get; set; } = 5;

    /// <summary>Below this many logged executions the confidence drops.</summary>
    [Range(1, 1_000_000)]
    public int MinExecutions { get; set; } = 30;

    /// <summary>Below this log span (days) the yearly volume is an extrapolation and the confidence drops.</summary>
    [Range(1, 3650)]
    public double MinLogSpanDays { get; set; } = 90;

    public double HoursPerFte => WorkingDaysPerYear * HoursPerDay;
}
