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
    [InlineData("Scoring:Value:HourlyCost=-5", "Scoring:Value:HourlyCost")]
    [InlineData("Scoring:Ranking:HighRiskMultiplier=1.5", "Scoring:Ranking:HighRiskMultiplier")]
    [InlineData("Ingestion:TimeZone=Mars/Olympus_Mons", "Ingestion:TimeZone")]
    public async Task StartAsync_SettingOutOfRange_FailsNamingIt(string setting, string name)
    {
        var failure = await Assert.ThrowsAsync<OptionsValidationException>(() => ScannerEnvironment.StartAppAsync(env.ConnectionString, setting));

        Assert.Contains(name, failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Composition_DoesNotShipTraining()
    {
        // The test output holds everything the Functions app references, transitively: no trainer, no LightGBM.
        var shipped = Directory.GetFiles(AppContext.BaseDirectory, "*.dll").Select(Path.GetFileName).ToList();

        Assert.Contains("AutomationScanner.Core.dll", shipped);
        Assert.DoesNotContain("AutomationScanner.Training.dll", shipped);
        Assert.DoesNotContain("Microsoft.ML.LightGbm.dll", shipped);
        Assert.DoesNotContain("Microsoft.ML.FastTree.dll", shipped);
        Assert.False(File.Exists(Path.Combine(AppContext.BaseDirectory, "runtimes", "linux-x64", "native", "lib_lightgbm.so")));
    }
}
