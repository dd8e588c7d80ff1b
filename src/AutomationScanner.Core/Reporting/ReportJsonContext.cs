using System.Text.Json.Serialization;
using AutomationScanner.Core.Tracking;

namespace AutomationScanner.Core.Reporting;

/// <summary>
/// Source-generated JSON metadata of the report (no reflection or code generation at run time, so the Native AOT
/// scanner writes it; the JIT build uses it too, so both write the same bytes). The shape (camelCase, enums as strings)
/// comes from <see cref="ReportJson.Options"/>, not from here.
/// </summary>
[JsonSerializable(typeof(ScanReport))]
[JsonSerializable(typeof(RealisationSummary))]
internal sealed partial class ReportJsonContext : JsonSerializerContext;
