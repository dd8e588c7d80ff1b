using AutomationScanner.Core.Classification;
using AutomationScanner.Core.Mining;
using AutomationScanner.Core.Model;
using AutomationScanner.Core.Tests.Ingestion.Ocel;

namespace AutomationScanner.Core.Tests.Ingestion;

/// <summary>
/// One lifecycle vocabulary: the CSV, XES and OCEL readers hand the miner the same step for the same word, the miner
/// counts it as the vocabulary says, and the activity-name normaliser drops the same words it lists.
/// </summary>
public sealed class LifecycleVocabularyTests
{
    public static TheoryData<string> EveryWord() => [.. LifecycleVocabulary.Words.Select(w => w.Word).Concat(["In Progress", "COMPLETE", " Start "])];

    [Theory]
    [MemberData(nameof(EveryWord))]
    public void Readers_SameLifecycleWord_MineTheSameWay(string word)
    {
        var csv = Signature(TestFiles.MineText("log.csv", $"""
            case,activity,timestamp,lifecycle
            c1,Review,2024-03-04T09:00:00Z,{word}
            c1,Close,2024-03-04T10:00:00Z,complete
            """));
        var xes = Signature(TestFiles.MineText("log.xes", $"""
            <log xmlns="http://www.xes-standard.org/"><trace><string key="concept:name" value="c1"/>
            <event><string key="concept:name" value="Review"/><date key="time:timestamp" value="2024-03-04T09:00:00Z"/><string key="lifecycle:transition" value="{word}"/></event>
            <event><string key="concept:name" value="Close"/><date key="time:timestamp" value="2024-03-04T10:00:00Z"/><string key="lifecycle:transition" value="complete"/></event>
            </trace></log>
            """));
        var ocel = Signature(OcelLogs.Mine("log.jsonocel", $$"""
            {
              "objectTypes": [ { "name": "Case", "attributes": [] } ],
              "eventTypes": [ { "name": "Review", "attributes": [ { "name": "lifecycle:transition", "type": "string" } ] },
                              { "name": "Close", "attributes": [ { "name": "lifecycle:transition", "type": "string" } ] } ],
              "objects": [ { "id": "c1", "type": "Case", "attributes": [] } ],
              "events": [
                { "id": "e1", "type": "Review", "time": "2024-03-04T09:00:00Z", "attributes": [ { "name": "lifecycle:transition", "value": "{{word}}" } ],
                  "relationships": [ { "objectId": "c1", "qualifier": "of" } ] },
                { "id": "e2", "type": "Close", "time": "2024-03-04T10:00:00Z", "attributes": [ { "name": "lifecycle:transition", "value": "complete" } ],
                  "relationships": [ { "objectId": "c1", "qualifier": "of" } ] }
              ]
            }
            """).Process("Case"));

        Assert.Equal(Expected(word), csv);
        Assert.Equal(csv, xes);
        Assert.Equal(csv, ocel);
    }

    /// <summary>
    /// A status log (BPIC 2013's shape: the lifecycle field holds the status the case entered) read from CSV, XES,
    /// OCEL JSON and OCEL XML: every reader names a status event "Activity (status)", so the activity names, volumes
    /// and failures agree.
    /// </summary>
    [Fact]
    public void Readers_SameStatusLog_GiveTheSameActivityNames()
    {
        (string Case, string Activity, string Time, string Status)[] events =
        [
            ("c1", "Accepted", "2024-03-04T09:00:00Z", "In Progress"),
            ("c1", "Queued", "2024-03-04T10:00:00Z", "Awaiting Assignment"),
            ("c1", "Accepted", "2024-03-04T11:00:00Z", "In Progress"),
            ("c1", "Completed", "2024-03-04T12:00:00Z", "Resolved"),
            ("c2", "Accepted", "2024-03-05T09:00:00Z", "In Progress"),
            ("c2", "Accepted", "2024-03-05T09:30:00Z", "Wait - User"),
            ("c2", "Completed", "2024-03-05T12:00:00Z", "Closed"),
        ];
        var csv = TestFiles.MineText("log.csv", "case,activity,timestamp,lifecycle\n"
            + string.Concat(events.Select(e => $"{e.Case},{e.Activity},{e.Time},{e.Status}\n")));
        var xes = TestFiles.MineText("log.xes", "<log xmlns=\"http://www.xes-standard.org/\">"
            + string.Concat(events.GroupBy(e => e.Case).Select(c => $"<trace><string key=\"concept:name\" value=\"{c.Key}\"/>"
                + string.Concat(c.Select(e => $"<event><string key=\"concept:name\" value=\"{e.Activity}\"/><date key=\"time:timestamp\" value=\"{e.Time}\"/><string key=\"lifecycle:transition\" value=\"{e.Status}\"/></event>"))
                + "</trace>"))
            + "</log>");
        var activities = events.Select(e => e.Activity).Distinct().ToList();
        var jsonTypes = string.Join(", ", activities.Select(a => "{ \"name\": \"" + a + "\", \"attributes\": [ { \"name\": \"lifecycle:transition\", \"type\": \"string\" } ] }"));
        var jsonEvents = string.Join(", ", events.Select((e, i) => $"{{ \"id\": \"e{i}\", \"type\": \"{e.Activity}\", \"time\": \"{e.Time}\", \"attributes\": [ {{ \"name\": \"lifecycle:transition\", \"value\": \"{e.Status}\" }} ], \"relationships\": [ {{ \"objectId\": \"{e.Case}\", \"qualifier\": \"of\" }} ] }}"));
        var ocelJson = OcelLogs.Mine("log.jsonocel",
            "{ \"objectTypes\": [ { \"name\": \"Case\", \"attributes\": [] } ], \"eventTypes\": [ " + jsonTypes + " ], "
            + "\"objects\": [ { \"id\": \"c1\", \"type\": \"Case\" }, { \"id\": \"c2\", \"type\": \"Case\" } ], \"events\": [ " + jsonEvents + " ] }").Process("Case");
        var ocelXml = OcelLogs.Mine("log.xmlocel",
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?><log><object-types><object-type name=\"Case\"><attributes/></object-type></object-types><event-types>"
            + string.Concat(activities.Select(a => $"<event-type name=\"{a}\"><attributes><attribute name=\"lifecycle:transition\" type=\"string\"/></attributes></event-type>"))
            + "</event-types><objects><object id=\"c1\" type=\"Case\"/><object id=\"c2\" type=\"Case\"/></objects><events>"
            + string.Concat(events.Select((e, i) => $"<event id=\"e{i}\" type=\"{e.Activity}\" time=\"{e.Time}\"><attributes><attribute name=\"lifecycle:transition\">{e.Status}</attribute></attributes><objects><relationship object-id=\"{e.Case}\" qualifier=\"of\"/></objects></event>"))
            + "</events></log>").Process("Case");

        var expected = string.Join("; ", events.Select(e => $"{e.Activity} ({e.Status})").Distinct().Order(StringComparer.Ordinal));
        Assert.Equal(expected, Names(csv));
        Assert.Equal(expected, Names(xes));
        Assert.Equal(expected, Names(ocelJson));
        Assert.Equal(expected, Names(ocelXml));
        Assert.Equal(Signature(csv), Signature(xes));
        Assert.Equal(Signature(csv), Signature(ocelJson));
        Assert.Equal(Signature(csv), Signature(ocelXml));
    }

