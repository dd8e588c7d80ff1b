using AutomationScanner.Core.Ethics;

namespace AutomationScanner.Core.Tests.Ethics;

/// <summary>
/// Round 10 (catalogue 2026.12.8): the rules about natural persons (Art. 22, employment, education, credit, insurance,
/// benefits, social scoring) do not apply by meaning alone to a task that names no person and whose subject is a
/// document or written text; the same acts on a person, or on a record that stands for one, keep their tier. The
/// phrasings were written for this test and are in no evaluation batch.
/// </summary>
public sealed class RiskPersonSubjectTests
{
    [Fact]
    public void RulesAboutPersons_HeldBack_WhenTheSubjectIsADocument()
    {
        var screen = RiskEvaluation.Screen();
        string[] documents =
        [
            "Review the wording of the dismissal letter template",
            "Decide on the font of the promotion announcement",
            "Grade the file format",
            "Score the draft contract's clauses",
            "Check the spelling of the termination notice template",
        ];

        var wrong = documents
            .Select(t => (Text: t, Assessment: RiskEvaluation.Assess(screen, t, null)))
            .Where(r => r.Assessment.Hits.Any(h => h.Applied && screen.Catalogue.Rule(h.RuleId) is { Definition.AboutPersons: true }))
            .Select(r => $"'{r.Text}': {r.Assessment.Tier} ({RiskEvaluation.HitsOf(r.Assessment)})")
            .ToList();

        Assert.True(wrong.Count == 0, string.Join("\n", wrong));
    }

    [Fact]
    public void RulesAboutPersons_Kept_WhenTheTaskNamesAPersonOrTheirRecord()
    {
        var screen = RiskEvaluation.Screen();
        string[] persons =
        [
            "Grade the pupils' written homework",
            "Score the job seekers' CVs and drop the weakest",
            "Decide on the mortgage file",
            "Choose which cleaners get their contracts renewed for next season",
        ];

        var wrong = persons
            .Select(t => (Text: t, Assessment: RiskEvaluation.Assess(screen, t, null)))
            .Where(r => r.Assessment.Tier < RiskTier.High)
            .Select(r => $"'{r.Text}': {r.Assessment.Tier} ({RiskEvaluation.HitsOf(r.Assessment)})")
            .ToList();

        Assert.True(wrong.Count == 0, string.Join("\n", wrong));
    }

    [Fact]
    public void NonPersonSubject_ReadsTheSubject_NotAnyWord()
    {
        var matcher = new SemanticRuleMatcher(RuleCatalogue.Default, RiskEvaluation.Embedder.Value);
        Assert.NotNull(matcher.NonPersonSubject("Check the spreadsheet's formulas"));
        Assert.Null(matcher.NonPersonSubject("Check the applicant's documents"));
        Assert.Null(matcher.NonPersonSubject("Decide on the mortgage file"));
        Assert.Null(matcher.NonPersonSubject("Decide whose document is accepted"));
    }
}
