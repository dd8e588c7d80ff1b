using AutomationScanner.Core.Ethics;

namespace AutomationScanner.Core.Tests.Ethics;

/// <summary>
/// Round 33: the GDPR findings (personal data, Art. 4(1) and 35; special categories, Art. 9; a solely automated decision,
/// Art. 22) and the contact finding (AI Act Art. 50(1)) need a natural person. Where the step and its process name no
/// natural person and name the party acted on as a legal person (firms, suppliers, business customers), an animal, a
/// machine or goods, or totals, they are recorded, not applied. A sole trader is a natural person. "Before" is the same
/// screen with the reading off.
/// </summary>
public sealed class RiskNaturalPersonRound33Tests
{
    private static RiskScreen Before => new(RuleCatalogue.Default, new RiskScreenOptions(), RiskEvaluation.Embedder.Value)
    {
        LabelledCases = LabelledCaseIndex.Shipped,
        LabelledCasesThroughRules = true,
        LabelledLinear = LabelledLinearModel.Shipped,
        GdprFindingsNeedANaturalPerson = false,
    };

    private static RiskScreen After => RiskEvaluation.Screen();

    [Theory]
    // Set cases, over-rated on 3fab7c8 (each screened leaving its own batch out of the labelled cases).
    [InlineData("ALLERGIEN_ERFASSEN", "Pet-food factory recipe management: allergens in each dog-food line are recorded on the label data", "fresh-r15")]
    [InlineData("Kredi_değerlendirme", "Button factory sales. Finance reviews the credit limit of business customers, all limited companies", "fresh-r28")]
    [InlineData("Measunu_Glaonna", "Octopus marine centre phone line. The step counts how many calls arrive each hour so that enough lines are open; no caller or agent is identified", "fresh-r31")]
    // Round 46: the paint factory's supplier call ("Kontakt_Telefoniczny", fresh-r32) left out: with fresh-r40 and fresh-r46
    // in the labelled cases it is Minimal without the hold-back as well, so it no longer shows what the hold-back does.
    [InlineData("Ugyfel_Adatlap", "Seahorse packaging firm, business customers. The step updates the customer company's master data: VAT number, billing address and delivery terms", "fresh-r32")]
    public void APartyThatIsNoNaturalPerson_DropsTheGdprAndContactFindings(string text, string context, string batch)
    {
        var before = RiskEvaluation.Assess(Before, text, context, batch);
        var after = RiskEvaluation.Assess(After, text, context, batch);

        Assert.True(before.Tier > RiskTier.Minimal, $"before {before.Tier}: {RiskEvaluation.HitsOf(before)}");
        Assert.True(after.Tier == RiskTier.Minimal, $"after {after.Tier}: {RiskEvaluation.HitsOf(after)}");
        Assert.DoesNotContain(after.Hits, h => h.Applied && h.Kind is RuleKind.PersonalData or RuleKind.Gdpr9 or RuleKind.Gdpr22 or RuleKind.CustomerFacing);
    }

    [Theory]
    // Written for this round: true cases in new words, and a sole trader (a natural person).
    [InlineData("A chatbot answers tenants' repair requests in the housing association's portal", RiskTier.Limited)]
    [InlineData("A model alone refuses a sole trader's application for a business overdraft, with no human review", RiskTier.High)]
    [InlineData("The clinic stores each patient's HIV status in the treatment record", RiskTier.Limited)]
    public void ANaturalPersonNamed_KeepsItsFindings(string text, RiskTier expected)
    {
        var before = RiskEvaluation.Assess(Before, text, null);
        var after = RiskEvaluation.Assess(After, text, null);

        Assert.Equal(before.Tier, after.Tier);
        Assert.True(after.Tier >= expected, $"after {after.Tier}: {RiskEvaluation.HitsOf(after)}");
    }
}
