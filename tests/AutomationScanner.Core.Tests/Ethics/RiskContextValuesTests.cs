using System.Text;
using AutomationScanner.Core.Ethics;
using AutomationScanner.Core.Mining;
using AutomationScanner.Core.Model;

namespace AutomationScanner.Core.Tests.Ethics;

/// <summary>
/// Process domains from attribute values (bounded, sampled, never personal columns), and steps the activity kinds
/// attribute to the requester or a third party, which never count as the organisation's decision.
/// </summary>
public sealed class RiskContextValuesTests
{
    private static readonly string[] NeutralSteps = ["Register case", "Review case", "Close case"];

    [Fact]
    public void Infer_ValuesOfTwoColumns_GiveTheDomain_NamesAloneDoNot()
    {
        var inference = new DomainInference(RuleCatalogue.Default);
        AttributeValueSample[] values =
        [
            new("department", "Emergency department"), new("department", "Intensive care unit"),
            new("specialism", "Internal medicine, sepsis ward"), new("specialism", "Clinical chemistry"),
        ];

        var withoutValues = inference.Infer(new ProcessFacts("export", NeutralSteps, ["department", "specialism"]));
        var withValues = inference.Infer(new ProcessFacts("export", NeutralSteps, ["department", "specialism"], values));

        Assert.Null(withoutValues.Domain);
        Assert.Equal("healthcare", withValues.Domain);
        Assert.Contains(withValues.Evidence, e => e.StartsWith("a value of attribute 'department'", StringComparison.Ordinal));
        Assert.Contains(withValues.Evidence, e => e.StartsWith("a value of attribute 'specialism'", StringComparison.Ordinal));
    }

    [Fact]
    public void Infer_ManyValuesOfOneColumn_CountOnce_OneColumnIsNotADomain()
    {
        var inference = new DomainInference(RuleCatalogue.Default);
        AttributeValueSample[] values =
        [
            new("case:ward", "Emergency room"), new("ward", "Patient intake"), new("ward", "Hospital wing B"),
            new("ward", "Triage desk"), new("ward", "Sepsis unit"), new("ward", "Clinic north"),
        ];

        var result = inference.Infer(new ProcessFacts("export", NeutralSteps, ["ward"], values));

        Assert.Null(result.Domain);
        Assert.Contains("healthcare", result.RunnerUp, StringComparison.Ordinal);
    }

    [Fact]
    public void Sampler_IsBounded_SkipsPersonalColumnsNumbersIdsAndEmail()
    {
        var sampler = new AttributeValueSampler();
        for (var i = 0; i < 100_000; i++)
        {
            sampler.Offer("product", "Personal loan type " + (char)('a' + (i % 26)) + (char)('a' + (i / 26 % 26)));
            sampler.Offer("customer_name", "Anna de Vries");
            sampler.Offer("amount", "12500.00");
            sampler.Offer("reference", "AB-2024-000123");
            sampler.Offer("contact", "anna@example.com");
        }

        var samples = sampler.Samples();
        Assert.InRange(samples.Count, 1, AttributeValueSampler.MaxValues);
        Assert.All(samples, s => Assert.Equal("product", s.Attribute));
        Assert.Equal(AttributeValueSampler.MaxValuesPerAttribute, samples.Count);
    }

    [Fact]
    public void CsvLog_DepartmentValuesAreSampled_ResourcesAndNamesAreNot()
    {
        var csv = new StringBuilder("case,activity,timestamp,resource,department,patient_name\n");
        var departments = new[] { "Emergency department", "Radiology", "Intensive care" };
        for (var i = 0; i < 60; i++)
        {
            csv.Append($"c{i},Register case,2024-01-{1 + (i % 28):00}T08:00:00Z,Nurse Jansen,{departments[i % 3]},Maria Lopez\n");
            csv.Append($"c{i},Close case,2024-01-{1 + (i % 28):00}T09:00:00Z,Nurse Jansen,{departments[i % 3]},Maria Lopez\n");
        }

        var mined = TestFiles.MineText("ward.csv", csv.ToString());

        Assert.Equal(departments.Order(), mined.AttributeValues.Where(v => v.Attribute == "department").Select(v => v.Value).Order());
        Assert.DoesNotContain(mined.AttributeValues, v => v.Value.Contains("Jansen", StringComparison.Ordinal) || v.Value.Contains("Lopez", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(ActivityKind.Requester)]
    [InlineData(ActivityKind.External)]
    public void StepOfTheRequester_InALoanProcess_NotTheOrganisationsDecision(ActivityKind kind)
    {
        var lending = new ProcessDomainProfile("loans", "lending", "Lending and credit", 9, 0, ["activity 'Offer loan': loan"], null);
        var context = new RiskContext(Builders.Workload([]), new ResourcePseudonymizer("t"))
        {
            Domains = new Dictionary<string, ProcessDomainProfile> { ["loans"] = lending },
        };
        var requester = new TaskCandidate("O_DECLINED", "loans")
        {
            Kind = kind,
            KindEvidence = [new KindSignal(KindSignalSources.Sequence, kind, 1, "follows the offer sent to the customer: the customer's answer")],
        };
        var bank = new TaskCandidate("A_DECLINED", "loans") { Kind = ActivityKind.Decision };
        var screen = new RiskScreen(RuleCatalogue.Default, new RiskScreenOptions(), RiskEvaluation.Embedder.Value);

        var requesterRisk = screen.Assess(requester, context);
        var bankRisk = screen.Assess(bank, context);

        Assert.Equal(RiskTier.High, bankRisk.Tier);
        Assert.Contains(bankRisk.Hits, h => h.RuleId == "G1-solely-automated-decision" && h.Applied);
        Assert.True(requesterRisk.Tier < RiskTier.High, string.Join("; ", requesterRisk.Hits.Where(h => h.Applied).Select(h => h.RuleId)));
        Assert.DoesNotContain(requesterRisk.Hits, h => h.RuleId is "G1-solely-automated-decision" or "H4b-creditworthiness" && h.Applied);
        Assert.All(requesterRisk.Hits.Where(h => h.RuleId == "G1-solely-automated-decision"), h => Assert.Contains("customer's answer", h.Note, StringComparison.Ordinal));
    }

    [Fact]
    public void ReviewInput_LoanStep_OffersTheDomainsRulesAndTheNearestInMeaning_Bounded()
    {
        var lending = new ProcessDomainProfile("loans", "lending", "Lending and credit", 9, 0, [], null);
        var screen = new RiskScreen(RuleCatalogue.Default, new RiskScreenOptions(), RiskEvaluation.Embedder.Value);

        var input = screen.ReviewInput(new TaskCandidate("Check the income of the borrower", "loans"), lending);

        Assert.Equal("lending", input.Domain);
        Assert.InRange(input.Rules.Count, 3, RiskScreen.MaxCandidateRules);
        Assert.Contains(input.Rules, r => r.Id == "H4b-creditworthiness");
        Assert.DoesNotContain(input.Rules, r => r.Id.StartsWith("F", StringComparison.Ordinal));
        Assert.All(input.Rules, r => Assert.NotNull(RuleCatalogue.Default.Rule(r.Id)));
    }
}
