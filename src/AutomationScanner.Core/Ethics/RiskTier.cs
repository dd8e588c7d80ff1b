namespace AutomationScanner.Core.Ethics;

/// <summary>Risk tier of an opportunity, ordered so that a larger value is a stricter tier.</summary>
public enum RiskTier
{
    Minimal = 0,
    Limited = 1,
    High = 2,
    Prohibited = 3,
}
