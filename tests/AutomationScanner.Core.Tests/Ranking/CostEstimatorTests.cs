using AutomationScanner.Core.Classification.Llm;
using AutomationScanner.Core.Ethics;
using AutomationScanner.Core.Model;
using AutomationScanner.Core.Ranking;

namespace AutomationScanner.Core.Tests.Ranking;

public sealed class CostEstimatorTests
{
    private static readonly ValueOptions Options = new();

    private static (TaskCandidate Candidate, ValueEstimate Value) Task(string name, long executions = 10_000, double seconds = 300, double entropy = 0,
        double rework = 0, double failure = 0, params TaskStatement[] statements)
    {
        var candidate = new TaskCandidate(name, "p2p")
        {
            Statistics = Builders.Stats(name, executions, executions / 52.0, new DurationSummary(executions, seconds / 2, seconds, seconds * 2, seconds), predecessorEntropy: entropy, successorEntropy: entropy) with
            {
                ReworkRate = rework,
                FailureRate = failure,
            },
        };
        candidate.Statements.AddRange(statements);
        return (candidate, new ValueEstimator(Options).Estimate(candidate, 0.8));
    }

    private static RiskAssessment Risk(RiskTier tier, params Safeguard[] safeguards) =>
        new(tier, tier, [], safeguards, DisplacementEstimate.None, [], [], "test");

    [Fact]
    public void Estimate_SimpleTask_PartsAddUpAndScenariosAreOrdered()
    {
        var (candidate, value) = Task("Post invoice");

        var cost = new CostEstimator(Options).Estimate(candidate, value, Risk(RiskTier.Minimal));

        Assert.Equal(cost.EffortDays.P50, cost.EffortParts.Sum(p => p.Amount), 9);
        Assert.Equal(Options.BaseEffortDays, cost.EffortDays.P50, 9);
        Assert.Equal(cost.EffortDays.P50 * Options.EffortLowFactor, cost.EffortDays.P10, 9);
        Assert.Equal(cost.EffortDays.P50 * Options.EffortHighFactor, cost.EffortDays.P90, 9);
        Assert.Equal(cost.EffortDays.P50 * Options.DayRate, cost.ImplementationCost.P50, 9);
        Assert.Equal(cost.RunningCostPerYear.P50, cost.RunningParts.Sum(p => p.Amount), 9);
        Assert.False(cost.UsesLlm);
        Assert.True(cost.NetValue.P10 < cost.NetValue.P50 && cost.NetValue.P50 < cost.NetValue.P90);
        Assert.True(cost.PaybackMonths.P10 < cost.PaybackMonths.P50 && cost.PaybackMonths.P50 < cost.PaybackMonths.P90);
        var net = value.Money.P50 - cost.RunningCostPerYear.P50;
        Assert.Equal(net, cost.NetBenefitPerYear.P50, 9);
        Assert.Equal(Math.Round(cost.ImplementationCost.P50 / (net / 12), 2), cost.PaybackMonths.P50);
        Assert.Equal((3 * net) - cost.ImplementationCost.P50, cost.NetValue.P50, 9);
    }

    [Fact]
    public void Estimate_VariabilityExceptionsSystemsAndSafeguards_EachAddTheirDays()
    {
        var statement = new TaskStatement { Text = "Copy the order from SAP into Salesforce and Excel", SourceFile = "sop.md", Line = 3, Systems = ["SAP", "Salesforce", "Excel"] };
        var (candidate, value) = Task("Copy order", entropy: 1.5, rework: 0.1, failure: 0.2, statements: statement);

        var cost = new CostEstimator(Options).Estimate(candidate, value, Risk(RiskTier.High, Safeguard.Dpia, Safeguard.HumanInTheLoop, Safeguard.WorkerInformation));

        double Part(string name) => Assert.Single(cost.EffortParts, p => p.Name == name).Amount;
        Assert.Equal(2 * Options.EffortPerExtraSystemDays, Part("systems"));
        Assert.Equal(1.5 * Options.EffortPerVariabilityBitDays, Part("variability"), 9);
        Assert.Equal(0.3 * Options.ExceptionHandlingDays, Part("exceptions and rework"), 9);
        Assert.Equal(Options.DpiaDays, Part("DPIA"));
        Assert.Equal(Options.HumanOversightDesignDays, Part("human oversight design"));
        Assert.Equal(Options.WorkerInformationDays, Part("worker information"));
        Assert.Equal(3, cost.Systems);
        var plain = new CostEstimator(Options).Estimate(Task("Copy order").Candidate, value, Risk(RiskTier.Minimal));
        Assert.True(cost.PaybackMonths.P50 > plain.PaybackMonths.P50);
    }

    [Fact]
    public void Estimate_UnstructuredInput_AddsDocumentWorkAndTokensPerAutomatedRun()
    {
        var statement = new TaskStatement { Text = "Read the customer's e-mail and register the claim", SourceFile = "sop.md", Line = 1 };
        var (candidate, value) = Task("Register claim", executions: 52_000, statements: statement);

        var cost = new CostEstimator(Options).Estimate(candidate, value, Risk(RiskTier.Minimal));

        Assert.True(cost.UsesLlm);
        Assert.Contains(cost.EffortParts, p => p.Name == "unstructured input" && p.Explanation.Contains("e-mail", StringComparison.Ordinal));
        var runs = value.ExecutionsPerYear * value.ManualShare * value.Suitability;
        var perRun = ((2500 * 0.25) + (500 * 2.0)) / 1_000_000;
        Assert.Equal(runs * perRun, Assert.Single(cost.RunningParts, p => p.Name == "LLM tokens").Amount, 6);
    }

    [Fact]
    public void Estimate_LlmSaysDocumentAi_UsesLlmAndItsSystemCount()
    {
        var (candidate, value) = Task("Check form");
        var judgement = new LlmJudgement { Suitability = 0.7, RecommendedKind = AutomationKind.DocumentAi, Criteria = new WellmannCriteria(0.8, 0.3, 0.5, 0.7, 4) };

        var cost = new CostEstimator(Options).Estimate(candidate, value, Risk(RiskTier.Minimal), judgement);

        Assert.True(cost.UsesLlm);
        Assert.Equal(4, cost.Systems);
    }

    [Fact]
    public void Estimate_TinyTask_NeverPaysBackAndSaysSo()
    {
        var (candidate, value) = Task("Rename folder", executions: 50, seconds: 30);

        var cost = new CostEstimator(Options).Estimate(candidate, value, Risk(RiskTier.Minimal));

        Assert.True(cost.NetBenefitPerYear.P90 < 0);
        Assert.Equal(new MonthsRange(null, null, null), cost.PaybackMonths);
        Assert.True(cost.NetValue.P90 < 0);
    }

    [Fact]
    public void Estimate_DayRateAndHorizon_AreConfigurable()
    {
        var (candidate, value) = Task("Post invoice");
        var options = new ValueOptions { DayRate = 1600, HorizonYears = 5 };

        var cost = new CostEstimator(options).Estimate(candidate, value, Risk(RiskTier.Minimal));

        Assert.Equal(options.BaseEffortDays * 1600, cost.ImplementationCost.P50, 9);
        Assert.Equal(5, cost.HorizonYears);
        Assert.Equal((5 * cost.NetBenefitPerYear.P50) - cost.ImplementationCost.P50, cost.NetValue.P50, 9);
    }
}
