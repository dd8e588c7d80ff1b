using AutomationScanner.Core.Ethics;

namespace AutomationScanner.Core.Tests.Ethics;

/// <summary>
/// What the risk screen derives from a rule catalogue (element seeds, spelling vocabulary) is computed once per
/// catalogue, so the scan command can build it on another core while the host starts (issue 17, round 9).
/// </summary>
public sealed class CatalogueDerivedDataTests
{
    [Fact]
    public void ElementSeedsAndVocabulary_SameCatalogue_ComputedOnce_EvenWhenAskedAtOnce()
    {
        var catalogue = RuleCatalogue.Default.WithSemantic(RuleCatalogue.Default.Semantic);

        var seeds = new object[4];
        var vocabularies = new object[4];
        Parallel.For(0, 4, i =>
        {
            vocabularies[i] = SpellingForm.Vocabulary(catalogue);
            seeds[i] = ElementSeeds.ForCatalogue(catalogue);
        });

        Assert.All(seeds, s => Assert.Same(seeds[0], s));
        Assert.All(vocabularies, v => Assert.Same(vocabularies[0], v));
    }

    [Fact]
    public void ElementSeedsAndVocabulary_AnotherCatalogue_ItsOwn_WithTheSameContentForTheSameRules()
    {
        var first = RuleCatalogue.Default.WithSemantic(RuleCatalogue.Default.Semantic);
        var second = RuleCatalogue.Default.WithSemantic(RuleCatalogue.Default.Semantic);

        var seeds = ElementSeeds.ForCatalogue(first);
        var otherSeeds = ElementSeeds.ForCatalogue(second);

        Assert.NotSame(seeds, otherSeeds);
        Assert.Equal(seeds.Keys.Order(StringComparer.Ordinal), otherSeeds.Keys.Order(StringComparer.Ordinal));
        Assert.All(seeds, rule => Assert.Equal(
            rule.Value.Select(a => a.Select(e => string.Join('|', e))),
            otherSeeds[rule.Key].Select(a => a.Select(e => string.Join('|', e)))));
        Assert.NotSame(SpellingForm.Vocabulary(first), SpellingForm.Vocabulary(second));
        Assert.True(SpellingForm.Vocabulary(first).SetEquals(SpellingForm.Vocabulary(second)));
        Assert.NotEmpty(seeds);
    }
}
