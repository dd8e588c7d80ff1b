namespace AutomationScanner.Core.Tests.Architecture.CycleFixture.Gamma;

/// <summary>Uses the fixture cycle one way, so it is no member of it (see <see cref="Alpha.AlphaSource"/>).</summary>
public static class GammaUser
{
    public static int Use() => Alpha.AlphaSource.Seed * 2;
}
