namespace AutomationScanner.Core.Ranking;

/// <summary>The value-model assumptions a reader needs to check the money and FTE figures.</summary>
public sealed record ValueAssumptions(double WorkingDaysPerYear, double HoursPerDay, double HourlyCost, string Currency, double DefaultHandlingMinutes)
{
    public static ValueAssumptions From(ValueOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new(options.WorkingDaysPerYear, options.HoursPerDay, options.HourlyCost, options.Currency, options.DefaultHandlingMinutes);
    }
}
