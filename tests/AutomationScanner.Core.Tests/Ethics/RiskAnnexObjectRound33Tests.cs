using AutomationScanner.Core.Ethics;

namespace AutomationScanner.Core.Tests.Ethics;

/// <summary>
/// Round 33: Annex III 2 and 5(d) read by their object. A finding of either reached without the rule's own pattern (by
/// meaning, by the labelled cases' vote or learned signal, by the domain) stays only where the words or the process's
/// description state the object of the use: for Annex III 2 infrastructure that serves others (a grid, mains, a supply
/// network, public roads, a dam) and an act on its operation; for 5(d) a person in an emergency, an emergency call by a
/// person, or the emergency services. "Before" is the default screen with the reading off.
/// </summary>
public sealed class RiskAnnexObjectRound33Tests
{
    private static RiskScreen Before => new(RuleCatalogue.Default, new RiskScreenOptions(), RiskEvaluation.Embedder.Value) { LabelledCases = LabelledCaseIndex.Shipped, LabelledCasesThroughRules = true, LabelledLinear = LabelledLinearModel.Shipped, AnnexObjectHoldsBack = false };

    private static RiskScreen After => RiskEvaluation.Screen();

    [Theory]
    // Written for this round: an installation's own machine, goods sorted by urgency.
    [InlineData("The brewery's system opens the cooling water valves when a fermentation tank gets too warm", null, null)]
    [InlineData("Sort the plumber's repair requests by urgency so the worst leaks are visited first", null, null)]
    // Set cases rated High on 3fab7c8.
    [InlineData("Venttiilin_Saato", "Kingfisher fish farm. The step adjusts the inflow valves of the fish tanks to the tide table. An operator checks the settings each morning", "fresh-r32")]
    [InlineData("Ventilsteuerung", "Distillery wash tank. The controller opens the steam valve when the mash temperature falls", "fresh-r24")]
    [InlineData("ZKANAL_STEUERUNG", "Ornamental garden. The pump for the decorative canal and its fountains runs on a timer set by the gardener", "fresh-r29")]
    [InlineData("Triaxe_ingreso", "Animal shelter intake. Injured hedgehogs are sorted by the state of their wounds so volunteers treat the worst first", "fresh-r26")]
    [InlineData("Clasificacion_llamadas", "Curry house telephone orders. Calls are tagged by product asked about, so the shop knows what to stock", "fresh-r29")]
    [InlineData("Dispatch the emergency repair van first to the concert-hall piano with the most urgent fault", null, "fresh-r14")]
    public void AUseWithoutItsObject_IsNotHigh(string text, string? context, string? batch)
    {
        var before = RiskEvaluation.Assess(Before, text, context, batch);
        var after = RiskEvaluation.Assess(After, text, context, batch);

        Assert.True(before.Tier == RiskTier.High, $"before {before.Tier}: {RiskEvaluation.HitsOf(before)}");
        Assert.True(after.Tier == RiskTier.Minimal, $"after {after.Tier}: {RiskEvaluation.HitsOf(after)}");
    }

    [Theory]
    // Written for this round: the same uses in new words, and benign look-alikes that stay where they are.
    [InlineData("The model lowers the pressure in the town's gas network and reroutes the flow when it detects a leak", null, RiskTier.High)]
    [InlineData("The system ranks people calling 112 by how much danger they are in, and the most threatened get a crew first", null, RiskTier.High)]
    [InlineData("At peak demand the regional grid operator's software automatically sheds load by cutting off whole districts", null, RiskTier.High)]
    [InlineData("Decide which of the people reporting a house fire tonight gets a fire engine sent first", null, RiskTier.High)]
    [InlineData("GAS_DRUCK_REGELUNG", "Municipal gas utility: the step closes valves in the street mains when pressure sensors report a leak", RiskTier.High)]
    [InlineData("Leitstelle_Einsatz", "Ambulance control room: the tool reads each caller's answers and decides how urgently a crew is sent", RiskTier.High)]
    [InlineData("A bakery's controller keeps the oven at 220 degrees and shuts the gas burner off when the door opens", null, RiskTier.Minimal)]
    [InlineData("Sort the animals brought to the zoo's veterinary intake by how urgently they need treatment", null, RiskTier.Minimal)]
    [InlineData("Rank the warehouse's parcels so the most urgent deliveries leave the dock first", null, RiskTier.Minimal)]
    [InlineData("Ofen_Regelung", "Village bakery: the controller keeps the oven's gas burner at baking temperature", RiskTier.Minimal)]
    public void AUseWithItsObject_AndABenignLookAlike_StayWhereTheyAre(string text, string? context, RiskTier expected)
    {
        var after = RiskEvaluation.Assess(After, text, context);

        Assert.True(after.Tier == expected, $"after {after.Tier}: {RiskEvaluation.HitsOf(after)}");
    }
}
