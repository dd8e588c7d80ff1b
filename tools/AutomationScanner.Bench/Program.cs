using AutomationScanner.Bench;
using Spectre.Console;

var console = AnsiConsole.Console;
if (Console.IsOutputRedirected)
{
    console.Profile.Width = 160;
}

return await BenchCommand.CreateRoot(console).Parse(args).InvokeAsync();
