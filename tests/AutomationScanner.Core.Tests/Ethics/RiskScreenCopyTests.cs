using System.Reflection;
using AutomationScanner.Core.Ethics;

namespace AutomationScanner.Core.Tests.Ethics;

/// <summary>
/// Round 35: the evaluation's leave-one-batch-out copy of a screen (<see cref="RiskScreen.WithLabelledEvidence"/>) reads
/// as the screen it copies: every switch and threshold, present and future, keeps its value, and only the labelled cases
/// and the linear signal change. Round 34 kept a hand-written list of switches in the test harness; a new switch missing
/// from it was silently reset to its default in every per-batch measurement.
/// </summary>
public sealed class RiskScreenCopyTests
{
    private static IEnumerable<PropertyInfo> Settings() =>
        typeof(RiskScreen).GetProperties(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic)
            .Where(p => p.SetMethod is not null && p.Name is not (nameof(RiskScreen.LabelledCases) or nameof(RiskScreen.LabelledLinear)));

    /// <summary>Every settable switch and threshold of the screen set away from its default, then the copy read back.</summary>
    [Fact]
    public void TheCopy_KeepsEverySwitchAndThreshold_AndChangesOnlyTheLabelledEvidence()
    {
        var original = new RiskScreen(RuleCatalogue.Default, new RiskScreenOptions(), RiskEvaluation.Embedder.Value)
        {
            LabelledCases = LabelledCaseIndex.Shipped,
            LabelledLinear = LabelledLinearModel.Shipped,
        };
        var settings = Settings().ToList();
        Assert.True(settings.Count >= 10, $"only {settings.Count} settable properties found: the reflection no longer sees the switches");
        foreach (var setting in settings)
        {
            // Init-only setters are ordinary methods to reflection: set each away from its default.
            var changed = setting.PropertyType switch
            {
                var t when t == typeof(bool) => (object)!(bool)setting.GetValue(original)!,
                var t when t == typeof(double) => (double)setting.GetValue(original)! + 0.125,
                var t when t == typeof(RiskTier) => (RiskTier)setting.GetValue(original)! == RiskTier.Limited ? RiskTier.Prohibited : RiskTier.Limited,
                var t => throw new InvalidOperationException($"RiskScreen.{setting.Name} is a {t.Name}: teach this test to change it"),
            };
            setting.SetValue(original, changed);
        }

        var without = LabelledCaseIndex.Shipped!.Without("fresh-r20");
        var copy = original.WithLabelledEvidence(without, null);

        Assert.Same(without, copy.LabelledCases);
        Assert.Null(copy.LabelledLinear);
        Assert.Same(LabelledCaseIndex.Shipped, original.LabelledCases);
        Assert.Same(LabelledLinearModel.Shipped, original.LabelledLinear);
        Assert.Same(original.Catalogue, copy.Catalogue);
        Assert.Equal(original.MatchesMeaning, copy.MatchesMeaning);
        foreach (var setting in settings)
        {
            Assert.True(Equals(setting.GetValue(original), setting.GetValue(copy)), $"{setting.Name}: {setting.GetValue(original)} in the screen, {setting.GetValue(copy)} in its copy");
        }
    }

    /// <summary>A copy screens as the screen does when it is given the same labelled evidence, and a switch turned off stays off in it.</summary>
    [Fact]
    public void TheCopy_ScreensAsTheScreen_WithTheSameEvidence()
    {
        var screen = new RiskScreen(RuleCatalogue.Default, new RiskScreenOptions(), RiskEvaluation.Embedder.Value)
        {
            LabelledCases = LabelledCaseIndex.Shipped,
            LabelledCasesThroughRules = true,
            LabelledLinear = LabelledLinearModel.Shipped,
            GdprFindingsNeedANaturalPerson = false,
        };
        var copy = screen.WithLabelledEvidence(screen.LabelledCases, screen.LabelledLinear);
        Assert.False(copy.GdprFindingsNeedANaturalPerson);
        foreach (var (text, context) in new (string, string?)[]
        {
            ("Decline the loan application", null),
            ("W_Beoordelen fraude", "Consumer loan applications: the bank assesses each applicant's credit risk and declines or offers a loan."),
            ("Print the stock report", null),
        })
        {
            var a = RiskEvaluation.Assess(screen, text, context, null);
            var b = RiskEvaluation.Assess(copy, text, context, null);
            Assert.Equal(a.Tier, b.Tier);
            Assert.Equal(RiskEvaluation.HitsOf(a), RiskEvaluation.HitsOf(b));
        }
    }
}
