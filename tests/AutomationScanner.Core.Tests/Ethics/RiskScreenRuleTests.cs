using AutomationScanner.Core.Ethics;

namespace AutomationScanner.Core.Tests.Ethics;

/// <summary>Every pattern rule of the catalogue, with a task text that must hit and one that must not.</summary>
public sealed class RiskScreenRuleTests
{
    private static readonly RiskContext EmptyContext = new(Builders.Workload([]), new ResourcePseudonymizer("test"));

    public static TheoryData<string, string> Hits => new()
    {
        { "P1-emotion-recognition", "Analyse the tone of voice of call-centre agents to detect frustration during calls" },
        { "P1-emotion-recognition", "Use the webcam to infer students' emotions during online exams" },
        { "P2-social-scoring", "Compute a social credit score for each tenant" },
        { "P2-social-scoring", "Rate applicants on their social media activity and deny housing to low scorers" },
        { "P3-biometric-categorisation", "Categorise visitors by ethnicity from their facial images" },
        { "P4-manipulation", "Use dark patterns to push users into the premium plan" },
        { "P4-manipulation", "Target offers that exploit the financial distress of indebted customers" },
        { "P5a-crime-prediction-by-profiling", "Predict which customers are likely to commit crimes from their personality profile" },
        { "P5b-untargeted-facial-scraping", "Scrape faces from social media to build the recognition database" },
        { "P5c-realtime-remote-biometric-identification", "Run live facial recognition on cameras in the station square" },
        { "H1-recruitment", "Screen incoming CVs and rank applicants for the vacancy" },
        { "H2a-employment-decisions", "Decide which employees receive a promotion this year" },
        { "H2b-task-allocation-by-behaviour", "Allocate delivery routes to couriers based on their individual performance" },
        { "H2c-performance-monitoring", "Monitor the productivity of warehouse workers from scanner events" },
        { "H3-education", "Grade student essays and assign the final mark" },
        { "H4a-public-benefits", "Check eligibility for housing benefits" },
        { "H4b-creditworthiness", "Assess creditworthiness of loan applicants" },
        { "H4c-life-health-insurance", "Set the premium for health insurance applicants" },
        { "H4d-emergency-triage", "Classify incoming emergency calls by urgency" },
        // Identification, not verification: Annex III 1(a) excludes confirming that a person is who they claim to be (round 5).
        { "H5a-biometrics", "Identify visitors with facial recognition at the gate" },
        { "H5b-critical-infrastructure", "Switch feeders to balance the power grid at peak load" },
        { "H5c-law-enforcement", "Assess the reliability of witness statements for the police" },
        { "H5d-migration", "Pre-check visa applications for missing fields" },
        { "H5e-justice-democracy", "Summarise court rulings for the legal team" },
        { "G1-solely-automated-decision", "Reject loan requests that fail the affordability test" },
        // Art. 22(1) "solely automated" stated as the absence of a human review, with an act the first pattern lacks.
        { "G1-solely-automated-decision", "Suspend a subscriber's mobile contract when the scoring model marks it, with no human review" },
        { "G3-special-category-data", "Record the diagnosis from the sick note" },
        { "C1-customer-facing", "Send the customer a payment reminder by e-mail" },
        { "D3-personal-data-processing", "Copy the payslips of the applicant into the file" },
        { "H6-clinical-decision", "Decide the diagnosis from the lab values and prescribe the treatment plan" },
        { "C1-customer-facing", "Inform the caller about the delivery date" },
        { "H2b-task-allocation-by-behaviour", "Route tickets to agents based on their productivity" },
    };

