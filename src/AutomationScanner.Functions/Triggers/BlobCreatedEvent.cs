using System.Text.Json;
using Azure.Storage.Blobs;

namespace AutomationScanner.Functions.Triggers;

/// <summary>The parts of an Event Grid (or CloudEvents) Microsoft.Storage.BlobCreated event that the scanner uses.</summary>
internal sealed record BlobCreatedEvent(string Container, string BlobName)
{
    private const string BlobCreated = "Microsoft.Storage.BlobCreated";

    /// <summary>
    /// Every BlobCreated event in a decoded message (one event object or an array of them). Other event types are
    /// skipped; an event that claims to be BlobCreated but names no blob is an error.
    /// </summary>
    public static IReadOnlyList<BlobCreatedEvent> ParseAll(JsonElement message, out int skipped)
    {
        var events = message.ValueKind switch
        {
            JsonValueKind.Array => message.EnumerateArray().ToList(),
            JsonValueKind.Object => [message],
            _ => throw new FormatException($"An Event Grid message must be an event object or an array of events, not {message.ValueKind}."),
        };
        skipped = 0;
        var created = new List<BlobCreatedEvent>();
        foreach (var e in events)
        {
            var type = String(e, "eventType") ?? String(e, "type");
            if (type != BlobCreated)
            {
                skipped++;
                continue;
            }

            created.Add(FromSubject(String(e, "subject"))
                ?? FromUrl(e.ValueKind == JsonValueKind.Object && e.TryGetProperty("data", out var data) ? String(data, "url") : null)
                ?? throw new FormatException("A BlobCreated event has neither a blob subject nor data.url."));
        }

        return created;
    }

    /// <summary><c>/blobServices/default/containers/{container}/blobs/{name}</c>.</summary>
    private static BlobCreatedEvent? FromSubject(string? subject)
    {
        const string containers = "/blobServices/default/containers/";
        if (subject is null || !subject.StartsWith(containers, StringComparison.Ordinal))
        {
            return null;
        }

        var rest = subject[containers.Length..];
        var blobs = rest.IndexOf("/blobs/", StringComparison.Ordinal);
        return blobs <= 0 ? null : new BlobCreatedEvent(rest[..blobs], rest[(blobs + "/blobs/".Length)..]);
    }

    /// <summary>data.url: the SDK's parser knows both account-in-host (Azure) and account-in-path (Azurite) URLs.</summary>
    private static BlobCreatedEvent? FromUrl(string? url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri))
        {
            return null;
        }

        var parts = new BlobUriBuilder(uri);
        return string.IsNullOrEmpty(parts.BlobContainerName) || string.IsNullOrEmpty(parts.BlobName) ? null : new BlobCreatedEvent(parts.BlobContainerName, parts.BlobName);
    }

    private static string? String(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
