using System.ComponentModel.DataAnnotations;
using AutomationScanner.Core.Ingestion.Common;

namespace AutomationScanner.Core.Hosting;

/// <summary>
/// How exports are read, from configuration section <c>Ingestion</c> (app settings <c>Ingestion__TimeZone</c>...; the
/// CLI maps <c>--time-zone</c>, <c>--date-order</c>, <c>--map</c>, <c>--automated-resource</c> and <c>--object-type</c>
/// onto these keys). <c>Ingestion:ObjectTypes</c> is read apart: one comma-separated value or a list.
/// </summary>
public sealed class IngestionSettings : IValidatableObject
{
    public const string SectionName = "Ingestion";

    /// <summary>IANA zone for timestamps that carry no offset.</summary>
    public string TimeZone { get; set; } = "UTC";

    /// <summary>Day-first or month-first numeric dates; guessed from the values when null.</summary>
    public DateOrder? DateOrder { get; set; }

    /// <summary>Explicit CSV columns, <c>case=…,activity=…,timestamp=…</c> (see <see cref="ColumnMapping.Parse"/>).</summary>
    public string? Columns { get; set; }

    /// <summary>Resource names that are systems or bots.</summary>
    public List<string> AutomatedResources { get; set; } = [];

    /// <summary>The zone <see cref="TimeZone"/> names (UTC when it says UTC).</summary>
    public TimeZoneInfo ResolveTimeZone() =>
        string.Equals(TimeZone, "UTC", StringComparison.OrdinalIgnoreCase) ? TimeZoneInfo.Utc : TimeZoneInfo.FindSystemTimeZoneById(TimeZone);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        string? zoneError = null;
        try
        {
            ResolveTimeZone();
        }
        catch (Exception ex) when (ex is TimeZoneNotFoundException or InvalidTimeZoneException or ArgumentException)
        {
            zoneError = $"'{TimeZone}' is not a known IANA time zone: {ex.Message}";
        }

        if (zoneError is not null)
        {
            yield return new ValidationResult(zoneError, [nameof(TimeZone)]);
        }

        string? columnsError = null;
        if (!string.IsNullOrWhiteSpace(Columns))
        {
            try
            {
                ColumnMapping.Parse(Columns);
            }
            catch (FormatException ex)
            {
                columnsError = ex.Message;
            }
        }

        if (columnsError is not null)
        {
            yield return new ValidationResult(columnsError, [nameof(Columns)]);
        }
    }
}
