using System.IO.Compression;
using System.Text;
using AutomationScanner.Core.Ingestion;
using AutomationScanner.Core.Mining;
using AutomationScanner.Core.Model;

namespace AutomationScanner.Core.Tests;

/// <summary>Paths of shipped data files and helpers to mine inline inputs.</summary>
internal static class TestFiles
{
    public static string EventLog(string name) => Path.Combine(AppContext.BaseDirectory, "TestData", "eventlogs", name);

    public static string Sample(string name) => Path.Combine(AppContext.BaseDirectory, "TestData", "samples", name);

    public static MinedProcess MineFile(string path, IngestionOptions? options = null)
    {
        using var stream = File.OpenRead(path);
        return EventLogReader.Mine(Path.GetFileName(path), stream, options, TestContext.Current.CancellationToken);
    }

    public static MinedProcess MineText(string name, string content, IngestionOptions? options = null, Encoding? encoding = null)
    {
        var bytes = (encoding ?? new UTF8Encoding(false)).GetPreamble().Concat((encoding ?? new UTF8Encoding(false)).GetBytes(content)).ToArray();
        return EventLogReader.Mine(name, new MemoryStream(bytes), options, TestContext.Current.CancellationToken);
    }

    /// <summary>The decompressed bytes of a shipped log.</summary>
    public static byte[] ReadAll(string path)
    {
        using var file = File.OpenRead(path);
        using Stream content = path.EndsWith(".gz", StringComparison.Ordinal) ? new GZipStream(file, CompressionMode.Decompress) : file;
        using var buffer = new MemoryStream();
        content.CopyTo(buffer);
        return buffer.ToArray();
    }

    public static ActivityStatistics Activity(this MinedProcess mined, string name) => mined.Activities.Single(a => a.Activity == name);
}
