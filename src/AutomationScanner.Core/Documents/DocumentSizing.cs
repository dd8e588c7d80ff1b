using AutomationScanner.Core.Ranking;
using AutomationScanner.Core.Scanning;

namespace AutomationScanner.Core.Documents;

/// <summary>Volume and interim score of document-only candidates, read from their statements' frequency hints.</summary>
public static class DocumentSizing
{
    /// <summary>
    /// Executions per year implied by the candidate's statements (the largest hint: several statements of one step
    /// describe the same volume), or null when none gives a number ("for each invoice" does not).
    /// </summary>
    public static double? ExecutionsPerYearHint(TaskCandidate candidate)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        return candidate.Statements.Where(s => s.ExecutionsPerYearHint is not null && !s.SuspectedInjection)
            .Select(s => s.ExecutionsPerYearHint).Max();
    }

    /// <summary>
    /// The interim score's factors for a task known only from documents: executions per year from the frequency hint
    /// (0 when the document gives none), the assumed handling time, and a manual share of 0 when every statement says
    /// the step is already automated.
    /// </summary>
    public static IReadOnlyList<ScoreFactor> Score(TaskCandidate candidate, out double executionsPerYear, out double manualHoursPerYear)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        var hint = ExecutionsPerYearHint(candidate);
        executionsPerYear = hint ?? 0;
        var seconds = InterimScorer.AssumedHandlingTime.TotalSeconds;
        var automated = candidate.Statements.Count > 0 && candidate.Statements.All(s => s.Interaction == InteractionKind.Automated);
        var manualShare = automated ? 0 : 1;
        manualHoursPerYear = executionsPerYear * seconds / 3600 * manualShare;
        var source = candidate.Statements.FirstOrDefault(s => s.ExecutionsPerYearHint == hint && hint is not null);
        var volume = source is null
            ? "the document gives no countable frequency (size it with the client); known only from documents"
            : FormattableString.Invariant($"frequency hint \"{source.FrequencyText}\" in {source.SourceFile} line {source.Line} (250 working days, 52 weeks, 12 months a year)");
        return
        [
            new("executions per year", executionsPerYear, 1, executionsPerYear, volume),
            new("handling hours per execution", seconds / 3600, 1, seconds / 3600, FormattableString.Invariant($"assumed {InterimScorer.AssumedHandlingTime.TotalMinutes:0} min (no log)")),
            new("manual share", manualShare, 1, manualShare, automated ? "every statement says the step is automated" : "the document describes manual or user-system work"),
            new("manual hours per year", manualHoursPerYear, 1, manualHoursPerYear, "product of the three factors above: the interim score"),
        ];
    }
}
