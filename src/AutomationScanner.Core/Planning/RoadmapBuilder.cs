using System.Globalization;
using AutomationScanner.Core.Ethics;
using AutomationScanner.Core.Ranking;
using AutomationScanner.Core.Tracking;

namespace AutomationScanner.Core.Planning;

/// <summary>
/// Builds the roadmap. Pilots: recommended, minimal risk, measured or estimated (not assumed) handling time, ease and
/// systems within the pilot limits, enough benefit, paying back within the horizon; best payback first. Waves: the
/// other minimal and limited items by payback, limited ones with their safeguards. Gated waves: high-risk items by
/// payback, each after its safeguards (DPIA, human oversight design, worker information...). Prohibited items, items
/// that do not pay back, backlog items, and items marked rejected or automated are listed as not planned, with why.
/// </summary>
public sealed class RoadmapBuilder(ValueOptions options)
{
    public const string MethodText =
        "Pilots: recommended, minimal risk, handling time measured or estimated from the log (not assumed), ease and systems within the pilot limits, " +
        "enough benefit, best payback first. Waves: other minimal and limited-risk items by P50 payback; limited items bring their safeguards. " +
        "Gated waves: high-risk items by payback, each only after its safeguards are done. Prohibited items are never planned.";

    public Roadmap Build(IReadOnlyList<Opportunity> opportunities, EngagementMarks? marks = null)
    {
        ArgumentNullException.ThrowIfNull(opportunities);
        var notPlanned = new List<NotPlanned>();
        var candidates = new List<Opportunity>();
        foreach (var o in opportunities.OrderBy(o => o.Rank))
        {
            var status = marks?.For(o.Id)?.Status;
            var reason = o.Risk.IsProhibited ? "prohibited practice (AI Act Art. 5): never automated"
                : status == OpportunityStatus.Rejected ? "rejected: " + marks!.For(o.Id)!.Reason
                : status == OpportunityStatus.Automated ? "already marked automated (see realised benefit)"
                : o.Cost is null ? "no cost estimate"
                : o.Value.BenefitHours.P50 <= 0 && status != OpportunityStatus.Piloting ? "no benefit hours to gain"
                : o.Cost.NetValue.P50 <= 0 && status != OpportunityStatus.Piloting ? Invariant($"does not pay back within {o.Cost.HorizonYears} years at P50 (net value {o.Cost.NetValue.P50:N0} {o.Cost.Currency})")
                : o.Recommendation == Recommendation.NeedsData && status != OpportunityStatus.Piloting ? "needs data: the handling time is only assumed; collect start and end times first"
                : o.Recommendation == Recommendation.Backlog && status != OpportunityStatus.Piloting ? Invariant($"backlog: priority {o.Score:0.0} below the recommendation threshold")
                : null;
            if (reason is null)
            {
                candidates.Add(o);
            }
            else
            {
                notPlanned.Add(new NotPlanned(o.Id, o.Rank, o.Process, o.Task, o.Risk.Tier, reason));
            }
        }

        var byPayback = candidates.OrderBy(o => o.Cost!.PaybackMonths.P50 ?? double.MaxValue).ThenBy(o => o.Rank).ToList();
        var piloting = byPayback.Where(o => marks?.For(o.Id)?.Status == OpportunityStatus.Piloting).ToList();
        var pilots = piloting.Concat(byPayback.Where(o => !piloting.Contains(o) && PilotReason(o) is null)
            .Take(Math.Max(0, options.PilotCount - piloting.Count))).ToList();
        var rest = byPayback.Where(o => !pilots.Contains(o)).ToList();
        var phases = new List<RoadmapPhase>();
        if (pilots.Count > 0)
        {
            phases.Add(Phase(phases.Count + 1, PhaseKind.Pilot, "Pilots",
                "none: minimal-risk items whose benefit the rescans can measure",
                pilots.Select(o => Item(o, marks, marks?.For(o.Id)?.Status == OpportunityStatus.Piloting ? MarkedPilotText(o) : PilotText(o), prerequisite: false))));
        }

        var open = rest.Where(o => o.Risk.Tier <= RiskTier.Limited).ToList();
        for (var i = 0; i < open.Count; i += options.WaveSize)
        {
            var chunk = open.Skip(i).Take(options.WaveSize).ToList();
            phases.Add(Phase(phases.Count + 1, PhaseKind.Wave, Invariant($"Wave {(i / options.WaveSize) + 1}"),
                phases.Count == 0 ? "none" : "the previous phase is live and its realised benefit is tracked",
                chunk.Select(o => Item(o, marks, Invariant($"{o.Risk.Tier} risk, payback {Months(o.Cost!.PaybackMonths.P50)} (P50)"), prerequisite: false))));
        }

        var gated = rest.Where(o => o.Risk.Tier == RiskTier.High).ToList();
        for (var i = 0; i < gated.Count; i += options.WaveSize)
        {
            var chunk = gated.Skip(i).Take(options.WaveSize).ToList();
            phases.Add(Phase(phases.Count + 1, PhaseKind.GatedWave, Invariant($"High-risk wave {(i / options.WaveSize) + 1}"),
                "each item's safeguards are done and signed off (DPIA, human oversight design, workers and their representatives informed) before it is built",
                chunk.Select(o => Item(o, marks, Invariant($"High risk, payback {Months(o.Cost!.PaybackMonths.P50)} (P50), only after its safeguards"), prerequisite: true))));
        }

        var pilotNotes = pilots.Count >= options.PilotCount ? []
            : opportunities.Where(o => !o.Risk.IsProhibited && !pilots.Contains(o)).OrderBy(o => o.Rank).Take(5)
                .Select(o => Invariant($"#{o.Rank} {o.Task}: ") + (notPlanned.FirstOrDefault(n => n.OpportunityId == o.Id)?.Reason ?? PilotReason(o) ?? "not a pilot"))
                .ToList();
        return new Roadmap
        {
            Phases = phases,
            NotPlanned = notPlanned,
            PilotNotes = pilotNotes,
            Currency = options.Currency,
            HorizonYears = options.HorizonYears,
            Method = MethodText,
        };
    }

