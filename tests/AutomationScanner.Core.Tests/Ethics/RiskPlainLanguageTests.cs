using AutomationScanner.Core.Ethics;

namespace AutomationScanner.Core.Tests.Ethics;

/// <summary>
/// Round 9 (catalogue 2026.12.7): the rules' plain-language exemplars, written from the legal elements (the harm and the
/// mechanism in everyday words), reach descriptions that share no wording with them or with any evaluation case; the
/// everyday tasks beside them stay Minimal.
/// </summary>
public sealed class RiskPlainLanguageTests
{
    [Fact]
    public void EverydayDescriptions_OfTheLegalElements_ReachTheirTier_LookAlikesStayMinimal()
    {
        var screen = RiskEvaluation.Screen();
        (string Text, RiskTier Tier, string Rule)[] cases =
        [
            // Art. 5(1)(b): a social or economic situation described by what happened to the person.
            ("Show payday loan adverts to people whose rent payment has just failed", RiskTier.Prohibited, "P4-manipulation"),
            ("Offer a credit card with a high interest rate to people who have just been refused an overdraft", RiskTier.Prohibited, "P4-manipulation"),
            // Annex III 2: a safety component of transport infrastructure, in its operator's words.
            ("Operate the level-crossing barriers and signals on the railway", RiskTier.High, "H5b-critical-infrastructure"),
            // Annex III 4(b): termination, without "dismiss" or "redundancy".
            ("Pick the warehouse staff to let go when the depot shuts", RiskTier.High, "H2a-employment-decisions"),
            ("Operate the coffee machine in the break room", RiskTier.Minimal, ""),
            ("Set the spending limit on the marketing budget", RiskTier.Minimal, ""),
            ("Lock the office doors automatically at night", RiskTier.Minimal, ""),
            ("Switch the backup generator on when the office power fails", RiskTier.Minimal, ""),
        ];

        var wrong = cases
            .Select(c => (c, Assessment: RiskEvaluation.Assess(screen, c.Text, null)))
            .Where(r => r.Assessment.Tier != r.c.Tier || (r.c.Rule.Length > 0 && !r.Assessment.Hits.Any(h => h.Applied && h.RuleId == r.c.Rule)))
            .Select(r => $"'{r.c.Text}': {r.Assessment.Tier} ({RiskEvaluation.HitsOf(r.Assessment)}), expected {r.c.Tier} {r.c.Rule}")
            .ToList();

        Assert.True(wrong.Count == 0, string.Join("\n", wrong));
    }
}
