namespace AutomationScanner.Core.Ranking;

/// <summary>A figure as a low / middle / high scenario (P10 / P50 / P90 of the handling time).</summary>
public sealed record ValueRange(double P10, double P50, double P90)
{
    public static ValueRange Zero { get; } = new(0, 0, 0);

    public ValueRange Scale(double factor) => new(P10 * factor, P50 * factor, P90 * factor);
}
