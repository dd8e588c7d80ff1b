using System.Text;
using AutomationScanner.Core.Classification;
using AutomationScanner.Core.Ingestion.Common;
using AutomationScanner.Core.Scanning;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace AutomationScanner.Azure.Tests;

public sealed class SuitabilityWiringTests
{
    [Fact]
    public async Task AddScanner_PipelineFromContainer_EveryOpportunityCarriesTheShippedModelsAssessment()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["AssessmentCache:Path"] = Path.Combine(Path.GetTempPath(), "as-wiring-" + Guid.NewGuid().ToString("N")) });
        builder.AddScanner();
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton(IngestionOptions.Default);
        builder.Services.AddSingleton<ScanPipeline>();
        using var host = builder.Build();
        const string log = """
            case,activity,timestamp,resource
            1,Enter invoice data,2024-01-02T09:00:00Z,clerk-a
            1,Approve invoice,2024-01-02T10:00:00Z,manager-b
            2,Enter invoice data,2024-01-03T09:00:00Z,clerk-a
            2,Approve invoice,2024-01-03T11:00:00Z,manager-b
            """;
        var input = new ScanInput("invoices.csv", _ => Task.FromResult<Stream>(new MemoryStream(Encoding.UTF8.GetBytes(log))));

        Assert.NotNull(host.Services.GetService<SuitabilityScorer>());
        var report = await host.Services.GetRequiredService<ScanPipeline>().RunAsync([input], cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(2, report.Opportunities.Count);
        Assert.All(report.Opportunities, o =>
        {
            Assert.NotNull(o.SuitabilityAssessment);
            Assert.Equal(o.SuitabilityAssessment.Score, o.Suitability, 9);
        });
    }

    [Fact]
    public async Task AddScanner_ScoringSection_ValueAssumptionsReachTheReport()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["AssessmentCache:Path"] = Path.Combine(Path.GetTempPath(), "as-wiring-" + Guid.NewGuid().ToString("N")),
            ["Scoring:Value:HourlyCost"] = "80",
            ["Scoring:Value:Currency"] = "USD",
            ["Scoring:PseudonymKey"] = "engagement-secret",
        });
        builder.AddScanner();
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton(IngestionOptions.Default);
        builder.Services.AddSingleton<ScanPipeline>();
        using var host = builder.Build();
        var input = new ScanInput("invoices.csv", _ => Task.FromResult<Stream>(new MemoryStream(Encoding.UTF8.GetBytes(
            "case,activity,timestamp\n1,Enter invoice data,2024-01-02T09:00:00Z\n1,Approve invoice,2024-01-02T10:00:00Z\n"))));

        var report = await host.Services.GetRequiredService<ScanPipeline>().RunAsync([input], cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal("engagement-secret", host.Services.GetRequiredService<ScoringOptions>().PseudonymKey);
        Assert.Equal(80, report.ValueAssumptions.HourlyCost);
        Assert.Equal("USD", report.ValueAssumptions.Currency);
        Assert.All(report.Opportunities, o => Assert.Equal(o.Value.BenefitHours.P50 * 80, o.Value.Money.P50, 6));
    }
}
