using System.Text.Json.Serialization;

namespace AutomationScanner.Core.Ethics;

/// <summary>Source-generated JSON metadata of the rule catalogue file, read by <see cref="RuleCatalogue.Load"/> (Native AOT has no reflection-based reading).</summary>
[JsonSerializable(typeof(RuleCatalogue.CatalogueDocument))]
internal sealed partial class CatalogueJsonContext : JsonSerializerContext;
