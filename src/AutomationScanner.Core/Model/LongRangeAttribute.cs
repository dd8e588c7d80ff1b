using System.ComponentModel.DataAnnotations;
using System.Globalization;

namespace AutomationScanner.Core.Model;

/// <summary>
/// <see cref="RangeAttribute"/> for <see cref="long"/> settings, with its message: <c>[Range(typeof(long), "1", "...")]</c>
/// converts its bounds through a TypeConverter found by reflection, which trimming and Native AOT cannot keep.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field | AttributeTargets.Parameter, AllowMultiple = false)]
public sealed class LongRangeAttribute(long minimum, long maximum) : ValidationAttribute("The field {0} must be between {1} and {2}.")
{
    public long Minimum { get; } = minimum;

    public long Maximum { get; } = maximum;

    public override bool IsValid(object? value) =>
        value switch
        {
            null => true,
            long number => number >= Minimum && number <= Maximum,
            int number => number >= Minimum && number <= Maximum,
            string text when text.Length == 0 => true,
            _ => Convert.ToInt64(value, CultureInfo.InvariantCulture) is var number && number >= Minimum && number <= Maximum,
        };

    public override string FormatErrorMessage(string name) =>
        string.Format(CultureInfo.CurrentCulture, ErrorMessageString, name, Minimum, Maximum);
}
