using System.Net;
using System.Text;

namespace AutomationScanner.Core.Documents;

/// <summary>
/// A careful tag stripper for HTML work instructions: keeps headings, list items (numbered under ol), table rows
/// (cells, th rows as headers) and paragraph boundaries; skips script, style, template, head and comments;
/// decodes entities. Reads at most the document's character budget.
/// </summary>
internal static class HtmlBlockReader
{
    private static readonly HashSet<string> SkippedElements = new(StringComparer.OrdinalIgnoreCase)
    {
        "script", "style", "template", "noscript", "head", "svg", "math", "iframe", "object",
    };

    private static readonly HashSet<string> BlockElements = new(StringComparer.OrdinalIgnoreCase)
    {
        "p", "div", "br", "section", "article", "header", "footer", "main", "nav", "aside", "blockquote", "pre",
        "dl", "dt", "dd", "figure", "figcaption", "form", "fieldset", "hr", "address", "details", "summary", "body", "html",
        "ul", "ol", "table", "thead", "tbody", "tfoot", "caption",
    };

    public static IEnumerable<DocumentBlock> Read(TextReader reader, CharacterBudget budget, int maxBlockCharacters, CancellationToken cancellationToken)
    {
        var html = ReadBounded(reader, budget, cancellationToken);
        return Parse(html, maxBlockCharacters, cancellationToken);
    }

    private static string ReadBounded(TextReader reader, CharacterBudget budget, CancellationToken cancellationToken)
    {
        var text = new StringBuilder();
        var buffer = new char[16 * 1024];
        int read;
        while ((read = reader.Read(buffer, 0, Math.Min(buffer.Length, Math.Max(1, budget.Remaining)))) > 0)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var allowed = budget.Consume(read);
            text.Append(buffer, 0, allowed);
            if (budget.Exhausted)
            {
                break;
            }
        }

