namespace AutomationScanner.Core.Ranking;

/// <summary>The handling time's basis, method and error band, stated on every opportunity.</summary>
/// <param name="Basis">Measured, estimated or assumed.</param>
/// <param name="Method">How it was obtained.</param>
/// <param name="MedianRelativeError">
/// For estimates: the method's median relative error against true service times in validation (0.3 = 30 %); null
/// when measured or assumed.
/// </param>
/// <param name="Note">The method and its error band in words.</param>
public sealed record HandlingTimeSource(HandlingTimeBasis Basis, HandlingTimeMethod Method, double? MedianRelativeError, string Note);
