using AutomationScanner.Core.Ethics;

namespace AutomationScanner.Core.Tests.Ethics;

/// <summary>
/// Round 14 (catalogue 2026.12.11): the kinds of case the rules still missed on fresh-r13 and the earlier batches, each
/// fixed by a legal element stated in more of the words of the legal texts and guidance (AI Act Art. 5 and recitals 29,
/// 31, 42, 19; Annex III 1, 4(b), 5(d), 8(b); Art. 50(4); GDPR Art. 9 and 22), not by a case's wording. The sentences are
/// written for these tests (none is an evaluation case); each positive one was rated lower with catalogue 2026.12.10.
/// The rules screen alone (no labelled cases) judges them.
/// </summary>
public sealed class RiskRuleKindsRound14Tests
{
    private static RiskTier TierOf(string text) => RiskEvaluation.Assess(RiskEvaluation.RulesOnly(), text, null).Tier;

    /// <summary>
    /// Art. 5(1)(c) told as its consequence: the social conduct named as what it is (noise, litter, the upkeep of a
    /// home), the record of it as the classification, a delay or a lower place in a queue as the detriment (recital 31).
    /// </summary>
    [Theory]
    [InlineData("Put tenants who were reported for noise or dropping litter at the back of the queue for council allotments")]
    [InlineData("Score households on the upkeep of their front gardens and delay the school place applications of the lowest scorers")]
    public void SocialScoring_ToldAsItsConsequence_IsProhibited(string text) => Assert.Equal(RiskTier.Prohibited, TierOf(text));

    /// <summary>
    /// Art. 5(1)(a)-(b) without a deceiving word: a false claim that something is compulsory; a vulnerable moment when a
    /// benefit ends; asylum seekers' fear (recital 29: a specific social or economic situation).
    /// </summary>
    [Theory]
    [InlineData("Have the booking assistant tell travellers that travel insurance is compulsory so that they buy the add-on")]
    [InlineData("Send high-cost loan offers to tenants in the week their housing benefit ends")]
    [InlineData("Offer costly guaranteed-residence packages to asylum seekers, playing on their fear of removal")]
    public void DeceptionAndVulnerability_InPlainWords_AreProhibited(string text) => Assert.Equal(RiskTier.Prohibited, TierOf(text));

    /// <summary>Art. 5(1)(d) from the basis recital 42 names (personality traits and characteristics): tastes, company kept, where one lives.</summary>
    [Fact]
    public void CrimePrediction_FromTastesAndCompany_IsProhibited() =>
        Assert.Equal(RiskTier.Prohibited, TierOf("Predict which young people from the estate will turn to burglary from the films they watch and the friends they keep"));

    /// <summary>
    /// Biometrics in plain words: a political opinion inferred from portraits (5(1)(g)); faces compared on the spot in a
    /// publicly accessible space with a list of wanted people (5(1)(h), recital 19); recordings searched afterwards for
    /// listed people (Annex III 1(a), High). A badge photo checked against the staff register is verification, Minimal.
    /// </summary>
    [Fact]
    public void Biometrics_InPlainWords()
    {
        Assert.Equal(RiskTier.Prohibited, TierOf("Sort the members' portraits by which party they vote for"));
        Assert.Equal(RiskTier.Prohibited, TierOf("Compare the face of every shopper entering the mall with the police file of wanted people as they come in"));
        Assert.Equal(RiskTier.High, TierOf("Search the recorded CCTV footage for the faces of people on the list of suspected thieves"));
        Assert.Equal(RiskTier.Minimal, TierOf("Check the badge photo of every employee at the entrance against the staff register"));
    }

    /// <summary>
    /// Emotion recognition: a worker named by an occupation is at work (Art. 5(1)(f), Prohibited); customers and guests
    /// are not (Annex III 1(c), High); a song has no emotions of a person (Minimal).
    /// </summary>
    [Fact]
    public void EmotionRecognition_OfWorkersProhibited_OfCustomersHigh_OfSongsNot()
    {
        Assert.Equal(RiskTier.Prohibited, TierOf("Tell from the workshop cameras whether the mechanics look stressed"));
        Assert.Equal(RiskTier.High, TierOf("Read the mood of diners from the restaurant's ceiling cameras to time the dessert offer"));
        Assert.Equal(RiskTier.High, TierOf("Read the mood of hotel guests at the reception desk from the lobby camera"));
        Assert.Equal(RiskTier.Minimal, TierOf("Detect the mood of the songs in the radio archive"));
    }

    /// <summary>Annex III 5(d) (urgent medical aid), 8(b) (swaying how people vote) and GDPR Art. 22 (locking an account) in other words.</summary>
    [Theory]
    [InlineData("Rank the calls to the poison helpline by urgency")]
    [InlineData("Segment the electorate by how persuadable each household is and tailor the canvassing script to swing their vote")]
    [InlineData("Lock a subscriber's phone account automatically when the risk model flags unusual use")]
    public void HighUses_InOtherWords_AreHigh(string text) => Assert.Equal(RiskTier.High, TierOf(text));

    /// <summary>Art. 50(4): a generated face in place of a real person's; Art. 9: a blood group is health data.</summary>
    [Theory]
    [InlineData("Replace the newsreader's face with a generated likeness in the evening bulletin")]
    [InlineData("Update the blood group of each donor in the registry")]
    public void LimitedCases_Unseen_AreLimited(string text) => Assert.Equal(RiskTier.Limited, TierOf(text));

    /// <summary>
    /// The look-alikes beside the widened elements stay Minimal: a contract with a firm is no work-related relationship of
    /// a person (Annex III 4(b)); a restaurant's cleanliness, a printer's faults, a claim to a supplier, servers, a video
    /// report and ticket routing are no practice about persons.
    /// </summary>
    [Theory]
    [InlineData("Terminate the cleaning contract with the office cleaning company after repeated complaints")]
    [InlineData("Rate the restaurants in the city guide on cleanliness")]
    [InlineData("Keep a tally of the printer's paper jams and delay the toner order")]
    [InlineData("Tell the supplier that the late delivery is not permitted under the contract")]
    [InlineData("Switch off the idle test servers at night")]
    [InlineData("Generate the monthly video report for the board")]
    [InlineData("Assign the support tickets to the agents automatically without human review")]
    public void LookAlikes_StayMinimal(string text) => Assert.Equal(RiskTier.Minimal, TierOf(text));
}
