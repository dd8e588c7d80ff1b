using System.Globalization;
using System.Text;
using System.Text.Json;

namespace AutomationScanner.Functions.Invocation;

/// <summary>
/// The body the Functions host POSTs to <c>/{FunctionName}</c> for a non-HTTP trigger:
/// <c>{"Data": {bindingName: value}, "Metadata": {...}}</c>. The host serialises plain strings once more, so a
/// value can be a JSON string holding JSON; <see cref="Data"/> and <see cref="Metadata"/> unwrap that.
/// </summary>
internal sealed class FunctionInvocation
{
    private readonly JsonElement data;
    private readonly JsonElement metadata;

    private FunctionInvocation(JsonElement data, JsonElement metadata)
    {
        this.data = data;
        this.metadata = metadata;
    }

    public static async Task<FunctionInvocation> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        JsonDocument document;
        try
        {
            document = await JsonDocument.ParseAsync(request.Body, default, cancellationToken);
        }
        catch (JsonException ex)
        {
            throw new InvocationFormatException($"The invocation body is not JSON: {ex.Message}");
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !TryGetIgnoringCase(root, "Data", out var data) || data.ValueKind != JsonValueKind.Object)
            {
                throw new InvocationFormatException("The invocation body has no 'Data' object.");
            }

            var metadata = TryGetIgnoringCase(root, "Metadata", out var m) && m.ValueKind == JsonValueKind.Object ? m.Clone() : default;
            return new FunctionInvocation(data.Clone(), metadata);
        }
    }

    /// <summary>The trigger value of <paramref name="binding"/>, with any extra layers of JSON string encoding removed.</summary>
    public JsonElement Data(string binding) =>
        TryGetIgnoringCase(data, binding, out var value)
            ? Unwrap(value)
            : throw new InvocationFormatException($"The invocation has no Data.{binding}.");

    public JsonElement? Metadata(string name) =>
        metadata.ValueKind == JsonValueKind.Object && TryGetIgnoringCase(metadata, name, out var value) ? Unwrap(value) : null;

    /// <summary>The queue delivery count (1 on the first try); numbers may arrive as strings.</summary>
    public int DequeueCount => Metadata("DequeueCount") switch
    {
        { ValueKind: JsonValueKind.Number } n when n.TryGetInt32(out var count) => count,
        { ValueKind: JsonValueKind.String } s when int.TryParse(s.GetString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var count) => count,
        _ => 1,
    };

    /// <summary>Parses again while the value is a JSON string that itself holds JSON (the host's double encoding).</summary>
    public static JsonElement Unwrap(JsonElement value)
    {
        for (var depth = 0; depth < 4 && value.ValueKind == JsonValueKind.String; depth++)
        {
            var text = value.GetString()!;
            if (!TryParse(text, out var inner))
            {
                break;
            }

            value = inner;
        }

        return value;
    }

    /// <summary>
    /// A queue message as JSON: the text itself when it is JSON, else its base64 decoding when that is JSON. Event Grid
    /// writes either, and the host may or may not have decoded base64 already.
    /// </summary>
    public static JsonElement DecodeMessage(JsonElement value)
    {
        value = Unwrap(value);
        if (value.ValueKind != JsonValueKind.String)
        {
            return value;
        }

        var text = value.GetString()!.Trim();
        var bytes = new byte[text.Length];
        if (Convert.TryFromBase64String(text, bytes, out var length))
        {
            var decoded = Encoding.UTF8.GetString(bytes, 0, length);
            if (TryParse(decoded, out var json))
            {
                return Unwrap(json);
            }
        }

        throw new InvocationFormatException("The queue message is neither JSON nor base64-encoded JSON.");
    }

    private static bool TryParse(string text, out JsonElement element)
    {
        element = default;
        var trimmed = text.AsSpan().TrimStart();
        if (trimmed.IsEmpty || trimmed[0] is not ('{' or '[' or '"'))
        {
            return false;
        }

        try
        {
            using var document = JsonDocument.Parse(text);
            element = document.RootElement.Clone();
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static bool TryGetIgnoringCase(JsonElement element, string name, out JsonElement value)
    {
        foreach (var property in element.EnumerateObject())
        {
            if (string.Equals(property.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                value = property.Value;
                return true;
            }
        }

        value = default;
        return false;
    }
}

/// <summary>An invocation or message the handler cannot read; answered with 400 so the host retries, then poisons it.</summary>
internal sealed class InvocationFormatException(string message) : Exception(message);
