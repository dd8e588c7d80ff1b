using UglyToad.PdfPig;
using UglyToad.PdfPig.DocumentLayoutAnalysis.TextExtractor;

namespace AutomationScanner.Core.Documents;

/// <summary>Reads a PDF page by page (PdfPig parses pages on demand), in content order, line by line.</summary>
internal static class PdfBlockReader
{
    public static IEnumerable<DocumentBlock> Read(Stream stream, CharacterBudget budget, int maxBlockCharacters, List<int> emptyPages, CancellationToken cancellationToken)
    {
        using var pdf = PdfDocument.Open(stream);
        for (var pageNumber = 1; pageNumber <= pdf.NumberOfPages && !budget.Exhausted; pageNumber++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var page = pdf.GetPage(pageNumber);
            var text = ContentOrderTextExtractor.GetText(page);
            if (string.IsNullOrWhiteSpace(text))
            {
                emptyPages.Add(pageNumber);
                continue;
            }

            var parser = new LineBlockParser(markdown: false, maxBlockCharacters, pageNumber);
            var lineNumber = 0;
            foreach (var rawLine in text.Split('\n'))
            {
                lineNumber++;
                var line = budget.Take(rawLine.Length <= maxBlockCharacters ? rawLine.TrimEnd('\r') : rawLine[..maxBlockCharacters]);
                foreach (var block in parser.Add(lineNumber, line).ToArray())
                {
                    yield return block;
                }

                if (budget.Exhausted)
                {
                    break;
                }
            }

            foreach (var block in parser.Complete().ToArray())
            {
                yield return block;
            }
        }
    }
}
