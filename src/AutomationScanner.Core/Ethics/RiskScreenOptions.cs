using System.ComponentModel.DataAnnotations;

namespace AutomationScanner.Core.Ethics;

/// <summary>Thresholds of the computed rules.</summary>
public sealed class RiskScreenOptions
{
    /// <summary>J1 fires when a task takes at least this share of one worker's (or role's) work.</summary>
    [Range(0d, 1d)]
    public double DisplacementShareThreshold { get; set; } = 0.2;

    /// <summary>A share counts only when the person (or role) spends at least this many hours a year on the task (one working week).</summary>
    [Range(0d, 8_784d)]
    public double DisplacementMinHoursPerPerson { get; set; } = 40;

    /// <summary>J1 also fires when the task's human hours per year reach this (default: half of 220 x 8 h).</summary>
    [Range(0d, 1_000_000_000d)]
    public double DisplacementHoursThreshold { get; set; } = 880;

    /// <summary>
    /// Whether the shipped labelled cases' vote (<see cref="LabelledCaseIndex.Shipped"/>), read through the rules, may
    /// raise a task's tier when tasks are matched by meaning. On by default since round 14: measured leave-one-batch-out
    /// it rates fewer Prohibited/High cases lower on every held-out batch, and on the shipped real logs it raises only
    /// two defensible steps (docs/ranking.md, Round 14). False screens by the rules alone.
    /// </summary>
    public bool LabelledCases { get; set; } = true;

    /// <summary>
    /// Whether the learned linear signal (<see cref="LabelledLinearModel.Shipped"/>) may raise a task's tier next to the
    /// labelled cases' vote (only with <see cref="LabelledCases"/>). On by default since round 25, after it read the name
    /// in the vote's spelling: measured leave-one-batch-out it rates fewer Prohibited/High cases lower, on the unseen
    /// fresh-r25 too, and it moves no item of the shipped real logs (docs/ranking.md, Round 25). False leaves it out.
    /// </summary>
    public bool LabelledLinear { get; set; } = true;
}
