using System.Globalization;
using System.Text.RegularExpressions;
using AutomationScanner.Core.Classification.Llm;
using AutomationScanner.Core.Ethics;
using AutomationScanner.Core.Model;

namespace AutomationScanner.Core.Ranking;

/// <summary>
/// Sizes implementation effort and running cost from what the scan knows about a task: its variability, exception and
/// rework rates, the systems its documents name, hints that its input is unstructured, and the safeguards its risk
/// screen requires (each safeguard is work). Every default is in docs/ranking.md, section 4, with its source.
/// </summary>
public sealed partial class CostEstimator(ValueOptions options)
{
    public CostEstimate Estimate(TaskCandidate candidate, ValueEstimate value, RiskAssessment risk, LlmJudgement? llm = null)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        ArgumentNullException.ThrowIfNull(value);
        ArgumentNullException.ThrowIfNull(risk);
        var parts = new List<CostPart>
        {
            new("base", options.BaseEffortDays, "one rule-based step in one system with a fixed sequence: analysis, build, test, deployment"),
        };

        var systems = SystemCount(candidate, llm);
        if (systems is { } count)
        {
            parts.Add(new("systems", options.EffortPerExtraSystemDays * Math.Max(0, count - 1),
                Invariant($"{count} system(s) named ({(SystemsFromDocuments(candidate) > 0 ? "documents" : "LLM estimate")}), {options.EffortPerExtraSystemDays:0.#} days per system beyond the first")));
        }
        else
        {
            parts.Add(new("systems", 0, "no document names a system: counted as one"));
        }

        if (candidate.Statistics is { } stats)
        {
            var entropy = (stats.PredecessorEntropy + stats.SuccessorEntropy) / 2;
            parts.Add(new("variability", options.EffortPerVariabilityBitDays * entropy,
                Invariant($"mean predecessor/successor entropy {entropy:0.##} bits x {options.EffortPerVariabilityBitDays:0.#} days")));
            var exceptions = Math.Min(1, stats.FailureRate + stats.ReworkRate);
            parts.Add(new("exceptions and rework", options.ExceptionHandlingDays * exceptions,
                Invariant($"failure rate {stats.FailureRate:P0} + rework rate {stats.ReworkRate:P0} of {options.ExceptionHandlingDays:0.#} days")));
        }
        else
        {
            parts.Add(new("variability", 0, "no log: variability, exceptions and rework unknown (P90 covers them)"));
        }

        var unstructured = UnstructuredHint(candidate, llm);
        if (unstructured is not null)
        {
            parts.Add(new("unstructured input", options.UnstructuredDataDays, unstructured));
        }

        parts.AddRange(SafeguardParts(risk));
        var p50 = parts.Sum(p => p.Amount);
        var effort = new ValueRange(p50 * options.EffortLowFactor, p50, p50 * options.EffortHighFactor);
        var implementation = effort.Scale(options.DayRate);

        // Running cost: licence share, maintenance as a share of the build, and LLM tokens on each automated run.
        var automatedRuns = value.ExecutionsPerYear * value.ManualShare * value.Suitability;
        var tokenCost = unstructured is null ? 0
            : automatedRuns * ((options.LlmInputTokensPerRun * options.LlmInputPricePerMillion) + (options.LlmOutputTokensPerRun * options.LlmOutputPricePerMillion)) / 1_000_000;
        var running = new List<CostPart>
        {
            new("licence", options.LicencePerAutomationPerYear, "licence and infrastructure share of one automation a year"),
            new("maintenance", options.MaintenanceShare * implementation.P50, Invariant($"{options.MaintenanceShare:P0} of the implementation cost a year")),
        };
        if (unstructured is not null)
        {
            running.Add(new("LLM tokens", tokenCost,
                Invariant($"{automatedRuns:N0} automated runs/year x ({options.LlmInputTokensPerRun:N0} in + {options.LlmOutputTokensPerRun:N0} out) tokens")));
        }

        var fixedRunning = options.LicencePerAutomationPerYear + tokenCost;
        var runningRange = new ValueRange(
            fixedRunning + (options.MaintenanceShare * implementation.P10),
            fixedRunning + (options.MaintenanceShare * implementation.P50),
            fixedRunning + (options.MaintenanceShare * implementation.P90));

