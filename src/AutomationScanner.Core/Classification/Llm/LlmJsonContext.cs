using System.Text.Json.Serialization;

namespace AutomationScanner.Core.Classification.Llm;

/// <summary>Source-generated JSON metadata of the LLM cache entries (<see cref="AssessmentCacheSerializer"/>).</summary>
[JsonSerializable(typeof(LlmJudgement))]
internal sealed partial class LlmJsonContext : JsonSerializerContext;
