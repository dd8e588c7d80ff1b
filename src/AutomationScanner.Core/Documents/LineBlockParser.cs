using System.Text;
using System.Text.RegularExpressions;

namespace AutomationScanner.Core.Documents;

/// <summary>
/// Turns lines of plain text, Markdown or PDF text into blocks: headings (Markdown #, underlined, ALL CAPS,
/// numbered section titles), numbered steps, bullets, table rows (| pipes | or tabs) and paragraphs.
/// </summary>
internal sealed partial class LineBlockParser(bool markdown, int maxBlockCharacters, int? page = null)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(1);

    private readonly List<DocumentBlock> output = [];
    private readonly List<(int Line, IReadOnlyList<string> Cells)> tableRows = [];
    private readonly StringBuilder paragraph = new();
    private int paragraphLine;
    private int paragraphLines;
    private StringBuilder? item;
    private BlockKind itemKind;
    private int itemLine;
    private bool tableHasHeader;
    private bool inFence;

    /// <summary>Feeds one line; returns the blocks it completed (the list is reused: copy before the next call).</summary>
    public IReadOnlyList<DocumentBlock> Add(int lineNumber, string raw)
    {
        output.Clear();
        if (markdown && FenceRegex().IsMatch(raw))
        {
            Flush();
            inFence = !inFence;
            return output;
        }

        if (inFence)
        {
            return output;
        }

        var line = raw.Trim();
        if (line.Length == 0)
        {
            Flush();
            return output;
        }

        if (UnderlineRegex().IsMatch(line) && paragraphLines == 1 && item is null)
        {
            var title = paragraph.ToString();
            paragraph.Clear();
            paragraphLines = 0;
            Emit(new DocumentBlock(BlockKind.Heading, title, paragraphLine));
            return output;
        }

        if (RuleRegex().IsMatch(line))
        {
            Flush();
            return output;
        }

        if (TryTableCells(raw, line) is { } cells)
        {
            FlushText();
            if (markdown && cells.All(c => TableSeparatorCellRegex().IsMatch(c)))
            {
                tableHasHeader = tableRows.Count > 0;
            }
            else
            {
                tableRows.Add((lineNumber, cells));
            }

            return output;
        }

        FlushTable();
        var heading = markdown ? MarkdownHeadingRegex().Match(line) : Match.Empty;
        if (heading.Success)
        {
            Flush();
            Emit(new DocumentBlock(BlockKind.Heading, heading.Groups["text"].Value.Trim(), lineNumber));
            return output;
        }

        var numbered = NumberedRegex().Match(line);
        if (numbered.Success)
        {
            Flush();
            var text = numbered.Groups["text"].Value;
            if (LooksLikeSectionTitle(text))
            {
                Emit(new DocumentBlock(BlockKind.Heading, text, lineNumber));
            }
            else
            {
                StartItem(BlockKind.NumberedItem, text, lineNumber);
            }

            return output;
        }

        var bullet = BulletRegex().Match(line);
        if (bullet.Success)
        {
            Flush();
            StartItem(BlockKind.BulletItem, bullet.Groups["text"].Value, lineNumber);
            return output;
        }

        if (item is not null && raw.Length > 0 && char.IsWhiteSpace(raw[0]))
        {
            item.Append(' ').Append(line);
            return output;
        }

        if (!markdown && paragraphLines == 0 && LooksLikePlainHeading(line))
        {
            Flush();
            Emit(new DocumentBlock(BlockKind.Heading, line.TrimEnd(':'), lineNumber));
            return output;
        }

        FlushItem();
        if (paragraph.Length + line.Length >= maxBlockCharacters)
        {
            // A paragraph without blank lines (a text dump) is cut into blocks, so memory stays bounded.
            FlushText();
        }

        if (paragraphLines == 0)
        {
            paragraphLine = lineNumber;
        }
        else
        {
            paragraph.Append(' ');
        }

        paragraph.Append(line);
        paragraphLines++;
        return output;
    }

    /// <summary>Ends the document: returns what is still open.</summary>
    public IReadOnlyList<DocumentBlock> Complete()
    {
        output.Clear();
        Flush();
        return output;
    }

    private void StartItem(BlockKind kind, string text, int lineNumber)
    {
        item = new StringBuilder(text);
        itemKind = kind;
        itemLine = lineNumber;
    }

    private void Flush()
    {
        FlushText();
        FlushTable();
    }

    private void FlushText()
    {
        FlushItem();
        if (paragraphLines > 0)
        {
            Emit(new DocumentBlock(BlockKind.Paragraph, paragraph.ToString(), paragraphLine));
            paragraph.Clear();
            paragraphLines = 0;
        }
    }

    private void FlushItem()
    {
        if (item is not null)
        {
            Emit(new DocumentBlock(itemKind, item.ToString(), itemLine));
            item = null;
        }
    }

    private void FlushTable()
    {
        for (var i = 0; i < tableRows.Count; i++)
        {
            var (line, cells) = tableRows[i];
            Emit(new DocumentBlock(BlockKind.TableRow, string.Join(" | ", cells), line)
            {
                Cells = cells,
                IsHeaderRow = tableHasHeader && i == 0,
                StartsTable = i == 0,
            });
        }

        tableRows.Clear();
        tableHasHeader = false;
    }

    private void Emit(DocumentBlock block)
    {
        var text = markdown ? CleanMarkdown(block.Text) : block.Text;
        if (text.Length > 0 || block.Kind == BlockKind.TableRow)
        {
            output.Add(block with { Text = text, Page = page });
        }
    }

    private IReadOnlyList<string>? TryTableCells(string raw, string line)
    {
        if (line.StartsWith('|') && line.Count(c => c == '|') >= 2)
        {
            var cells = line.Trim('|').Split('|').Select(c => markdown ? CleanMarkdown(c.Trim()) : c.Trim()).ToArray();
            return cells;
        }

        if (!markdown && raw.Contains('\t', StringComparison.Ordinal))
        {
            var cells = raw.Split('\t', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            return cells.Length >= 2 ? cells : null;
        }

        return null;
    }

    private static bool LooksLikeSectionTitle(string text) =>
        SectionTitleRegex().IsMatch(text) || (IsAllCaps(text) && text.Length <= 60);

    private static bool LooksLikePlainHeading(string line) =>
        line.Length <= 80 && (IsAllCaps(line) || (line.EndsWith(':') && line.Length <= 60 && line.Count(c => c == ' ') <= 5));

    private static bool IsAllCaps(string text)
    {
        var letters = text.Count(char.IsLetter);
        return letters >= 3 && text.Where(char.IsLetter).All(char.IsUpper);
    }

    internal static string CleanMarkdown(string text)
    {
        text = ImageRegex().Replace(text, string.Empty);
        text = LinkRegex().Replace(text, "${text}");
        text = InlineHtmlRegex().Replace(text, string.Empty);
        text = EmphasisRegex().Replace(text, string.Empty);
        return text.Trim();
    }

    [GeneratedRegex(@"^\s*(?:```|~~~)", RegexOptions.None, 1000)]
    private static partial Regex FenceRegex();

    [GeneratedRegex(@"^(?:=+|-{2,})$", RegexOptions.None, 1000)]
    private static partial Regex UnderlineRegex();

    [GeneratedRegex(@"^(?:(?:\*\s*){3,}|(?:-\s*){3,}|(?:_\s*){3,})$", RegexOptions.None, 1000)]
    private static partial Regex RuleRegex();

    [GeneratedRegex(@"^:?-{2,}:?$|^:?-+:?$", RegexOptions.None, 1000)]
    private static partial Regex TableSeparatorCellRegex();

    [GeneratedRegex(@"^#{1,6}\s+(?<text>.*?)\s*#*$", RegexOptions.None, 1000)]
    private static partial Regex MarkdownHeadingRegex();

    [GeneratedRegex(@"^(?:(?:step|schritt|stap|stage|phase)\s+\d{1,3}\s*[:.)\u2013-]?\s*|\(?(?:\d{1,3}(?:\.\d{1,3})*|[a-z])[.)]\s+|\d{1,3}(?:\.\d{1,3})+\s+)(?<text>\S.*)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, 1000)]
    private static partial Regex NumberedRegex();

    [GeneratedRegex(@"^(?:[-*+\u2022\u00B7\u25AA\u25E6\u2023\u2013\u2014\u25CF\u25A0o]\s+)(?:\[[ xX]\]\s+)?(?<text>\S.*)$", RegexOptions.None, 1000)]
    private static partial Regex BulletRegex();

    [GeneratedRegex(@"^(?:purpose|scope|objectives?|introduction|overview|background|definitions?|abbreviations|references?|related documents|responsibilities|roles(?: and responsibilities)?|procedure|process(?: steps| description)?|steps|revision history|document control|approval|appendix.*|zweck|geltungsbereich|ziel|ablauf|verantwortlichkeiten|begriffe|doel|toepassingsgebied|werkwijze|verantwoordelijkheden|procedure|definities)\s*:?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, 1000)]
    private static partial Regex SectionTitleRegex();

    [GeneratedRegex(@"!\[[^\]]*\]\([^)]*\)", RegexOptions.None, 1000)]
    private static partial Regex ImageRegex();

    [GeneratedRegex(@"\[(?<text>[^\]]+)\]\([^)]*\)", RegexOptions.None, 1000)]
    private static partial Regex LinkRegex();

    [GeneratedRegex(@"<[^>\n]{1,200}>", RegexOptions.None, 1000)]
    private static partial Regex InlineHtmlRegex();

    [GeneratedRegex(@"\*\*|__|`|(?<!\w)\*(?=\S)|(?<=\S)\*(?!\w)", RegexOptions.None, 1000)]
    private static partial Regex EmphasisRegex();
}
