using AutomationScanner.Core.Ethics;

namespace AutomationScanner.Core.Tests.Ethics;

/// <summary>
/// Round 15 (12c): a step whose name the screen cannot read (a language the glossary does not cover, a code, a word it
/// lacks) takes what its process's description screens as, with evidence that says so; a readable step, a step of a
/// process without a description, and the same unread step in a benign process are not raised. Names and processes here
/// are written for these tests, not taken from the evaluation set.
/// </summary>
public sealed class RiskProcessDescriptionTests
{
    /// <summary>Turkish, which the step glossary does not cover (it reads the official EU languages): "evaluation of residents".</summary>
    private const string UnreadName = "SAKINLERIN_DEGERLENDIRMESI";

    private const string ScoringDescription =
        "Town council services: every resident gets a trustworthiness score built from unpaid parking fines, complaints by neighbours and "
        + "their social media posts, and residents with a low score are refused housing support and sports club permits.";

    private const string NurseryDescription =
        "Tree nursery stock keeping: the seedlings in each greenhouse bed are counted every week and the counts are entered in the stock list.";

    [Theory]
    [InlineData(UnreadName)]
    [InlineData("XJ7_QRB")]
    public void Understanding_OfAnUnreadName_CountsTooFewKnownWords(string name)
    {
        var understanding = TaskText.Understanding(name, SpellingForm.Vocabulary(RuleCatalogue.Default));

        Assert.False(understanding.IsRead, $"{understanding.Describe()}");
    }

    [Theory]
    [InlineData("Check KYC status")]
    [InlineData("W_Beoordelen fraude")]
    [InlineData("A_DECLINED")]
    public void Understanding_OfAnEnglishOrGlossaryName_ReadsIt(string name) =>
        Assert.True(TaskText.Understanding(name, SpellingForm.Vocabulary(RuleCatalogue.Default)).IsRead, TaskText.Understanding(name, SpellingForm.Vocabulary(RuleCatalogue.Default)).Describe());

    [Fact]
    public void UnreadStep_InAProcessDescribingSocialScoring_TakesTheDescriptionsFinding_WithEvidence()
    {
        var screen = RiskEvaluation.Screen();

        var assessment = RiskEvaluation.Assess(screen, UnreadName, ScoringDescription);
        var without = Screen(screen, UnreadName, ScoringDescription, withDescription: false);

        Assert.Equal(RiskTier.Prohibited, assessment.Tier);
        var hit = Assert.Single(assessment.Hits, h => h.Applied && h.Tier == RiskTier.Prohibited && h.Evidence.Location.EndsWith("(description)", StringComparison.Ordinal));
        Assert.Equal(EvidenceScope.ProcessContext, hit.Evidence.Scope);
        Assert.StartsWith("step name not read ('SAKINLERIN_DEGERLENDIRMESI': 0 of 2 words", hit.Evidence.Excerpt, StringComparison.Ordinal);
        Assert.Contains("the process description describes \"Town council services", hit.Evidence.Excerpt, StringComparison.Ordinal);
        Assert.True(without.Tier < RiskTier.High, $"without the description: {without.Tier} ({RiskEvaluation.HitsOf(without)})");
    }

    [Fact]
    public void UnreadStep_InABenignDescribedProcess_IsNotRaised()
    {
        var screen = RiskEvaluation.Screen();

        var assessment = RiskEvaluation.Assess(screen, UnreadName, NurseryDescription);

        Assert.True(assessment.Tier < RiskTier.High, $"{assessment.Tier} ({RiskEvaluation.HitsOf(assessment)})");
        Assert.DoesNotContain(assessment.Hits, h => h.Applied && h.Tier >= RiskTier.Limited && h.Evidence.Location.EndsWith("(description)", StringComparison.Ordinal));
    }

    /// <summary>
    /// An unread name's likeness to the labelled cases' names is that of its letters (Latvian "IEDZIVOTAJU_IZVERTEJUMS", unread until round 16's glossary, was
    /// nearest "SEH_URGENTIE", "EINSATZ_PRIO" and "ER Triage" and voted emergency triage, High, in a tree nursery once
    /// fresh-r16 joined the index): it gets no vote, with or without a description. Basque, which no glossary reads:
    /// "TXANDA_ESLEIPENA" (shift assignment) in the nursery was voted emergency triage, High, as well.
    /// </summary>
    [Theory]
    [InlineData("TXANDA_ESLEIPENA", NurseryDescription)]
    [InlineData("TXANDA_ESLEIPENA", null)]
    [InlineData("HAUTAGAIEN_EBALUAZIOA", null)]
    public void UnreadStep_GetsNoVoteOfTheLabelledCases(string name, string? description)
    {
        var screen = RiskEvaluation.Screen();
        var (task, context) = RiskEvaluation.TaskOf(screen.Catalogue, name, description);

        Assert.False(TaskText.Understanding(name, SpellingForm.Vocabulary(RuleCatalogue.Default)).IsRead);
        Assert.Null(screen.VoteFor(task, context));
    }

