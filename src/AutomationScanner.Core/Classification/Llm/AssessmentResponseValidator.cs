using System.Text;
using System.Text.Json;

namespace AutomationScanner.Core.Classification.Llm;

/// <summary>What validation made of one response: accepted judgements and rejections, keyed by task reference.</summary>
public sealed record ValidationOutcome(
    IReadOnlyDictionary<string, LlmJudgement> Accepted,
    IReadOnlyDictionary<string, string> Rejected,
    string? ResponseError);

/// <summary>
/// Reads the model's JSON answer without trusting it: every number is range-checked (a rounding slip is clamped,
/// anything further out rejects the task), enums must match exactly, text is bounded and stripped of control
/// characters, cited evidence must be among the inputs of that task, and fields the schema does not define are
/// never read. A rejected task falls back to ML-only.
/// </summary>
public static class AssessmentResponseValidator
{
    /// <summary>How far outside 0..1 a score may stray and still be clamped rather than rejected.</summary>
    public const double ClampTolerance = 0.05;

    public const int MaxRationaleChars = 400;
    public const int MaxEvidence = 10;
    public const int MaxEthicalFlags = 8;
    public const int MaxSystems = 50;
    public const int MaxRuleFlags = 6;

    private static readonly IReadOnlySet<string> NoRules = new HashSet<string>(StringComparer.Ordinal);

    private static readonly string[] AssessmentFields = ["taskRef", "suitability", "automationKind", "activityKind", "criteria", "ethicalFlags", "ruleFlags", "rationale", "evidence"];
    private static readonly string[] RuleFlagFields = ["ruleId", "rationale", "evidence"];
    private static readonly string[] CriteriaFields = ["determinism", "dataStructure", "interfaces", "stability", "numberOfSystems"];
    private static readonly string[] FlagFields = ["category", "severity", "rationale", "evidence"];

    public static ValidationOutcome Validate(string? content, IReadOnlyDictionary<string, IReadOnlySet<string>> evidenceRefsByTaskRef) =>
        Validate(content, evidenceRefsByTaskRef, null);

    /// <summary>
    /// Validates a response; a task's rule flags are kept only for the rule ids in <paramref name="ruleIdsByTaskRef"/>
    /// (the candidate rules it was offered; none when the map or the task's entry is missing).
    /// </summary>
    public static ValidationOutcome Validate(
        string? content,
        IReadOnlyDictionary<string, IReadOnlySet<string>> evidenceRefsByTaskRef,
        IReadOnlyDictionary<string, IReadOnlySet<string>>? ruleIdsByTaskRef)
    {
        ArgumentNullException.ThrowIfNull(evidenceRefsByTaskRef);
        var accepted = new Dictionary<string, LlmJudgement>(StringComparer.Ordinal);
        var rejected = new Dictionary<string, string>(StringComparer.Ordinal);
        if (string.IsNullOrWhiteSpace(content))
        {
            return new(accepted, rejected, "empty response content");
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(content, new JsonDocumentOptions { MaxDepth = 16 });
        }
        catch (JsonException)
        {
            return new(accepted, rejected, "response content is not valid JSON");
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object
                || !document.RootElement.TryGetProperty("assessments", out var assessments)
                || assessments.ValueKind != JsonValueKind.Array)
            {
                return new(accepted, rejected, "response has no \"assessments\" array");
            }

            foreach (var item in assessments.EnumerateArray())
            {
                if (item.ValueKind != JsonValueKind.Object
                    || !item.TryGetProperty("taskRef", out var refElement)
                    || refElement.ValueKind != JsonValueKind.String)
                {
                    continue;
                }

                var taskRef = refElement.GetString()!;
                if (!evidenceRefsByTaskRef.TryGetValue(taskRef, out var allowedEvidence)
                    || accepted.ContainsKey(taskRef) || rejected.ContainsKey(taskRef))
                {
                    // Unknown or repeated references cannot overwrite an answer for a task we sent.
                    continue;
                }

                try
                {
                    accepted[taskRef] = ReadAssessment(item, allowedEvidence, ruleIdsByTaskRef?.GetValueOrDefault(taskRef) ?? NoRules);
                }
                catch (InvalidResponseException ex)
                {
                    rejected[taskRef] = ex.Message;
                }
            }
        }

