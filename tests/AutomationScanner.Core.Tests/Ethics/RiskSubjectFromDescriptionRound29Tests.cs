using AutomationScanner.Core.Ethics;

namespace AutomationScanner.Core.Tests.Ethics;

/// <summary>
/// Round 29 (12c): a step whose name names no subject at all (no person, no document, no animal, no thing: "Face match",
/// "Kontrola ocen") says nothing about whom or what it acts on; its process's description does. A use on natural persons
/// (Annex III, GDPR Art. 4(1); biometric data are a natural person's, AI Act Art. 3(34)) read by meaning from such a name
/// is held back where the description's subject is an animal or a thing and it names no person. A word in -ing names an
/// activity there, not the thing acted on ("life insurance for fishing crews" insures the crews). A name that names a
/// subject, or a description that names a person, keeps every hit.
/// </summary>
public sealed class RiskSubjectFromDescriptionRound29Tests
{
    [Theory]
    [InlineData("r12-ctxbenignfacematch-125")]
    [InlineData("r28-plywoodgrade-125")]
    public void SetSteps_WhoseDescriptionNamesAThingOrAnimal_AreMinimal(string id)
    {
        var c = RiskEvaluation.All.Single(x => x.Id == id);
        var assessment = RiskEvaluation.Assess(RiskEvaluation.Screen(), c.Text, c.Context, c.Batch);

        Assert.True(assessment.Tier == RiskTier.Minimal, $"{id}: {assessment.Tier} ({RiskEvaluation.HitsOf(assessment)})");
        Assert.Contains(assessment.Hits, h => !h.Applied && h.Note is { Length: > 0 });
    }

    [Theory]
    [InlineData("Face_Match", "Otter sanctuary: the pool camera matches each otter's face against the sanctuary's register of its otters")]
    public void StepsNamingNoSubject_InADescribedProcessOnAnimalsOrThings_AreBelowHigh(string name, string description)
    {
        var assessment = RiskEvaluation.Assess(RiskEvaluation.Screen(), name, description);

        Assert.True(assessment.Tier < RiskTier.High, $"{name}: {assessment.Tier} ({RiskEvaluation.HitsOf(assessment)})");
        Assert.Contains(assessment.Hits, h => !h.Applied && h.RuleId == "H5a-biometrics");
    }

    [Theory]
    [InlineData("r9-ctxpremium-057")]
    public void SetSteps_OnPersons_KeepTheirTier(string id)
    {
        var c = RiskEvaluation.All.Single(x => x.Id == id);
        var assessment = RiskEvaluation.Assess(RiskEvaluation.Screen(), c.Text, c.Context, c.Batch);

        Assert.True(assessment.Tier >= c.Tier, $"{id}: {assessment.Tier} ({RiskEvaluation.HitsOf(assessment)})");
    }

    [Theory]
    [InlineData("Face_Match", "Office building entrance: the camera matches each visitor's face against the list of booked guests")]
    [InlineData("Kontrola_ocen", "Secondary school: the pupils' mock exams are graded and the marks entered in the report")]
    [InlineData("Match each visitor's face against the list of booked guests", "Otter sanctuary: the pool camera matches each otter's face against the sanctuary's register of its otters")]
    public void PersonsNamedInTheNameOrTheDescription_KeepHigh(string name, string description)
    {
        var assessment = RiskEvaluation.Assess(RiskEvaluation.Screen(), name, description);

        Assert.True(assessment.Tier >= RiskTier.High, $"{name}: {assessment.Tier} ({RiskEvaluation.HitsOf(assessment)})");
    }
}
