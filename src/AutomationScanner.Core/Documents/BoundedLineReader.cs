using System.Text;

namespace AutomationScanner.Core.Documents;

/// <summary>Reads lines within the document's character budget; a line longer than the block cap is cut, so a file without line breaks stays bounded.</summary>
internal static class BoundedLineReader
{
    public static IEnumerable<(int Line, string Text)> Read(TextReader reader, CharacterBudget budget, int maxLineCharacters, CancellationToken cancellationToken)
    {
        var buffer = new char[16 * 1024];
        var line = new StringBuilder();
        var lineNumber = 1;
        int read;
        while ((read = reader.Read(buffer, 0, Math.Min(buffer.Length, Math.Max(1, budget.Remaining)))) > 0)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var allowed = budget.Consume(read);
            for (var i = 0; i < allowed; i++)
            {
                var c = buffer[i];
                if (c == '\n')
                {
                    yield return (lineNumber++, line.ToString());
                    line.Clear();
                }
                else if (c != '\r' && line.Length < maxLineCharacters)
                {
                    line.Append(c);
                }
            }

            if (budget.Exhausted)
            {
                break;
            }
        }

        if (line.Length > 0)
        {
            yield return (lineNumber, line.ToString());
        }
    }
}
