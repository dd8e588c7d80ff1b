using System.Text.RegularExpressions;

namespace AutomationScanner.Core.Ethics;

/// <summary>A pattern rule ready to run: its definition and compiled expressions.</summary>
public sealed class CompiledRule
{
    // Wall-clock: on a loaded machine (or a throttled instance) 250 ms fired on ordinary task names and failed the scan.
    private static readonly TimeSpan MatchTimeout = TimeSpan.FromSeconds(2);
    private readonly Regex[][] _triggers;
    private readonly Regex[] _unless;
    private readonly Regex[] _addressed;

    internal CompiledRule(RuleDefinition definition)
    {
        Definition = definition;
        _triggers = [.. definition.Triggers.Select(t => t.Select(p => Compile(definition.Id, p)).ToArray())];
        _unless = [.. definition.Unless.Select(p => Compile(definition.Id, p))];
        _requires = [.. definition.Requires.Select(p => Compile(definition.Id, p))];
        _elements = [.. definition.Elements.Select(a => a.Select(p => Compile(definition.Id, p)).ToArray())];
        _addressed = [.. definition.AddressedAct.Select(p => Compile(definition.Id, p))];
    }

    private readonly Regex[] _requires;
    private readonly Regex[][] _elements;

    /// <summary>Whether <paramref name="text"/> has every legal element of one of the rule's element alternatives.</summary>
    public bool HasAllElements(string text) => Enumerable.Range(0, _elements.Length).Any(a => AllOf(a, text));

    /// <summary>Whether <paramref name="text"/> has every element of alternative <paramref name="a"/>.</summary>
    private bool AllOf(int a, string text) => Enumerable.Range(0, _elements[a].Length).All(e => Matches(a, e, text));

    /// <summary>
    /// Whether element <paramref name="e"/> of alternative <paramref name="a"/> matches <paramref name="text"/>: by its
    /// pattern, or (round 31, <see cref="RuleDefinition.OccupationElements"/>; round 40, <see cref="RuleDefinition.WorkerElements"/>) by an occupation the text names.
    /// </summary>
    private bool Matches(int a, int e, string text) =>
        _elements[a][e].IsMatch(text)
        || (a < Definition.OccupationElements.Count && Definition.OccupationElements[a].Contains(e) && OccupationNouns.NamesWorkers(text) is not null)
        || (a < Definition.WorkerElements.Count && Definition.WorkerElements[a].Contains(e) && OccupationNouns.NamesAnOccupation(text) is not null);

    /// <summary>Whether <paramref name="text"/> has every element of an alternative listed in <see cref="RuleDefinition.ElementsSuffice"/>.</summary>
    public bool HasSufficientElements(string text) =>
        Definition.ElementsSuffice.Any(i => i >= 0 && i < _elements.Length && AllOf(i, text));

    /// <summary>Whether <paramref name="text"/> has every legal element but one of one of the rule's alternatives (of two or more).</summary>
    public bool MissesOneElement(string text) =>
        Enumerable.Range(0, _elements.Length).Any(a => _elements[a].Length > 1 && Enumerable.Range(0, _elements[a].Length).Count(e => !Matches(a, e, text)) == 1);

