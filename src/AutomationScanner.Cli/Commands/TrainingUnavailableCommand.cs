using System.CommandLine;
using Spectre.Console;

namespace AutomationScanner.Cli.Commands;

/// <summary>
/// <c>scanner train</c> and <c>scanner evaluate</c> in the Native AOT build, which leaves out ML.NET (not AOT-compatible):
/// they take any arguments and say to run the JIT build instead, with exit code <see cref="ExitCode"/>.
/// </summary>
public static class TrainingUnavailableCommand
{
    /// <summary>Exit code of a command this build does not have.</summary>
    public const int ExitCode = 3;

    public static Command Create(IAnsiConsole console, string name, string description)
    {
        ArgumentNullException.ThrowIfNull(console);
        var rest = new Argument<string[]>("arguments") { Arity = ArgumentArity.ZeroOrMore };
        var command = new Command(name, description + " (not in this native build: use the JIT build)") { rest };
        command.TreatUnmatchedTokensAsErrors = false;
        command.SetAction(_ =>
        {
            console.MarkupLineInterpolated(
                $"[red]error:[/] `scanner {name}` uses ML.NET, which this Native AOT build of the scanner leaves out; run it from the JIT build: dotnet run --project src/AutomationScanner.Cli -c Release -- {name} ...");
            return ExitCode;
        });
        return command;
    }
}
