using AutomationScanner.Functions.Tests.Infrastructure;
using Microsoft.Extensions.Options;

namespace AutomationScanner.Functions.Tests;

/// <summary>Bad settings stop the handler at start (ValidateOnStart), before the host hands it any work.</summary>
public sealed class HandlerStartupTests(ScannerEnvironment env)
{
    [Fact]
    public async Task StartAsync_NoStorageConnection_FailsNamingTheSettings()
    {
        await using var sut = ScannerHandler.Build(["--urls=http://127.0.0.1:0"]);

        var failure = await Assert.ThrowsAsync<OptionsValidationException>(() => sut.StartAsync(TestContext.Current.CancellationToken));

        Assert.Contains("ScannerStorage__blobServiceUri", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StartAsync_CoalesceDelayOverADay_Fails()
    {
        var failure = await Assert.ThrowsAsync<OptionsValidationException>(() =>
            ScannerEnvironment.StartHandlerAsync(env.ConnectionString, "ScanScheduling:CoalesceDelay=2.00:00:00"));

        Assert.Contains("CoalesceDelay", failure.Message, StringComparison.Ordinal);
    }
}
