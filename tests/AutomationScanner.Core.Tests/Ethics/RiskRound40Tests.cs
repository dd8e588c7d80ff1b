using AutomationScanner.Core.Ethics;

namespace AutomationScanner.Core.Tests.Ethics;

/// <summary>
/// Round 40: Annex III 4(b)'s workers named by any occupation (<see cref="OccupationNouns.NamesAnOccupation"/>: linesmen,
/// programmers); a party to a purchase or a loan ("every buyer", "each couple") names a natural person as written;
/// Art. 5(1)(h) in everyday words ("live-scanning carnival faces for shoplifters") with its judge-approved exception
/// read in everyday words too ("a judge's go-ahead", "a concrete warning of an attack"); a tool looked at and not bought
/// ("decided not to buy it") is not used; a face word that is a real account's avatar is a facial image.
/// </summary>
public sealed class RiskRound40Tests
{
    [Theory]
    [InlineData("Pick which linesmen in the telecom's field service are promoted to foreman", "linesmen")]
    [InlineData("Lane attendants at the bowling centre get their bonus from a badge trail", "attendants")]
    [InlineData("The tool scores every programmer weekly; each hygienist gets a rota", "programmer")]
    [InlineData("Each hygienist gets a rota from the model", "hygienist")]
    [InlineData("The scores decide which programmers are put on an improvement plan", "programmers")]
    public void AnOccupation_IsNamed(string text, string expected)
    {
        Assert.Equal(expected, OccupationNouns.NamesAnOccupation(text));
    }

    [Theory]
    // Not an occupation: a specimen, gentlemen, a device or a pastime of the list's look-alikes, customers.
    [InlineData("The lab keeps each specimen in a labelled tube")]
    [InlineData("Ladies and gentlemen are welcome at the members' bar")]
    [InlineData("The controllers and monitors of the plant report every minute")]
    [InlineData("The customers rate the drivers and the runners")]
    public void NoOccupation_IsNamed(string text)
    {
        Assert.Null(OccupationNouns.NamesAnOccupation(text));
    }

    [Theory]
    // Labelled High (Annex III 4(b)) in fresh-r9 and the blind fresh-r40, rated Minimal: the workers were in no list.
    [InlineData("Pick which linesmen in the telecom's field service are promoted to foreman", "fresh-r9")]
    [InlineData("The Tatsoi indie game developer's tool scores every programmer weekly from keystrokes, commits and time spent in meetings, and the scores decide who is put on an improvement plan", "fresh-r40")]
    // Labelled High (Annex III 5(b)) in fresh-r21 and fresh-r32, rated Minimal: the car, the deposit were read as the subject.
    [InlineData("The cardamom car dealer's finance desk gives every buyer a repayment-ability score, which settles whether instalment payment is allowed", "fresh-r32")]
    [InlineData("The wedding planner's pay-in-parts check rates each couple's credit standing before the deposit can be split", "fresh-r21")]
    public void WorkersAndPartiesNamedAsWritten_AreHigh(string text, string batch)
    {
        var assessment = RiskEvaluation.Assess(RiskEvaluation.Screen(), text, null, batch);
        Assert.True(assessment.Tier == RiskTier.High, $"{assessment.Tier}: {RiskEvaluation.HitsOf(assessment)}");
    }

    [Fact]
    public void RealTimeFaceScanningForOffenders_IsProhibited()
    {
        // A probe of the blind fresh-r40, rated Minimal before this round.
        var assessment = RiskEvaluation.Assess(RiskEvaluation.Screen(), "Tarragon police live-scanning carnival faces for shoplifters", null, "fresh-r40");
        Assert.True(assessment.Tier == RiskTier.Prohibited, $"{assessment.Tier}: {RiskEvaluation.HitsOf(assessment)}");
    }