    /// <summary>Why an item cannot be a pilot, or null when it can.</summary>
    public string? PilotReason(Opportunity o)
    {
        ArgumentNullException.ThrowIfNull(o);
        var systems = o.Cost?.Systems ?? 1;
        return o.Risk.Tier != RiskTier.Minimal ? "not minimal risk"
            : o.Recommendation != Recommendation.Recommended ? "not recommended without safeguards"
            : o.HandlingBasis == HandlingTimeBasis.Assumed ? "handling time assumed, not measured or estimated from the log"
            : o.Ease < options.PilotMinEase ? Invariant($"ease {o.Ease:0.00} below {options.PilotMinEase:0.00}")
            : systems > options.PilotMaxSystems ? Invariant($"{systems} systems, more than {options.PilotMaxSystems}")
            : o.Value.BenefitHours.P50 < options.PilotMinBenefitHours ? Invariant($"{o.Value.BenefitHours.P50:N0} benefit h/year, below {options.PilotMinBenefitHours:N0}")
            : null;
    }

    /// <summary>
    /// A pilot the consultant has already started stays in the pilot phase whatever this scan estimates; where the
    /// scan's own figures do not support it, the item says so rather than hiding the pilot.
    /// </summary>
    private static string MarkedPilotText(Opportunity o) =>
        o.Cost is { } cost && cost.NetValue.P50 <= 0
            ? Invariant($"marked piloting; on this scan's figures it does not pay back within {cost.HorizonYears} years at P50 (net value {cost.NetValue.P50:N0} {cost.Currency})")
            : o.Recommendation == Recommendation.NeedsData
                ? "marked piloting; needs data: the handling time is only assumed"
                : "marked piloting";

    private string PilotText(Opportunity o) =>
        Invariant($"minimal risk, handling time {(o.HandlingBasis == HandlingTimeBasis.Measured ? "measured" : "estimated (" + o.Value.HandlingSource.Method + ")")}, ease {o.Ease:0.00}, {o.Cost?.Systems ?? 1} system(s), {o.Value.BenefitHours.P50:N0} benefit h/year, payback {Months(o.Cost!.PaybackMonths.P50)}");

