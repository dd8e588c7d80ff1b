using AutomationScanner.Functions.Tests.Infrastructure;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace AutomationScanner.Functions.Tests;

/// <summary>Bad settings stop the worker's composition at start (ValidateOnStart), before it takes any work.</summary>
public sealed class StartupTests(ScannerEnvironment env)
{
    [Fact]
    public async Task StartAsync_NoStorageConnection_FailsNamingTheSettings()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = [], DisableDefaults = true });
        builder.AddScannerFunctions();
        using var sut = builder.Build();

        var failure = await Assert.ThrowsAsync<OptionsValidationException>(() => sut.StartAsync(TestContext.Current.CancellationToken));

        Assert.Contains("ScannerStorage__blobServiceUri", failure.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ScanScheduling:CoalesceDelay=2.00:00:00", "CoalesceDelay")]
    [InlineData("ScanFanOut:MaxPartsPerExport=0", "MaxPartsPerExport")]
    [InlineData("ScanFanOut:PartBytes=1000", "PartBytes")]
    public async Task StartAsync_SettingOutOfRange_FailsNamingIt(string setting, string name)
    {
        var failure = await Assert.ThrowsAsync<OptionsValidationException>(() => ScannerEnvironment.StartAppAsync(env.ConnectionString, setting));

        Assert.Contains(name, failure.Message, StringComparison.Ordinal);
    }
}

