using AutomationScanner.Core.Ethics;

namespace AutomationScanner.Core.Tests.Ethics;

/// <summary>
/// Round 27: the business that provides credit to natural persons is not the one assessed. Annex III 5(b) covers AI
/// systems "intended to be used to evaluate the creditworthiness of natural persons or establish their credit score"
/// (recital 58: access to financial resources or essential services such as housing, electricity); GDPR Art. 22 the
/// decisions about a data subject. Both leave out legal persons, and the catalogue does so twice: a process read as a
/// business's back office (cues: a retailer, a dealer, a supplier, bookings) rules out 5(b), 5(c) and Art. 22 for its
/// steps, and the 5(b) and Art. 22 rules' <c>unless</c> stops them on a text that names a company, a supplier or a firm.
/// Both read the firm that offers the credit as the firm assessed: a phone retailer's financing desk that weighs each
/// buyer's past payments, an energy supplier that offers households boiler finance, a housing company that lets a
/// student a room without a guarantor. The exclusion now holds only where the persons dealt with are not natural
/// persons: the domain's exclusion does not apply when the process names natural persons (the legal words, or the
/// persons the 5(b) rule's trigger names besides customers and clients, or a role noun read as a person) and no
/// business counterparty (business customers, B2B, wholesale, trade accounts); the <c>unless</c> does not hold on a
/// company that is the subject of a verb of providing (lets, offers, lends, sells, supplies, grants). "Before" is
/// 21ec9d5 (each row below was checked against it); the rows run without the labelled cases.
/// </summary>
public sealed class RiskCreditProviderRound27Tests
{
    [Theory]
    // Set cases, each rated lower by the rules on 21ec9d5 (the domain's exclusion, or the unless on "housing company"):
    // r22 phone retailer's financing desk, r26 motocross dealer's instalments, r9 energy supplier's boiler finance.
    [InlineData("Ocena_zdolności", "Phone retailer financing desk: besides booking the handset order, the step weighs the buyer's past payments, job and spending habits to say how much they can borrow")]
    [InlineData("Finanzéierung_préiwen", "Buying a motocross bike in instalments. The dealer's financing step scores whether the buyer can repay, and the instalment plan is offered only above the cut-off")]
    [InlineData("Set credit line", "energy supplier offering households pay-monthly boiler finance")]
    public void CreditToNaturalPersons_InAProvidersProcess_IsHigh(string step, string process)
    {
        var after = RiskEvaluation.Assess(RiskEvaluation.RulesOnly(), step, process);

        Assert.True(after.Tier == RiskTier.High, $"{after.Tier}: {RiskEvaluation.HitsOf(after)}");
    }

    [Theory]
    // Set case r9, rated lower on 21ec9d5 (the unless read "the housing company" as the one assessed).
    [InlineData("Judge whether a student can pay the rent before the housing company lets them a room without a guarantor", null)]
    // Written for this round in other settings (their tier on 21ec9d5 not checked): a tenant and a flat; a phone shop's
    // households paying in instalments; a furniture retailer's consumers.
    [InlineData("Check whether the tenant can pay the rent before the housing company offers them a flat", null)]
    [InlineData("Ocena_raty", "Mobile phone shop's sales desk: besides booking the order and the invoice, the step checks each household's income and past repayments to decide whether the handset can be paid in instalments")]
    [InlineData("Kreditrahmen_festlegen", "Furniture retailer's finance desk: consumers who buy a sofa on credit have their income and past repayments checked to set how much they may borrow")]
    public void CreditworthinessOfAPerson_WhereACompanyProvides_IsHigh(string text, string? process)
    {
        var after = RiskEvaluation.Assess(RiskEvaluation.RulesOnly(), text, process);

        Assert.True(after.Tier == RiskTier.High, $"{after.Tier}: {RiskEvaluation.HitsOf(after)}");
    }

    [Theory]
    // Firm-to-firm credit: trade accounts of shop companies, supermarket chains, a wholesaler's retailers, a retailer's
    // shop companies on trade accounts.
    [InlineData("Kreditrahmen_festlegen", "Furniture retailer's finance desk: the trade accounts of the shop companies that buy sofas on credit are checked to set how much they may borrow", RiskTier.Minimal)]
    [InlineData("ZFI_LIMITE_CREDITO", "Surfboard wholesaler: the step sets the credit limit for retail shop companies from their trade accounts", RiskTier.Limited)]
    [InlineData("ZSD_LIMITE_CLI", "Cheese dairy wholesale: the step sets the order limit for each supermarket chain from its past orders", RiskTier.Minimal)]
    [InlineData("Approve_finance", "Bicycle wholesaler, booking orders from shops: the step checks each retailer's accounts and decides whether they may pay in monthly instalments", RiskTier.Minimal)]
    // Households named, no decision on them: invoices matched to purchase orders.
    [InlineData("Check invoice", "Furniture retailer: supplier invoices for sofas bought by households are matched to the purchase orders", RiskTier.Minimal)]
    public void NoCreditDecisionOnANaturalPerson_StaysLower(string step, string process, RiskTier expected)
    {
        var after = RiskEvaluation.Assess(RiskEvaluation.RulesOnly(), step, process);

        Assert.True(after.Tier == expected, $"{after.Tier}: {RiskEvaluation.HitsOf(after)}");
    }

    [Theory]
    // A company assessed, even where a bank offers the credit; credit for an object.
    [InlineData("Check whether the company can repay the loan before the bank offers it a credit line")]
    [InlineData("The bank offers credit lines to companies after checking whether each company can repay")]
    [InlineData("Credit the refund to the customer's card")]
    public void ACompanyAssessedOrCreditForAnObject_StaysLower(string text)
    {
        var after = RiskEvaluation.Assess(RiskEvaluation.RulesOnly(), text, null);

        Assert.True(after.Tier < RiskTier.High, $"{after.Tier}: {RiskEvaluation.HitsOf(after)}");
    }
}