    private RoadmapItem Item(Opportunity o, EngagementMarks? marks, string reason, bool prerequisite)
    {
        var cost = o.Cost!;
        var safeguardDays = cost.EffortParts.ToDictionary(p => p.Name, p => p.Amount, StringComparer.Ordinal);
        var freed = CostEstimator.RolesFreed(o.Risk.Displacement)
            .Select(s => new FreedHours(s.Who, Math.Round(s.HoursPerYear * o.Value.Suitability, 1)))
            .Where(f => f.HoursPerYear > 0)
            .Take(10)
            .ToList();
        var steps = o.Risk.Safeguards.Where(s => s != Safeguard.DoNotAutomate)
            .Select(s => new SafeguardStep(s, Describe(s, freed), safeguardDays.GetValueOrDefault(PartName(s)), prerequisite && s != Safeguard.TransparencyNotice))
            .ToList();
        return new RoadmapItem
        {
            OpportunityId = o.Id,
            Rank = o.Rank,
            Process = o.Process,
            Task = o.Task,
            Tier = o.Risk.Tier,
            Status = marks?.For(o.Id)?.Status,
            BenefitHoursP50 = o.Value.BenefitHours.P50,
            EffortDaysP50 = cost.EffortDays.P50,
            ImplementationCostP50 = cost.ImplementationCost.P50,
            PaybackMonths = cost.PaybackMonths,
            NetValue = cost.NetValue,
            Reason = reason,
            Safeguards = steps,
            FreedHours = freed,
        };
    }

    private static RoadmapPhase Phase(int order, PhaseKind kind, string title, string gate, IEnumerable<RoadmapItem> items)
    {
        var list = items.ToList();
        return new RoadmapPhase
        {
            Order = order,
            Kind = kind,
            Title = title,
            Gate = gate,
            Items = list,
            EffortDaysP50 = list.Sum(i => i.EffortDaysP50),
            ImplementationCostP50 = list.Sum(i => i.ImplementationCostP50),
            BenefitHoursP50 = list.Sum(i => i.BenefitHoursP50),
            NetValueP50 = list.Sum(i => i.NetValue.P50),
        };
    }

    private static string PartName(Safeguard s) => s switch
    {
        Safeguard.Dpia => "DPIA",
        Safeguard.HumanInTheLoop => "human oversight design",
        Safeguard.BiasAudit => "bias audit",
        Safeguard.WorkerInformation => "worker information",
        Safeguard.TransparencyNotice => "transparency notice",
        Safeguard.ReskillingPlan => "reskilling plan",
        Safeguard.DataMinimisation => "data minimisation",
        Safeguard.HighRiskExemptionRecord => "Art. 6(4) record",
        _ => s.ToString(),
    };

    private static string Describe(Safeguard s, IReadOnlyList<FreedHours> freed) => s switch
    {
        Safeguard.Dpia => "data protection impact assessment (GDPR Art. 35) before personal data is processed by the automation",
        Safeguard.HumanInTheLoop => "design the human oversight of the decision: who reviews, with what information, and the power to overrule",
        Safeguard.BiasAudit => "audit outcomes for discrimination before and after go-live",
        Safeguard.WorkerInformation => "inform the workers affected and their representatives before deployment",
        Safeguard.TransparencyNotice => "tell the people affected that they deal with an automated system",
        Safeguard.ReskillingPlan => freed.Count == 0 ? "reskilling plan for the roles whose hours are freed"
            : "reskilling plan for " + string.Join(", ", freed.Select(f => Invariant($"{f.Who} ({f.HoursPerYear:N0} h/year freed)"))),
        Safeguard.DataMinimisation => "drop or pseudonymise personal columns before the automation reads them",
        Safeguard.HighRiskExemptionRecord => "record why the Annex III task is not high-risk (AI Act Art. 6(4))",
        _ => s.ToString(),
    };

    internal static string Months(double? months) => months is { } m ? Invariant($"{m:0.#} months") : "never";

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
