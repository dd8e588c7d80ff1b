using AutomationScanner.Core.Ethics;

namespace AutomationScanner.Core.Tests.Ethics;

/// <summary>
/// Round 45: "ring" before a road is no phone call (a ring-road's signals were held back as communication); turning data
/// into a score or a figure is scoring, not an Art. 6(3)(a) conversion; flagging a risk or a suspect is an assessment and
/// proctoring or flagging is case work; compounds in "hand" (deckhands, farmhands) name persons; plants and dishes are no
/// natural person (GDPR Art. 4(1)); a sort by a model's score, or "only the top half", is no narrow procedural sort;
/// "lent" is lending and a trust figure a score (Annex III 5(b)); a refusal whose letter is produced by the system is a
/// decision without a person (GDPR Art. 22); each request for a subsidy, or the medical files, stand for the person
/// (Annex III 5(a)); a description whose top is a Prohibited resemblance keeps its stated High findings for a step that
/// takes none of the Prohibited ones.
/// </summary>
public sealed class RiskRound45Tests
{
    [Theory]
    [InlineData("Ring road operations desk: the step switches signal timings", false)]
    [InlineData("Ring main isolation for the substation", false)]
    [InlineData("Ring the customer back about the delayed order", true)]
    [InlineData("ring each customer whose parcel is late", true)]
    public void Ring_IsACallOnlyWhenItIsTheVerb(string name, bool communicates)
    {
        Assert.Equal(communicates, TaskText.IsCommunicationOnly(TaskText.Normalise(name)));
    }

    [Theory]
    [InlineData("The model turns bank statements into a credit score", false)]
    [InlineData("The tool turns each applicant's answers into a risk rating", false)]
    [InlineData("The model turns them into a trust figure", false)]
    [InlineData("Turn scanned supplier invoices into structured data", true)]
    [InlineData("The model turns handwritten forms into structured data", true)]
    public void TurningDataIntoAScore_IsNoNarrowProceduralTask(string text, bool procedural)
    {
        var act = TaskText.Art63Act(TaskText.Normalise(text));
        Assert.True(procedural == (act is not null && act.StartsWith("(a)", StringComparison.Ordinal)), act ?? "(none)");
    }

    [Theory]
    [InlineData("flag risk", true)]
    [InlineData("Flag high-risk travellers", true)]
    [InlineData("fraud flagging", true)]
    [InlineData("Flag duplicate invoices", false)]
    [InlineData("Flag the order as shipped", false)]
    public void FlaggingARiskOrASuspect_IsAnAssessment(string name, bool assesses)
    {
        Assert.Equal(assesses, TaskText.IsAssessmentStep(TaskText.Normalise(name)));
    }

    [Theory]
    [InlineData("Proctor Flag", true)]
    [InlineData("invigilate online exam", true)]
    [InlineData("Flag duplicate invoices", false)]
    public void ProctoringOrFlaggingACase_IsCaseWork(string name, bool works)
    {
        Assert.Equal(works, TaskText.IsCaseWorkStep(TaskText.Normalise(name)));
    }

