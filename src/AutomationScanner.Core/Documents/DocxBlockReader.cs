using System.Text;
using System.Text.RegularExpressions;
using AutomationScanner.Core.Model;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace AutomationScanner.Core.Documents;

/// <summary>
/// Reads a Word document's body with <see cref="OpenXmlReader"/>, one paragraph or table row at a time, so memory
/// stays bounded by the largest paragraph. Headings come from paragraph styles (by id or name, so localised
/// "Überschrift 1" / "Kop 1" work) or outline levels; list paragraphs from numbering (bullet or numbered format).
/// Line numbers are paragraph numbers (table rows count as one).
/// </summary>
internal static partial class DocxBlockReader
{
    public static IEnumerable<DocumentBlock> Read(Stream stream, CharacterBudget budget, DocumentOptions options, CancellationToken cancellationToken)
    {
        var maxBlockCharacters = options.MaxBlockCharacters;
        var settings = new OpenSettings { AutoSave = false, MaxCharactersInPart = options.MaxPartCharacters };
        using var document = WordprocessingDocument.Open(stream, isEditable: false, settings);
        var main = document.MainDocumentPart ?? throw new InvalidDataException("the package has no main document part (is it a Word document?)");

        // Untrusted XML: size, nesting and paragraph size are checked by a streaming pass before any part becomes objects.
        Inspect(main, "document body", options.MaxPartCharacters, options, cancellationToken);
        if (main.StyleDefinitionsPart is { } stylePart)
        {
            Inspect(stylePart, "styles part", options.MaxDefinitionPartCharacters, options, cancellationToken);
        }

        if (main.NumberingDefinitionsPart is { } numberingPart)
        {
            Inspect(numberingPart, "numbering part", options.MaxDefinitionPartCharacters, options, cancellationToken);
        }

        var styles = StyleNames(main);
        var bullets = BulletNumberings(main);
        using var reader = OpenXmlReader.Create(main);
        var index = 0;
        var tableStarts = false;
        while (reader.Read())
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (!reader.IsStartElement)
            {
                continue;
            }

            if (reader.ElementType == typeof(Table))
            {
                tableStarts = true;
            }
            else if (reader.ElementType == typeof(TableRow))
            {
                var row = (TableRow)reader.LoadCurrentElement()!;
                index++;
                var cells = row.Elements<TableCell>()
                    .Select(c => budget.Take(Truncate(string.Join(' ', c.Elements<Paragraph>().Select(ParagraphText).Where(t => t.Length > 0)), maxBlockCharacters)))
                    .ToArray();
                var header = row.TableRowProperties?.GetFirstChild<TableHeader>() is not null;
                yield return new DocumentBlock(BlockKind.TableRow, string.Join(" | ", cells), index)
                {
                    Cells = cells,
                    IsHeaderRow = header,
                    StartsTable = tableStarts,
                };
                tableStarts = false;
            }
            else if (reader.ElementType == typeof(Paragraph))
            {
                var paragraph = (Paragraph)reader.LoadCurrentElement()!;
                index++;
                var text = budget.Take(Truncate(ParagraphText(paragraph), maxBlockCharacters));
                if (text.Length > 0)
                {
                    yield return new DocumentBlock(Kind(paragraph, styles, bullets), text, index);
                }
            }

            if (budget.Exhausted)
            {
                yield break;
            }
        }
    }

    private static void Inspect(OpenXmlPart part, string what, long maxCharacters, DocumentOptions options, CancellationToken cancellationToken)
    {
        using var content = part.GetStream(FileMode.Open, FileAccess.Read);
        DocumentGuards.InspectPart(content, what, maxCharacters, options, cancellationToken);
    }

    private static BlockKind Kind(Paragraph paragraph, Dictionary<string, string> styles, HashSet<(int NumId, int Level)> bullets)
    {
        var properties = paragraph.ParagraphProperties;
        var styleId = properties?.ParagraphStyleId?.Val?.Value;
        var styleName = styleId is null ? string.Empty : styles.GetValueOrDefault(styleId, styleId);
        if (HeadingStyleRegex().IsMatch(styleName) || (styleId is not null && HeadingStyleRegex().IsMatch(styleId))
            || properties?.OutlineLevel?.Val?.Value is < 9)
        {
            return BlockKind.Heading;
        }

        var numbering = properties?.NumberingProperties;
        var numId = numbering?.NumberingId?.Val?.Value;
        if (numId is > 0)
        {
            var level = numbering?.NumberingLevelReference?.Val?.Value ?? 0;
            return bullets.Contains((numId.Value, level)) ? BlockKind.BulletItem : BlockKind.NumberedItem;
        }

        if (styleName.Contains("list bullet", StringComparison.OrdinalIgnoreCase))
        {
            return BlockKind.BulletItem;
        }

        return styleName.Contains("list number", StringComparison.OrdinalIgnoreCase) ? BlockKind.NumberedItem : BlockKind.Paragraph;
    }

    private static string ParagraphText(Paragraph paragraph)
    {
        var text = new StringBuilder();
        foreach (var element in paragraph.Descendants())
        {
            switch (element)
            {
                case Text t:
                    text.Append(t.Text);
                    break;
                case TabChar or Break or CarriageReturn:
                    text.Append(' ');
                    break;
            }
        }

        return text.ToString().Trim();
    }

    private static Dictionary<string, string> StyleNames(MainDocumentPart main)
    {
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        var styles = main.StyleDefinitionsPart?.Styles;
        if (styles is null)
        {
            return names;
        }

        foreach (var style in styles.Elements<Style>())
        {
            if (style.StyleId?.Value is { } id && style.StyleName?.Val?.Value is { } name)
            {
                names[id] = name;
            }
        }

        return names;
    }

    // (numId, level) pairs whose number format is a bullet; every other numbered paragraph counts as a numbered step.
    private static HashSet<(int NumId, int Level)> BulletNumberings(MainDocumentPart main)
    {
        var result = new HashSet<(int, int)>();
        var numbering = main.NumberingDefinitionsPart?.Numbering;
        if (numbering is null)
        {
            return result;
        }

        var abstracts = numbering.Elements<AbstractNum>()
            .Where(a => a.AbstractNumberId?.Value is not null)
            .GroupBy(a => a.AbstractNumberId!.Value)
            .ToDictionary(g => g.Key, g => g.First());
        foreach (var instance in numbering.Elements<NumberingInstance>())
        {
            if (instance.NumberID?.Value is not { } numId || instance.AbstractNumId?.Val?.Value is not { } abstractId
                || !abstracts.TryGetValue(abstractId, out var definition))
            {
                continue;
            }

            foreach (var level in definition.Elements<Level>())
            {
                if (level.LevelIndex?.Value is { } ilvl && level.NumberingFormat?.Val?.Value == NumberFormatValues.Bullet)
                {
                    result.Add((numId, ilvl));
                }
            }
        }

        return result;
    }

    private static string Truncate(string text, int max) => text.Length <= max ? text : text[..max];

    [GeneratedRegex(@"^(?:heading|überschrift|kop|titre|título|title|titel)\s*\d*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, 1000)]
    private static partial Regex HeadingStyleRegex();
}
