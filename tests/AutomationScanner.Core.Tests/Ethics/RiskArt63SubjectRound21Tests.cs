using AutomationScanner.Core.Ethics;

namespace AutomationScanner.Core.Tests.Ethics;

/// <summary>
/// Round 21: an Art. 6(3) act is read after its subject also when the subject stands without its article. A task text
/// that begins with a capital article ("A tool compares ...") is read as "tool compares ...", and the act after the
/// subject was then not found, so a deviation check for a person to review (Art. 6(3)(c)) beside an Annex III use stayed
/// High in that spelling and was Limited in lower case (r21's first run: the decision-prefix property failed on it).
/// </summary>
public sealed class RiskArt63SubjectRound21Tests
{
    [Theory]
    [InlineData("A tool compares each inspector's findings this year with their earlier reports and flags unusual ones for the chief inspector to review", "(c)")]
    [InlineData("A program turns the scanned enrolment forms into typed fields", "(a)")]
    [InlineData("A system gathers each applicant's certificates into the file before the panel reads it", "(d)")]
    public void TheAct_IsReadAfterASubjectWithoutItsArticle(string text, string condition)
    {
        var act = TaskText.Art63Act(TaskText.Normalise(text));

        Assert.NotNull(act);
        Assert.StartsWith(condition, act, StringComparison.Ordinal);
        Assert.Equal(act, TaskText.Art63Act(TaskText.Normalise(text.ToLowerInvariant())));
    }

    [Theory]
    [InlineData("A tool ranks the applicants by their chances of passing")]
    [InlineData("A system rejects the incomplete applications")]
    public void AnAssessmentOrDecision_AfterTheSubject_IsNoArt63Act(string text) =>
        Assert.Null(TaskText.Art63Act(TaskText.Normalise(text)));

    [Fact]
    public void TheDeviationCheck_BesideAnAnnexIIIUse_IsLimitedInEitherSpelling()
    {
        const string Text = "A tool compares each driving examiner's pass marks this year with that examiner's earlier marking and points out unusual shifts for the head of the test centre to look into; it changes no result";
        var screen = RiskEvaluation.RulesOnly();

        Assert.Equal(RiskTier.Limited, RiskEvaluation.Assess(screen, Text, null).Tier);
        Assert.Equal(RiskTier.Limited, RiskEvaluation.Assess(screen, Text.ToLowerInvariant(), null).Tier);
    }
}
