using System.Text;
using AutomationScanner.Core.Ethics;
using AutomationScanner.Core.Ingestion;
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

        Assert.Contains(report.Processes, p => p.Process == "recruiting-red/applications" && p.ObjectCentric!.ObjectType == "applications");
        foreach (var task in new[] { "first screening", "send rejection" })
        {
            var opportunity = report.Opportunities.Single(o => o.Process == "recruiting-red/applications" && o.Task == task);
            Assert.Equal(RiskTier.High, opportunity.Risk.Tier);
            Assert.Contains(opportunity.Risk.Hits, h => h.Applied && h.Clause == AnnexIII4a);
        }
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
