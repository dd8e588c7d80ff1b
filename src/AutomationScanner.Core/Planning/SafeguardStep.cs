using AutomationScanner.Core.Ethics;

namespace AutomationScanner.Core.Planning;

/// <summary>A piece of safeguard work that comes with (or, for high-risk items, before) an automation.</summary>
public sealed record SafeguardStep(Safeguard Safeguard, string Description, double Days, bool Prerequisite);
