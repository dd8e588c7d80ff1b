using System.Text;
using System.Text.Json;

namespace AutomationScanner.Functions.Triggers;

/// <summary>
/// A queue message's text as JSON. Event Grid writes events to a storage queue as JSON or base64-encoded JSON, one
/// event or an array, and some producers wrap the JSON in a JSON string: every form decodes to the same element.
/// </summary>
internal static class QueueMessage
{
    /// <summary>The text itself when it is JSON, else its base64 decoding when that is JSON; JSON strings holding JSON are unwrapped.</summary>
    public static JsonElement Decode(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (TryParse(text, out var json))
        {
            json = Unwrap(json);
            if (json.ValueKind != JsonValueKind.String)
            {
                return json;
            }

            text = json.GetString()!;
        }

        text = text.Trim();
        var bytes = new byte[text.Length];
        if (Convert.TryFromBase64String(text, bytes, out var length) && TryParse(Encoding.UTF8.GetString(bytes, 0, length), out var decoded))
        {
            decoded = Unwrap(decoded);
            if (decoded.ValueKind != JsonValueKind.String)
            {
                return decoded;
            }
        }

        throw new FormatException("The queue message is neither JSON nor base64-encoded JSON.");
    }

    /// <summary>Parses again while the value is a JSON string that itself holds JSON.</summary>
    public static JsonElement Unwrap(JsonElement value)
    {
        for (var depth = 0; depth < 4 && value.ValueKind == JsonValueKind.String; depth++)
        {
            if (!TryParse(value.GetString()!, out var inner))
            {
                break;
            }

            value = inner;
        }

        return value;
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
}
