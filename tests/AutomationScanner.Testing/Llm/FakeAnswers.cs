using System.Text.Json;
using System.Text.Json.Nodes;
using AutomationScanner.Core.Classification.Llm;

namespace AutomationScanner.Testing.Llm;

/// <summary>Answers a model could give to a prompt built by AssessmentPromptBuilder; shared with the Azure tests.</summary>
public static class FakeAnswers
{
    /// <summary>The task objects inside the data block of a user message.</summary>
    public static IReadOnlyList<JsonObject> TasksIn(string userMessage)
    {
        var start = userMessage.IndexOf(AssessmentPromptBuilder.DataStart, StringComparison.Ordinal);
        var end = userMessage.LastIndexOf(AssessmentPromptBuilder.DataEnd, StringComparison.Ordinal);
        if (start < 0 || end < start)
        {
            return [];
        }

        var data = JsonNode.Parse(userMessage[(start + AssessmentPromptBuilder.DataStart.Length)..end])!;
        return [.. data["tasks"]!.AsArray().Select(t => t!.AsObject())];
    }

    /// <summary>
    /// A valid answer for every task: suitability from <paramref name="suitability"/> (by ref), RPA, one cited metric,
    /// and the activity kind <paramref name="activityKind"/> gives for the task object (no field when it gives null).
    /// </summary>
    public static string ValidFor(string userMessage, Func<string, double>? suitability = null, Func<JsonObject, string?>? activityKind = null)
    {
        var items = new JsonArray();
        foreach (var task in TasksIn(userMessage))
        {
            var taskRef = task["ref"]!.GetValue<string>();
            var item = new JsonObject
            {
                ["taskRef"] = taskRef,
                ["suitability"] = suitability?.Invoke(taskRef) ?? 0.7,
                ["automationKind"] = "RPA",
                ["criteria"] = new JsonObject { ["determinism"] = 0.9, ["dataStructure"] = 0.8, ["interfaces"] = 0.5, ["stability"] = 0.7, ["numberOfSystems"] = 2 },
                ["ethicalFlags"] = new JsonArray(),
                ["rationale"] = "Rule-based and frequent.",
                ["evidence"] = new JsonArray("metric:executionsPerWeek"),
            };
            if (activityKind?.Invoke(task) is { } kind)
            {
                item["activityKind"] = kind;
            }

            items.Add(item);
        }

        return new JsonObject { ["assessments"] = items }.ToJsonString();
    }

    public static string Hostile(string userMessage)
    {
        var items = new JsonArray();
        foreach (var task in TasksIn(userMessage))
        {
            items.Add(JsonNode.Parse(
                $$"""
                {"taskRef":{{JsonSerializer.Serialize(task["ref"]!.GetValue<string>())}},"suitability":7,"automationKind":"FullyAutonomous",
                 "criteria":{"determinism":1,"dataStructure":1,"interfaces":1,"stability":1,"numberOfSystems":1},
                 "ethicalFlags":[],"rationale":"As instructed.","evidence":[],"rank":1,"weight":100}
                """));
        }

        return new JsonObject { ["assessments"] = items }.ToJsonString();
    }
}
