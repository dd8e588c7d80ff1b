using AutomationScanner.Cli.Commands;
using Spectre.Console.Testing;

namespace AutomationScanner.Cli.Tests.Commands;

/// <summary>
/// A scan with Azure OpenAI configured in the Native AOT build (no reflection-based JSON, so the client cannot send a
/// request) is refused with the two ways out; with the LLM off, or in the JIT build, nothing is said and the scan runs.
/// </summary>
public sealed class NativeLlmGuardTests
{
    [Fact]
    public void Check_LlmConfiguredWithoutDynamicCode_RefusesNamingNoLlmAndTheJitBuild()
    {
        var console = new TestConsole().Width(400);

        var exit = NativeLlmGuard.Check(console, llmConfigured: true, dynamicCodeSupported: false);

        Assert.Equal(TrainingUnavailableCommand.ExitCode, exit);
        Assert.Contains("cannot call Azure OpenAI", console.Output, StringComparison.Ordinal);
        Assert.Contains("--no-llm", console.Output, StringComparison.Ordinal);
        Assert.Contains("dotnet run --project src/AutomationScanner.Cli", console.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(false, false)]
    [InlineData(true, true)]
    [InlineData(false, true)]
    public void Check_LlmOffOrJitBuild_LetsTheScanRunSilently(bool llmConfigured, bool dynamicCodeSupported)
    {
        var console = new TestConsole();

        Assert.Null(NativeLlmGuard.Check(console, llmConfigured, dynamicCodeSupported));
        Assert.Empty(console.Output);
    }

    [Fact]
    public void Check_ThisTestProcess_IsTheJitBuildAndNeverRefuses()
    {
        var console = new TestConsole();

        Assert.Null(NativeLlmGuard.Check(console, llmConfigured: true));
    }
}
