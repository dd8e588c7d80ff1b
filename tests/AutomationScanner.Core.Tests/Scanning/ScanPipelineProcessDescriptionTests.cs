using System.Globalization;
using System.Text;
using AutomationScanner.Core.Ethics;
using AutomationScanner.Core.Ingestion.Common;
using AutomationScanner.Core.Scanning;
using Microsoft.Extensions.Logging.Abstractions;

namespace AutomationScanner.Core.Tests.Scanning;

/// <summary>
/// Round 15 (12c) in a scan: the document statements matched to a process are its description, and a step of that
/// process whose name the screen cannot read takes what they screen as; without the document it does not.
/// </summary>
public sealed class ScanPipelineProcessDescriptionTests
{
    /// <summary>Turkish, which no glossary reads: "evaluation of residents" (round 15 used a Latvian name; round 16's glossary reads Latvian).</summary>
    private const string Unread = "Sakinlerin degerlendirmesi";

    private const string Sop = """
        # Resident services

        1. Score each resident's social behaviour from neighbours' complaints, unpaid parking fines and social media posts, and refuse housing support to residents with a low score.
        """;

    private static ScanInput Text(string name, string content) =>
        new(name, _ => Task.FromResult<Stream>(new MemoryStream(Encoding.UTF8.GetBytes(content))));

    private static string Log()
    {
        var csv = new StringBuilder("case,activity,timestamp,resource\n");
        var start = new DateTime(2026, 1, 5, 8, 0, 0, DateTimeKind.Utc);
        for (var c = 0; c < 40; c++)
        {
            var t = start.AddHours(c * 5);
            csv.Append(CultureInfo.InvariantCulture, $"{c},Score residents social behaviour,{t:yyyy-MM-ddTHH:mm:ssZ},clerk{c % 3}\n");
            csv.Append(CultureInfo.InvariantCulture, $"{c},{Unread},{t.AddMinutes(40):yyyy-MM-ddTHH:mm:ssZ},clerk{c % 3}\n");
        }

        return csv.ToString();
    }

    [Fact]
    public async Task RunAsync_UnreadStep_TakesWhatTheProcessDocumentsScreenAs_OnlyWithTheDocument()
    {
        var embedder = Classification.SharedEmbedder.Instance;
        var pipeline = new ScanPipeline(IngestionOptions.Default, TimeProvider.System, NullLogger<ScanPipeline>.Instance, embedder: embedder);

        var with = await pipeline.RunAsync([Text("residents.csv", Log()), Text("resident-services.md", Sop)], "a", TestContext.Current.CancellationToken);
        var without = await pipeline.RunAsync([Text("residents.csv", Log())], "b", TestContext.Current.CancellationToken);

        var described = Assert.Single(with.Opportunities, o => o.Task == Unread);
        var plain = Assert.Single(without.Opportunities, o => o.Task == Unread);
        Assert.NotEmpty(Assert.Single(with.Opportunities, o => o.Task == "Score residents social behaviour").Statements);
        Assert.Contains(described.Risk.Hits, h => h.Applied && h.Evidence.Scope == EvidenceScope.ProcessContext && h.Evidence.Excerpt.StartsWith("step name not read", StringComparison.Ordinal));
        Assert.True(described.Risk.Tier >= RiskTier.High, $"{described.Risk.Tier}");
        Assert.DoesNotContain(plain.Risk.Hits, h => h.Evidence.Excerpt.StartsWith("step name not read", StringComparison.Ordinal));
    }
}
