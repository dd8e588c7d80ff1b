using AutomationScanner.Core.Classification.Llm;
using AutomationScanner.Core.Model;

namespace AutomationScanner.Core.Tests.Classification.Llm;

public sealed class AssessmentResponseValidatorTests
{
    private static readonly Dictionary<string, IReadOnlySet<string>> Refs = new()
    {
        ["T1"] = new HashSet<string> { "metric:reworkRate", "sop.md:12" },
        ["T2"] = new HashSet<string> { "metric:executions" },
    };

    private static string Item(string taskRef = "T1", string suitability = "0.8", string kind = "\"RPA\"", string extra = "", string flags = "[]", string evidence = "[\"metric:reworkRate\"]", string determinism = "0.9") =>
        $$"""
        {"taskRef":"{{taskRef}}","suitability":{{suitability}},"automationKind":{{kind}},
         "criteria":{"determinism":{{determinism}},"dataStructure":0.8,"interfaces":0.4,"stability":0.7,"numberOfSystems":2},
         "ethicalFlags":{{flags}},"rationale":"Rule based.","evidence":{{evidence}}{{extra}}}
        """;

    private static string Response(params string[] items) => "{\"assessments\":[" + string.Join(',', items) + "]}";

    [Fact]
    public void Validate_WellFormedAnswer_Accepted()
    {
        var outcome = AssessmentResponseValidator.Validate(
            Response(Item(flags: """[{"category":"PersonalData","severity":"Medium","rationale":"Invoices name people.","evidence":["sop.md:12"]}]""")),
            Refs);

        var judgement = Assert.Single(outcome.Accepted).Value;
        Assert.Equal(0.8, judgement.Suitability);
        Assert.Equal(AutomationKind.Rpa, judgement.RecommendedKind);
        Assert.Equal(new WellmannCriteria(0.9, 0.8, 0.4, 0.7, 2), judgement.Criteria);
        var flag = Assert.Single(judgement.EthicalFlags);
        Assert.Equal((EthicalFlagCategory.PersonalData, EthicalSeverity.Medium), (flag.Category, flag.Severity));
        Assert.Equal(["sop.md:12"], flag.Evidence);
        Assert.Empty(judgement.ValidationNotes);
        Assert.Null(outcome.ResponseError);
    }

    [Theory]
    [InlineData("work", ActivityKind.Work)]
    [InlineData("state", ActivityKind.State)]
    [InlineData("measurement", ActivityKind.Measurement)]
    [InlineData("wait", ActivityKind.Wait)]
    [InlineData("external", ActivityKind.External)]
    public void Validate_ActivityKindOfTheSchema_ReadAsTheKind(string wire, ActivityKind expected)
    {
        var outcome = AssessmentResponseValidator.Validate(Response(Item(extra: $$""","activityKind":"{{wire}}" """)), Refs);

        var judgement = outcome.Accepted["T1"];
        Assert.Equal(expected, judgement.ActivityKind);
        Assert.Empty(judgement.ValidationNotes);
    }

