namespace AutomationScanner.Core.Tests.Architecture.CycleFixture.Beta;

/// <summary>The other half of the fixture cycle (see <see cref="Alpha.AlphaSource"/>).</summary>
public static class BetaSink
{
    public static int Take(int value) => value + 1;

    public static Func<int> Later() => () => Alpha.AlphaSource.Seed;
}
