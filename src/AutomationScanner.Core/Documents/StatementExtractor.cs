using System.Text.RegularExpressions;
using AutomationScanner.Core.Model;

namespace AutomationScanner.Core.Documents;

/// <summary>
/// Turns a document's blocks into task statements: numbered steps, bullets, table rows and imperative (or
/// "the clerk checks ...") sentences in procedural sections, each with its section, role, systems, frequency,
/// data categories, interaction label and injection flag.
/// </summary>
internal sealed partial class StatementExtractor(string sourceFile, DocumentOptions options)
{
    private const int MaxStatementCharacters = 500;

    private readonly List<TaskStatement> statements = [];
    private string? section;
    private bool procedural = true;
    private string? sectionRole;
    private (double? PerYear, string? Text) sectionFrequency;
    private TableColumns? columns;

    public IReadOnlyList<TaskStatement> Statements => statements;

    public bool CapReached { get; private set; }

    /// <summary>Consumes blocks until the document ends or the statement cap is reached (then stops reading).</summary>
    public void Consume(IEnumerable<DocumentBlock> blocks)
    {
        foreach (var block in blocks)
        {
            Add(block);
            if (CapReached)
            {
                return;
            }
        }
    }

    private void Add(DocumentBlock block)
    {
        switch (block.Kind)
        {
            case BlockKind.Heading:
                section = Clean(block.Text);
                procedural = !NonProceduralHeadingRegex().IsMatch(section);
                sectionRole = null;
                sectionFrequency = FrequencyHint.Read(section);
                columns = null;
                FlagIfInjection(block, block.Text);
                break;
            case BlockKind.NumberedItem or BlockKind.BulletItem:
                if (procedural && IsSubstantial(block.Text))
                {
                    Emit(block, block.Text, null, null, null);
                }
                else
                {
                    FlagIfInjection(block, block.Text);
                }

                break;
            case BlockKind.TableRow:
                AddRow(block);
                break;
            default:
                AddParagraph(block);
                break;
        }
    }

    private void AddParagraph(DocumentBlock block)
    {
        var roleLine = RoleLineRegex().Match(block.Text);
        if (roleLine.Success)
        {
            sectionRole = Clean(roleLine.Groups["role"].Value);
            return;
        }

        foreach (var sentence in SentenceSplitRegex().Split(block.Text))
        {
            var text = sentence.Trim();
            if (text.Length == 0)
            {
                continue;
            }

            if (procedural && IsTaskSentence(text))
            {
                Emit(block, text, null, null, null);
            }
            else
            {
                FlagIfInjection(block, text);
            }

            if (CapReached)
            {
                return;
            }
        }
    }

    private void AddRow(DocumentBlock block)
    {
        if (block.StartsTable)
        {
            columns = null;
        }

        if (block.IsHeaderRow || (block.StartsTable && TableColumns.LooksLikeHeader(block.Cells)))
        {
            columns = TableColumns.From(block.Cells);
            return;
        }

        var action = columns?.Cell(block.Cells, columns.Action) ?? string.Join("; ", block.Cells.Where(c => c.Length > 0 && !StepNumberRegex().IsMatch(c)));
        if (!procedural || columns is { Skip: true } || WordCount(action) < 2)
        {
            FlagIfInjection(block, block.Text);
            return;
        }

        // Everything in the row counts as context for systems, data and injection cues; the action is the statement.
        Emit(block, action, columns?.Cell(block.Cells, columns.Role), columns?.Cell(block.Cells, columns.Frequency), block.Text);
    }

    private bool FlagIfInjection(DocumentBlock block, string text)
    {
        if (InjectionDetector.Find(text) is null)
        {
            return false;
        }

        Emit(block, text, null, null, null);
        return true;
    }

    private void Emit(DocumentBlock block, string rawText, string? roleCell, string? frequencyCell, string? context)
    {
        if (statements.Count >= options.MaxStatementsPerDocument)
        {
            CapReached = true;
            return;
        }

        var text = Clean(rawText);
        if (text.Length > MaxStatementCharacters)
        {
            text = text[..MaxStatementCharacters];
        }

        var all = context is null ? text : context;
        var role = string.IsNullOrWhiteSpace(roleCell) ? RoleDetector.Find(text) ?? sectionRole : Clean(roleCell);
        var frequency = FrequencyHint.Read(string.IsNullOrWhiteSpace(frequencyCell) ? text : frequencyCell);
        if (frequency.Text is null)
        {
            frequency = sectionFrequency;
        }

        var systems = SystemCatalog.Find(all);
        var injection = InjectionDetector.Find(all);
        statements.Add(new TaskStatement
        {
            Text = text,
            SourceFile = sourceFile,
            Line = block.Line,
            Page = block.Page,
            Section = section,
            Role = role,
            Systems = systems,
            ExecutionsPerYearHint = frequency.PerYear,
            FrequencyText = frequency.Text,
            DataCategories = DataCategories.Find(all),
            Interaction = InteractionClassifier.Classify(text, role, systems),
            SuspectedInjection = injection is not null,
            InjectionReason = injection,
        });
    }

