using AutomationScanner.Core.Ethics;

namespace AutomationScanner.Core.Tests.Ethics;

/// <summary>
/// Round 32: Art. 5(1)(g) infers race, political opinions, trade union membership, religious or philosophical beliefs,
/// sex life or sexual orientation; categorising people by sex (gender) or age from their images is Annex III 1(b), High.
/// Where a text names sex or age, is nearer to the Annex III use than to the practice, and reads a protected trait only
/// by meaning ("sex" near "sexual"), the screen rates the use, not the practice. The two set cases of the first theory
/// were Prohibited on a804436; its other rows (written for this round before the failing cases were read) were High
/// there and guard that the uses stay High. The second theory's rows are practices that state their elements and stay
/// Prohibited.
/// </summary>
public sealed class RiskProhibitedPrecisionRound32Tests
{
    [Theory]
    // fresh-r14 (Prohibited on a804436): apparent age and sex from a doorstep camera.
    [InlineData("Sort the people receiving drone deliveries by apparent age and sex from the doorstep camera image, to choose how the parcel is handed over", "fresh-r14")]
    // fresh-r16 (Prohibited on a804436): sex and age group of passers-by for adverts.
    [InlineData("Screens at the bus station guess each passer-by's sex and age group from the camera image and change the advert accordingly", "fresh-r16")]
    // Written for this round (High look-alikes of Art. 5(1)(g), (d) and (h)).
    [InlineData("Software sorts visitors at the museum entrance into age bands from the camera image to count attendance by age", null)]
    [InlineData("A ticket kiosk at the cinema estimates each buyer's age from its camera before it sells seats for adult-rated films", null)]
    [InlineData("The shopping centre's screens guess whether each passer-by is a man or a woman from the camera image and pick the advert they show", null)]
    [InlineData("Probation officers get an estimate of each convicted person's risk of reoffending computed from their past convictions and the facts of the offence", null)]
    [InlineData("Detectives run last month's recorded CCTV of the ferry terminal through face matching to find the man named in the arrest warrant", null)]
    public void AnAnnexIIIUseWithoutThePracticesElement_IsHigh(string text, string? batch)
    {
        var after = RiskEvaluation.Assess(RiskEvaluation.Screen(), text, null, batch);

        Assert.True(after.Tier == RiskTier.High, $"{after.Tier}: {RiskEvaluation.HitsOf(after)}");
    }

    [Theory]
    // Practices that state their elements (written for this round).
    [InlineData("The staffing agency's camera software infers which job applicants are gay from their profile photos and files them separately")]
    [InlineData("The start-up collects face photos in bulk from public social media profiles to grow the database its face matching searches")]
    [InlineData("Call-centre software reads the agents' facial expressions to judge whether they are frustrated and reports it to their team lead")]
    [InlineData("Police forecast which residents will commit burglaries based only on their personality profile and the neighbourhood they live in")]
    [InlineData("Police cameras on the main square identify every passer-by live against a watchlist of wanted persons")]
    [InlineData("The town gives every resident a civic-behaviour rank, and residents with a low rank lose their place on the public housing list and their library card")]
    [InlineData("The lottery app times its offers to hit elderly players with dementia at night, pushing them into buying tickets they cannot afford")]
    // fresh-r6: a religious belief read from faces by meaning ("faith"), with no sex or age named, stays Prohibited.
    [InlineData("Group shoppers caught on camera by the faith their facial features suggest")]
    public void APracticeThatStatesItsElements_StaysProhibited(string text)
    {
        var after = RiskEvaluation.Assess(RiskEvaluation.Screen(), text, null);

        Assert.True(after.Tier == RiskTier.Prohibited, $"{after.Tier}: {RiskEvaluation.HitsOf(after)}");
    }

    [Fact]
    public void TheHeldBackPractice_IsRecordedWithANote()
    {
        var after = RiskEvaluation.Assess(RiskEvaluation.Screen(), "Screens at the bus station guess each passer-by's sex and age group from the camera image and change the advert accordingly", null, "fresh-r16");

        var held = Assert.Single(after.Hits, h => h.Kind == RuleKind.Prohibited);
        Assert.False(held.Applied);
        Assert.Contains("read by meaning only", held.Note, StringComparison.Ordinal);
        Assert.Contains(after.Hits, h => h.Applied && h.Kind == RuleKind.HighRisk);
    }
}
