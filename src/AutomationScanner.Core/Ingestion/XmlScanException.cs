namespace AutomationScanner.Core.Ingestion;

/// <summary>A markup problem with the line it was found on.</summary>
internal sealed class XmlScanException(string message, long line) : Exception(message)
{
    public long Line { get; } = line;
}
