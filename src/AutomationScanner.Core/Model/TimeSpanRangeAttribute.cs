using System.ComponentModel.DataAnnotations;
using System.Globalization;

namespace AutomationScanner.Core.Model;

/// <summary>
/// <see cref="RangeAttribute"/> for <see cref="TimeSpan"/> settings (bounds in <c>d.hh:mm:ss</c>), with its message:
/// <c>[Range(typeof(TimeSpan), ...)]</c> parses its bounds through a TypeConverter found by reflection, which trimming
/// and Native AOT cannot keep.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field | AttributeTargets.Parameter, AllowMultiple = false)]
public sealed class TimeSpanRangeAttribute(string minimum, string maximum) : ValidationAttribute("The field {0} must be between {1} and {2}.")
{
    public TimeSpan Minimum { get; } = TimeSpan.Parse(minimum, CultureInfo.InvariantCulture);

    public TimeSpan Maximum { get; } = TimeSpan.Parse(maximum, CultureInfo.InvariantCulture);

    public override bool IsValid(object? value) => value is not TimeSpan span || (span >= Minimum && span <= Maximum);

    public override string FormatErrorMessage(string name) =>
        string.Format(CultureInfo.CurrentCulture, ErrorMessageString, name, Minimum, Maximum);
}