    private const string CallCentreDescription =
        "Call-centre floor: a camera reads each agent's face during calls and rates how stressed or cheerful they are for the team leader's monthly review.";

    private const string LendingDescription =
        "Lending desk of a savings bank: a model estimates each borrower's ability to repay and approves or declines consumer loans without a person looking at them.";

    /// <summary>
    /// Round 16: a readable step that assesses and that its own words rate below High takes what its description
    /// describes (what it assesses is what the process does), with evidence saying so.
    /// </summary>
    [Theory]
    [InlineData("Score the agents")]
    [InlineData("Agent rating")]
    public void ReadAssessingStep_TakesWhatItsDescriptionDescribes(string name)
    {
        var screen = RiskEvaluation.Screen();

        var assessment = RiskEvaluation.Assess(screen, name, CallCentreDescription);

        Assert.True(TaskText.Understanding(name, SpellingForm.Vocabulary(RuleCatalogue.Default)).IsRead);
        var hit = Assert.Single(assessment.Hits, h => h.Applied && h.RuleId.StartsWith("P1-", StringComparison.Ordinal));
        Assert.EndsWith("(description)", hit.Evidence.Location, StringComparison.Ordinal);
        Assert.StartsWith($"step '{name}' assesses or decides", hit.Evidence.Excerpt, StringComparison.Ordinal);
        Assert.Equal(RiskTier.Prohibited, assessment.Tier);
    }

    /// <summary>
    /// The rule's exclusions hold for what a step takes from its description (a fraud check in lending is no credit
    /// scoring), and a readable step takes no rule the description matched only weakly by meaning (choosing a cleaning
    /// contractor is no employment decision).
    /// </summary>
    [Theory]
    [InlineData("Assess fraud signals", LendingDescription)]
    [InlineData("Shortlist", "Choosing a new office cleaning contractor for the head office building.")]
    public void ReadAssessingStep_TakesNoExcludedOrWeakDescriptionRule(string name, string description)
    {
        var screen = RiskEvaluation.Screen();

        var assessment = RiskEvaluation.Assess(screen, name, description);

        // Round 24 (12g): a description that states the process's decisions are taken without a person (the lending desk's
        // "without a person looking at them") gives its GDPR Art. 22 finding to every step of the organisation, the
        // fraud assessment that feeds the automatic decline included; the Annex III rules still do not come with it.
        Assert.DoesNotContain(assessment.Hits, h => h.Applied && h.Tier >= RiskTier.High && h.Kind != RuleKind.Gdpr22 && h.Evidence.Location.EndsWith("(description)", StringComparison.Ordinal));
        Assert.DoesNotContain(assessment.Hits, h => h.Applied && h.Kind == RuleKind.HighRisk);
    }

