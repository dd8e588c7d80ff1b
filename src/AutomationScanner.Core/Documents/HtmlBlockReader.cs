using System.Globalization;
using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using AutomationScanner.Core.Model;

namespace AutomationScanner.Core.Documents;

/// <summary>
/// Reads HTML work instructions with AngleSharp's HTML5 parser (the tree a browser would build: entities, implied
/// and misnested tags, unclosed elements) and walks the tree into blocks: headings, list items (numbered under ol),
/// table rows (cells, th rows as headers) and paragraphs. Script, style, template, head, comments and embedded
/// SVG/MathML are not read. The input is untrusted: at most the document's character budget is parsed, attributes are
/// never stored (a huge attribute costs nothing, and distinct attributes cannot defeat the parser's cap on re-opened
/// formatting elements), nesting deeper than <see cref="DocumentOptions.MaxXmlDepth"/> is flattened into siblings,
/// elements are counted as the parser creates them and the walk is iterative, so neither a nesting bomb nor a
/// formatting-element bomb can cost the stack or unbounded memory.
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
        "caption", "li", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "table", "thead", "tbody", "tfoot", "tr", "td", "th",
    };

    public static IEnumerable<DocumentBlock> Read(TextReader reader, CharacterBudget budget, DocumentOptions options, CancellationToken cancellationToken)
    {
        var html = ReadBounded(reader, budget, cancellationToken);
        // A document can hold at most one tag per three characters; more elements than that (or than
        // MaxElementsPerPart) would be the parser multiplying them, refused before it costs memory.
        var maxElements = Math.Min(options.MaxElementsPerPart, (html.Length / 3) + 1_000);
        CheckNesting(html, options.MaxXmlDepth * 4, maxElements, cancellationToken);
        var lines = new Dictionary<IElement, int>(ReferenceEqualityComparer.Instance);
        long created = 0;
        var parser = new HtmlParser(new HtmlParserOptions
        {
            IsScripting = false,
            SkipComments = true,
            SkipScriptText = true,
            SkipProcessingInstructions = true,
            MaximumDepth = options.MaxXmlDepth,
            ShouldEmitAttribute = static (ref _, _) => false,
            OnCreated = (element, position) =>
            {
                if (++created > maxElements)
                {
                    throw new InvalidDataException(string.Create(CultureInfo.InvariantCulture,
                        $"the HTML builds more than {maxElements} elements (limit MaxElementsPerPart, or one per three characters of markup)"));
                }

                if ((created & 0xFFF) == 0)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                }

                lines[element] = position.Line;
            },
        });
        var document = parser.ParseDocument(html);
        return new Walker(options.MaxBlockCharacters, lines).Blocks(document, cancellationToken);
    }

    // Elements whose end tag HTML lets an author leave out, and void elements: not counted as left open.
    private static readonly HashSet<string> ClosedImplicitly = new(StringComparer.OrdinalIgnoreCase)
    {
        "p", "li", "dt", "dd", "tr", "td", "th", "option", "optgroup", "thead", "tbody", "tfoot", "colgroup", "caption",
        "rb", "rt", "rp", "rtc", "html", "head", "body", "area", "base", "br", "col", "embed", "hr", "img", "input", "link",
        "meta", "source", "track", "wbr", "param", "keygen", "image",
    };

    // Formatting elements: left open, the tree builder re-opens (clones) them in every following block.
    private static readonly HashSet<string> Formatting = new(StringComparer.OrdinalIgnoreCase)
    {
        "a", "b", "big", "code", "em", "font", "i", "nobr", "s", "small", "strike", "strong", "tt", "u",
    };

    // Elements whose content is text up to their end tag.
    private static readonly HashSet<string> RawText = new(StringComparer.OrdinalIgnoreCase)
    {
        "script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes", "plaintext",
    };

    /// <summary>
    /// A linear pass over the markup before the parser sees it: elements opened and never closed (other than those
    /// HTML closes by itself) would make the tree builder's scope checks walk an ever longer stack, quadratic in the
    /// document. More than <paramref name="maxOpen"/> of them is a nesting bomb, refused. Formatting elements left
    /// open are cloned into every following block (at most three of a kind, as attributes are not kept): an upper
    /// bound of those clones above <paramref name="maxElements"/> is a formatting bomb, refused.
    /// </summary>
    private static void CheckNesting(string html, int maxOpen, long maxElements, CancellationToken cancellationToken)
    {
        var open = 0;
        var unclosed = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var unclosedLookup = unclosed.GetAlternateLookup<ReadOnlySpan<char>>();
        var formatting = Formatting.GetAlternateLookup<ReadOnlySpan<char>>();
        var active = 0; // formatting elements the parser would re-open: at most three of each kind
        long clones = 0;
        var position = 0;
        var tags = 0;
        while ((position = html.IndexOf('<', position)) >= 0 && position + 1 < html.Length)
        {
            if ((++tags & 0xFFFF) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            if (string.CompareOrdinal(html, position, "<!--", 0, 4) == 0)
            {
                var end = html.IndexOf("-->", position + 4, StringComparison.Ordinal);
                position = end < 0 ? html.Length : end + 3;
                continue;
            }

            var closing = html[position + 1] == '/';
            var nameStart = position + (closing ? 2 : 1);
            var nameEnd = nameStart;
            while (nameEnd < html.Length && (char.IsAsciiLetterOrDigit(html[nameEnd]) || html[nameEnd] == '-'))
            {
                nameEnd++;
            }

            if (nameEnd == nameStart || !char.IsAsciiLetter(html[nameStart]))
            {
                position++;
                continue;
            }

            var name = html.AsSpan(nameStart, nameEnd - nameStart);
            var tagEnd = html.IndexOf('>', nameEnd);
            position = tagEnd < 0 ? html.Length : tagEnd + 1;
            if (formatting.Contains(name) && !(tagEnd > 0 && html[tagEnd - 1] == '/'))
            {
                var count = unclosedLookup.TryGetValue(name, out var c) ? c : 0;
                var now = closing ? Math.Max(0, count - 1) : count + 1;
                active += Math.Min(3, now) - Math.Min(3, count);
                unclosedLookup[name] = now;
            }
            else if (!closing && (clones += active) > maxElements)
            {
                throw new InvalidDataException(string.Create(CultureInfo.InvariantCulture,
                    $"the HTML leaves formatting elements open that the parser would re-open more than {maxElements} times, a formatting bomb (limit MaxElementsPerPart, or one element per three characters of markup)"));
            }

            if (closing)
            {
                if (!ClosedImplicitly.GetAlternateLookup<ReadOnlySpan<char>>().Contains(name))
                {
                    open = Math.Max(0, open - 1);
                }
            }
            else if (RawText.GetAlternateLookup<ReadOnlySpan<char>>().Contains(name))
            {
                var end = html.IndexOf(string.Concat("</", name), position, StringComparison.OrdinalIgnoreCase);
                position = end < 0 ? html.Length : end;
            }
            else if (!ClosedImplicitly.GetAlternateLookup<ReadOnlySpan<char>>().Contains(name) && !(tagEnd > 0 && html[tagEnd - 1] == '/') && ++open > maxOpen)
            {
                throw new InvalidDataException(string.Create(CultureInfo.InvariantCulture,
                    $"the HTML leaves more than {maxOpen} elements open at once, a nesting bomb (limit MaxXmlDepth x 4)"));
            }
        }
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

    /// <summary>Walks the parsed tree without recursion and turns it into blocks.</summary>
    private sealed class Walker(int maxBlockCharacters, Dictionary<IElement, int> lines)
    {
        private readonly StringBuilder text = new();
        private readonly List<string> cells = [];
        private readonly Stack<bool> lists = new(); // true = ordered
        private readonly List<DocumentBlock> ready = [];
        private BlockKind? current; // kind of the block being collected (heading, list item), else paragraph
        private bool inRow;
        private bool inCell;
        private bool rowIsHeader;
        private bool firstRowOfTable;
        private int line = 1;
        private int blockLine = 1;
        private int rowLine = 1;

        public IEnumerable<DocumentBlock> Blocks(IDocument document, CancellationToken cancellationToken)
        {
            var stack = new Stack<(INode Node, bool Leaving)>();
            stack.Push((document, false));
            var visited = 0;
            while (stack.Count > 0)
            {
                if ((++visited & 0xFFF) == 0)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                }

                var (node, leaving) = stack.Pop();
                if (node is IElement element)
                {
                    if (leaving)
                    {
                        Leave(element);
                    }
                    else if (!SkippedElements.Contains(element.LocalName))
                    {
                        Enter(element);
                        stack.Push((element, true));
                        PushChildren(stack, element);
                    }
                }
                else if (node is IText textNode)
                {
                    Append(textNode.Data);
                }
                else if (node is IDocument)
                {
                    PushChildren(stack, node);
                }

                foreach (var block in ready)
                {
                    yield return block;
                }

                ready.Clear();
            }

            Flush();
            foreach (var block in ready)
            {
                yield return block;
            }
        }

        private static void PushChildren(Stack<(INode, bool)> stack, INode parent)
        {
            // By index: a node's PreviousSibling looks itself up in its parent's list, which is quadratic for a wide parent.
            var children = parent.ChildNodes;
            for (var i = children.Length - 1; i >= 0; i--)
            {
                stack.Push((children[i], false));
            }
        }

        private void Enter(IElement element)
        {
            if (lines.TryGetValue(element, out var at))
            {
                line = at;
            }

            var name = element.LocalName;
            if (BlockElements.Contains(name))
            {
                Flush();
            }

            switch (name)
            {
                case "h1" or "h2" or "h3" or "h4" or "h5" or "h6":
                    current = BlockKind.Heading;
                    break;
                case "ol" or "ul":
                    lists.Push(name == "ol");
                    current = null;
                    break;
                case "li":
                    current = lists.TryPeek(out var ordered) && ordered ? BlockKind.NumberedItem : BlockKind.BulletItem;
                    break;
                case "table":
                    firstRowOfTable = true;
                    break;
                case "tr":
                    EndRow();
                    inRow = true;
                    rowIsHeader = false;
                    rowLine = line;
                    break;
                case "td" or "th" when inRow:
                    cells.Add(string.Empty);
                    inCell = true;
                    rowIsHeader |= name == "th";
                    break;
                default:
                    break;
            }
        }

        private void Leave(IElement element)
        {
            var name = element.LocalName;
            if (BlockElements.Contains(name))
            {
                Flush();
            }

            switch (name)
            {
                case "h1" or "h2" or "h3" or "h4" or "h5" or "h6" or "li":
                    current = null;
                    break;
                case "ol" or "ul":
                    lists.TryPop(out _);
                    current = null;
                    break;
                case "td" or "th":
                    inCell = false;
                    break;
                case "tr":
                    EndRow();
                    break;
                case "table":
                    EndRow();
                    firstRowOfTable = false;
                    break;
                default:
                    break;
            }
        }

        private void Append(string data)
        {
            var start = 0;
            while (start < data.Length && char.IsWhiteSpace(data[start]))
            {
                start++;
            }

            // A block starts on the line of its first visible character.
            if (text.Length == 0 && !inCell && start < data.Length)
            {
                blockLine = line + CountLines(data.AsSpan(0, start));
            }

            if (text.Length < maxBlockCharacters)
            {
                text.Append(data, 0, Math.Min(data.Length, maxBlockCharacters - text.Length));
            }

            line += CountLines(data);
        }

        private static int CountLines(ReadOnlySpan<char> span) => span.Count('\n');

        private void Flush()
        {
            var value = Normalise(text, maxBlockCharacters);
            text.Clear();
            if (value.Length == 0)
            {
                return;
            }

            if (inCell)
            {
                cells[^1] = (cells[^1] + " " + value).Trim();
                return;
            }

            ready.Add(new DocumentBlock(current ?? BlockKind.Paragraph, value, blockLine));
        }

        private void EndRow()
        {
            if (inRow && cells.Count > 0)
            {
                var copy = cells.ToArray();
                ready.Add(new DocumentBlock(BlockKind.TableRow, string.Join(" | ", copy), rowLine)
                {
                    Cells = copy,
                    IsHeaderRow = rowIsHeader,
                    StartsTable = firstRowOfTable,
                });
                firstRowOfTable = false;
            }

            cells.Clear();
            inRow = false;
            inCell = false;
        }

        private static string Normalise(StringBuilder text, int maxBlockCharacters)
        {
            var collapsed = string.Join(' ', text.ToString().Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
            return collapsed.Length <= maxBlockCharacters ? collapsed : collapsed[..maxBlockCharacters];
        }
    }
}
