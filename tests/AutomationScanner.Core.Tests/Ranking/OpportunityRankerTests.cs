using AutomationScanner.Core.Ethics;
using AutomationScanner.Core.Model;
using AutomationScanner.Core.Ranking;

namespace AutomationScanner.Core.Tests.Ranking;

public sealed class OpportunityRankerTests
{
    private static readonly ValueOptions ValueOptions = new();
    private static readonly RiskContext Context = new(Builders.Workload([]), new ResourcePseudonymizer("k"));

    private static RankingInput Input(string name, string text, long executions, double suitability = 0.8)
    {
        var task = Builders.Task(name, "p", text);
        task.Statistics = Builders.Stats(name, executions: executions, executionsPerWeek: executions / 52.0,
            serviceTime: new DurationSummary(executions, 120, 240, 480, 260));
        var value = new ValueEstimator(ValueOptions).Estimate(task, suitability);
        var risk = new RiskScreen().Assess(task, Context);
        return new RankingInput(task, value, risk);
    }

    [Fact]
    public void Rank_ProhibitedWithHugeValue_NeverRecommendedAndRankedLast()
    {
        var sut = new OpportunityRanker(new RankingOptions(), ValueOptions);
        var inputs = new[]
        {
            Input("Agent mood scoring", "Score the emotions of call-centre agents from their voice", 500_000, 1.0),
            Input("Post invoice", "Post the invoice in the ERP", 5_000),
            Input("Archive file", "Archive the file", 50),
        };

        var result = sut.Rank(inputs);

        var prohibited = Assert.Single(result, o => o.Risk.IsProhibited);
        Assert.Equal(Recommendation.NotRecommended, prohibited.Recommendation);
        Assert.Equal(0, prohibited.Priority);
        Assert.Equal(3, prohibited.Rank);
        Assert.Equal([1, 2, 3], result.Select(o => o.Rank));
    }

    [Fact]
    public void Rank_HighRiskTask_KeptAndMarkedWithSafeguards()
    {
        var sut = new OpportunityRanker(new RankingOptions { RecommendThreshold = 10 }, ValueOptions);

        var result = sut.Rank([Input("Credit check", "Assess creditworthiness of loan applicants", 50_000)]);

        var item = Assert.Single(result);
        Assert.Equal(RiskTier.High, item.Risk.Tier);
        Assert.Equal(Recommendation.RecommendedWithSafeguards, item.Recommendation);
        Assert.Contains(Safeguard.HumanInTheLoop, item.Risk.Safeguards);
        Assert.Equal(0.6, item.Why.Single(f => f.Name == "risk").Weight);
    }

    [Theory]
    [InlineData(10, 100)]
    [InlineData(100, 1_000)]
    [InlineData(1_000, 10_000)]
    [InlineData(10_000, 1_000_000)]
    public void Score_MoreExecutions_PriorityNotLower(long fewer, long more)
    {
        var sut = new OpportunityRanker(new RankingOptions(), ValueOptions);

        var low = sut.Score(Input("Post invoice", "Post the invoice", fewer));
        var high = sut.Score(Input("Post invoice", "Post the invoice", more));

        Assert.True(high.Value.BenefitHours.P50 > low.Value.BenefitHours.P50);
        Assert.True(high.Priority >= low.Priority, $"{high.Priority} < {low.Priority}");
    }

    [Fact]
    public void Score_OnlyBenefitHoursChange_PriorityMonotonicAndStrictBelowSaturation()
    {
        var sut = new OpportunityRanker(new RankingOptions(), ValueOptions);
        var input = Input("Post invoice", "Post the invoice", 1_000);
        double[] hours = [0, 1, 10, 100, 500, 1_000, 1_760, 5_000, 50_000];

        var priorities = hours.Select(h => sut.Score(input with { Value = input.Value with { BenefitHours = new ValueRange(h / 2, h, h * 2) } }).Priority).ToList();

        for (var i = 1; i < hours.Length; i++)
        {
            Assert.True(priorities[i] >= priorities[i - 1], $"{hours[i]} h gave {priorities[i]} < {priorities[i - 1]}");
            if (hours[i] <= ValueOptions.HoursPerFte)
            {
                Assert.True(priorities[i] > priorities[i - 1], $"{hours[i]} h did not raise the priority");
            }
        }

        Assert.Equal(priorities[^2], priorities[^1], 9);
    }

    [Fact]
    public void Score_ProhibitedWhateverTheValue_NeverRecommended()
    {
        var sut = new OpportunityRanker(new RankingOptions { RecommendThreshold = 0 }, ValueOptions);
        var input = Input("Agent mood scoring", "Score the emotions of call-centre agents from their voice", 1_000_000, 1.0);

        var result = sut.Score(input with { Value = input.Value with { BenefitHours = new ValueRange(1e6, 1e6, 1e6), Confidence = 1 } });

        Assert.Equal(Recommendation.NotRecommended, result.Recommendation);
        Assert.Equal(0, result.Priority);
    }

    [Fact]
    public void Score_BelowSaturation_StrictlyIncreasingInValue()
    {
        var sut = new OpportunityRanker(new RankingOptions(), ValueOptions);

        var low = sut.Score(Input("Post invoice", "Post the invoice", 1_000));
        var high = sut.Score(Input("Post invoice", "Post the invoice", 2_000));

        Assert.True(high.Priority > low.Priority);
    }

    [Fact]
    public void Score_Why_ContributionsSumToPriorityAndNameEveryFactor()
    {
        var sut = new OpportunityRanker(new RankingOptions(), ValueOptions);

        var result = sut.Score(Input("Send reminder", "Send the customer a payment reminder by e-mail", 3_000));

        Assert.Equal(result.Priority, result.Why.Sum(f => f.Contribution), 6);
        Assert.Equal(
            ["value", "suitability", "ease: automation kind", "ease: variability", "ease: systems", "confidence", "risk"],
            result.Why.Select(f => f.Name));
        Assert.Equal(0.9, result.Why.Single(f => f.Name == "risk").Weight);
        Assert.InRange(result.Priority, 0, 100);
    }

    [Fact]
    public void Score_HigherEntropy_LowerEase()
    {
        var sut = new OpportunityRanker(new RankingOptions(), ValueOptions);
        var steady = Input("Post invoice", "Post the invoice", 1_000);
        var varied = Input("Post invoice", "Post the invoice", 1_000);
        varied.Candidate.Statistics = varied.Candidate.Statistics! with { PredecessorEntropy = 2, SuccessorEntropy = 2 };

        var a = sut.Score(steady);
        var b = sut.Score(varied);

        Assert.Equal(1, a.Why.Single(f => f.Name == "ease: variability").Value, 9);
        Assert.Equal(1 / 3.0, b.Why.Single(f => f.Name == "ease: variability").Value, 9);
        Assert.True(b.Priority < a.Priority);
    }
}
