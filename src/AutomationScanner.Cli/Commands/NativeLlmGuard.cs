using System.Runtime.CompilerServices;
using Spectre.Console;

namespace AutomationScanner.Cli.Commands;

/// <summary>
/// The Native AOT scanner cannot call Azure OpenAI: the Azure.AI.OpenAI client serialises part of each request with
/// reflection-based JSON, which a native build does not have, so every task would fall back to ML-only with an unclear
/// reason. A scan with the LLM configured is refused up front there instead, naming the two ways out.
/// </summary>
public static class NativeLlmGuard
{
    /// <summary>The exit code, printed reason included, when the LLM is configured and this build cannot call it; else null.</summary>
    public static int? Check(IAnsiConsole console, bool llmConfigured, bool dynamicCodeSupported)
    {
        ArgumentNullException.ThrowIfNull(console);
        if (!llmConfigured || dynamicCodeSupported)
        {
            return null;
        }

        console.MarkupLine(
            "[red]error:[/] the Native AOT build of the scanner cannot call Azure OpenAI (its client needs reflection-based JSON, " +
            "which this build leaves out). Scan with --no-llm, or run the JIT build: dotnet run --project src/AutomationScanner.Cli -c Release -- scan ...");
        return TrainingUnavailableCommand.ExitCode;
    }

    /// <summary><see cref="Check(IAnsiConsole, bool, bool)"/> for this process.</summary>
    public static int? Check(IAnsiConsole console, bool llmConfigured) =>
        Check(console, llmConfigured, RuntimeFeature.IsDynamicCodeSupported);
}
