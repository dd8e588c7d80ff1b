using System.ClientModel;
using System.ClientModel.Primitives;
using System.Text.Json.Nodes;

namespace AutomationScanner.Azure.OpenAI;

/// <summary>Which request dialect the deployed model accepts.</summary>
public enum ModelKind
{
    /// <summary>Reasoning when the deployment name starts with o1, o3, o4 or gpt-5; chat otherwise.</summary>
    Auto,

    /// <summary>gpt-4o / gpt-4.1 family: max_tokens and temperature, any api-version from 2024-08-01-preview.</summary>
    Chat,

    /// <summary>o-series and gpt-5 family: max_completion_tokens, reasoning_effort, no temperature, a newer api-version.</summary>
    Reasoning,
}

/// <summary>
/// Adapts the request Azure.AI.OpenAI 2.1.0 builds to the deployed model. The SDK's GA build speaks api-version
/// 2024-10-21 and sends max_tokens and our temperature; reasoning models (the infra default is gpt-5-mini) reject
/// both and need api-version 2025-04-01-preview or later. Without this policy every request to them fails with 400.
/// </summary>
internal sealed class ModelRequestPolicy(string? apiVersion, bool reasoning, string reasoningEffort, int reasoningTokenAllowance) : PipelinePolicy
{
    public const string ReasoningApiVersion = "2025-04-01-preview";

    public override void Process(PipelineMessage message, IReadOnlyList<PipelinePolicy> pipeline, int currentIndex)
    {
        Rewrite(message);
        ProcessNext(message, pipeline, currentIndex);
    }

    public override async ValueTask ProcessAsync(PipelineMessage message, IReadOnlyList<PipelinePolicy> pipeline, int currentIndex)
    {
        Rewrite(message);
        await ProcessNextAsync(message, pipeline, currentIndex);
    }

    private void Rewrite(PipelineMessage message)
    {
        var request = message.Request;
        if (apiVersion is not null && request.Uri is { } uri)
        {
            request.Uri = WithApiVersion(uri, apiVersion);
        }

        if (!reasoning || request.Content is null)
        {
            return;
        }

        using var buffer = new MemoryStream();
        request.Content.WriteTo(buffer, message.CancellationToken);
        if (JsonNode.Parse(buffer.ToArray()) is not JsonObject body)
        {
            return;
        }

        body.Remove("temperature");
        if (body["max_tokens"] is JsonValue maxTokens && maxTokens.TryGetValue<int>(out var answerTokens))
        {
            body.Remove("max_tokens");

            // Reasoning tokens count as output: leave room for them on top of the answer itself.
            body["max_completion_tokens"] = answerTokens + reasoningTokenAllowance;
        }

        body["reasoning_effort"] = reasoningEffort;
        request.Content = BinaryContent.Create(BinaryData.FromString(body.ToJsonString()));
    }

    internal static Uri WithApiVersion(Uri uri, string version)
    {
        var builder = new UriBuilder(uri);
        var parts = builder.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Where(p => !p.StartsWith("api-version=", StringComparison.OrdinalIgnoreCase))
            .Append("api-version=" + Uri.EscapeDataString(version));
        builder.Query = string.Join('&', parts);
        return builder.Uri;
    }

    public static bool IsReasoning(ModelKind kind, string deployment) => kind switch
    {
        ModelKind.Reasoning => true,
        ModelKind.Chat => false,
        _ => deployment.StartsWith("o1", StringComparison.OrdinalIgnoreCase)
            || deployment.StartsWith("o3", StringComparison.OrdinalIgnoreCase)
            || deployment.StartsWith("o4", StringComparison.OrdinalIgnoreCase)
            || deployment.StartsWith("gpt-5", StringComparison.OrdinalIgnoreCase),
    };
}
