using System.Text;
using System.Text.Json;
using AutomationScanner.Core.Ingestion.Common;
using AutomationScanner.Functions.Scanning;
using AutomationScanner.Functions.Tests.Infrastructure;
using AutomationScanner.Functions.Triggers;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace AutomationScanner.Functions.Tests.Scanning;

/// <summary>
/// Input limits come from the app's configuration (section <c>Limits</c>, app settings <c>Limits__...</c>), through the
/// worker's own composition root: a configured value changes what a scan reads, a bad one stops the worker at start.
/// </summary>
public sealed class LimitsConfigurationTests(ScannerEnvironment env)
{
    [Fact]
    public async Task RunScan_MaxColumnsConfigured_RefusesAWiderExportThatTheDefaultsRead()
    {
        var ct = TestContext.Current.CancellationToken;
        var csv = new StringBuilder("case,activity,timestamp,resource,amount\n");
        for (var i = 0; i < 30; i++)
        {
            csv.Append(System.Globalization.CultureInfo.InvariantCulture, $"c{i % 5},Step {i % 3},2024-01-{1 + (i % 28):00}T10:00:00Z,r{i % 2},{i}\n");
        }

        var defaults = ScannerEnvironment.NewEngagement("limdef");
        var limited = ScannerEnvironment.NewEngagement("limcfg");
        await env.UploadTextAsync(defaults, "wide.csv", csv.ToString());
        await env.UploadTextAsync(limited, "wide.csv", csv.ToString());

        // The worker with its defaults reads the file.
        await env.RunScanAsync(ScannerEnvironment.Request(defaults));
        Assert.True(Assert.Single((await env.LatestAsync(defaults))!.Inputs).Read);

        // The same composition with Limits__MaxColumns=4 refuses it, naming the file and the limit.
        var (app, http) = await ScannerEnvironment.StartAppAsync(env.ConnectionString, "Limits:MaxColumns=4", "Limits:Documents:MaxPartCharacters=2048");
        await using var _ = app;
        using var __ = http;
        var options = app.Services.GetRequiredService<IngestionOptions>();
        Assert.Equal(4, options.Limits.MaxColumns);
        Assert.Equal(2048, options.Documents.MaxPartCharacters);
        await using var durable = await ScannerEnvironment.StartDurableAsync(app.Services);
        var triggers = ActivatorUtilities.CreateInstance<TriggerFunctions>(app.Services);
        var message = ScannerEnvironment.Request(limited);
        await triggers.RunScanAsync(message, durable.Client, ct);
        var id = ScanOrchestration.InstanceId(AutomationScanner.Azure.Storage.ScanRequest.Parse(JsonDocument.Parse(message).RootElement));
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(TimeSpan.FromMinutes(3));
        var run = await durable.Client.WaitForInstanceCompletionAsync(id, getInputsAndOutputs: true, timeout.Token);

        Assert.Equal(OrchestrationRuntimeStatus.Completed, run.RuntimeStatus);
        var input = Assert.Single((await env.LatestAsync(limited))!.Inputs);
        Assert.False(input.Read);
        Assert.Contains("wide.csv", input.Error!, StringComparison.Ordinal);
        Assert.Contains("MaxColumns", input.Error!, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Limits:MaxColumns=1", "MaxColumns")]
    [InlineData("Limits:MaxXmlDepth=100000", "MaxXmlDepth")]
    [InlineData("Limits:MaxEventPerCase=10", "Limits:MaxEventPerCase")]
    [InlineData("Limits:Documents:MaxXmlDepth=2", "MaxXmlDepth")]
    [InlineData("Limits:MaxCompressionRatio=abc", "MaxCompressionRatio")]
    public async Task StartAsync_BadLimit_FailsNamingIt(string setting, string name)
    {
        var failure = await Assert.ThrowsAnyAsync<Exception>(() => ScannerEnvironment.StartAppAsync(env.ConnectionString, setting));

        Assert.True(failure is OptionsValidationException or InvalidOperationException, failure.GetType().Name);
        Assert.Contains(name, failure.Message, StringComparison.Ordinal);
    }
}
