namespace AutomationScanner.Core.Tests.Architecture.CycleFixture.Alpha;

/// <summary>
/// Half of a deliberate namespace cycle for <see cref="NamespaceGraphTests"/>: Alpha uses Beta in a method body,
/// Beta uses Alpha in a lambda, Gamma uses Alpha one way. Nothing else refers to these types.
/// </summary>
public static class AlphaSource
{
    public static int Seed => 3;

    public static int Next() => Beta.BetaSink.Take(Seed);
}
