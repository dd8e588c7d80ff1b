using AutomationScanner.Core.Ethics;

namespace AutomationScanner.Core.Tests.Ethics;

/// <summary>
/// Round 28 (lead): special-category data stated by what it records, not by the category's name. GDPR recital 35:
/// data concerning health include "information derived from the testing or examination of a body part or bodily
/// substance" (laboratory values, urine or tissue tests) and "the physiological or biomedical state of the data subject"
/// (pulse, heart rate, blood glucose, body temperature, sleep data of a person); Art. 4(15): the provision of health care
/// services (a psychologist's or counsellor's session notes); Art. 9(1): trade union membership (a union's roll of its
/// members). Each is read only with the person or the act that makes it a person's data; a staff pulse survey, a credit
/// union's members, a machine's temperature and a vehicle's check-up stay out.
/// </summary>
public sealed class RiskSpecialCategoryContentRound28Tests
{
    private const string Rule = "G3-special-category-data";

    [Theory]
    [InlineData("The gym records each member's heart rate from the treadmills after every session")]
    [InlineData("Laboratory panels of every patient are filed in the clinic portal")]
    [InlineData("The counsellor's session notes for each client are scanned into the archive")]
    [InlineData("The dockers' union keeps a register of members and their dues")]
    [InlineData("Blood glucose readings from the pupils' sensors go to the school nurse's tablet")]
    [InlineData("Annual medical examinations of the warehouse workers are booked and their results stored")]
    public void SpecialCategoryStatedByItsContent_IsReadAsSpecialCategoryData(string text)
    {
        var assessment = RiskEvaluation.Assess(RiskEvaluation.Screen(), text, null);

        Assert.Contains(assessment.Hits, h => h.Applied && h.RuleId == Rule);
        Assert.True(assessment.Tier >= RiskTier.Limited, $"{text}: {assessment.Tier}");
    }

    [Theory]
    [InlineData("Send the quarterly staff pulse survey")]
    [InlineData("Credit union members receive their annual statements")]
    [InlineData("Annual check-up of the forklift fleet")]
    [InlineData("The furnace temperature readings are logged every minute")]
    [InlineData("Take the union of the two member tables before deduplication")]
    [InlineData("The psychology lecturer uploads the lecture notes for the students")]
    public void WithoutAPersonsContent_IsNotReadAsSpecialCategoryData(string text)
    {
        var assessment = RiskEvaluation.Assess(RiskEvaluation.Screen(), text, null);

        Assert.DoesNotContain(assessment.Hits, h => h.Applied && h.RuleId == Rule && h.Evidence.Scope == EvidenceScope.Text && h.Evidence.Similarity is null);
    }
}
