using AutomationScanner.Core.Diagnostics;

namespace AutomationScanner.Core.Tests.Diagnostics;

public sealed class PhaseClockTests
{
    [Fact]
    public void Mark_AfterStart_RecordsEachPhaseInOrderWithItsOwnTime()
    {
        PhaseClock.Start("runtime", TimeSpan.FromMilliseconds(120));
        Thread.Sleep(30);
        PhaseClock.Mark("first");
        PhaseClock.Mark("second");

        var phases = PhaseClock.Phases.SkipWhile(p => p.Phase != "runtime").ToList();

        Assert.Equal("runtime", phases[0].Phase);
        Assert.Equal(120, phases[0].WallMs, 3);
        var first = phases.Single(p => p.Phase == "first");
        var second = phases.Single(p => p.Phase == "second");
        Assert.True(phases.IndexOf(first) < phases.IndexOf(second));
        // Other tests' scans may mark phases meanwhile (the clock is process-wide), so the sleep is in the sum up to "first".
        Assert.InRange(phases.Skip(1).TakeWhile(p => p != first).Sum(p => p.WallMs) + first.WallMs, 25, 10_000);
        Assert.True(second.WallMs >= 0);
        Assert.All(phases, p => Assert.True(p.CpuMs >= 0 && p.ResidentBytes > 0, p.Phase));
    }

    [Fact]
    public void Part_CallsOfOnePart_AddUpAcrossPhasesWithTheirItems()
    {
        PhaseClock.Start("runtime", TimeSpan.Zero);
        var name = "test part " + Guid.NewGuid().ToString("N");
        using (PhaseClock.Part(name, items: 3))
        {
            Thread.Sleep(20);
        }

        PhaseClock.Mark("between");
        using (PhaseClock.Part(name, items: 4))
        {
            Thread.Sleep(20);
        }

        var part = PhaseClock.Parts.Single(p => p.Part == name);

        Assert.Equal(2, part.Calls);
        Assert.Equal(7, part.Items);
        Assert.InRange(part.WallMs, 35, 10_000);
        Assert.True(part.CpuMs >= 0);
    }
}
