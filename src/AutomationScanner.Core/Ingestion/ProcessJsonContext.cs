using System.Text.Json.Serialization;
using AutomationScanner.Core.Mining;

namespace AutomationScanner.Core.Ingestion;

/// <summary>Source-generated JSON metadata of the mined processes a sidecar keeps (<see cref="ExportChunker"/>).</summary>
[JsonSerializable(typeof(List<MinedProcess>))]
[JsonSerializable(typeof(IReadOnlyDictionary<string, long>))]
internal sealed partial class ProcessJsonContext : JsonSerializerContext;
