using System.CommandLine;
using AutomationScanner.Cli.Commands;
using Spectre.Console.Testing;

namespace AutomationScanner.Cli.Tests.Commands;

/// <summary>
/// <c>scanner train</c> and <c>scanner evaluate</c> in the Native AOT build (no ML.NET): any arguments, a message that
/// names the JIT build to use, and a non-zero exit.
/// </summary>
public sealed class TrainingUnavailableCommandTests
{
    [Theory]
    [InlineData("train", "train --labels data/labels.tsv --folds 5 -o model.bin")]
    [InlineData("evaluate", "evaluate --labels x.tsv --bench")]
    public async Task Invoke_AnyArguments_SaysToUseTheJitBuildAndFails(string name, string line)
    {
        var console = new TestConsole().Width(300);
        var root = new RootCommand { TrainingUnavailableCommand.Create(console, name, "Does ML.NET work") };

        var exit = await root.Parse(line).InvokeAsync(cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(TrainingUnavailableCommand.ExitCode, exit);
        Assert.Contains($"`scanner {name}` uses ML.NET", console.Output, StringComparison.Ordinal);
        Assert.Contains($"dotnet run --project src/AutomationScanner.Cli -c Release -- {name}", console.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void ScannerCli_JitBuild_HasTheRealTrainAndEvaluateCommands()
    {
        var root = ScannerCli.Create(new TestConsole());

        Assert.Contains(root.Subcommands.Single(c => c.Name == "train").Options, o => o.Name == "--labels");
        Assert.Contains(root.Subcommands.Single(c => c.Name == "evaluate").Options, o => o.Name == "--labels");
    }
}
