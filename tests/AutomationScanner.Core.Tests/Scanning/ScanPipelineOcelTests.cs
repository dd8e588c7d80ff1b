using System.Text;
using System.Text.Json;
using AutomationScanner.Core.Ingestion.Common;
using AutomationScanner.Core.Reporting;
using AutomationScanner.Core.Scanning;
using AutomationScanner.Core.Tests.Ingestion.Ocel;
using Microsoft.Extensions.Logging.Abstractions;

namespace AutomationScanner.Core.Tests.Scanning;

public sealed class ScanPipelineOcelTests
{
    private const string AnnexIII4a = "EU AI Act Annex III point 4(a)";

    [Fact]
    public async Task RunAsync_RecruitingOcel_ScreeningAndRejectionAreHighRiskUnderAnnexIII4a()
    {
        var sut = new ScanPipeline(IngestionOptions.Default, TimeProvider.System, NullLogger<ScanPipeline>.Instance);

        var report = await sut.RunAsync([ScanInput.FromFile(OcelLogs.Ocel("recruiting-red.jsonocel.gz"))], "t", TestContext.Current.CancellationToken);

        // Read back from the written report, as a consultant's tooling would.
        using var written = new MemoryStream();
        await ReportJson.WriteAsync(report, written, TestContext.Current.CancellationToken);
        using var json = JsonDocument.Parse(written.ToArray());
        var opportunities = json.RootElement.GetProperty("opportunities").EnumerateArray()
            .Where(o => o.GetProperty("process").GetString() == "recruiting-red/applications").ToList();
        foreach (var task in new[] { "first screening", "send rejection" })
        {
            var risk = opportunities.Single(o => o.GetProperty("task").GetString() == task).GetProperty("risk");
            Assert.Equal("high", risk.GetProperty("tier").GetString());
            Assert.Contains(risk.GetProperty("hits").EnumerateArray(), h => h.GetProperty("applied").GetBoolean() && h.GetProperty("clause").GetString() == AnnexIII4a);
        }

        var process = json.RootElement.GetProperty("processes").EnumerateArray().Single(p => p.GetProperty("process").GetString() == "recruiting-red/applications");
        Assert.Equal("applications", process.GetProperty("objectCentric").GetProperty("objectType").GetString());
        Assert.Contains("recruiting-red/applications: Object-centric log (OCEL 1.0 JSON) flattened on 'applications'", MarkdownReportWriter.Render(report), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_PurchaseToPayOcel_NoEmploymentFindingFromTheContext()
    {
        var sut = new ScanPipeline(IngestionOptions.Default, TimeProvider.System, NullLogger<ScanPipeline>.Instance);

        var report = await sut.RunAsync([ScanInput.FromFile(OcelLogs.Ocel("ocel20_example.jsonocel"))], "t", TestContext.Current.CancellationToken);

        Assert.Equal(4, report.Processes.Count);
        Assert.NotEmpty(report.Opportunities);
        Assert.DoesNotContain(report.Opportunities, o => o.Risk.Hits.Any(h => h.Clause.StartsWith("EU AI Act Annex III point 4", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task RunAsync_OneBrokenOcelFile_OtherExportsStillScanned()
    {
        var sut = new ScanPipeline(IngestionOptions.Default, TimeProvider.System, NullLogger<ScanPipeline>.Instance);
        ScanInput broken = new("broken.jsonocel", _ => Task.FromResult<Stream>(new MemoryStream(Encoding.UTF8.GetBytes("{ \"events\": [ {"))));

        var report = await sut.RunAsync([broken, ScanInput.FromFile(OcelLogs.Ocel("ocel20_example.sqlite"))], "t", TestContext.Current.CancellationToken);

        var failed = report.Inputs.Single(i => i.Name == "broken.jsonocel");
        Assert.False(failed.Read);
        Assert.StartsWith("broken.jsonocel: ", failed.Error, StringComparison.Ordinal);
        Assert.True(report.Inputs.Single(i => i.Name == "ocel20_example.sqlite").Read);
        Assert.Contains(report.Opportunities, o => o.Process == "ocel20_example/Invoice");
    }
}
