using System.Text.Json.Nodes;

namespace AutomationScanner.Testing.Llm;

/// <summary>What the fake server received in one chat completions request.</summary>
public sealed record ReceivedRequest(int Number, string Deployment, string? ApiVersion, string? ApiKey, string Body)
{
    public JsonNode Json => JsonNode.Parse(Body)!;

    public string SystemMessage => Json["messages"]![0]!["content"]!.GetValue<string>();

    public string UserMessage => Json["messages"]![1]!["content"]!.GetValue<string>();

    public IReadOnlyList<JsonObject> Tasks => FakeAnswers.TasksIn(UserMessage);
}
