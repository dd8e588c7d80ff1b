using AutomationScanner.Core.Ethics;

namespace AutomationScanner.Core.Tests.Ethics;

/// <summary>
/// Round 20: a vote of the labelled cases for a rule about natural persons counts only where the task names the person,
/// and the passive agent of a step name ("APPROVED by BUDGET OWNER", the way real logs name a state and the role that
/// moved it there) is the actor, not the person decided about. Found on a real log (BPIC 2020, university staff's travel
/// permits and payment requests, domain employment), whose payment approvals the merged round 19 screen rated High for
/// recruitment (Annex III 4(a)) through a vote of generic HR steps for the cut view "request", the budget owner standing
/// for the person.
/// </summary>
public sealed class RiskPassiveAgentRound20Tests
{
    private const string Process = "travel-permits";

    // The BPIC 2020 permit log's kind of step names: a document, its state and the role that moved it there.
    private static readonly string[] Activities =
    [
        "Permit SUBMITTED by EMPLOYEE", "Permit APPROVED by ADMINISTRATION", "Permit APPROVED by BUDGET OWNER", "Permit FINAL_APPROVED by SUPERVISOR",
        "Permit REJECTED by SUPERVISOR", "Start trip", "End trip", "Declaration SUBMITTED by EMPLOYEE", "Declaration APPROVED by ADMINISTRATION",
        "Declaration FINAL_APPROVED by SUPERVISOR", "Request Payment", "Payment Handled", "Request For Payment SUBMITTED by EMPLOYEE",
        "Request For Payment APPROVED by BUDGET OWNER", "Request For Payment REJECTED by BUDGET OWNER", "Request For Payment FINAL_APPROVED by DIRECTOR",
        "Send Reminder",
    ];

    private static RiskContext Context(RuleCatalogue catalogue)
    {
        var profile = new DomainInference(catalogue, RiskEvaluation.Embedder.Value)
            .Infer(new ProcessFacts(Process, Activities, ["org:role", "org:resource", "case:OrganizationalEntity", "case:Overspent"]));
        return new RiskContext(Builders.Workload([]), new ResourcePseudonymizer("r20")) { Domains = new Dictionary<string, ProcessDomainProfile> { [Process] = profile } };
    }

    [Theory]
    [InlineData("Request For Payment APPROVED by BUDGET OWNER")]
    [InlineData("Request For Payment REJECTED by BUDGET OWNER")]
    [InlineData("Declaration APPROVED by BUDGET OWNER")]
    public void ThePassiveAgent_DoesNotMakeTheVoteAboutAPerson(string name)
    {
        var screen = RiskEvaluation.Screen();
        var assessment = screen.Assess(Builders.Task(name, Process), Context(screen.Catalogue));

        Assert.True(assessment.Tier < RiskTier.High, RiskEvaluation.HitsOf(assessment));
        Assert.DoesNotContain(assessment.Hits, h => h.Applied && h.Evidence.Scope == EvidenceScope.LabelledCases && h.RuleId == "H1-recruitment");
    }
}
