using AutomationScanner.Core.Ethics;

namespace AutomationScanner.Core.Tests.Ethics;

/// <summary>
/// Round 30 (lead): systematic monitoring of persons (GDPR Art. 35(1) and (3)(c); EDPB WP248 rev.01, criterion 3, with
/// criteria 5 and 7: large scale, vulnerable data subjects) is a processing of personal data that asks a DPIA, and it is
/// stated by three elements: a device or act that observes (cameras, film, microphones, GPS, a tracker, logs, records),
/// the persons it observes after it ("record staff", "the position of every courier's phone", "where each child is"), and
/// an extent that makes it systematic (around the clock, all day, non-stop, every few seconds, for five years, every
/// journey, live). A person named before the act is the one who acts, not the one observed ("staff log the boiler
/// pressure every hour"), and an extent without a person (freezers, cattle) is no person's data.
/// </summary>
public sealed class RiskSystematicMonitoringRound30Tests
{
    [Theory]
    [InlineData("r24-bagelcameras-104")]
    [InlineData("r27-skateparkcctv-100")]
    [InlineData("r28-couriergps-099")]
    [InlineData("r29-boulevardmics-106")]
    [InlineData("r29-puzzleapplocation-105")]
    public void SetCases_OfSystematicMonitoring_AreLimited(string id)
    {
        var c = RiskEvaluation.All.Single(x => x.Id == id);
        var assessment = RiskEvaluation.Assess(RiskEvaluation.Screen(), c.Text, c.Context, c.Batch);

        Assert.True(assessment.Tier == RiskTier.Limited, $"{id}: {assessment.Tier} ({RiskEvaluation.HitsOf(assessment)})");
        Assert.Contains(assessment.Hits, h => h.Applied && h.RuleId == "D3-personal-data-processing");
    }

    // Written for this class, in settings and words of no case.
    [Theory]
    [InlineData("The removal firm's vans carry a tracker that sends each driver's position every ten seconds")]
    [InlineData("Microphones in the minicabs record passengers' conversations day and night")]
    [InlineData("The gym's door system logs every visit of each member for ten years")]
    [InlineData("Webcams in the open-plan office film the employees at their desks all day")]
    public void OwnSentences_OfSystematicMonitoring_AreLimited(string text)
    {
        var assessment = RiskEvaluation.Assess(RiskEvaluation.Screen(), text, null);

        Assert.True(assessment.Tier >= RiskTier.Limited, $"{text}: {assessment.Tier} ({RiskEvaluation.HitsOf(assessment)})");
        Assert.Contains(assessment.Hits, h => h.Applied && h.RuleId == "D3-personal-data-processing");
    }

    [Theory]
    [InlineData("Sensors log the freezer temperature every minute")]
    [InlineData("Staff check the boiler pressure every hour and log it")]
    [InlineData("Cameras watch the bird feeder around the clock")]
    [InlineData("The pumps at the reservoir are monitored day and night")]
    public void MonitoringOfThings_OrByStaff_StaysMinimal(string text)
    {
        var assessment = RiskEvaluation.Assess(RiskEvaluation.Screen(), text, null);

        Assert.True(assessment.Tier == RiskTier.Minimal, $"{text}: {assessment.Tier} ({RiskEvaluation.HitsOf(assessment)})");
    }
}