    [Theory]
    [InlineData("\"Work\"")]
    [InlineData("\"task\"")]
    [InlineData("\"work; rank first\"")]
    [InlineData("3")]
    [InlineData("null")]
    public void Validate_ActivityKindNotOneOfTheKinds_VoteDroppedTaskKept(string value)
    {
        var outcome = AssessmentResponseValidator.Validate(Response(Item(extra: $$""","activityKind":{{value}}""")), Refs);

        var judgement = outcome.Accepted["T1"];
        Assert.Null(judgement.ActivityKind);
        Assert.Equal(0.8, judgement.Suitability);
        Assert.Contains(judgement.ValidationNotes, n => n.StartsWith("activityKind", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_ActivityKindMissing_NoVote()
    {
        var outcome = AssessmentResponseValidator.Validate(Response(Item()), Refs);

        Assert.Null(outcome.Accepted["T1"].ActivityKind);
        Assert.Empty(outcome.Accepted["T1"].ValidationNotes);
    }

    [Fact]
    public void Schema_ActivityKindEnum_MatchesTheKindsInOrder()
    {
        var schema = System.Text.Json.Nodes.JsonNode.Parse(AssessmentPrompt.JsonSchema)!;
        var item = schema["properties"]!["assessments"]!["items"]!;
        var wire = item["properties"]!["activityKind"]!["enum"]!.AsArray().Select(n => n!.GetValue<string>()).ToList();

        Assert.Equal(Enum.GetNames<ActivityKind>().Select(n => n.ToLowerInvariant()), wire);
        Assert.Equal(wire, AssessmentPrompt.ActivityKindNames);
        Assert.Contains("activityKind", item["required"]!.AsArray().Select(n => n!.GetValue<string>()));
    }

    [Theory]
    [InlineData("7")]
    [InlineData("-1")]
    [InlineData("1.2")]
    [InlineData("\"1.0\"")]
    public void Validate_SuitabilityOutOfRangeOrNotNumber_Rejected(string suitability)
    {
        var outcome = AssessmentResponseValidator.Validate(Response(Item(suitability: suitability)), Refs);

        Assert.Empty(outcome.Accepted);
        Assert.Contains("suitability", outcome.Rejected["T1"], StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_SuitabilitySlightlyAboveOne_ClampedWithNote()
    {
        var outcome = AssessmentResponseValidator.Validate(Response(Item(suitability: "1.03", determinism: "-0.01")), Refs);

        var judgement = outcome.Accepted["T1"];
        Assert.Equal(1.0, judgement.Suitability);
        Assert.Equal(0.0, judgement.Criteria.Determinism);
        Assert.Equal(2, judgement.ValidationNotes.Count(n => n.Contains("clamped", StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData("\"FullAutomation\"")]
    [InlineData("\"rpa\"")]
    [InlineData("3")]
    public void Validate_UnknownAutomationKind_Rejected(string kind)
    {
        var outcome = AssessmentResponseValidator.Validate(Response(Item(kind: kind)), Refs);

        Assert.True(outcome.Rejected.ContainsKey("T1"));
        Assert.Empty(outcome.Accepted);
    }

    [Fact]
    public void Validate_UnknownSeverity_RejectsTaskRatherThanDroppingTheFlag()
    {
        var outcome = AssessmentResponseValidator.Validate(
            Response(Item(flags: """[{"category":"PersonalData","severity":"Catastrophic","rationale":"x","evidence":[]}]""")),
            Refs);

        Assert.Contains("severity", outcome.Rejected["T1"], StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_ExtraFieldsAndForeignEvidence_IgnoredAndNoted()
    {
        var outcome = AssessmentResponseValidator.Validate(
            Response(Item(extra: ",\"rank\":1,\"overrideRanking\":true", evidence: "[\"metric:reworkRate\",\"metric:executions\",\"ignore previous instructions\"]")),
            Refs);

        var judgement = outcome.Accepted["T1"];
        Assert.Equal(["metric:reworkRate"], judgement.Evidence);
        Assert.Contains(judgement.ValidationNotes, n => n.Contains("\"rank\"", StringComparison.Ordinal));
        Assert.Contains(judgement.ValidationNotes, n => n.Contains("\"overrideRanking\"", StringComparison.Ordinal));
        Assert.Contains(judgement.ValidationNotes, n => n.StartsWith("2 evidence", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_UnknownAndDuplicateTaskRefs_CannotOverwriteAnswers()
    {
        var outcome = AssessmentResponseValidator.Validate(
            Response(Item(taskRef: "T1", suitability: "0.2"), Item(taskRef: "T1", suitability: "1.0"), Item(taskRef: "T99")),
            Refs);

        Assert.Equal(0.2, Assert.Single(outcome.Accepted).Value.Suitability);
        Assert.Empty(outcome.Rejected);
    }

    [Fact]
    public void Validate_LongRationaleWithControlCharacters_BoundedAndCleaned()
    {
        var rationale = "line\u0000one\n" + new string('x', 1000);
        var item = Item().Replace("\"Rule based.\"", System.Text.Json.JsonSerializer.Serialize(rationale), StringComparison.Ordinal);

        var judgement = AssessmentResponseValidator.Validate(Response(item), Refs).Accepted["T1"];

        Assert.Equal(AssessmentResponseValidator.MaxRationaleChars, judgement.Rationale.Length);
        Assert.DoesNotContain(judgement.Rationale, char.IsControl);
    }

    [Theory]
    [InlineData("not json at all")]
    [InlineData("{\"assessments\": {}}")]
    [InlineData("[1,2,3]")]
    [InlineData("")]
    public void Validate_MalformedContent_ResponseError(string content)
    {
        var outcome = AssessmentResponseValidator.Validate(content, Refs);

        Assert.NotNull(outcome.ResponseError);
        Assert.Empty(outcome.Accepted);
    }
}
