using System.Globalization;
using System.Text;
using AutomationScanner.Core.Ethics;
using AutomationScanner.Core.Ingestion.Common;
using AutomationScanner.Core.Scanning;
using Microsoft.Extensions.Logging.Abstractions;

namespace AutomationScanner.Core.Tests.Mining;

/// <summary>
/// Roles read from the log (XES org:role, a CSV role column) and catch-all resource ids ("STAFF MEMBER") told from
/// people by name and by behaviour, so job displacement counts them as roles.
/// </summary>
public sealed class RolesAndSharedIdsTests
{
    /// <summary>One XES trace per case; each event is (activity, resource, role), an hour apart.</summary>
    private static string Xes(IEnumerable<(string Activity, string Resource, string Role)[]> cases)
    {
        var xes = new StringBuilder("<log xes.version=\"1.0\" xmlns=\"http://www.xes-standard.org/\">\n");
        var day = new DateTimeOffset(2024, 1, 1, 9, 0, 0, TimeSpan.Zero);
        var n = 0;
        foreach (var events in cases)
        {
            xes.Append(CultureInfo.InvariantCulture, $"<trace><string key=\"concept:name\" value=\"c{n++}\"/>\n");
            var at = day.AddDays(n % 200);
            foreach (var (activity, resource, role) in events)
            {
                at = at.AddHours(1);
                xes.Append(CultureInfo.InvariantCulture, $"<event><string key=\"concept:name\" value=\"{activity}\"/><string key=\"org:resource\" value=\"{resource}\"/>")
                    .Append(CultureInfo.InvariantCulture, $"<string key=\"org:role\" value=\"{role}\"/><date key=\"time:timestamp\" value=\"{at:yyyy-MM-ddTHH:mm:ssK}\"/></event>\n");
            }

            xes.Append("</trace>\n");
        }

        return xes.Append("</log>").ToString();
    }

    private static IEnumerable<(string, string, string)[]> Claims(string catchAll, int count) =>
        Enumerable.Range(0, count).Select(i => new[]
        {
            ("Submit claim", catchAll, "EMPLOYEE"),
            ("Approve claim", catchAll, "SUPERVISOR"),
            ("Check claim", i % 2 == 0 ? "anna" : "bob", "CLERK"),
            ("Book payment", catchAll, "ADMINISTRATION"),
            ("Pay", "SYSTEM", "UNDEFINED"),
        });

    [Fact]
    public void Mine_XesWithOrgRole_ExecutionsByRoleAndCatchAllNamedResourceFound()
    {
        var mined = TestFiles.MineText("claims.xes", Xes(Claims("STAFF MEMBER", 40)));

        Assert.Equal(new Dictionary<string, long> { ["CLERK"] = 40 }, mined.Activity("Check claim").ExecutionsByRole);
        Assert.Equal(40, mined.Activity("Approve claim").ExecutionsByRole["SUPERVISOR"]);
        Assert.Equal(4, mined.Summary.Roles); // UNDEFINED is a placeholder, not a role
        Assert.Equal(4, mined.Summary.Resources);
        var shared = Assert.Single(mined.Summary.SharedResources);
        Assert.Equal("STAFF MEMBER", shared.Who);
        Assert.True(shared.GenericName);
        Assert.Equal(3, shared.Roles);
        Assert.Contains("does most of the work of 3 roles", shared.Evidence, StringComparison.Ordinal);
        Assert.Contains("EMPLOYEE 100 %", shared.Evidence, StringComparison.Ordinal);
    }

    [Fact]
    public void Mine_OpaqueIdDoingThreeRoles_FoundByBehaviourAlone()
    {
        var mined = TestFiles.MineText("claims.xes", Xes(Claims("u4711", 40)));

        var shared = Assert.Single(mined.Summary.SharedResources);
        Assert.Equal("u4711", shared.Who);
        Assert.False(shared.GenericName);
        Assert.DoesNotContain("generic", shared.Evidence, StringComparison.Ordinal);
    }

    [Fact]
    public void Mine_PersonInSeveralGroupsDoingASmallPartOfEach_IsAPerson()
    {
        // Like the receipt log: people belong to several groups, and each group's work is spread over many people.
        var people = Enumerable.Range(0, 6).Select(i => "clerk" + i.ToString(CultureInfo.InvariantCulture)).ToArray();
        var cases = Enumerable.Range(0, 60).Select(i => new[]
        {
            ("Register", people[i % 6], "Group 1"),
            ("Check", people[(i + 1) % 6], "Group 2"),
            ("Decide", people[(i + 2) % 6], "Group 3"),
            ("Archive", people[(i + 3) % 6], "Group 4"),
        });

        var mined = TestFiles.MineText("groups.xes", Xes(cases));

        Assert.Empty(mined.Summary.SharedResources);
        Assert.Equal(4, mined.Summary.Roles);
    }

