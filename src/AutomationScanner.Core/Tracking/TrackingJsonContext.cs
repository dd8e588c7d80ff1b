using System.Text.Json.Serialization;

namespace AutomationScanner.Core.Tracking;

/// <summary>Source-generated JSON metadata of the opportunity status files (<see cref="EngagementMarks.JsonOptions"/>).</summary>
[JsonSerializable(typeof(EngagementMarks))]
internal sealed partial class TrackingJsonContext : JsonSerializerContext;
