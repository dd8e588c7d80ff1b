using AutomationScanner.Core.Classification;
using AutomationScanner.Core.Model;

namespace AutomationScanner.Core.Tests.Classification;

public sealed class SecondOpinionTests
{
    [Fact]
    public void WithSecondOpinion_Weight_ScalesPartsAndAddsOneThatSumsToScore()
    {
        var sut = new SuitabilityAssessment
        {
            TaskId = "t",
            Score = 0.6,
            Factors = [new ScoreFactor("text model", 0.8, 0.6, 0.48, "x"), new ScoreFactor("process criteria", 0.3, 0.4, 0.12, "y")],
            Class = ExposureClass.Direct,
            TextProbability = 0.8,
            ScoredTexts = ["enter invoice"],
            TopTextFeatures = [],
            LowConfidence = false,
        };

        var blended = sut.WithSecondOpinion(opinion: 7, weight: 0.3, "llm");

        Assert.Equal(0.7 * 0.6 + 0.3 * 1.0, blended.Score, 12);
        Assert.Equal(blended.Score, blended.Factors.Sum(f => f.Contribution), 12);
        Assert.Equal(1.0, blended.Factors.Sum(f => f.Weight), 12);
        Assert.Equal("LLM second opinion", blended.Factors[^1].Name);
        Assert.Equal(0.6, sut.Score);
    }
}