        return new(accepted, rejected, null);
    }

    private static LlmJudgement ReadAssessment(JsonElement item, IReadOnlySet<string> allowedEvidence, IReadOnlySet<string> allowedRules)
    {
        var notes = new List<string>();
        NoteUnknownFields(item, AssessmentFields, "assessment", notes);
        var suitability = Score(item, "suitability", notes);
        var kind = OneOf(item, "automationKind", AssessmentPrompt.KindNames, names => (AutomationKind)names);

        var criteriaElement = Required(item, "criteria", JsonValueKind.Object);
        NoteUnknownFields(criteriaElement, CriteriaFields, "criteria", notes);
        var systemsElement = Required(criteriaElement, "numberOfSystems", JsonValueKind.Number);
        if (!systemsElement.TryGetInt32(out var systems) || systems < 0 || systems > MaxSystems)
        {
            throw new InvalidResponseException($"numberOfSystems {Describe(systemsElement)} outside 0..{MaxSystems}");
        }

        var criteria = new WellmannCriteria(
            Score(criteriaElement, "determinism", notes),
            Score(criteriaElement, "dataStructure", notes),
            Score(criteriaElement, "interfaces", notes),
            Score(criteriaElement, "stability", notes),
            systems);

        var flags = new List<EthicalFlag>();
        var flagsElement = Required(item, "ethicalFlags", JsonValueKind.Array);
        foreach (var flag in flagsElement.EnumerateArray())
        {
            if (flag.ValueKind != JsonValueKind.Object)
            {
                throw new InvalidResponseException("ethical flag is not an object");
            }

            NoteUnknownFields(flag, FlagFields, "ethical flag", notes);
            flags.Add(new EthicalFlag(
                OneOf(flag, "category", System.Enum.GetNames<EthicalFlagCategory>(), i => (EthicalFlagCategory)i),
                OneOf(flag, "severity", System.Enum.GetNames<EthicalSeverity>(), i => (EthicalSeverity)i),
                Text(flag, "rationale"),
                Evidence(flag, allowedEvidence, notes)));
        }

        if (flags.Count > MaxEthicalFlags)
        {
            // Keep the most severe flags: dropping a High one to keep a Low one would hide risk.
            notes.Add($"{flags.Count - MaxEthicalFlags} ethical flags beyond {MaxEthicalFlags} dropped");
            flags = [.. flags.OrderByDescending(f => f.Severity).Take(MaxEthicalFlags)];
        }

        return new LlmJudgement
        {
            Suitability = suitability,
            RecommendedKind = kind,
            ActivityKind = ActivityKindVote(item, notes),
            Criteria = criteria,
            EthicalFlags = flags,
            RuleFlags = RuleFlags(item, allowedEvidence, allowedRules, notes),
            Rationale = Text(item, "rationale"),
            Evidence = Evidence(item, allowedEvidence, notes),
            ValidationNotes = notes,
        };
    }

    /// <summary>
    /// The rule flags of one answer. The field is optional (an answer without it flags nothing); a flag is kept only
    /// when its rule id is one of the task's candidate rules, once per rule, at most <see cref="MaxRuleFlags"/>; a
    /// malformed or unknown flag is dropped with a note and never costs the rest of the answer. Fields the schema does
    /// not define (a "tier" or "severity" the model made up) are never read: the catalogue sets the tier.
    /// </summary>
    private static List<LlmRuleFlag> RuleFlags(JsonElement item, IReadOnlySet<string> allowedEvidence, IReadOnlySet<string> allowedRules, List<string> notes)
    {
        var result = new List<LlmRuleFlag>();
        if (!item.TryGetProperty("ruleFlags", out var element) || element.ValueKind == JsonValueKind.Null)
        {
            return result;
        }

        if (element.ValueKind != JsonValueKind.Array)
        {
            notes.Add("ruleFlags is not an array; ignored");
            return result;
        }

        foreach (var flag in element.EnumerateArray())
        {
            if (flag.ValueKind != JsonValueKind.Object
                || !flag.TryGetProperty("ruleId", out var idElement)
                || idElement.ValueKind != JsonValueKind.String)
            {
                notes.Add("rule flag without a ruleId ignored");
                continue;
            }

            var ruleId = idElement.GetString()!;
            if (!allowedRules.Contains(ruleId))
            {
                notes.Add($"rule flag \"{Truncate(ruleId, 40)}\" is not among the task's candidate rules; ignored");
                continue;
            }

            if (result.Any(f => f.RuleId == ruleId))
            {
                continue;
            }

            if (result.Count >= MaxRuleFlags)
            {
                notes.Add($"rule flags beyond {MaxRuleFlags} ignored");
                break;
            }

            NoteUnknownFields(flag, RuleFlagFields, "rule flag", notes);
            try
            {
                result.Add(new LlmRuleFlag(ruleId, Text(flag, "rationale"), Evidence(flag, allowedEvidence, notes)));
            }
            catch (InvalidResponseException ex)
            {
                notes.Add($"rule flag {ruleId} ignored: {ex.Message}");
            }
        }

        return result;
    }

    /// <summary>
    /// The model's vote on what the activity is: one of the eight kinds exactly, or nothing. A missing or malformed vote
    /// is dropped with a note rather than rejecting the task: it is one piece of evidence, and the log has the others.
    /// </summary>
    private static Model.ActivityKind? ActivityKindVote(JsonElement item, List<string> notes)
    {
        if (!item.TryGetProperty("activityKind", out var element))
        {
            return null;
        }

        if (element.ValueKind == JsonValueKind.String)
        {
            var value = element.GetString()!;
            for (var i = 0; i < AssessmentPrompt.ActivityKindNames.Count; i++)
            {
                if (string.Equals(AssessmentPrompt.ActivityKindNames[i], value, StringComparison.Ordinal))
                {
                    return (Model.ActivityKind)i;
                }
            }

            notes.Add($"activityKind \"{Truncate(value, 40)}\" is not one of the allowed values: ignored");
            return null;
        }

        notes.Add("activityKind is not a string: ignored");
        return null;
    }

    private static JsonElement Required(JsonElement parent, string name, JsonValueKind kind)
    {
        if (!parent.TryGetProperty(name, out var value) || value.ValueKind != kind)
        {
            throw new InvalidResponseException($"\"{name}\" missing or not {kind.ToString().ToLowerInvariant()}");
        }

        return value;
    }

    private static double Score(JsonElement parent, string name, List<string> notes)
    {
        var element = Required(parent, name, JsonValueKind.Number);
        var value = element.GetDouble();
        if (!double.IsFinite(value) || value < -ClampTolerance || value > 1 + ClampTolerance)
        {
            throw new InvalidResponseException($"{name} {Describe(element)} outside 0..1");
        }

        if (value is < 0 or > 1)
        {
            notes.Add($"{name} {Describe(element)} clamped to 0..1");
            return Math.Clamp(value, 0, 1);
        }

        return value;
    }

    private static T OneOf<T>(JsonElement parent, string name, IReadOnlyList<string> names, Func<int, T> fromIndex)
    {
        var element = Required(parent, name, JsonValueKind.String);
        var value = element.GetString()!;
        for (var i = 0; i < names.Count; i++)
        {
            if (string.Equals(names[i], value, StringComparison.Ordinal))
            {
                return fromIndex(i);
            }
        }

        throw new InvalidResponseException($"{name} \"{Truncate(value, 40)}\" is not one of the allowed values");
    }

    private static string Text(JsonElement parent, string name)
    {
        var raw = Required(parent, name, JsonValueKind.String).GetString()!;
        var builder = new StringBuilder(Math.Min(raw.Length, MaxRationaleChars));
        foreach (var c in raw)
        {
            if (builder.Length >= MaxRationaleChars)
            {
                break;
            }

            builder.Append(char.IsControl(c) ? ' ' : c);
        }

        return builder.ToString().Trim();
    }

    private static List<string> Evidence(JsonElement parent, IReadOnlySet<string> allowed, List<string> notes)
    {
        var element = Required(parent, "evidence", JsonValueKind.Array);
        var result = new List<string>();
        var ignored = 0;
        foreach (var reference in element.EnumerateArray())
        {
            if (reference.ValueKind == JsonValueKind.String && allowed.Contains(reference.GetString()!) && result.Count < MaxEvidence)
            {
                if (!result.Contains(reference.GetString()!))
                {
                    result.Add(reference.GetString()!);
                }
            }
            else
            {
                ignored++;
            }
        }

        if (ignored > 0)
        {
            notes.Add($"{ignored} evidence references not among the task's inputs ignored");
        }

        return result;
    }

    private static void NoteUnknownFields(JsonElement element, string[] known, string where, List<string> notes)
    {
        foreach (var property in element.EnumerateObject())
        {
            if (Array.IndexOf(known, property.Name) < 0)
            {
                notes.Add($"unexpected field \"{Truncate(property.Name, 40)}\" in {where} ignored");
            }
        }
    }

    private static string Describe(JsonElement number) => Truncate(number.GetRawText(), 24);

    private static string Truncate(string value, int max)
    {
        var clean = new string([.. value.Take(max).Select(c => char.IsControl(c) ? ' ' : c)]);
        return value.Length > max ? clean + "..." : clean;
    }

    private sealed class InvalidResponseException(string message) : Exception(message);
}
