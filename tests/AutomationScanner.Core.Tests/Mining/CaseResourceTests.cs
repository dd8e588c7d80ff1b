using AutomationScanner.Core.Mining;
using AutomationScanner.Core.Model;

namespace AutomationScanner.Core.Tests.Mining;

/// <summary>
/// The resources and activities a case has seen (the first resource is kept inline, the others in a small array; the
/// activity list of a variant is built in a scratch buffer the miner owns): a resource counts once per case however
/// often and in whatever order it recurs, and a reused case state starts empty.
/// </summary>
public sealed class CaseResourceTests
{
    private static readonly DateTime Start = new(2024, 5, 6, 9, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void Add_NumberedCasesWithRecurringResources_EachResourceCountedOncePerCase()
    {
        var log = new LogAggregate("p");
        var miner = new ProcessMiner(log);
        int[] resources = [log.InternResource("ann"), log.InternResource("bob"), log.InternResource("cy")];
        var work = log.InternActivity("Work");
        var check = log.InternActivity("Check");
        long sequence = 0;

        // Case 0: ann, bob, ann, cy, bob, cy (the first resource again after others, then the later ones again).
        foreach (var (r, minute) in new[] { (0, 0), (1, 1), (0, 2), (2, 3), (1, 4), (2, 5) })
        {
            miner.Add(0, new MinedEvent(minute % 2 == 0 ? work : check, resources[r], Start.AddMinutes(minute).Ticks, 0, Lifecycle.Complete, sequence++));
        }

        // Case 1: cy only, three times; case 2: no resource, then bob.
        for (var i = 0; i < 3; i++)
        {
            miner.Add(1, new MinedEvent(work, resources[2], Start.AddMinutes(10 + i).Ticks, 0, Lifecycle.Complete, sequence++));
        }

        miner.Add(2, new MinedEvent(work, -1, Start.AddMinutes(20).Ticks, 0, Lifecycle.Complete, sequence++));
        miner.Add(2, new MinedEvent(check, resources[1], Start.AddMinutes(21).Ticks, 0, Lifecycle.Complete, sequence++));
        miner.Complete();

        Assert.Equal([1L, 2L, 2L], log.Resources.Select(r => r.Cases));
        Assert.Equal([2L, 3L, 5L], log.Resources.Select(r => r.Executions));
        Assert.Equal(3, log.Cases);

        // Variants: case 0 and case 2 run Work then Check (different lengths, so different variants), case 1 Work only.
        Assert.Equal(3, log.VariantCount);
    }

    [Fact]
    public void Add_GroupedCasesReuseStates_ResourcesOfAnEarlierCaseDoNotCarryOver()
    {
        var log = new LogAggregate("p");
        var miner = new ProcessMiner(log);
        var work = log.InternActivity("Work");
        var ann = log.InternResource("ann");
        var bob = log.InternResource("bob");
        long sequence = 0;

        // Hundreds of grouped cases: closed states are reused for later cases.
        for (var c = 0; c < 400; c++)
        {
            var id = $"case-{c}";
            miner.Add(id, new MinedEvent(work, c % 2 == 0 ? ann : bob, Start.AddMinutes(c * 3).Ticks, 0, Lifecycle.Complete, sequence++));
            miner.Add(id, new MinedEvent(work, c % 4 == 0 ? bob : (c % 2 == 0 ? ann : bob), Start.AddMinutes(c * 3 + 1).Ticks, 0, Lifecycle.Complete, sequence++));
        }

        miner.Complete();

        // ann: every even case; bob: every odd case plus the cases divisible by 4.
        Assert.Equal(200, log.Resources[ann].Cases);
        Assert.Equal(300, log.Resources[bob].Cases);
        Assert.Equal(400, log.Cases);
    }
}
