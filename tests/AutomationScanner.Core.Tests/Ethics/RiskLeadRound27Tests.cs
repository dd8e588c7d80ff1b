using AutomationScanner.Core.Ethics;

namespace AutomationScanner.Core.Tests.Ethics;

/// <summary>
/// Round 27, lead. (1) Annex III point 2's act element (operate, manage, control, regulate the infrastructure) is the act,
/// not the organisation or the person named after it ("the water tower operator", "the network manager"). (2) A system's
/// deciding act with no object ("it controls nothing", "it ranks nobody") is a negated clause; the absence of review
/// ("it consults nobody") is not. (3) A Limited rule whose every element of an alternative is in the text's own words and
/// that is the nearest rule in meaning fires at the nearest-with-elements bar, as High rules do, where that alternative is
/// the rule's whole legal condition (<see cref="RuleDefinition.ElementsSuffice"/>; Art. 50: a cloned voice, a generated
/// video of a real person, a chat that replies to people). (4) A technique on the person's choices is not read by meaning
/// on a step that only keeps records.
/// </summary>
public sealed class RiskLeadRound27Tests
{
    private static CompiledRule CriticalInfrastructure => RuleCatalogue.Default.Rule("H5b-critical-infrastructure")!;

    [Theory]
    [InlineData("The water network operator shares the meter readings with a marketing partner")]
    [InlineData("The gas grid manager's assistant books the meeting rooms")]
    [InlineData("Recruitment at the district heating network regulator")]
    public void InfrastructureNamedByItsOperator_HasNoActElement(string text) =>
        Assert.False(CriticalInfrastructure.HasAllElements(text), text);

    [Theory]
    [InlineData("Operate the valves of the water network")]
    [InlineData("The system controls the gas grid's pressure")]
    [InlineData("Regulates the load on the electricity grid")]
    [InlineData("Management and operation of the power grid")]
    public void InfrastructureActedOn_HasItsElements(string text) =>
        Assert.True(CriticalInfrastructure.HasAllElements(text), text);

