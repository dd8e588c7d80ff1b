using System.Text.RegularExpressions;
using Spectre.Console.Testing;

namespace AutomationScanner.Cli.Tests;

/// <summary>
/// The README cannot drift from the code: its option table is the scan command's options, its layout names every
/// project of the solution (and nothing that is not there), and its quick-start scan runs as written. README.md,
/// the solution, global.json and package.json are copied next to the tests (TestData/repo).
/// </summary>
public sealed partial class ReadmeTests : IDisposable
{
    private static readonly string Repo = Path.Combine(AppContext.BaseDirectory, "TestData", "repo");
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "scanner-readme", Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_dir))
        {
            Directory.Delete(_dir, recursive: true);
        }
    }

    [Fact]
    public void OptionTable_ListsEveryScanOptionAndNoOther()
    {
        var table = Section("## Configuration (`scanner scan`)")
            .SkipWhile(line => !line.StartsWith("| Option |", StringComparison.Ordinal))
            .Skip(2) // header and rule
            .TakeWhile(line => line.StartsWith('|'))
            .Select(line => line.Split('|')[1])
            .SelectMany(cell => CodeSpan().Matches(cell).Select(m => m.Groups[1].Value))
            .ToList();
        var scan = ScannerCli.Create(new TestConsole()).Subcommands.Single(c => c.Name == "scan");
        var options = scan.Options.Where(o => !o.Hidden && o.Name is not ("--help" or "--version")).ToList();
        var cli = options.Select(o => o.Name).Concat(scan.Arguments.Select(a => a.Name)).ToHashSet(StringComparer.Ordinal);
        var aliases = options.SelectMany(o => o.Aliases).ToHashSet(StringComparer.Ordinal);

        Assert.Empty(cli.Except(table, StringComparer.Ordinal));                              // every option is in the table
        Assert.Empty(table.Except(cli, StringComparer.Ordinal).Except(aliases, StringComparer.Ordinal)); // the table lists nothing else
        Assert.Equal(table.Count, table.Distinct(StringComparer.Ordinal).Count());
    }

    /// <summary>The error messages name each key's flag (<see cref="Program.Flags"/>): every one is a real scan option.</summary>
    [Fact]
    public void FlagsOfConfigurationKeys_AreScanOptions()
    {
        var scan = ScannerCli.Create(new TestConsole()).Subcommands.Single(c => c.Name == "scan");
        var names = scan.Options.Select(o => o.Name).ToHashSet(StringComparer.Ordinal);

        Assert.All(Program.Flags, flag => Assert.Contains(flag.Flag, names));
        Assert.Equal(Program.Flags.Count, Program.Flags.Select(f => f.Key).Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void Layout_NamesEveryProjectOfTheSolutionAndNoOther()
    {
        var solution = SolutionProjects();
        var layout = Fenced(Section("## Layout"))
            .Select(line => line.Split(' ', 2)[0].TrimEnd('/'))
            .Where(entry => entry.StartsWith("src/", StringComparison.Ordinal) || entry.StartsWith("tools/", StringComparison.Ordinal) || entry.StartsWith("tests/", StringComparison.Ordinal))
            .ToList();
        var patterns = layout.Select(entry => new Regex("^" + Regex.Escape(entry).Replace(@"\*", "[^/]+", StringComparison.Ordinal) + "$", RegexOptions.CultureInvariant)).ToList();

        Assert.NotEmpty(solution);
        Assert.All(solution, project => Assert.True(patterns.Any(p => p.IsMatch(project)), $"{project} is in the solution but not in the README's layout"));
        Assert.All(layout.Zip(patterns), entry => Assert.True(solution.Any(entry.Second.IsMatch), $"{entry.First} is in the README's layout but not in the solution"));

        // The test projects mirror src and tools: each tests one project the layout names.
        var tested = solution.Where(p => p.StartsWith("tests/", StringComparison.Ordinal) && p.EndsWith(".Tests", StringComparison.Ordinal))
            .Select(p => Path.GetFileName(p)[..^".Tests".Length]);
        Assert.All(tested, name => Assert.Contains(solution, p => !p.StartsWith("tests/", StringComparison.Ordinal) && Path.GetFileName(p) == name));
    }

    /// <summary>Quick start 1 runs as written (in-process, from the repository root: samples/ in, scan-output/ out).</summary>
    [Fact]
    public async Task QuickStart_ScanCommand_RunsAndWritesTheReportsItNames()
    {
        var commands = Fenced(Section("## Quick start")).Where(line => !line.StartsWith('#') && line.Length > 0).ToList();
        var scan = Assert.Single(commands, c => c.StartsWith("dotnet run ", StringComparison.Ordinal));
        var match = DotnetRun().Match(scan);
        Assert.True(match.Success, scan);
        Assert.Equal("src/AutomationScanner.Cli", match.Groups["project"].Value);
        Assert.Contains(match.Groups["project"].Value, SolutionProjects());

        // Relative paths are the repository's: samples/ is copied next to the tests, the output goes to a temporary folder.
        var args = match.Groups["args"].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(a => a switch
            {
                "samples" => Path.Combine(AppContext.BaseDirectory, "TestData", "samples"),
                "scan-output" => _dir,
                _ => a,
            })
            .ToArray();
        var console = new TestConsole().Width(200);
        var exit = await ScannerCli.Create(console).Parse(args).InvokeAsync(cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(0, exit);
        var promised = Section("## Quick start").Single(line => line.StartsWith("The scan prints", StringComparison.Ordinal));
        var files = CodeSpan().Matches(promised).Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(new[] { "scan-output/opportunities.json", "scan-output/opportunities.csv" }, files);
        Assert.All(files, file => Assert.True(File.Exists(Path.Combine(_dir, Path.GetFileName(file))), file));
    }

    /// <summary>Quick start 2 (<c>npm ci &amp;&amp; dotnet test</c>): npm installs Azurite, and dotnet test runs on Microsoft.Testing.Platform.</summary>
    [Fact]
    public void QuickStart_TestCommand_HasWhatItNeeds()
    {
        var commands = Fenced(Section("## Quick start")).Where(line => !line.StartsWith('#') && line.Length > 0).ToList();

        Assert.Contains("npm ci && dotnet test", commands);
        Assert.Contains("\"azurite\"", File.ReadAllText(Path.Combine(Repo, "package.json")), StringComparison.Ordinal);
        Assert.Contains("\"Microsoft.Testing.Platform\"", File.ReadAllText(Path.Combine(Repo, "global.json")), StringComparison.Ordinal);
    }

    /// <summary>The folders of the solution's projects, e.g. <c>src/AutomationScanner.Cli</c>.</summary>
    private static List<string> SolutionProjects() => File.ReadAllLines(Path.Combine(Repo, "AutomationScanner.sln"))
        .Select(line => SolutionProject().Match(line))
        .Where(m => m.Success)
        .Select(m => Path.GetDirectoryName(m.Groups[1].Value.Replace('\\', '/'))!)
        .ToList();

    /// <summary>The lines of a README section, from its heading to the next heading of the same or a higher level.</summary>
    private static List<string> Section(string heading)
    {
        var lines = File.ReadAllLines(Path.Combine(Repo, "README.md"));
        var start = Array.IndexOf(lines, heading);
        Assert.True(start >= 0, $"README has no '{heading}'");
        var level = heading.IndexOf(' ', StringComparison.Ordinal);
        var inFence = false;
        var section = new List<string>();
        foreach (var line in lines.Skip(start + 1))
        {
            inFence ^= line.StartsWith("```", StringComparison.Ordinal);
            if (!inFence && line.StartsWith('#') && line.IndexOf(' ', StringComparison.Ordinal) is var hashes && hashes > 0 && hashes <= level && line[..hashes].All(c => c == '#'))
            {
                break;
            }

            section.Add(line);
        }

        return section;
    }

    /// <summary>The lines inside the section's fenced code blocks, trimmed.</summary>
    private static IEnumerable<string> Fenced(List<string> section)
    {
        var inFence = false;
        foreach (var line in section)
        {
            if (line.StartsWith("```", StringComparison.Ordinal))
            {
                inFence = !inFence;
            }
            else if (inFence)
            {
                yield return line.Trim();
            }
        }
    }

    [GeneratedRegex("`([^`]+)`")]
    private static partial Regex CodeSpan();

    [GeneratedRegex(@"^Project\(""\{[0-9A-F-]+\}""\) = ""[^""]+"", ""([^""]+\.csproj)""", RegexOptions.IgnoreCase)]
    private static partial Regex SolutionProject();

    [GeneratedRegex(@"^dotnet run --project (?<project>\S+) -c Release -- (?<args>.+)$")]
    private static partial Regex DotnetRun();
}
