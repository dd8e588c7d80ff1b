using AutomationScanner.Cli;
using AutomationScanner.Cli.Commands;
using Spectre.Console;

StartupBench.BeginTraceIfAsked();

var console = AnsiConsole.Console;
if (Console.IsOutputRedirected)
{
    // Logs and pipes have no terminal width; 80 columns would fold every table.
    console.Profile.Width = 160;
}

var exitCode = await ScannerCli.Create(console).Parse(args).InvokeAsync();
StartupBench.EndTraceIfAsked();
return exitCode;