        // Scenarios: pessimistic = low benefit with high cost; optimistic = high benefit with low cost.
        var net = new ValueRange(value.Money.P10 - runningRange.P90, value.Money.P50 - runningRange.P50, value.Money.P90 - runningRange.P10);
        var horizon = options.HorizonYears;
        return new CostEstimate
        {
            EffortDays = effort,
            EffortParts = parts,
            ImplementationCost = implementation,
            RunningCostPerYear = runningRange,
            RunningParts = running,
            UsesLlm = unstructured is not null,
            NetBenefitPerYear = net,
            PaybackMonths = new MonthsRange(Payback(implementation.P10, net.P90), Payback(implementation.P50, net.P50), Payback(implementation.P90, net.P10)),
            NetValue = new ValueRange((net.P10 * horizon) - implementation.P90, (net.P50 * horizon) - implementation.P50, (net.P90 * horizon) - implementation.P10),
            HorizonYears = horizon,
            Systems = systems,
            Currency = options.Currency,
        };
    }

    /// <summary>Distinct systems named by the task's documents, else the LLM's count; null when neither says.</summary>
    public static int? SystemCount(TaskCandidate candidate, LlmJudgement? llm)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        var named = SystemsFromDocuments(candidate);
        return named > 0 ? named : llm?.Criteria.NumberOfSystems is > 0 and var n ? n : null;
    }

    private static int SystemsFromDocuments(TaskCandidate candidate) =>
        candidate.Statements.Where(s => !s.SuspectedInjection).SelectMany(s => s.Systems).Distinct(StringComparer.OrdinalIgnoreCase).Count();

    /// <summary>Why the task's input looks unstructured (and an LLM or document AI would read it), or null.</summary>
    public static string? UnstructuredHint(TaskCandidate candidate, LlmJudgement? llm)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        if (llm is { RecommendedKind: AutomationKind.DocumentAi or AutomationKind.Chatbot })
        {
            return "the LLM recommends " + llm.RecommendedKind + " for this task";
        }

        if (llm is { Criteria.DataStructure: < 0.5 })
        {
            return Invariant($"the LLM rates the input's data structure {llm.Criteria.DataStructure:0.##} (unstructured)");
        }

        foreach (var text in candidate.Statements.Where(s => !s.SuspectedInjection).Select(s => s.Text).Prepend(candidate.Name))
        {
            var match = UnstructuredPattern().Match(text);
            if (match.Success)
            {
                return "unstructured input: \"" + match.Value.Trim() + "\"" + (ReferenceEquals(text, candidate.Name) ? " in the task name" : " in a document step");
            }
        }

        return null;
    }

    private IEnumerable<CostPart> SafeguardParts(RiskAssessment risk)
    {
        foreach (var safeguard in risk.Safeguards)
        {
            switch (safeguard)
            {
                case Safeguard.Dpia:
                    yield return new("DPIA", options.DpiaDays, "data protection impact assessment (GDPR Art. 35)");
                    break;
                case Safeguard.HumanInTheLoop:
                    yield return new("human oversight design", options.HumanOversightDesignDays, "design, staff and test the human review step of the decision");
                    break;
                case Safeguard.BiasAudit:
                    yield return new("bias audit", options.BiasAuditDays, "audit the decision for discriminatory outcomes");
                    break;
                case Safeguard.WorkerInformation:
                    yield return new("worker information", options.WorkerInformationDays, "inform the workers and their representatives before deployment");
                    break;
                case Safeguard.TransparencyNotice:
                    yield return new("transparency notice", options.TransparencyNoticeDays, "tell the people affected that they deal with an automated system");
                    break;
                case Safeguard.ReskillingPlan:
                    var roles = Math.Min(options.ReskillingMaxRoles, Math.Max(1, RolesFreed(risk.Displacement).Count));
                    yield return new("reskilling plan", options.ReskillingDaysPerRole * roles,
                        Invariant($"{roles} role(s) whose hours are freed x {options.ReskillingDaysPerRole:0.#} days"));
                    break;
                case Safeguard.DataMinimisation:
                    yield return new("data minimisation", options.DataMinimisationDays, "drop or pseudonymise personal columns before the automation reads them");
                    break;
                case Safeguard.HighRiskExemptionRecord:
                    yield return new("Art. 6(4) record", options.ExemptionRecordDays, "record why the Annex III task is not high-risk");
                    break;
                default:
                    break;
            }
        }
    }

    /// <summary>Documented roles when there are any, else the pseudonymised workers.</summary>
    public static IReadOnlyList<DisplacementShare> RolesFreed(DisplacementEstimate displacement)
    {
        ArgumentNullException.ThrowIfNull(displacement);
        return displacement.ByRole.Count > 0 ? displacement.ByRole : displacement.ByResource;
    }

    private static double? Payback(double cost, double netPerYear) =>
        netPerYear <= 0 ? null : cost <= 0 ? 0 : Math.Round(cost / (netPerYear / 12), 2);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    [GeneratedRegex(@"\b(e-?mails?|letters?|scann?(ed|s)?|pdfs?|attachments?|free[- ]text|handwrit\w*|invoices? images?|paper|correspondence|unstructured|ocr|chat|phone calls?)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex UnstructuredPattern();
}