    [Fact]
    public void Mine_CsvWithRoleColumn_RolesRead()
    {
        var csv = new StringBuilder("case,activity,timestamp,resource,role\n");
        for (var i = 0; i < 10; i++)
        {
            csv.Append(CultureInfo.InvariantCulture, $"c{i},Check,2024-01-0{1 + (i % 9)}T10:00:00Z,Staff,CLERK\n")
                .Append(CultureInfo.InvariantCulture, $"c{i},Approve,2024-01-0{1 + (i % 9)}T11:00:00Z,Staff,MANAGER\n")
                .Append(CultureInfo.InvariantCulture, $"c{i},Pay,2024-01-0{1 + (i % 9)}T12:00:00Z,Staff,CASHIER\n");
        }

        var mined = TestFiles.MineText("roles.csv", csv.ToString());

        Assert.Equal(10, mined.Activity("Approve").ExecutionsByRole["MANAGER"]);
        Assert.Equal(3, mined.Summary.Roles);
        Assert.Equal("Staff", Assert.Single(mined.Summary.SharedResources).Who);
    }

    [Fact]
    public void ColumnMapping_RoleKey_Parsed()
    {
        Assert.Equal("Function", ColumnMapping.Parse("role=Function").Role);
    }

    [Fact]
    public async Task Scan_DomesticDeclarations_StaffMemberIsARoleNotAPersonAndRolesCarryTheWork()
    {
        var sut = new ScanPipeline(IngestionOptions.Default, TimeProvider.System, NullLogger<ScanPipeline>.Instance);

        var report = await sut.RunAsync([ScanInput.FromFile(TestFiles.EventLog("DomesticDeclarations.xes.gz"))], "scan-1", TestContext.Current.CancellationToken);

        var process = Assert.Single(report.Processes);
        Assert.Equal(5, process.Roles); // EMPLOYEE, SUPERVISOR, ADMINISTRATION, BUDGET OWNER, PRE_APPROVER; UNDEFINED and MISSING are placeholders
        Assert.Equal(2, process.Resources); // STAFF MEMBER and SYSTEM
        var staff = Assert.Single(process.SharedResources);
        Assert.Equal("STAFF MEMBER", staff.Who);

        var pseudonym = new ResourcePseudonymizer(new ScoringOptions().PseudonymKey).Pseudonymize("STAFF MEMBER");
        var humanWork = report.Opportunities.Where(o => o.Statistics?.ExecutionsByResource.ContainsKey(pseudonym) == true).ToList();
        Assert.NotEmpty(humanWork);
        Assert.All(humanWork, o =>
        {
            Assert.DoesNotContain(o.Risk.Displacement.ByResource, s => s.Who == pseudonym);
            Assert.NotEmpty(o.Risk.Displacement.ByRole);
            Assert.Contains(o.Risk.Displacement.SharedIds, n => n.StartsWith("'STAFF MEMBER' is a shared id, counted as a role, not a person", StringComparison.Ordinal));
        });
        var approval = report.Opportunities.FirstOrDefault(o => o.Task == "Declaration FINAL_APPROVED by SUPERVISOR");
        if (approval is not null)
        {
            Assert.Equal("SUPERVISOR", approval.Risk.Displacement.ByRole[0].Who);
        }

        Assert.All(report.Opportunities.SelectMany(o => o.Risk.Hits).Where(h => h.Kind == RuleKind.Displacement),
            h => Assert.Contains("counted as a role, not a person", h.Evidence.Excerpt, StringComparison.Ordinal));
    }

    [Fact]
    public void WorkloadIndex_IdLoggingMoreThanTwoWorkingYears_CountedAsARole()
    {
        // 50,000 executions a year of 10 minutes: 8,333 h/year on one id cannot be one person.
        var busy = Builders.Task("Key in order", "p2p");
        busy.Statistics = Builders.Stats("Key in order", executions: 50_000, executionsPerWeek: 50_000 / 52.0,
            byResource: new Dictionary<string, long> { ["u1"] = 49_000, ["anna"] = 1_000 });

        var index = WorkloadIndex.Build([busy], _ => 600);
        var estimate = index.Estimate(busy, new ResourcePseudonymizer("k"));

        Assert.True(index.SharedResources.ContainsKey(("p2p", "u1")));
        Assert.False(index.SharedResources.ContainsKey(("p2p", "anna")));
        Assert.Equal(new ResourcePseudonymizer("k").Pseudonymize("anna"), Assert.Single(estimate.ByResource).Who);
        Assert.Contains(estimate.ByRole, r => r.Who.EndsWith("(shared id)", StringComparison.Ordinal));
        Assert.Contains("more than two people's working year", Assert.Single(estimate.SharedIds), StringComparison.Ordinal);

        // The same volume on an estimated or assumed handling time proves nothing: u1 stays a person.
        var unsure = WorkloadIndex.Build([busy], _ => 600, measuredHandling: _ => false);
        Assert.Empty(unsure.SharedResources);
        Assert.Equal(2, unsure.Estimate(busy, new ResourcePseudonymizer("k")).ByResource.Count);
    }
}
