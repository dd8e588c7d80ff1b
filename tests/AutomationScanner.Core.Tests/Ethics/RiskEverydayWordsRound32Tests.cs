using AutomationScanner.Core.Ethics;

namespace AutomationScanner.Core.Tests.Ethics;

/// <summary>
/// Round 32: Annex III uses read by their legal elements where the text states them in everyday words. (Point 5(b)'s
/// wider reading, credit as paying in parts and the person as a buyer or user, was withdrawn by the lead after the
/// merges: it rated a thrift shop's stock buyers and a retailer paying its wholesaler in instalments High; its set rows
/// left this class, the own row stays as a guard.) Point
/// 8(a) (recital 61): an alternative dispute resolution body whose outcome binds the parties (a tribunal, an arbitrator,
/// a mediation whose decision both sides must accept, a binding award or ruling), the law applied or the outcome issued
/// or written. Point 5(a) (recital 58): social services in old age and dependency (home care, care hours) and a public
/// health fund, trimmed, lowered or answered yes or no. Point 2: road traffic named by its parts (signal timings, traffic
/// lanes, carriageways, intersections). Companies' credit, loyalty points, a complaints desk that passes complaints on and
/// a closed bowling lane stay where they were. The set rows were rated lower on a804436; the own rows were written for
/// this round before the failing cases were read; the rules are run without the labelled cases (a step of a described process with the
/// labelled cases, its own batch left out).
/// </summary>
public sealed class RiskEverydayWordsRound32Tests
{
    [Theory]
    // Written for this round before the failing cases were read (other settings and words; High on a804436 already,
    // kept as guards of the readings).
    [InlineData("A furniture shop's app decides whether a shopper may spread the price over twelve monthly payments, based on a score of how reliably that person repays.")]
    [InlineData("An online mediation service's model weighs the tenant's and the landlord's evidence, applies rental law and hands down a decision both sides must accept.")]
    [InlineData("The municipality's system reviews each applicant's earnings and disability papers and grants or refuses the housing allowance.")]
    [InlineData("The warehouse dashboard ranks every packer by items per hour, and the slowest ones are taken off the overtime rota.")]
    public void AnAnnexIIIUseInEverydayWords_IsHigh(string text)
    {
        var after = RiskEvaluation.Assess(RiskEvaluation.RulesOnly(), text, null);

        Assert.True(after.Tier >= RiskTier.High, $"{after.Tier}: {RiskEvaluation.HitsOf(after)}");
    }

    [Theory]
    // fresh-r31 (Minimal on a804436): instalments offered or withheld on a score of the buyer's ability to pay.
    // fresh-r27, fresh-r28 (Minimal on a804436): a complaints tribunal or board whose system proposes or issues the binding award.
    [InlineData("Prijedlog_odluke", "Elevator repair complaints tribunal for consumers. The system reads both sides' submissions, applies the law and proposes the binding award, which the chair adopts", "fresh-r27")]
    [InlineData("Resolucion_disputa", "Online travel complaints board. The model researches the facts, applies the law and issues the binding award to the traveller and the holiday firm", "fresh-r28")]
    public void AStepOfAProcessDescribedInEverydayWords_IsHigh(string text, string context, string batch)
    {
        var after = RiskEvaluation.Assess(RiskEvaluation.Screen(), text, context, batch);

        Assert.True(after.Tier >= RiskTier.High, $"{after.Tier}: {RiskEvaluation.HitsOf(after)}");
    }

    [Theory]
    // Companies' credit, a shop's own prices, loyalty points, lending books, forwarding complaints, sports referees,
    // a closed bowling lane: none is a use of Annex III 2, 5(a), 5(b) or 8.
    [InlineData("The tool rates supplier companies' financial strength before the purchasing team signs a contract.")]
    [InlineData("Customers earn loyalty points on each purchase and the app shows their balance.")]
    [InlineData("Update the shop's own price list for the spring collection")]
    [InlineData("The library lends books to members and sends a reminder when they are due")]
    [InlineData("The complaints desk logs each passenger complaint and passes it on to the airline's ombudsman.")]
    [InlineData("The bowling centre closes two lanes for cleaning on Monday mornings")]
    [InlineData("Print the timetable of the tram lines for the summer")]
    public void ALookAlike_StaysBelowHigh(string text)
    {
        var after = RiskEvaluation.Assess(RiskEvaluation.RulesOnly(), text, null);

        Assert.True(after.Tier < RiskTier.High, $"{after.Tier}: {RiskEvaluation.HitsOf(after)}");
    }
}
