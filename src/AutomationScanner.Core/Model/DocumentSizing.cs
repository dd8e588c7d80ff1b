namespace AutomationScanner.Core.Model;

/// <summary>Volume of document-only candidates, read from their statements' frequency hints (the value model sizes them).</summary>
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

}