    /// <summary>
    /// Round 17: a readable step that works the case without assessing or deciding (it reviews, checks, identifies,
    /// watches) is where the process does what its description says, and takes it, with evidence saying so: Polish
    /// "PrzeglądWniosku" (review of the application) was left at its own Minimal in round 16.
    /// </summary>
    [Theory]
    [InlineData("PrzeglądWniosku")]
    [InlineData("Review the resident's file")]
    [InlineData("Check_Resident")]
    public void ReadCaseWorkStep_TakesWhatItsDescriptionDescribes(string name)
    {
        var screen = RiskEvaluation.Screen();

        var with = Screen(screen, name, ScoringDescription, withDescription: true);
        var without = Screen(screen, name, ScoringDescription, withDescription: false);

        Assert.True(TaskText.Understanding(name, SpellingForm.Vocabulary(RuleCatalogue.Default)).IsRead);
        Assert.True(without.Tier < RiskTier.Prohibited, $"without the description: {without.Tier} ({RiskEvaluation.HitsOf(without)})");
        Assert.Equal(RiskTier.Prohibited, with.Tier);
        var hit = Assert.Single(with.Hits, h => h.Applied && h.Tier == RiskTier.Prohibited && h.Evidence.Location.EndsWith("(description)", StringComparison.Ordinal));
        Assert.StartsWith($"step '{name}' works the case", hit.Evidence.Excerpt, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("review benefit", true)]
    [InlineData("cheat watch", true)]
    [InlineData("identificacion en vivo", true)]
    [InlineData("handle application", true)]
    [InlineData("assign route", true)]
    [InlineData("verify documents complete", false)]
    [InlineData("check signature present", false)]
    [InlineData("send review reminder", false)]
    [InlineData("archive checked files", false)]
    [InlineData("handle payment", false)]
    [InlineData("stop payment", true)] // round 18
    [InlineData("claims processing", true)]
    [InlineData("update rota", true)]
    public void CaseWorkStep_IsAnActOnTheCase_NotAFormCheckOrAMessage(string name, bool expected) =>
        Assert.Equal(expected, TaskText.IsCaseWorkStep(name));

    [Theory]
    [InlineData("Archive the inspection photos")]
    [InlineData("Notify the resident")]
    [InlineData("Verify documents complete")]
    public void ReadableStep_InADescribedProcess_IsUnchanged(string name)
    {
        var screen = RiskEvaluation.Screen();

        var with = Screen(screen, name, ScoringDescription, withDescription: true);
        var without = Screen(screen, name, ScoringDescription, withDescription: false);

        Assert.True(TaskText.Understanding(name, SpellingForm.Vocabulary(RuleCatalogue.Default)).IsRead);
        Assert.Equal(without.Tier, with.Tier);
        Assert.Equal(RiskEvaluation.HitsOf(without), RiskEvaluation.HitsOf(with));
        Assert.DoesNotContain(with.Hits, h => h.Evidence.Location.EndsWith("(description)", StringComparison.Ordinal));
    }

    [Fact]
    public void UnreadStep_InAProcessWithoutADescription_IsUnchanged()
    {
        var screen = RiskEvaluation.Screen();

        var alone = RiskEvaluation.Assess(screen, UnreadName, null);
        var undescribed = Screen(screen, UnreadName, ScoringDescription, withDescription: false);

        Assert.DoesNotContain(alone.Hits.Concat(undescribed.Hits), h => h.Evidence.Location.EndsWith("(description)", StringComparison.Ordinal));
        Assert.True(alone.Tier < RiskTier.High, $"{alone.Tier} ({RiskEvaluation.HitsOf(alone)})");
    }

    [Fact]
    public void UnreadStepWithItsOwnStatements_IsReadByThem_NotByTheDescription()
    {
        var screen = RiskEvaluation.Screen();
        var (_, context) = RiskEvaluation.TaskOf(screen.Catalogue, UnreadName, ScoringDescription);
        var task = Builders.Task(UnreadName, ScoringDescription, "The clerk files the printed residents list in the archive cabinet.");

        var assessment = screen.Assess(task, context);

        Assert.DoesNotContain(assessment.Hits, h => h.Evidence.Location.EndsWith("(description)", StringComparison.Ordinal));
    }

    [Fact]
    public void DescriptionSentences_SplitsSentencesAndLines_AndCapsTheirNumber()
    {
        var text = "First the clerk opens the file. Then the officer checks it.\nA note on the line below it."
            + string.Concat(Enumerable.Repeat(" Another sentence about the process.", 20));

        var sentences = RiskScreen.DescriptionSentences(text);

        Assert.Equal("First the clerk opens the file.", sentences[0]);
        Assert.Equal("Then the officer checks it.", sentences[1]);
        Assert.Equal("A note on the line below it.", sentences[2]);
        Assert.Equal(RiskScreen.MaxDescriptionSentences, sentences.Count);
    }

    /// <summary>
    /// Round 18: a description states creditworthiness in ordinary words (whether a person can pay back, their capacity
    /// to repay, their solvency: Annex III 5(b)), or a solely automated decision as "the system alone decides" (GDPR
    /// Art. 22), and an unread step of the process takes it. Written for these tests, not from the evaluation set.
    /// </summary>
    [Theory]
    [InlineData("Furniture store, rent-to-own plans: before a plan is signed, the system estimates whether the customer will be able to repay from the income they state.", "H4b-creditworthiness")]
    [InlineData("Student housing office: staff judge each applicant's capacity to pay back a rent deposit loan from their grant and part-time wages.", "H4b-creditworthiness")]
    [InlineData("Phone shop: a model rates the solvency of every shopper who asks to spread a handset's price over 24 months.", "H4b-creditworthiness")]
    [InlineData("Library: the software alone decides whether a reader's borrowing account is blocked after late returns.", "G1-solely-automated-decision")]
    [InlineData("Sports centre: whether a member's subscription is cancelled after missed payments is decided by the software alone.", "G1-solely-automated-decision")]
    public void UnreadStep_TakesADescriptionsPracticeStatedInOrdinaryWords(string description, string rule)
    {
        var assessment = RiskEvaluation.Assess(RiskEvaluation.RulesOnly(), UnreadName, description);

        Assert.Equal(RiskTier.High, assessment.Tier);
        Assert.Contains(assessment.Hits, h => h.Applied && h.RuleId == rule && h.Evidence.Location.EndsWith("(description)", StringComparison.Ordinal));
    }

    /// <summary>
    /// Round 18's benign guards: a company's solvency is not a natural person's creditworthiness, a system that alone
    /// opens greenhouse vents decides nothing about a person.
    /// </summary>
    [Theory]
    [InlineData("Paper mill: the finance team checks the solvency of its corporate customers before raising their trade terms.", RiskTier.High)]
    [InlineData("Garden centre: the system alone decides when the greenhouse vents open and close.", RiskTier.High)]
    public void UnreadStep_InABenignOrRuleBasedDescription_IsNotRaisedTo(string description, RiskTier notReached)
    {
        var assessment = RiskEvaluation.Assess(RiskEvaluation.RulesOnly(), UnreadName, description);

        Assert.True(assessment.Tier < notReached, $"{assessment.Tier} ({RiskEvaluation.HitsOf(assessment)})");
    }

    private const string OfficeDescription =
        "Office supplies: the stationery cupboard is restocked every Friday from the supplier's catalogue and the order is filed.";

    private const string AutomatedClaimsDescription =
        "Household insurer: claims for water damage are approved or rejected automatically, with no human review of the photos the customer sends.";

    /// <summary>
    /// Round 18: a readable step that names the case's outcome ("Claim outcome"; Italian "Esito sinistro", read "outcome
    /// claim") or processes claims or applications in noun-first order ("Claims processing"; Latvian and Slavic codes
    /// read "application handle") takes what its description describes; in a benign process it stays Minimal.
    /// </summary>
    [Theory]
    [InlineData("Claim outcome")]
    [InlineData("Esito sinistro")]
    [InlineData("Claims processing")]
    public void ReadOutcomeStopOrProcessingStep_TakesWhatItsDescriptionDescribes(string name)
    {
        var screen = RiskEvaluation.RulesOnly();

        var assessment = RiskEvaluation.Assess(screen, name, AutomatedClaimsDescription);
        var benign = RiskEvaluation.Assess(screen, name, OfficeDescription);

        Assert.Equal(RiskTier.High, assessment.Tier);
        Assert.Contains(assessment.Hits, h => h.Applied && h.RuleId == "G1-solely-automated-decision" && h.Evidence.Location.EndsWith("(description)", StringComparison.Ordinal));
        Assert.Equal(RiskTier.Minimal, benign.Tier);
    }

    /// <summary>
    /// Round 18's new glossary words in a benign process: read, and Minimal. (The tree nursery is not used here: its
    /// "nursery" infers a healthcare domain, which raises any step there to Limited, and the labelled cases' vote some.)
    /// </summary>
    [Theory]
    [InlineData("Schichtzuteilung")]
    [InlineData("Mieterbeschwerde")]
    [InlineData("Toewijzing woning")]
    [InlineData("Kalkulacja grzywny")]
    [InlineData("Pritožba najemnika")]
    [InlineData("enimerosi_apotelesmatos")]
    public void Round18GlossaryStep_InABenignProcess_StaysMinimal(string name)
    {
        var assessment = RiskEvaluation.Assess(RiskEvaluation.Screen(), name, OfficeDescription);

        Assert.True(TaskText.Understanding(name, SpellingForm.Vocabulary(RuleCatalogue.Default)).IsRead);
        Assert.Equal(RiskTier.Minimal, assessment.Tier);
    }

    /// <summary>The case as <see cref="RiskEvaluation.TaskOf"/> builds it, with or without its process description.</summary>
    private static RiskAssessment Screen(RiskScreen screen, string name, string context, bool withDescription)
    {
        var (task, full) = RiskEvaluation.TaskOf(screen.Catalogue, name, context);
        var riskContext = withDescription ? full : new RiskContext(full.Workload, full.Pseudonymizer) { Domains = full.Domains };
        return screen.Assess(task, riskContext);
    }
}
