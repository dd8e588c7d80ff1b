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
    [Range(1d, 366d)]
    public double WorkingDaysPerYear { get; set; } = 220;

    /// <summary>Working hours in a day, for FTE.</summary>
    [Range(0.5, 24)]
    public double HoursPerDay { get; set; } = 8;

    /// <summary>Fully loaded cost of one hour of the work, in <see cref="Currency"/>.</summary>
    [Range(0d, 100_000d)]
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
    [Range(1d, 3650d)]
    public double MinLogSpanDays { get; set; } = 90;

    public double HoursPerFte => WorkingDaysPerYear * HoursPerDay;

    // Cost and return (docs/ranking.md section 4 gives each default and where it comes from).

    /// <summary>Cost of one person-day of implementation work (analysis, build, test, deployment), in <see cref="Currency"/>.</summary>
    [Range(0d, 100_000d)]
    public double DayRate { get; set; } = 800;

    /// <summary>Person-days (P50) to automate one rule-based step in one system with a fixed sequence.</summary>
    [Range(0d, 1000d)]
    public double BaseEffortDays { get; set; } = 10;

    /// <summary>P10 effort = P50 x this factor.</summary>
    [Range(0.1, 1)]
    public double EffortLowFactor { get; set; } = 0.7;

    /// <summary>P90 effort = P50 x this factor (estimates overrun more often than they underrun).</summary>
    [Range(1d, 10d)]
    public double EffortHighFactor { get; set; } = 1.8;

    /// <summary>Person-days for each system beyond the first (credentials, selectors, test data, interface).</summary>
    [Range(0d, 100d)]
    public double EffortPerExtraSystemDays { get; set; } = 3;

    /// <summary>Person-days per bit of mean predecessor/successor entropy (each branch needs its own path and tests).</summary>
    [Range(0d, 100d)]
    public double EffortPerVariabilityBitDays { get; set; } = 3;

    /// <summary>Person-days at a combined exception and rework rate of 100 % (scaled by the rate).</summary>
    [Range(0d, 200d)]
    public double ExceptionHandlingDays { get; set; } = 10;

    /// <summary>Person-days for reading unstructured input (e-mails, letters, scans, free text) with document AI or an LLM.</summary>
    [Range(0d, 200d)]
    public double UnstructuredDataDays { get; set; } = 8;

    /// <summary>Person-days of a data protection impact assessment (GDPR Art. 35).</summary>
    [Range(0d, 200d)]
    public double DpiaDays { get; set; } = 5;

    /// <summary>Person-days to design the human-oversight (review) step of a decision.</summary>
    [Range(0d, 200d)]
    public double HumanOversightDesignDays { get; set; } = 4;

    /// <summary>Person-days of a bias audit.</summary>
    [Range(0d, 200d)]
    public double BiasAuditDays { get; set; } = 5;

    /// <summary>Person-days to inform (and consult) the workers and their representatives.</summary>
    [Range(0d, 100d)]
    public double WorkerInformationDays { get; set; } = 2;

    /// <summary>Person-days to write and place a transparency notice.</summary>
    [Range(0d, 100d)]
    public double TransparencyNoticeDays { get; set; } = 0.5;

    /// <summary>Person-days to plan the reskilling of one role (or pseudonymised worker) whose hours are freed.</summary>
    [Range(0d, 100d)]
    public double ReskillingDaysPerRole { get; set; } = 2;

    /// <summary>Roles counted for reskilling at most (a task done by 40 people is one role, not 40).</summary>
    [Range(1, 100)]
    public int ReskillingMaxRoles { get; set; } = 5;

    /// <summary>Person-days to drop or pseudonymise personal columns before the automation reads them.</summary>
    [Range(0d, 100d)]
    public double DataMinimisationDays { get; set; } = 1;

    /// <summary>Person-days to record why an Annex III task is not high-risk (AI Act Art. 6(4)).</summary>
    [Range(0d, 100d)]
    public double ExemptionRecordDays { get; set; } = 0.5;

    /// <summary>Licence and infrastructure share of one automation a year (a robot shared by a few automations).</summary>
    [Range(0d, 1_000_000d)]
    public double LicencePerAutomationPerYear { get; set; } = 3000;

    /// <summary>Yearly maintenance as a share of the implementation cost (screen and process changes, exceptions).</summary>
    [Range(0d, 2d)]
    public double MaintenanceShare { get; set; } = 0.18;

    /// <summary>LLM input tokens per automated run, for tasks that would use one (unstructured input).</summary>
    [Range(0d, 10_000_000d)]
    public double LlmInputTokensPerRun { get; set; } = 2500;

    /// <summary>LLM output tokens per automated run.</summary>
    [Range(0d, 10_000_000d)]
    public double LlmOutputTokensPerRun { get; set; } = 500;

    /// <summary>Price of one million input tokens, in <see cref="Currency"/>.</summary>
    [Range(0d, 10_000d)]
    public double LlmInputPricePerMillion { get; set; } = 0.25;

    /// <summary>Price of one million output tokens, in <see cref="Currency"/>.</summary>
    [Range(0d, 10_000d)]
    public double LlmOutputPricePerMillion { get; set; } = 2.0;

    /// <summary>Years over which the net value is summed.</summary>
    [Range(1, 10)]
    public int HorizonYears { get; set; } = 3;

    // Roadmap.

    /// <summary>Pilots proposed at most.</summary>
    [Range(0, 20)]
    public int PilotCount { get; set; } = 3;

    /// <summary>A pilot needs at least this ease of implementation (0..1).</summary>
    [Range(0d, 1d)]
    public double PilotMinEase { get; set; } = 0.6;

    /// <summary>A pilot touches at most this many systems.</summary>
    [Range(1, 20)]
    public int PilotMaxSystems { get; set; } = 2;

    /// <summary>A pilot frees at least this many benefit hours a year (P50).</summary>
    [Range(0d, 100_000d)]
    public double PilotMinBenefitHours { get; set; } = 100;

    /// <summary>Opportunities per roadmap wave.</summary>
    [Range(1, 100)]
    public int WaveSize { get; set; } = 5;
}