    /// <summary>
    /// Whether <paramref name="text"/> has every legal element but one of one alternative, and that one may be stood for
    /// by meaning: any element where <see cref="RuleDefinition.MeaningStandsForOneElement"/> is set, otherwise only an
    /// act element named in <see cref="RuleDefinition.MeaningStandsForAct"/>.
    /// </summary>
    public bool MissesOneStandInElement(string text)
    {
        if (Definition.MeaningStandsForOneElement)
        {
            return MissesOneElement(text);
        }

        var acts = Definition.MeaningStandsForAct;
        for (var a = 0; a < _elements.Length && a < acts.Count; a++)
        {
            var missing = Enumerable.Range(0, _elements[a].Length).Where(e => !Matches(a, e, text)).ToList();
            if (_elements[a].Length > 1 && missing.Count == 1 && acts[a].Contains(missing[0]))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Whether none of <paramref name="texts"/> states, in its words, the technique (the first element of any of the rule's
    /// alternatives) or an act addressed to the person (<see cref="RuleDefinition.AddressedAct"/>); false for a rule
    /// without that condition.
    /// </summary>
    public bool TechniqueUnread(params string[] texts) =>
        _addressed.Length > 0
        && !texts.Any(t => _addressed.Any(a => a.IsMatch(t)) || _elements.Any(alternative => alternative.Length > 0 && alternative[0].IsMatch(t)));

    /// <summary>
    /// Whether <paramref name="text"/> states in its words that the decision is taken without meaningful human involvement
    /// (<see cref="RuleDefinition.NoHumanInvolvementElement"/>); false for a rule without that element.
    /// </summary>
    public bool StatesNoHumanInvolvement(string text) =>
        Definition.NoHumanInvolvementElement is [var alternative, var element]
        && alternative < _elements.Length && element < _elements[alternative].Length
        && _elements[alternative][element].IsMatch(text);

    /// <summary>
    /// Round 26: whether <paramref name="byKind"/> (the text with its role nouns read as kinds of person) has every element
    /// of an alternative with <see cref="RuleDefinition.KindViewElements"/>, and <paramref name="written"/> every element
    /// of it that is not a person's kind.
    /// </summary>
    public bool HasAllElementsByKind(string byKind, string written)
    {
        var kinds = Definition.KindViewElements;
        for (var a = 0; a < _elements.Length && a < kinds.Count; a++)
        {
            if (kinds[a].Count > 0
                && AllOf(a, byKind)
                && Enumerable.Range(0, _elements[a].Length).All(e => kinds[a].Contains(e) || Matches(a, e, written)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether the text's nearness to the rule may stand for one of its elements (any, or an act element).</summary>
    public bool MeaningMayStandForAnElement => Definition.MeaningStandsForOneElement || Definition.MeaningStandsForAct.Any(a => a.Count > 0);

    /// <summary>Whether element <paramref name="element"/> of alternative <paramref name="alternative"/> matches <paramref name="text"/> by its pattern.</summary>
    public bool HasElement(int alternative, int element, string text) => Matches(alternative, element, text);

    /// <summary>
    /// Whether a text matched by meaning has every legal element the rule requires (its <c>requires</c> patterns, or
    /// every element of one of its element alternatives, which are the fuller statement of the same elements), and
    /// neither it nor the whole text it was cut from has an exclusion.
    /// </summary>
    public bool AdmitsMeaningMatch(string text, string whole) => AdmitsMeaningMatch(text, whole, HasAllElements(text));

    /// <summary>As <see cref="AdmitsMeaningMatch(string, string)"/>, with the elements already judged (by pattern or by meaning).</summary>
    public bool AdmitsMeaningMatch(string text, string whole, bool hasAllElements) =>
        !IsExcluded(text) && !IsExcluded(whole) && (hasAllElements || MeetsRequirements(text));

    public RuleDefinition Definition { get; }

    /// <summary>Whether <paramref name="text"/> matches every <c>requires</c> pattern of the rule (true for a rule without any).</summary>
    public bool MeetsRequirements(string text) => _requires.All(r => r.IsMatch(text));

    /// <summary>Whether an <c>unless</c> pattern (the medical exception, a legal person) stops the rule on this text.</summary>
    public bool IsExcluded(string text) => _unless.Any(u => u.IsMatch(text));

    /// <summary>The first match of the rule in <paramref name="text"/>, or null when it does not fire.</summary>
    public Match? FirstMatch(string text)
    {
        if (_triggers.Length == 0 || _unless.Any(u => u.IsMatch(text)))
        {
            return null;
        }

        foreach (var alternative in _triggers)
        {
            Match? first = null;
            var all = true;
            foreach (var pattern in alternative)
            {
                var match = pattern.Match(text);
                if (!match.Success)
                {
                    all = false;
                    break;
                }

                first ??= match;
            }

            if (all && first is not null)
            {
                return first;
            }
        }

        return null;
    }

    internal static Regex Compile(string ruleId, string pattern)
    {
        try
        {
            return new Regex(SpellingTolerant(pattern), RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, MatchTimeout);
        }
        catch (ArgumentException ex)
        {
            throw new InvalidDataException($"Rule catalogue: rule '{ruleId}' has an invalid pattern '{pattern}': {ex.Message}", ex);
        }
    }
    /// <summary>
    /// The pattern made indifferent to how compounds are written: a literal space between two letters of the pattern
    /// also matches a hyphen, an underscore or nothing ("trade union" matches "trade-union", "trade_union" and
    /// "tradeunion"), and a literal hyphen between letters (optional or not) also matches a space, an underscore or
    /// nothing ("e-?mail" matches "e mail"). Character classes and escapes are left as written. One word, a hyphen or a
    /// log's underscores then never decide whether a rule fires.
    /// </summary>
    internal static string SpellingTolerant(string pattern)
    {
        var builder = new System.Text.StringBuilder(pattern.Length + 32);
        var inClass = false;
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            if (c == '\\' && i + 1 < pattern.Length)
            {
                builder.Append(c).Append(pattern[++i]);
                continue;
            }

            if (inClass)
            {
                inClass = c != ']';
                builder.Append(c);
                continue;
            }

            if (c == '[')
            {
                inClass = true;
                builder.Append(c);
                continue;
            }

            var afterLetter = i > 0 && char.IsLetter(pattern[i - 1]) && (i < 2 || pattern[i - 2] != '\\');
            if (c == ' ' && afterLetter && i + 1 < pattern.Length && char.IsLetter(pattern[i + 1]))
            {
                builder.Append(@"[\s_-]*");
                continue;
            }

            if (c == '-' && afterLetter && i + 1 < pattern.Length && (char.IsLetter(pattern[i + 1]) || pattern[i + 1] == '?'))
            {
                builder.Append(@"[\s_-]?");
                if (pattern[i + 1] == '?')
                {
                    i++;
                }

                continue;
            }

            builder.Append(c);
        }

        return builder.ToString();
    }
}