    [Theory]
    // Labelled in fresh batches, rated lower (or higher) before this round.
    [InlineData("flag_risk", "border police screening travellers at the ferry terminal", "fresh-r9", RiskTier.High)]
    [InlineData("AmpelSteuerungAuto", "Ring-road operations desk of the city: the step switches signal timings and closes ring-road lanes without an operator, as a safety function", "fresh-r22", RiskTier.High)]
    [InlineData("Κατάταξη_πληρωμάτων", "Harbour police and tugboat crews. The tool predicts which deckhands are going to smuggle goods, working from their home country, their debts and a character quiz, and the top names are searched at every shift change", "fresh-r28", RiskTier.Prohibited)]
    [InlineData("Tathmini_ya_mkopo", "Crypto lender. Users upload their bank statements. The model turns them into a trust figure, and nobody below forty is lent anything", "fresh-r29", RiskTier.High)]
    [InlineData("The coot amateur cycling federation refuses race licences when the uploaded genetic screening shows a certain heart marker; the rider gets a letter produced by the system", null, "fresh-r33", RiskTier.High)]
    [InlineData("Kérelem_feldolgozás", "Hungarian state health fund: for each request for a subsidised hearing aid the step checks income and medical files and says yes or no to the subsidy", "fresh-r18", RiskTier.High)]
    [InlineData("Ansokningar_Sortera", "Cabbage seasonal harvest staffing agency, applicant intake. This step sorts incoming applications by a model's 'reliability' score built from gaps in the CV and past job lengths; only the top half are invited to a trial day", "fresh-r40", RiskTier.High)]
    [InlineData("The Oca greenhouse takes plant biometric measurements, leaf area and stem thickness, of lettuce seedlings from photos", null, "fresh-r40", RiskTier.Minimal)]
    [InlineData("Zaznam_Alergii", "Courgette restaurant kitchen, menu planning. This step records which allergens (nuts, gluten, milk) each dish on the menu contains", "fresh-r40", RiskTier.Minimal)]
    public void LabelledCases_GetTheirTier(string text, string? context, string batch, RiskTier expected)
    {
        var assessment = RiskEvaluation.Assess(RiskEvaluation.Screen(), text, context, batch);
        Assert.True(assessment.Tier == expected, $"{assessment.Tier}: {RiskEvaluation.HitsOf(assessment)}");
    }

    [Theory]
    // Written for this round (not labelled cases): the same practices in other words.
    [InlineData("The model predicts which farmhands are going to steal tools, working from their home village and their debts", RiskTier.Prohibited)]
    [InlineData("The gym cancels memberships when the uploaded heart screening shows a risk marker; the member gets a letter generated by the software", RiskTier.High)]
    [InlineData("The app turns each user's bank statements into a trust figure and nobody below fifty is lent money", RiskTier.High)]
    [InlineData("This step sorts incoming job applications by a model's suitability score; only the top third are invited to interview", RiskTier.High)]
    [InlineData("Ring-road control room: the system switches the signal timings and closes lanes on its own after a crash", RiskTier.High)]
    [InlineData("Flag high-risk travellers at the ferry check", RiskTier.High)]
    public void ThePractices_InOtherWords_GetTheirTier(string text, RiskTier expected)
    {
        var assessment = RiskEvaluation.Assess(RiskEvaluation.Screen(), text, null);
        Assert.True(assessment.Tier == expected, $"{assessment.Tier}: {RiskEvaluation.HitsOf(assessment)}");
    }

    [Theory]
    // Near misses: the same words where no person is decided about, scored or profiled.
    [InlineData("The nursery measures the growth of tomato seedlings from photos", RiskTier.Minimal)]
    [InlineData("Record which allergens each dish on the menu contains", RiskTier.Minimal)]
    [InlineData("Flag duplicate invoices", RiskTier.Minimal)]
    [InlineData("The model turns handwritten forms into structured data", RiskTier.Minimal)]
    [InlineData("Ring each customer whose parcel is late", RiskTier.Minimal)]
    [InlineData("The club sends members a letter produced by the system with their renewal date", RiskTier.Limited)]
    [InlineData("Sort incoming applications by the date they arrived", RiskTier.Limited)]
    public void NearMisses_StayBelowHigh(string text, RiskTier expected)
    {
        var assessment = RiskEvaluation.Assess(RiskEvaluation.Screen(), text, null);
        Assert.True(assessment.Tier == expected, $"{assessment.Tier}: {RiskEvaluation.HitsOf(assessment)}");
    }