    [Fact]
    public void RealTimeFaceScanning_WithAJudgesGoAheadAgainstAConcreteAttackWarning_IsTheException()
    {
        // Labelled High (the Art. 5(1)(h)(iii) exception with prior judicial authorisation) in fresh-r29: the new
        // everyday-word pattern must not make it Prohibited, so the exception is read in everyday words too.
        var text = "For two hours during the tuba festival, with a judge's go-ahead given in advance, the police scan faces in the square in real time for the two men named in a concrete warning of an attack planned for that afternoon";
        var assessment = RiskEvaluation.Assess(RiskEvaluation.Screen(), text, null, "fresh-r29");
        Assert.True(assessment.Tier == RiskTier.High, $"{assessment.Tier}: {RiskEvaluation.HitsOf(assessment)}");
        var withoutApproval = RiskEvaluation.Assess(RiskEvaluation.Screen(), text.Replace("with a judge's go-ahead given in advance, ", "", StringComparison.Ordinal), null, "fresh-r29");
        Assert.True(withoutApproval.Tier == RiskTier.Prohibited, $"{withoutApproval.Tier}: {RiskEvaluation.HitsOf(withoutApproval)}");
    }

    [Fact]
    public void AToolLookedAtAndNotBought_IsNotUsed()
    {
        // A near-miss of the blind fresh-r40, rated Prohibited before this round ("..., decided not to buy it": a comma, no "and").
        var text = "The Shiso town council looked at a tool that would score residents on their behaviour, decided not to buy it, and no resident is scored";
        Assert.NotNull(TaskText.WithoutNegatedPractices(text));
        var assessment = RiskEvaluation.Assess(RiskEvaluation.Screen(), text, null, "fresh-r40");
        Assert.True(assessment.Tier == RiskTier.Minimal, $"{assessment.Tier}: {RiskEvaluation.HitsOf(assessment)}");
    }

    [Fact]
    public void AToolLookedAtAndBought_StaysInTheText()
    {
        Assert.Null(TaskText.WithoutNegatedPractices("The town council looked at a tool that scores residents on their behaviour, decided to buy it, and now residents are scored"));
    }

    [Theory]
    // Labelled Prohibited (Art. 5(1)(e)) in fresh-r15 and fresh-r33: avatar photos of real accounts are pictures of people.
    [InlineData("STAHOVANI_FOTEK", "Building a face-recognition product: a crawler copies the avatar photos of whatever accounts it can reach on the web, indiscriminately, into the matching index", "fresh-r15")]
    [InlineData("Arricchimento_Anagrafica", "Medlar identity verification start-up. This step enriches customer records. A crawler downloads every public photo it can reach on social networks and forum avatars, of anyone at all and not only customers, and adds the faces to the reference set used to match selfies", "fresh-r33")]
    public void AvatarsOfRealAccounts_AreFacialImages(string text, string context, string batch)
    {
        var assessment = RiskEvaluation.Assess(RiskEvaluation.Screen(), text, context, batch);
        Assert.True(assessment.Tier == RiskTier.Prohibited, $"{assessment.Tier}: {RiskEvaluation.HitsOf(assessment)}");
    }

    [Fact]
    public void CartoonCharactersFaces_AreNoFacialImages()
    {
        // Labelled Minimal in fresh-r8 and rated Prohibited as untargeted scraping by meaning before this round.
        var assessment = RiskEvaluation.Assess(RiskEvaluation.Screen(), "Recognise the faces of cartoon characters in the film archive for tagging", null, "fresh-r8");
        Assert.DoesNotContain(assessment.Hits, h => h.Applied && h.RuleId == RiskScreen.UntargetedFaceScrapingRule);
    }

    [Theory]
    // Hostile texts for this round's patterns, as long as a scan hands the screen (see RiskRound39Tests).
    [InlineData("live-scanning the carnival faces ")]
    [InlineData("looked at a tool that would, ")]
    [InlineData("every buyer's ")]
    [InlineData("linesmen foremen ")]
    public void AHostileText_IsScreened(string unit)
    {
        var assessment = RiskEvaluation.AssessHostileAtScanLength(unit, "for shoplifters");
        Assert.DoesNotContain(assessment.Notes, n => n.StartsWith("Not screened", StringComparison.Ordinal));
    }

    [Fact]
    public void AHostileText_IsReadToItsEnd()
    {
        var text = string.Concat(Enumerable.Repeat("looked at a tool that would score residents, ", 5000)) + "decided not to buy it; the rest stays";
        var stripped = TaskText.WithoutNegatedPractices(text);
        Assert.NotNull(stripped);
        Assert.EndsWith("the rest stays", stripped, StringComparison.Ordinal);
    }
}
