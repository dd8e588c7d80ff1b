using System.Text.Json;

namespace AutomationScanner.Core.Tracking;

/// <summary>Opens an earlier JSON report for the readers that take parts of it (scan diff, realisation baseline).</summary>
public static class ReportJsonDocument
{
    /// <summary>
    /// The parsed report, checked to be an object with an <c>opportunities</c> array; errors name
    /// <paramref name="sourceName"/>. The caller disposes the document.
    /// </summary>
    public static async Task<JsonDocument> ParseAsync(Stream json, string sourceName, CancellationToken cancellationToken)
    {
        JsonDocument document;
        try
        {
            document = await JsonDocument.ParseAsync(json, default, cancellationToken);
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"{sourceName}: not a JSON report (line {ex.LineNumber + 1}): {ex.Message}", ex);
        }

        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("opportunities", out var items) || items.ValueKind != JsonValueKind.Array)
        {
            document.Dispose();
            throw new InvalidDataException($"{sourceName}: not a scan report (no 'opportunities' array).");
        }

        return document;
    }
}
