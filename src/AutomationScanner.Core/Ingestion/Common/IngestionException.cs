using System.Globalization;
using System.Text;

namespace AutomationScanner.Core.Ingestion.Common;

/// <summary>An export that cannot be read at all; the message names the file and, where known, the line and field.</summary>
public sealed class IngestionException : Exception
{
    public IngestionException(string file, string problem, long? line = null, string? field = null, Exception? inner = null)
        : base(Describe(file, problem, line, field), inner)
    {
        File = file;
        Line = line;
        Field = field;
    }

    public IngestionException()
    {
        File = string.Empty;
    }

    public IngestionException(string message)
        : base(message)
    {
        File = string.Empty;
    }

    public IngestionException(string message, Exception innerException)
        : base(message, innerException)
    {
        File = string.Empty;
    }

    public string File { get; }

    public long? Line { get; }

    public string? Field { get; }

    private static string Describe(string file, string problem, long? line, string? field)
    {
        var where = new StringBuilder(file);
        if (line is not null)
        {
            where.Append(CultureInfo.InvariantCulture, $" line {line}");
        }

        if (field is not null)
        {
            where.Append(CultureInfo.InvariantCulture, $", field '{field}'");
        }

        return $"{where}: {problem}";
    }
}
