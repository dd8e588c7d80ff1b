using System.Globalization;
using System.Text;
using AutomationScanner.Core.Classification;
using AutomationScanner.Core.Ingestion.Common;
using AutomationScanner.Core.Scanning;
using Microsoft.Extensions.Logging.Abstractions;

namespace AutomationScanner.Core.Tests.Scanning;

/// <summary>
/// Round 29: an uploaded log is untrusted, and an activity name is one of its cells. A name of tens of thousands of
/// characters keeps its first <see cref="ScanPipeline.MaxActivityNameLength"/> characters, its length and a hash of the
/// whole as its task name; every other task of the log is as it was.
/// </summary>
public sealed class ScanPipelineLongNameTests
{
    [Fact]
    public async Task RunAsync_AnActivityNameOfFiftyThousandCharacters_IsCutForItsTask_AndTwoSuchNamesStayTwoTasks()
    {
        var shared = string.Concat(Enumerable.Repeat("customers, ", 4600));
        var first = shared + "first";
        var second = shared + "second";
        var csv = new StringBuilder("case_id,activity,timestamp\n");
        for (var c = 0; c < 6; c++)
        {
            var start = new DateTime(2026, 3, 2, 9, 0, 0, DateTimeKind.Utc).AddDays(c);
            csv.Append(CultureInfo.InvariantCulture, $"c{c},Register the claim,{start:yyyy-MM-dd HH:mm:ss}\n");
            csv.Append(CultureInfo.InvariantCulture, $"c{c},\"{(c % 2 == 0 ? first : second)}\",{start.AddMinutes(20):yyyy-MM-dd HH:mm:ss}\n");
            csv.Append(CultureInfo.InvariantCulture, $"c{c},Pay the claim,{start.AddMinutes(45):yyyy-MM-dd HH:mm:ss}\n");
        }

        var path = Path.Combine(Path.GetTempPath(), $"long-names-{Guid.NewGuid():N}.csv");
        await File.WriteAllTextAsync(path, csv.ToString(), TestContext.Current.CancellationToken);
        try
        {
            var pipeline = new ScanPipeline(IngestionOptions.Default, TimeProvider.System, NullLogger<ScanPipeline>.Instance,
                suitability: new SuitabilityScorer(SuitabilityModel.LoadShipped(Classification.SharedEmbedder.Instance)));
            var report = await pipeline.RunAsync([ScanInput.FromFile(path, "claims.csv")], "long", TestContext.Current.CancellationToken);

            Assert.All(report.Inputs, i => Assert.True(i.Read, i.Name));
            var tasks = report.Opportunities.Select(o => o.Task).Concat(report.Context.Select(c => c.Task)).Distinct(StringComparer.Ordinal).ToList();
            Assert.Contains("Register the claim", tasks);
            Assert.Contains("Pay the claim", tasks);
            var cut = tasks.Where(t => t.StartsWith("customers, customers", StringComparison.Ordinal)).ToList();
            Assert.Equal(2, cut.Count);
            Assert.All(cut, t =>
            {
                Assert.True(t.Length < ScanPipeline.MaxActivityNameLength + 40, $"{t.Length} characters");
                Assert.Matches(@"… \[5060[56] characters, [0-9A-F]{8}\]$", t);
            });
            Assert.Contains(cut, t => t.EndsWith(string.Create(CultureInfo.InvariantCulture, $"[{first.Length} characters, {Hash(first)}]"), StringComparison.Ordinal));
            Assert.Contains(cut, t => t.EndsWith(string.Create(CultureInfo.InvariantCulture, $"[{second.Length} characters, {Hash(second)}]"), StringComparison.Ordinal));
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static string Hash(string text) => Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..8];
}