        return text.ToString();
    }

    private static IEnumerable<DocumentBlock> Parse(string html, int maxBlockCharacters, CancellationToken cancellationToken)
    {
        var text = new StringBuilder();
        var cells = new List<string>();
        var rowIsHeader = false;
        var inRow = false;
        var inCell = false;
        var firstRowOfTable = false;
        var lists = new Stack<bool>(); // true = ordered
        BlockKind? current = null; // kind of the block being collected (heading, list item), else paragraph
        var line = 1;
        var blockLine = 1;
        var lineCursor = 0;
        var position = 0;

        int LineAt(int index)
        {
            for (; lineCursor < index && lineCursor < html.Length; lineCursor++)
            {
                if (html[lineCursor] == '\n')
                {
                    line++;
                }
            }

            return line;
        }

        DocumentBlock? TakeText(int at)
        {
            var value = Normalise(text, maxBlockCharacters);
            text.Clear();
            var kind = current ?? BlockKind.Paragraph;
            var startLine = blockLine;
            blockLine = LineAt(at);
            if (value.Length == 0)
            {
                return null;
            }

            if (inCell)
            {
                cells[^1] = (cells[^1] + " " + value).Trim();
                return null;
            }

            return new DocumentBlock(kind, value, startLine);
        }

        while (position < html.Length)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var lt = html.IndexOf('<', position);
            var end = lt < 0 ? html.Length : lt;
            if (end > position)
            {
                if (text.Length == 0 && !inCell)
                {
                    blockLine = LineAt(position);
                }

                if (text.Length < maxBlockCharacters)
                {
                    text.Append(html, position, Math.Min(end - position, maxBlockCharacters));
                }
            }

            if (lt < 0)
            {
                break;
            }

            if (string.CompareOrdinal(html, lt, "<!--", 0, 4) == 0)
            {
                var close = html.IndexOf("-->", lt + 4, StringComparison.Ordinal);
                position = close < 0 ? html.Length : close + 3;
                continue;
            }

            var gt = TagEnd(html, lt + 1);
            if (gt < 0)
            {
                break;
            }

            var tag = ParseTag(html, lt + 1, gt);
            position = gt + 1;
            if (tag.Name.Length == 0)
            {
                // "<!DOCTYPE", "<?xml", or a stray "<" in text.
                if (!char.IsLetter(html, lt + 1) && html[lt + 1] is not ('/' or '!' or '?'))
                {
                    text.Append('<');
                    position = lt + 1;
                }

                continue;
            }

            if (!tag.Closing && SkippedElements.Contains(tag.Name) && !tag.SelfClosing)
            {
                var close = html.IndexOf("</" + tag.Name, position, StringComparison.OrdinalIgnoreCase);
                var closeEnd = close < 0 ? -1 : html.IndexOf('>', close);
                position = closeEnd < 0 ? html.Length : closeEnd + 1;

                continue;
            }

            var name = tag.Name.ToUpperInvariant();
            switch (name)
            {
                case "H1" or "H2" or "H3" or "H4" or "H5" or "H6":
                    if (TakeText(lt) is { } beforeHeading)
                    {
                        yield return beforeHeading;
                    }

                    current = tag.Closing ? null : BlockKind.Heading;
                    break;
                case "OL" or "UL":
                    if (TakeText(lt) is { } beforeList)
                    {
                        yield return beforeList;
                    }

                    if (tag.Closing)
                    {
                        lists.TryPop(out _);
                    }
                    else
                    {
                        lists.Push(name == "OL");
                    }

                    current = null;
                    break;
                case "LI":
                    if (TakeText(lt) is { } beforeItem)
                    {
                        yield return beforeItem;
                    }

                    current = tag.Closing ? null : lists.TryPeek(out var ordered) && ordered ? BlockKind.NumberedItem : BlockKind.BulletItem;
                    break;
                case "TABLE":
                    if (TakeText(lt) is { } beforeTable)
                    {
                        yield return beforeTable;
                    }

                    firstRowOfTable = !tag.Closing;
                    break;
                case "TR":
                    if (TakeText(lt) is { } beforeRow)
                    {
                        yield return beforeRow;
                    }

                    if (inRow && cells.Count > 0)
                    {
                        yield return Row(cells, rowIsHeader, blockLine, ref firstRowOfTable);
                    }

                    cells.Clear();
                    inRow = !tag.Closing;
                    inCell = false;
                    rowIsHeader = false;
                    blockLine = LineAt(lt);
                    break;
                case "TD" or "TH":
                    if (TakeText(lt) is { } beforeCell)
                    {
                        yield return beforeCell;
                    }

                    if (!tag.Closing && inRow)
                    {
                        cells.Add(string.Empty);
                        inCell = true;
                        rowIsHeader |= name == "TH";
                    }
                    else
                    {
                        inCell = false;
                    }

                    break;
                default:
                    if (BlockElements.Contains(name) && TakeText(lt) is { } block)
                    {
                        yield return block;
                    }

                    if (inCell || text.Length > 0)
                    {
                        text.Append(' ');
                    }

                    break;
            }
        }

        if (TakeText(html.Length) is { } last)
        {
            yield return last;
        }

        if (inRow && cells.Count > 0)
        {
            yield return Row(cells, rowIsHeader, blockLine, ref firstRowOfTable);
        }
    }

    private static DocumentBlock Row(List<string> cells, bool header, int line, ref bool firstRowOfTable)
    {
        var copy = cells.ToArray();
        var block = new DocumentBlock(BlockKind.TableRow, string.Join(" | ", copy), line)
        {
            Cells = copy,
            IsHeaderRow = header,
            StartsTable = firstRowOfTable,
        };
        firstRowOfTable = false;
        return block;
    }

    private static string Normalise(StringBuilder text, int maxBlockCharacters)
    {
        var decoded = WebUtility.HtmlDecode(text.ToString());
        var collapsed = string.Join(' ', decoded.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return collapsed.Length <= maxBlockCharacters ? collapsed : collapsed[..maxBlockCharacters];
    }

    // The closing '>' of a tag, skipping quoted attribute values that may contain one.
    private static int TagEnd(string html, int start)
    {
        var quote = '\0';
        for (var i = start; i < html.Length; i++)
        {
            var c = html[i];
            if (quote != '\0')
            {
                if (c == quote)
                {
                    quote = '\0';
                }
            }
            else if (c is '"' or '\'')
            {
                quote = c;
            }
            else if (c == '>')
            {
                return i;
            }
        }

        return -1;
    }

    private static (string Name, bool Closing, bool SelfClosing) ParseTag(string html, int start, int end)
    {
        var i = start;
        var closing = i < end && html[i] == '/';
        if (closing)
        {
            i++;
        }

        var nameStart = i;
        while (i < end && (char.IsAsciiLetterOrDigit(html[i]) || html[i] == '-'))
        {
            i++;
        }

        var name = nameStart < i && char.IsAsciiLetter(html[nameStart]) ? html[nameStart..i] : string.Empty;
        return (name, closing, end > start && html[end - 1] == '/');
    }
}
