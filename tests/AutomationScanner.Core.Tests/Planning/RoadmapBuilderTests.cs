using AutomationScanner.Core.Ethics;
using AutomationScanner.Core.Planning;
using AutomationScanner.Core.Ranking;
using AutomationScanner.Core.Reporting;
using AutomationScanner.Core.Tracking;

namespace AutomationScanner.Core.Tests.Planning;

public sealed class RoadmapBuilderTests
{
    private static readonly ValueOptions Options = new() { WaveSize = 2 };

    private static List<Opportunity> Mixed() => PlanFixture.Opportunities(Options,
        ("Post invoice", "Post the invoice in the ERP", 20_000, 300),
        ("Copy credit note number", "Copy the credit note number into the ledger", 15_000, 240),
        ("Archive file", "Archive the file", 12_000, 200),
        ("Print label", "Print the label", 9_000, 300),
        ("Stamp form", "Stamp the form", 8_000, 300),
        ("Agent mood scoring", "Score the emotions of call-centre agents from their voice", 20_000, 300),
        ("Credit check", "Assess creditworthiness of loan applicants", 10_000, 600),
        ("Rare task", "Rename the folder", 20, 60));

    [Fact]
    public void Build_MixedTiers_PilotsFirstThenWavesByPaybackAndHighOnlyGatedBehindSafeguards()
    {
        var opportunities = Mixed();

        var roadmap = new RoadmapBuilder(Options).Build(opportunities);

        var prohibited = Assert.Single(opportunities, o => o.Risk.Tier == RiskTier.Prohibited);
        Assert.Contains(roadmap.NotPlanned, n => n.OpportunityId == prohibited.Id && n.Reason.StartsWith("prohibited", StringComparison.Ordinal));
        Assert.DoesNotContain(roadmap.Phases.SelectMany(p => p.Items), i => i.Tier == RiskTier.Prohibited);

        Assert.Equal(PhaseKind.Pilot, roadmap.Phases[0].Kind);
        Assert.All(roadmap.Phases[0].Items, i => Assert.Equal(RiskTier.Minimal, i.Tier));
        Assert.InRange(roadmap.Phases[0].Items.Count, 1, Options.PilotCount);

        var high = Assert.Single(opportunities, o => o.Risk.Tier == RiskTier.High);
        var gated = Assert.Single(roadmap.Phases, p => p.Items.Any(i => i.OpportunityId == high.Id));
        Assert.Equal(PhaseKind.GatedWave, gated.Kind);
        Assert.Equal(roadmap.Phases.Count, gated.Order);
        var item = Assert.Single(gated.Items);
        Assert.NotEmpty(item.Safeguards);
        Assert.All(item.Safeguards.Where(s => s.Safeguard != Safeguard.TransparencyNotice), s => Assert.True(s.Prerequisite));
        Assert.Contains(item.Safeguards, s => s.Safeguard == Safeguard.WorkerInformation && s.Days == Options.WorkerInformationDays);

        // Within the ungated waves, P50 payback never gets shorter from one item to the next.
        var waves = roadmap.Phases.Where(p => p.Kind == PhaseKind.Wave).SelectMany(p => p.Items).Select(i => i.PaybackMonths.P50!.Value).ToList();
        Assert.Equal(waves.Order(), waves);
        Assert.All(roadmap.Phases.Where(p => p.Kind == PhaseKind.Wave), p => Assert.InRange(p.Items.Count, 1, Options.WaveSize));

        var rare = Assert.Single(opportunities, o => o.Task == "Rare task");
        Assert.Contains(roadmap.NotPlanned, n => n.OpportunityId == rare.Id && n.Reason.Contains("does not pay back", StringComparison.Ordinal));
        Assert.Equal(opportunities.Count, roadmap.Phases.Sum(p => p.Items.Count) + roadmap.NotPlanned.Count);
    }

    [Fact]
    public void Build_AssumedHandlingTime_IsNeverAPilot()
    {
        var opportunity = Mixed().First(o => o.Risk.Tier == RiskTier.Minimal);
        var builder = new RoadmapBuilder(Options);
        Assert.Null(builder.PilotReason(opportunity));

        var assumed = Clone(opportunity, HandlingTimeBasis.Assumed);

        Assert.Contains("assumed", builder.PilotReason(assumed), StringComparison.Ordinal);
        var roadmap = builder.Build([assumed]);
        Assert.DoesNotContain(roadmap.Phases, p => p.Kind == PhaseKind.Pilot);
        Assert.Contains(roadmap.PilotNotes, n => n.Contains("assumed", StringComparison.Ordinal));
    }