    private static bool IsTaskSentence(string sentence)
    {
        if (WordCount(sentence) < 2 || sentence.EndsWith('?'))
        {
            return false;
        }

        var first = LeadingWordRegex().Match(sentence);
        return (first.Success && VerbLexicon.IsVerb(first.Groups["verb"].Value)) || RoleDetector.StartsWithPerformer(sentence);
    }

    private static int WordCount(string text) => WordRegex().Count(text);

    // Two words, or a few letters of a script written without spaces (Chinese, Japanese).
    private static bool IsSubstantial(string text) => WordCount(text) >= 2 || text.Count(char.IsLetter) >= 4;

    private static string Clean(string text) => WhitespaceRegex().Replace(text, " ").Trim().TrimEnd(':').Trim();

    /// <summary>Which cells of a table row hold the action, role and frequency, read from the header row.</summary>
    private sealed partial class TableColumns
    {
        public int Action { get; private init; } = -1;

        public int Role { get; private init; } = -1;

        public int Frequency { get; private init; } = -1;

        /// <summary>A table of versions, dates and authors (revision history), not of steps.</summary>
        public bool Skip { get; private init; }

        public static bool LooksLikeHeader(IReadOnlyList<string> cells) =>
            cells.Count >= 2 && cells.All(c => WordRegex().Count(c) <= 3 && !c.EndsWith('.'))
            && cells.Any(c => ActionHeaderRegex().IsMatch(c) || RoleHeaderRegex().IsMatch(c) || FrequencyHeaderRegex().IsMatch(c));

        public static TableColumns From(IReadOnlyList<string> header)
        {
            int Find(Regex regex) => header.Select((c, i) => (c, i)).Where(x => regex.IsMatch(x.c)).Select(x => x.i).DefaultIfEmpty(-1).First();
            var action = Find(ActionHeaderRegex());
            return new TableColumns
            {
                Action = action,
                Role = Find(RoleHeaderRegex()),
                Frequency = Find(FrequencyHeaderRegex()),
                Skip = action < 0 && header.Any(c => RevisionHeaderRegex().IsMatch(c)),
            };
        }

        public string? Cell(IReadOnlyList<string> cells, int index) => index >= 0 && index < cells.Count ? cells[index] : null;

        [GeneratedRegex(@"\b(?:action|activity|task|step description|description|what|instruction|procedure|schritt|tätigkeit|aktivität|beschreibung|taak|actie|activiteit|omschrijving)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, 1000)]
        private static partial Regex ActionHeaderRegex();

        [GeneratedRegex(@"\b(?:role|who|responsible|owner|performer|actor|rolle|verantwortlich|rol|verantwoordelijk|wie)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, 1000)]
        private static partial Regex RoleHeaderRegex();

        [GeneratedRegex(@"\b(?:frequency|when|how often|volume|timing|häufigkeit|frequentie|wanneer)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, 1000)]
        private static partial Regex FrequencyHeaderRegex();

        [GeneratedRegex(@"\b(?:version|revision|rev|date|author|changes?|datum|autor|versie|auteur)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, 1000)]
        private static partial Regex RevisionHeaderRegex();
    }

    [GeneratedRegex(@"^(?:\d+(?:\.\d+)*\.?\s*)?(?:purpose|scope|objectives?|introduction|overview|background|definitions?|abbreviations|glossary|terms|references?|related documents|roles|responsibilities|roles and responsibilities|revision history|version history|document (?:control|history)|change log|sign-?off|zweck|geltungsbereich|begriffe|änderungshistorie|doel|toepassingsgebied|definities|begrippen|wijzigingen|versiebeheer)(?:\s+(?:and|&|und|en)\s+[\p{L}]+)?\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, 1000)]
    private static partial Regex NonProceduralHeadingRegex();

    [GeneratedRegex(@"^\s*(?:role|responsible|performed by|owner|who|rolle|verantwortlich|rol|uitgevoerd door)\s*:\s*(?<role>[^.;\n]{2,60})\.?\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, 1000)]
    private static partial Regex RoleLineRegex();

    [GeneratedRegex(@"(?<=[.!?])\s+(?=[\p{Lu}\p{N}""'(])", RegexOptions.None, 1000)]
    private static partial Regex SentenceSplitRegex();

    [GeneratedRegex(@"^(?:(?:then|next|afterwards|finally|first|second|third|lastly|please|always|now)\s*,?\s+)*(?<verb>[\p{L}-]+)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, 1000)]
    private static partial Regex LeadingWordRegex();

    [GeneratedRegex(@"^(?:step\s*)?\d{1,3}\.?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, 1000)]
    private static partial Regex StepNumberRegex();

    [GeneratedRegex(@"[\p{L}\p{N}]+", RegexOptions.None, 1000)]
    private static partial Regex WordRegex();

    [GeneratedRegex(@"\s+", RegexOptions.None, 1000)]
    private static partial Regex WhitespaceRegex();
}
