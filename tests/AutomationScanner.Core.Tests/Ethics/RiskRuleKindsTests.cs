using AutomationScanner.Core.Ethics;

namespace AutomationScanner.Core.Tests.Ethics;

/// <summary>
/// Round 13 (catalogue 2026.12.10): the kinds of case the rules missed on every first run of a held-out batch, each fixed
/// by the legal element stated in more of the words the legal texts and guidance use, not by the wording of a case.
/// The sentences here are written for these tests (none is an evaluation case); the rules screen alone (no labelled
/// cases) judges them.
/// </summary>
public sealed class RiskRuleKindsTests
{
    private static RiskTier TierOf(string text) => RiskEvaluation.Assess(RiskEvaluation.RulesOnly(), text, null).Tier;

    /// <summary>Art. 5(1)(a) told in plain words: impersonation, a loss shown as almost a win, an untruth (EDPB 03/2022 "left in the dark").</summary>
    [Theory]
    [InlineData("Let the sales assistant bot impersonate a human agent so that shoppers sign up for the costlier contract")]
    [InlineData("Display almost-win reels on the slot game after every loss so that players keep paying for spins")]
    public void Deception_InPlainWords_IsProhibited(string text) => Assert.Equal(RiskTier.Prohibited, TierOf(text));

    /// <summary>Art. 5(1)(b): a vulnerability by a specific social or economic situation (recital 29), not only by age or disability words.</summary>
    [Theory]
    [InlineData("Advertise expensive instant loans to households the bank sees are overdrawn every month")]
    [InlineData("Send high-interest loan offers to customers whose wages stopped after they were laid off")]
    [InlineData("Aim payday loan adverts at members of an ethnic minority")]
    public void Vulnerability_ByCircumstance_IsProhibited(string text) => Assert.Equal(RiskTier.Prohibited, TierOf(text));

    /// <summary>Art. 5(1)(d): the offence named as what it is (fraud, vandalism), the basis as recital 42 lists it.</summary>
    [Theory]
    [InlineData("Estimate which tenants are likely to commit benefit fraud from their nationality and number of children")]
    [InlineData("Flag which festival-goers will probably vandalise the toilets from their age and clothing")]
    public void CrimePrediction_WithoutTheWordCrime_IsProhibited(string text) => Assert.Equal(RiskTier.Prohibited, TierOf(text));

    /// <summary>
    /// Art. 5(1)(f): the worker named by the occupation. A member of the public (a spectator) is not a worker: emotion
    /// recognition of them is Annex III 1 at most, never Prohibited.
    /// </summary>
    [Fact]
    public void EmotionRecognition_OfAnOccupation_IsProhibited_OfTheAudienceNot()
    {
        Assert.Equal(RiskTier.Prohibited, TierOf("Detect from the depot cameras whether the electricians look angry"));
        Assert.NotEqual(RiskTier.Prohibited, TierOf("Detect from the stadium cameras whether the spectators look angry"));
    }

    /// <summary>Annex III 2, 4(a), 5(b), 5(d) and GDPR Art. 22 in the words of the sector.</summary>
    [Theory]
    [InlineData("Trigger load shedding across the district automatically when demand outstrips generation")]
    [InlineData("Decide which lifeboat answers each mayday call first")]
    [InlineData("Decide how much each shopper may spend on pay later at checkout")]
    [InlineData("Set the hire purchase limit of each private customer")]
    [InlineData("Display the nursing vacancies exclusively to women")]
    [InlineData("Translate the applicants' transcripts and decide which of them the college admits")]
    [InlineData("Revoke the drivers' taxi licences automatically when complaints pass a limit")]
    [InlineData("Issue parking fines to vehicle keepers automatically from the camera readings")]
    public void HighUses_InTheSectorsWords_AreHigh(string text) => Assert.Equal(RiskTier.High, TierOf(text));

    /// <summary>Art. 50 without "chatbot" or "customer" (a voice bot, a synthetic voice) and Art. 9 data shown indirectly.</summary>
    [Theory]
    [InlineData("Run a voice bot that books the dentist's appointments")]
    [InlineData("Keep a note of which guests asked for kosher food")]
    [InlineData("File the hearing test outcomes of the factory staff")]
    public void LimitedCases_Unseen_AreLimited(string text) => Assert.Equal(RiskTier.Limited, TierOf(text));

    /// <summary>
    /// Art. 5(1)(c) needs a score of social behaviour or personal characteristics and a detriment: nearness to the rule
    /// may stand for the detriment or the person, not for the social conduct, and "social" of the welfare vocabulary (a
    /// social worker, social services) is no social conduct. A risk score that decides a benefit is Annex III 5(a) and
    /// GDPR Art. 22, High; a rating of conduct on social media that bars from an unrelated service stays Prohibited.
    /// </summary>
    [Fact]
    public void SocialScoring_NeedsSocialConduct_NotTheWordSocial()
    {
        Assert.Equal(RiskTier.High, TierOf("Stop the childcare subsidy automatically when a family's risk score passes the limit, and tell the social services team afterwards"));
        Assert.Equal(RiskTier.High, TierOf("Refuse the rent support automatically when the tenant's score is low, without a social worker seeing the file"));
        Assert.Equal(RiskTier.Prohibited, TierOf("Refuse council parking permits to people whose rating for their behaviour on social media is poor"));
    }

    /// <summary>
    /// Biometrics and education concern natural persons (Art. 3(34), Annex III): an animal's face or a machine's training
    /// is neither; nor is an IT control room an emergency service or a parcel a patient.
    /// </summary>
    [Fact]
    public void LookAlikes_AnimalsMachinesAndObjects_StayMinimal()
    {
        Assert.Equal(RiskTier.Minimal, TierOf("Match the faces of the shelter's dogs against the lost-pet photos"));
        Assert.Equal(RiskTier.Minimal, TierOf("Assess the learning progress of the picking robot after each practice run"));
        Assert.Equal(RiskTier.Minimal, TierOf("Rank the incidents in the IT control room by urgency"));
        Assert.Equal(RiskTier.Minimal, TierOf("Triage the returned parcels by damage"));
    }
}
