using AutomationScanner.Core.Model;

namespace AutomationScanner.Core.Tests.Mining;

/// <summary>The hand-labelled kinds of the shipped real logs (TestData/kinds/activity-kinds.tsv).</summary>
internal static class ActivityKindFixture
{
    public static string Path => System.IO.Path.Combine(AppContext.BaseDirectory, "TestData", "kinds", "activity-kinds.tsv");

    /// <summary>Log family to its files (full paths).</summary>
    public static IReadOnlyDictionary<string, string[]> Files { get; } = Load().Files;

    /// <summary>(family, activity) to kind.</summary>
    public static IReadOnlyDictionary<(string Family, string Activity), ActivityKind> Labels { get; } = Load().Labels;

    public static string FileOf(string relative) => relative.StartsWith("samples/", StringComparison.Ordinal)
        ? TestFiles.Sample(relative["samples/".Length..])
        : TestFiles.EventLog(relative);

    private static (Dictionary<string, string[]> Files, Dictionary<(string, string), ActivityKind> Labels) Load()
    {
        var files = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var labels = new Dictionary<(string, string), ActivityKind>();
        foreach (var line in File.ReadLines(Path))
        {
            var cells = line.Split('\t');
            if (line.StartsWith("#files", StringComparison.Ordinal))
            {
                files[cells[1]] = [.. cells.Skip(2).Select(FileOf)];
            }
            else if (!line.StartsWith('#') && cells.Length == 3)
            {
                labels[(cells[0], cells[1])] = Enum.Parse<ActivityKind>(cells[2], ignoreCase: true);
            }
        }

        return (files, labels);
    }
}
