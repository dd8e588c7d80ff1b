using System.CommandLine;
using AutomationScanner.Cli.Commands;
using Spectre.Console;

namespace AutomationScanner.Cli;

/// <summary>The `scanner` command line: one sub-command per job, all writing through one console.</summary>
public static class ScannerCli
{
    public static RootCommand Create(IAnsiConsole console)
    {
        var root = new RootCommand("AutomationScanner: ranks the tasks in process exports by automation potential, value and risk.");
        root.Subcommands.Add(ScanCommand.Create(console));
#if SCANNER_NATIVE_AOT
        root.Subcommands.Add(TrainingUnavailableCommand.Create(console, "train", "Train the automation-suitability model"));
        root.Subcommands.Add(TrainingUnavailableCommand.Create(console, "evaluate", "Evaluate the automation-suitability model"));
#else
        root.Subcommands.Add(TrainCommand.Create(console));
        root.Subcommands.Add(EvaluateCommand.Create(console));
#endif
        root.Subcommands.Add(UploadCommand.Create(console));
        root.Subcommands.Add(DownloadCommand.Create(console));
        root.Subcommands.Add(MarkCommand.Create(console));
        return root;
    }
}