    public static TheoryData<string, string> NonHits => new()
    {
        { "P1-emotion-recognition", "Analyse sentiment of product reviews" },
        { "P1-emotion-recognition", "Detect driver fatigue of staff for safety reasons" },
        { "P2-social-scoring", "Rate suppliers on delivery reliability" },
        { "P3-biometric-categorisation", "Attach the photo of the damaged parcel to the claim" },
        { "P4-manipulation", "Manipulate the spreadsheet to merge the two columns" },
        { "P5a-crime-prediction-by-profiling", "Predict delivery delays from carrier history" },
        { "P5b-untargeted-facial-scraping", "Scrape exchange rates from the central bank website" },
        { "P5c-realtime-remote-biometric-identification", "Show live stock levels on the public dashboard" },
        { "H1-recruitment", "Publish the quarterly sales report" },
        { "H2a-employment-decisions", "Terminate the supplier contract when the notice period ends" },
        { "H2b-task-allocation-by-behaviour", "Allocate incoming tickets round-robin to the queue" },
        { "H2c-performance-monitoring", "Monitor server performance and disk usage" },
        { "H3-education", "Grade the steel coils by thickness" },
        { "H4a-public-benefits", "Compute the benefit of the new machine for the business case" },
        { "H4b-creditworthiness", "Post the credit note for the returned goods" },
        { "H4b-creditworthiness", "Review credit card transactions for fraud detection" },
        { "H4c-life-health-insurance", "Renew the car insurance of the company fleet" },
        { "H4d-emergency-triage", "Sort incoming support tickets by priority" },
        { "H5a-biometrics", "Scan the barcode of each parcel" },
        { "H5b-critical-infrastructure", "Book the invoice for the electricity supply of the office" },
        { "H5c-law-enforcement", "Enforce the payment terms of the contract" },
        { "H5d-migration", "Run the database migration script" },
        { "H5e-justice-democracy", "Book a table in the food court for the team lunch" },
        { "G1-solely-automated-decision", "Approve the purchase order in SAP" },
        { "G1-solely-automated-decision", "Suspend the supplier's contract when the scoring model marks it, with no human review" },
        { "G3-special-category-data", "Record the delivery date in the order" },
        { "C1-customer-facing", "Post the goods receipt in the ERP" },
        { "D3-personal-data-processing", "Copy the delivery address of the warehouse into the order" },
        { "H6-clinical-decision", "Record the diagnosis code in the billing file" },
        { "C1-customer-facing", "Update customer information in the CRM" },
        { "H2b-task-allocation-by-behaviour", "Route the invoice to the approver" },
    };

    [Theory]
    [MemberData(nameof(Hits))]
    public void Assess_TextTriggersRule_HitNamesRuleClauseAndSpan(string ruleId, string text)
    {
        var sut = new RiskScreen();

        var result = sut.Assess(Builders.Task("Task", "p", text), EmptyContext);

        var hit = Assert.Single(result.Hits, h => h.RuleId == ruleId);
        Assert.False(string.IsNullOrWhiteSpace(hit.Clause));
        Assert.Equal("sop.md:1", hit.Evidence.Location);
        Assert.Equal(EvidenceScope.Text, hit.Evidence.Scope);
        Assert.InRange(hit.Evidence.MatchStart, 0, hit.Evidence.Excerpt.Length - 1);
        Assert.Contains(hit.Evidence.Excerpt.Substring(hit.Evidence.MatchStart, hit.Evidence.MatchLength), text, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(NonHits))]
    public void Assess_TextOutsideRule_NoHitForRule(string ruleId, string text)
    {
        var sut = new RiskScreen();

        var result = sut.Assess(Builders.Task("Task", "p", text), EmptyContext);

        Assert.DoesNotContain(result.Hits, h => h.RuleId == ruleId);
    }

    [Fact]
    public void Catalogue_EveryPatternRule_HasHitAndNonHitCase()
    {
        var sut = RuleCatalogue.Default;

        var hitIds = Hits.Select(row => row.Data.Item1).ToHashSet();
        var nonHitIds = NonHits.Select(row => row.Data.Item1).ToHashSet();
        var textRules = sut.Rules.Where(r => r.Definition.Scope.Contains(EvidenceScope.Text)
            && r.Definition.Kind is not (RuleKind.NarrowProceduralFilter or RuleKind.ProfilingOverride));

        Assert.All(textRules, r => Assert.Contains(r.Definition.Id, hitIds));
        Assert.All(textRules, r => Assert.Contains(r.Definition.Id, nonHitIds));
    }

    [Theory]
    [InlineData("G3-special-category-data", "Record trade union membership")]
    [InlineData("G3-special-category-data", "Record trade-union membership")]
    [InlineData("G3-special-category-data", "Record tradeunion membership")]
    [InlineData("G3-special-category-data", "Record trade_union membership")]
    [InlineData("C1-customer-facing", "E mail the customer")]
    [InlineData("C1-customer-facing", "Email the customer")]
    [InlineData("F1-narrow-procedural-task", "Pre fill the form")]
    public void Patterns_IgnoreHowACompoundIsWritten(string ruleId, string text)
    {
        var rule = RuleCatalogue.Default.Rule(ruleId)!;

        Assert.NotNull(rule.FirstMatch(text));
    }

    [Theory]
    [InlineData(@"trade union", @"trade[\s_-]*union")]
    [InlineData(@"e-?mail", @"e[\s_-]?mail")]
    [InlineData(@"re-offend", @"re[\s_-]?offend")]
    [InlineData(@"[- ]x y", @"[- ]x[\s_-]*y")]
    [InlineData(@"\w a", @"\w a")]
    [InlineData(@"(\w+ )?of (the )?voice", @"(\w+ )?of (the )?voice")]
    public void SpellingTolerant_RewritesOnlyLiteralSeparatorsBetweenLetters(string pattern, string expected)
    {
        Assert.Equal(expected, CompiledRule.SpellingTolerant(pattern));
    }
}