    [Fact]
    public void Build_Marks_RejectedAndAutomatedLeftOutPilotingKeptAsPilot()
    {
        var opportunities = Mixed();
        var minimal = opportunities.Where(o => o.Risk.Tier == RiskTier.Minimal).ToList();
        var baseline = PlanFixture.Report(opportunities, Options).ToBaseline();
        var marks = EngagementMarks.Empty("acme");
        var now = DateTimeOffset.UnixEpoch;
        marks = OpportunityMarking.Apply(marks, new MarkRequest(minimal[0].Id, OpportunityStatus.Rejected, "union agreement excludes it"), baseline, now).Marks;
        marks = OpportunityMarking.Apply(marks, new MarkRequest(minimal[1].Id, OpportunityStatus.Automated), baseline, now).Marks;
        var credit = opportunities.Single(o => o.Task == "Credit check");
        marks = OpportunityMarking.Apply(marks, new MarkRequest(credit.Id, OpportunityStatus.Piloting), baseline, now).Marks;

        var roadmap = new RoadmapBuilder(Options).Build(opportunities, marks);

        Assert.Contains(roadmap.NotPlanned, n => n.OpportunityId == minimal[0].Id && n.Reason == "rejected: union agreement excludes it");
        Assert.Contains(roadmap.NotPlanned, n => n.OpportunityId == minimal[1].Id && n.Reason.Contains("automated", StringComparison.Ordinal));
        var pilot = Assert.Single(roadmap.Phases[0].Items, i => i.OpportunityId == credit.Id);
        Assert.Equal(OpportunityStatus.Piloting, pilot.Status);
    }

    [Fact]
    public void Build_MarkedPilotThatDoesNotPayBack_StaysAPilotAndSaysSo()
    {
        var opportunities = Mixed();
        var rare = opportunities.Single(o => o.Task == "Rare task");
        var baseline = PlanFixture.Report(opportunities, Options).ToBaseline();
        var marks = OpportunityMarking.Apply(EngagementMarks.Empty("acme"), new MarkRequest(rare.Id, OpportunityStatus.Piloting), baseline, DateTimeOffset.UnixEpoch).Marks;

        var unmarked = new RoadmapBuilder(Options).Build(opportunities);
        var marked = new RoadmapBuilder(Options).Build(opportunities, marks);

        Assert.Contains(unmarked.NotPlanned, n => n.OpportunityId == rare.Id);
        Assert.DoesNotContain(marked.NotPlanned, n => n.OpportunityId == rare.Id);
        var pilot = Assert.Single(marked.Phases[0].Items, i => i.OpportunityId == rare.Id);
        Assert.Equal(PhaseKind.Pilot, marked.Phases[0].Kind);
        Assert.StartsWith("marked piloting; on this scan's figures it does not pay back", pilot.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Writers_Roadmap_RenderPhasesSafeguardsAndEscapedNames()
    {
        var opportunities = PlanFixture.Opportunities(Options,
            ("Post <script>alert(1)</script> invoice", "Post the invoice in the ERP", 20_000, 300),
            ("Credit | check", "Assess creditworthiness of loan applicants", 10_000, 600));
        var report = PlanFixture.Report(opportunities, Options);

        var html = HtmlReportWriter.Render(report);
        var markdown = MarkdownReportWriter.Render(report);

        Assert.Contains("<section id=\"roadmap\">", html, StringComparison.Ordinal);
        Assert.Contains("<section id=\"costs\">", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", html, StringComparison.Ordinal);
        Assert.Contains("High-risk wave 1", html, StringComparison.Ordinal);
        Assert.Contains("<b>before:</b> design the human oversight of the decision", html, StringComparison.Ordinal);
        Assert.Contains("## Roadmap", markdown, StringComparison.Ordinal);
        Assert.Contains("Credit \\| check", markdown, StringComparison.Ordinal);
        Assert.Contains("before: design the human oversight of the decision", markdown, StringComparison.Ordinal);
    }

    private static Opportunity Clone(Opportunity o, HandlingTimeBasis basis) => new()
    {
        Rank = o.Rank,
        Id = o.Id,
        Process = o.Process,
        Task = o.Task,
        Statistics = o.Statistics,
        ExecutionsPerYear = o.ExecutionsPerYear,
        HandlingSeconds = o.HandlingSeconds,
        HandlingBasis = basis,
        HandlingTime = new HandlingTimeSource(basis, HandlingTimeMethod.Default, null, "assumed for the test"),
        ManualHoursPerYear = o.ManualHoursPerYear,
        Score = o.Score,
        Why = o.Why,
        Suitability = o.Suitability,
        Ease = o.Ease,
        Recommendation = o.Recommendation,
        Value = o.Value with { HandlingBasis = basis },
        Risk = o.Risk,
        Cost = o.Cost,
    };
}