    [Theory]
    [InlineData("A model ranks the pipe sections by corrosion; it controls nothing", "controls nothing")]
    [InlineData("The tool translates the CVs and sorts them alphabetically; it rates no one", "rates no one")]
    [InlineData("The software lists the markers who stray from their pattern; it changes no decision", "changes no decision")]
    public void DecidingActWithNoObject_IsANegatedClause(string text, string negated)
    {
        var stripped = TaskText.WithoutNegatedPractices(text);

        Assert.NotNull(stripped);
        Assert.DoesNotContain(negated, stripped, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("The software rejects the applicants below the cut-off and consults nobody")]
    [InlineData("The app refuses the loan; it asks no one")]
    [InlineData("The system ranks every applicant by fit")]
    public void AbsenceOfReviewOrAPlainAct_IsNotNegated(string text) =>
        Assert.Null(TaskText.WithoutNegatedPractices(text));

    [Theory]
    [InlineData("r27-watertowercorrosion-113")]
    [InlineData("r27-inspectionrobots-123")]
    public void WaterTowerNearMisses_StayMinimal(string id)
    {
        // r27's own over-ratings, read before this change was written (not blind).
        var c = RiskEvaluation.All.Single(x => x.Id == id);
        var assessment = RiskEvaluation.Assess(RiskEvaluation.Screen(), c.Text, c.Context, c.Batch);

        Assert.Equal(RiskTier.Minimal, assessment.Tier);
    }

    [Theory]
    [InlineData("r12-keepervoice-080")]
    [InlineData("r14-championvideo-084")]
    [InlineData("r21-planetariumchat-083")]
    [InlineData("r25-orienteeringmayor-086")]
    public void Art50CasesWithEveryElementInWords_AreLimited(string id)
    {
        var c = RiskEvaluation.All.Single(x => x.Id == id);
        var assessment = RiskEvaluation.Assess(RiskEvaluation.Screen(), c.Text, c.Context, c.Batch);

        Assert.Equal(RiskTier.Limited, assessment.Tier);
        Assert.Contains(assessment.Hits, h => h.Applied && h.RuleId == "C1-customer-facing");
    }

    [Theory]
    [InlineData("Clone the voice of the museum's founder for the new audio tour")]
    [InlineData("Use a synthetic copy of the late chairman's voice to read the annual report to the shareholders")]
    public void Art50InOtherWords_IsLimited(string text)
    {
        var assessment = RiskEvaluation.Assess(RiskEvaluation.Screen(), text, null);

        Assert.True(assessment.Tier >= RiskTier.Limited, $"{text}: {assessment.Tier} ({RiskEvaluation.HitsOf(assessment)})");
        Assert.Contains(assessment.Hits, h => h.Applied && h.RuleId == "C1-customer-facing");
    }

    [Theory]
    [InlineData("Generate the monthly sales chart for the board")]
    [InlineData("Write the weekly stock report for the warehouse manager")]
    [InlineData("Render the 3D model of the new warehouse")]
    public void ContentWithoutAPersonOrAnAiInteraction_StaysMinimal(string text)
    {
        var assessment = RiskEvaluation.Assess(RiskEvaluation.Screen(), text, null);

        Assert.Equal(RiskTier.Minimal, assessment.Tier);
    }

    [Theory]
    [InlineData("Store sign-language users' hearing-loss details with their interpreting bookings")]
    [InlineData("Store the sign-language users' hearing-loss details with their interpreting bookings")]
    [InlineData("File the dementia assessments of the care home's residents")]
    public void RecordKeepingSteps_DeployNoTechnique(string text)
    {
        // Art. 5(1)(a)-(b) is a technique deployed where it reaches the person; a step that only stores or files deploys none.
        var assessment = RiskEvaluation.Assess(RiskEvaluation.Screen(), text, null);

        Assert.True(assessment.Tier < RiskTier.Prohibited, $"{text}: {assessment.Tier} ({RiskEvaluation.HitsOf(assessment)})");
        Assert.DoesNotContain(assessment.Hits, h => h.Applied && h.RuleId == "P4-manipulation");
    }

    [Theory]
    [InlineData("AIgenerated jewellery ad photos")]
    [InlineData("The club posts an AIgenerated video in which the mayor appears to praise the club")]
    public void Art50Words_ClosedUp_AreRead(string text)
    {
        var assessment = RiskEvaluation.Assess(RiskEvaluation.Screen(), text, null);

        Assert.Equal(RiskTier.Limited, assessment.Tier);
    }

    [Fact]
    public void ContactWithTheOrganisationsStaff_IsNoSufficientElement()
    {
        // Round 23's near-miss: C1's broad contact alternative ("phones", "staff", "their") is all in the words, and C1 is
        // the nearest rule (by 0.003); the alternatives that suffice (RuleDefinition.ElementsSuffice) name no staff.
        var assessment = RiskEvaluation.Assess(RiskEvaluation.Screen(), "Within seconds of passing the camera at the railway station, delivery vans are named to the depot staff on their phones", null);

        Assert.Equal(RiskTier.Minimal, assessment.Tier);
    }

    [Theory]
    [InlineData("Ocena_zdolności", "Phone retailer financing desk: besides booking the handset order, the step weighs the buyer's past payments, job and spending habits to say how much they can borrow")]
    [InlineData("Finanzéierung_préiwen", "Buying a motocross bike in instalments. The dealer's financing step scores whether the buyer can repay, and the instalment plan is offered only above the cut-off")]
    [InlineData("Kreditrahmen_festlegen", "Furniture retailer's finance desk: consumers who buy a sofa on credit have their income and past repayments checked to set how much they may borrow")]
    public void CreditToNaturalPersons_ReadFromTheProcessDescription_NotOnlyItsName(string step, string description)
    {
        // In a scan the process's name is a label and its description says whom it deals with (in the evaluation the
        // name is the description). 12c's exclusion test read the name only; it now reads both. These three pass with
        // either reading (their domain here rules nothing out), so they guard the scan-shaped path for 12c's set cases,
        // not the reading itself: a case that fails with the name alone was not found in the time left (round 27).
        const string process = "HU-07";
        var screen = RiskEvaluation.RulesOnly();
        var task = Builders.Task(step, process);
        var profile = new DomainInference(screen.Catalogue, RiskEvaluation.Embedder.Value).Infer(new ProcessFacts(process, [step], [], Documents: [description]));
        var context = new RiskContext(Builders.Workload([]), new ResourcePseudonymizer("eval"))
        {
            Domains = new Dictionary<string, ProcessDomainProfile> { [process] = profile },
            ProcessDescriptions = new Dictionary<string, string> { [process] = description },
        };

        var assessment = screen.Assess(task, context);

        Assert.True(assessment.Tier == RiskTier.High, $"{assessment.Tier} (domain {profile.Domain}): {RiskEvaluation.HitsOf(assessment)}");
    }
}
