using System.Text.Json;
using System.Text.Json.Serialization;

namespace AutomationScanner.Core.Model;

/// <summary>
/// One enum as a camelCase string, as <see cref="StoredJson"/> writes them. The generic form needs no code generated
/// at run time (the non-generic <see cref="JsonStringEnumConverter"/> builds one per enum by reflection, which Native
/// AOT cannot), so the source-generated JSON contexts list one of these per enum they serialise.
/// </summary>
public sealed class CamelCaseEnumConverter<TEnum> : JsonStringEnumConverter<TEnum>
    where TEnum : struct, Enum
{
    public CamelCaseEnumConverter()
        : base(JsonNamingPolicy.CamelCase)
    {
    }
}