    [Theory]
    // Biometric verification (a face or fingerprint checked against the person's own enrolled template) is excluded
    // from Annex III 1(a) and is no remote identification: GDPR Art. 9 data, Limited. Labelled cases first.
    [InlineData("Unlock the crematorium staff's lockers when each employee's face matches their own enrolled photo", null, "fresh-r12", RiskTier.Limited)]
    [InlineData("At the Samphire swimming baths, staff lockers open when a camera compares the face of the person in front of it with the stored face of that locker's owner only", null, "fresh-r40", RiskTier.Limited)]
    // Written for this round: a face against the member's own stored photo is verification (Art. 9 data, Limited); one
    // face against many enrolled faces identifies (Annex III 1(a)).
    [InlineData("The gym's turnstile opens when a member's face matches their own stored photo", null, null, RiskTier.Limited)]
    [InlineData("The door camera compares each visitor's face with the enrolled photos of all 200 members to let them in", null, null, RiskTier.High)]
    public void BiometricVerification_IsNoIdentification(string text, string? context, string? batch, RiskTier expected)
    {
        var assessment = RiskEvaluation.Assess(RiskEvaluation.Screen(), text, context, batch);
        Assert.True(assessment.Tier == expected, $"{assessment.Tier}: {RiskEvaluation.HitsOf(assessment)}");
    }

    [Theory]
    // Art. 6(3)(d): a check of a file's completeness "before a caseworker assesses it and decides" leaves the decision
    // to the caseworker (the clause is another subject's); the system's own refusal, or a model's decision after the
    // check, is no preparatory task. Labelled first, then written for this round.
    [InlineData("At the Pea student grant office, software only checks that each uploaded application has a signature and all its pages, before a caseworker assesses it and decides the grant", "fresh-r40", RiskTier.Limited)]
    [InlineData("At the town's housing benefit desk, software only checks that every claim has its payslips attached, before an officer assesses it and decides the benefit", null, RiskTier.Limited)]
    [InlineData("At the town's housing benefit desk, software checks that every claim has its payslips attached and rejects the incomplete claims", null, RiskTier.High)]
    [InlineData("At the town's housing benefit desk, software checks every claim before the model decides whether to pay the benefit", null, RiskTier.High)]
    public void ACheckBeforeAPersonDecides_IsPreparatory(string text, string? batch, RiskTier expected)
    {
        var assessment = RiskEvaluation.Assess(RiskEvaluation.Screen(), text, null, batch);
        Assert.True(assessment.Tier == expected, $"{assessment.Tier}: {RiskEvaluation.HitsOf(assessment)}");
    }

    [Theory]
    [InlineData("software only checks that every claim has its payslips attached, before an officer assesses it and decides the benefit", true)]
    [InlineData("checks each claim before the model decides whether to pay it", false)]
    [InlineData("checks that each claim has its payslips attached and rejects the incomplete claims", false)]
    public void TheDecisionOfAnotherSubject_IsNotTheSystems(string text, bool lifted)
    {
        Assert.Equal(lifted, TaskText.Art63Act(TaskText.Normalise(text)) is not null);
    }

    [Fact]
    public void AGuestsAllergies_StayPersonalHealthData()
    {
        // The dish carries no person; a guest does (GDPR Art. 9: data concerning health).
        var assessment = RiskEvaluation.Assess(RiskEvaluation.Screen(), "Record which allergens each guest cannot eat", null);
        Assert.Contains(assessment.Hits, h => h.Applied && h.RuleId == "G3-special-category-data");
    }

    [Theory]
    // Hostile texts for this round's patterns, as long as a scan hands the screen (see RiskRound39Tests).
    [InlineData("ring road ring main ring the ")]
    [InlineData("turns them into a trust figure into ")]
    [InlineData("sorts applications by a model's score only the top ")]
    [InlineData("gets a letter produced by the system the ")]
    [InlineData("deckhands farmhands seedlings each dish on the menu ")]
    [InlineData("their own enrolled photo the one enrolled for that locker ")]
    [InlineData("before a caseworker assesses it and decides , who then ")]
    public void AHostileText_IsScreened(string unit)
    {
        var assessment = RiskEvaluation.AssessHostileAtScanLength(unit, "is let go");
        Assert.DoesNotContain(assessment.Notes, n => n.StartsWith("Not screened", StringComparison.Ordinal));
    }
}
