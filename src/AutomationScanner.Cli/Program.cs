using AutomationScanner.Cli;
using Spectre.Console;

var console = AnsiConsole.Console;
if (Console.IsOutputRedirected)
{
    // Logs and pipes have no terminal width; 80 columns would fold every table.
    console.Profile.Width = 160;
}

return await ScannerCli.Create(console).Parse(args).InvokeAsync();