    [Fact]
    public void Classify_CaseAndBlanks_AreIgnored_AndUnlistedWordsAreStatuses()
    {
        Assert.Equal(Lifecycle.Complete, LifecycleParser.Parse("  Completed "));
        Assert.Equal(Lifecycle.Abort, LifecycleVocabulary.Classify("ATE_ABORT"));
        Assert.Equal(Lifecycle.None, LifecycleVocabulary.Classify("   "));
        Assert.Equal(Lifecycle.Status, LifecycleVocabulary.Classify("scheduled"));
        Assert.Equal(Lifecycle.Status, LifecycleVocabulary.Classify("Awaiting Assignment"));
    }

    /// <summary>Every word listed for names is dropped from the end of an activity name; a value word glued with "+" too.</summary>
    [Fact]
    public void NameNormaliser_DropsEveryNameSuffixWord()
    {
        // "ate_abort" as a word of a name is split at the underscore like any other name; glued with "+" it is dropped whole.
        var kept = LifecycleVocabulary.Words.Where(w => w.Uses.HasFlag(LifecycleUse.NameSuffix) && !w.Word.Contains('_', StringComparison.Ordinal))
            .Where(w => ActivityNameNormalizer.Normalize("Approve invoice " + w.Word) != ActivityNameNormalizer.Normalize("Approve invoice"))
            .Select(w => w.Word).ToList();
        var glued = LifecycleVocabulary.Words.Where(w => w.Uses.HasFlag(LifecycleUse.NameSuffix) && w.Uses.HasFlag(LifecycleUse.Value))
            .Where(w => ActivityNameNormalizer.Normalize("ApproveInvoice+" + w.Word) != ActivityNameNormalizer.Normalize("ApproveInvoice"))
            .Select(w => w.Word).ToList();

        Assert.Empty(kept);
        Assert.Empty(glued);
        Assert.Contains("unknown", ActivityNameNormalizer.Normalize("Approve invoice unknown"), StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>What the miner makes of "Review" with the word as its lifecycle, from the vocabulary alone.</summary>
    private static string Expected(string word) => LifecycleVocabulary.Classify(word) switch
    {
        // A start with no complete is taken as the execution at the end of the case.
        Lifecycle.Complete or Lifecycle.None or Lifecycle.Start => "Close x1 f0; Review x1 f0",
        Lifecycle.Status => $"Close x1 f0; Review ({word.Trim()}) x1 f0",
        Lifecycle.Abort => "Close x1 f0; Review x0 f1",
        _ => "Close x1 f0; Review x0 f0",
    };

    private static string Names(MinedProcess mined) => string.Join("; ", mined.Activities.Select(a => a.Activity).Order(StringComparer.Ordinal));

    private static string Signature(MinedProcess mined) => string.Join("; ", mined.Activities
        .OrderBy(a => a.Activity, StringComparer.Ordinal)
        .Select(a => $"{a.Activity} x{a.Executions} f{a.FailureEvents}"));
}
