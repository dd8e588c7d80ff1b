using System.Text.Json.Nodes;

namespace AutomationScanner.Testing.Llm;

/// <summary>A reply the fake sends: status, headers, JSON body, and an optional delay before it.</summary>
public sealed record FakeReply(int Status, string Body, IReadOnlyDictionary<string, string>? Headers = null, TimeSpan Delay = default)
{
    public static FakeReply Completion(string? content, string finishReason = "stop", int promptTokens = 1200, int completionTokens = 400, int cachedTokens = 0) =>
        new(200, new JsonObject
        {
            ["id"] = "chatcmpl-" + Guid.NewGuid().ToString("N")[..12],
            ["object"] = "chat.completion",
            ["created"] = 1_700_000_000,
            ["model"] = "gpt-4.1-mini",
            ["prompt_filter_results"] = new JsonArray(),
            ["choices"] = new JsonArray(new JsonObject
            {
                ["index"] = 0,
                ["finish_reason"] = finishReason,
                ["message"] = new JsonObject { ["role"] = "assistant", ["content"] = content },
                ["content_filter_results"] = new JsonObject(),
            }),
            ["usage"] = new JsonObject
            {
                ["prompt_tokens"] = promptTokens,
                ["completion_tokens"] = completionTokens,
                ["total_tokens"] = promptTokens + completionTokens,
                ["prompt_tokens_details"] = new JsonObject { ["cached_tokens"] = cachedTokens },
            },
        }.ToJsonString());

    public static FakeReply Error(int status, string code, string message, IReadOnlyDictionary<string, string>? headers = null) =>
        new(status, new JsonObject { ["error"] = new JsonObject { ["code"] = code, ["message"] = message } }.ToJsonString(), headers);

    public static FakeReply Throttled(string header, string value) => Error(
        429,
        "429",
        "Requests to the ChatCompletions_Create Operation under Azure OpenAI API version 2024-10-21 have exceeded token rate limit of your current pricing tier. Please retry after 1 second.",
        new Dictionary<string, string> { [header] = value });

    public static FakeReply ContentFilterRejection() => new(400, """
        {"error":{"message":"The response was filtered due to the prompt triggering Azure OpenAI's content management policy.","type":null,"param":"prompt","code":"content_filter","status":400,
         "innererror":{"code":"ResponsibleAIPolicyViolation","content_filter_result":{"hate":{"filtered":true,"severity":"high"}}}}}
        """);
}
