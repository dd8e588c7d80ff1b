using AutomationScanner.Cli;
using AutomationScanner.Core.Diagnostics;
using Spectre.Console;

PhaseTrace.BeginIfAsked();

var console = AnsiConsole.Console;
if (Console.IsOutputRedirected)
{
    // Logs and pipes have no terminal width; 80 columns would fold every table.
    console.Profile.Width = 160;
}

var exitCode = await ScannerCli.Create(console).Parse(args).InvokeAsync();
PhaseTrace.EndIfAsked();
return exitCode;
