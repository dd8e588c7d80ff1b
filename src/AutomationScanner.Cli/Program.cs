using AutomationScanner.Cli;
using Spectre.Console;

return await ScannerCli.Create(AnsiConsole.Console).Parse(args).InvokeAsync();
