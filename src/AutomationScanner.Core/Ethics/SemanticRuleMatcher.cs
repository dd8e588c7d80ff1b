using System.Text.RegularExpressions;
using AutomationScanner.Core.Embeddings;

namespace AutomationScanner.Core.Ethics;

/// <summary>One text of a task, with where it came from.</summary>
public sealed record TaskTextItem(string Text, string Location);

/// <summary>The best match of a rule by meaning: which task text came nearest to which exemplar.</summary>
/// <param name="RuleId">The rule.</param>
/// <param name="Text">The task text.</param>
/// <param name="Location">Where the text came from ("task name", "sop.md:4").</param>
/// <param name="Exemplar">The rule's exemplar description it came nearest to.</param>
/// <param name="Similarity">Their cosine similarity.</param>
/// <param name="Ordinary">The text's similarity to the nearest ordinary-work exemplar.</param>
public sealed record SemanticMatch(string RuleId, string Text, string Location, string Exemplar, double Similarity, double Ordinary);

/// <summary>
/// Matches task texts to the rules' exemplar descriptions by sentence-embedding similarity. The exemplars are embedded
/// once per process through the shared embedder (whose cache persists them, so a warm scan embeds none). A rule fires
/// when its best similarity reaches its tier's threshold and beats the nearest ordinary-work exemplar by the margin.
/// </summary>
public sealed partial class SemanticRuleMatcher
{
    private readonly RuleCatalogue _catalogue;
    private readonly ITextEmbedder _embedder;
    private readonly Lazy<Exemplars> _exemplars;

    public SemanticRuleMatcher(RuleCatalogue catalogue, ITextEmbedder embedder)
    {
        ArgumentNullException.ThrowIfNull(catalogue);
        ArgumentNullException.ThrowIfNull(embedder);
        _catalogue = catalogue;

        // A bare model gets an in-memory cache, so repeated texts are embedded once.
        _embedder = embedder is CachingTextEmbedder ? embedder : new CachingTextEmbedder(embedder);
        CatalogueEmbeddings.SeedInto(_embedder);
        _exemplars = new Lazy<Exemplars>(Build, LazyThreadSafetyMode.ExecutionAndPublication);
    }

    public ITextEmbedder Embedder => _embedder;

    /// <summary>Embeds the given texts in one batch (and the exemplars, once), so later matches answer from the cache.</summary>
    public void Warm(IEnumerable<string> texts)
    {
        _ = _exemplars.Value;
        _embedder.Embed([.. texts.Where(t => !string.IsNullOrWhiteSpace(t))
            .SelectMany(t => Views(new TaskTextItem(t, "")).Select(v => v.Text))
            .Distinct(StringComparer.Ordinal)]);
    }

    /// <summary>For every rule with exemplars, its best match over <paramref name="texts"/> (fired or not).</summary>
    public IReadOnlyList<SemanticMatch> Scores(IReadOnlyList<TaskTextItem> texts) =>
        [.. PerText(texts).SelectMany(t => t).GroupBy(m => m.RuleId).Select(g => g.MaxBy(m => m.Similarity)!)];

    /// <summary>
    /// The rules that fire by meaning on <paramref name="texts"/>, each with its best match. Each text (and each of its
    /// views: without a leading "automatically decide whether to", without a trailing qualifier) is judged on its own and
    /// the hits are united, so adding words to a task can add hits but never take one away.
    /// </summary>
    public IReadOnlyList<SemanticMatch> Match(IReadOnlyList<TaskTextItem> texts)
    {
        ArgumentNullException.ThrowIfNull(texts);
        var settings = _catalogue.Semantic;
        var fired = new Dictionary<string, SemanticMatch>(StringComparer.Ordinal);
        var views = texts.SelectMany(t => Views(t).Select(v => (View: v, Whole: t.Text))).ToList();
        var perView = PerText([.. views.Select(v => v.View)]);
        for (var i = 0; i < perView.Count; i++)
        {
            var matches = perView[i];
            var nearest = matches.Count == 0 ? 0 : matches.Max(m => m.Similarity);
            foreach (var m in matches)
            {
                var rule = _catalogue.Rule(m.RuleId)!;
                var elements = rule.HasAllElements(m.Text);
                var nearestWithElements = elements && rule.Definition.Tier >= RiskTier.High && m.Similarity >= nearest
                    && m.Similarity >= settings.NearestElementThreshold;
                if ((nearestWithElements || m.Similarity >= (elements ? settings.ElementThreshold(rule.Definition.Tier) : settings.Threshold(rule.Definition.Tier)))
                    && m.Similarity - m.Ordinary >= settings.Margin
                    && (elements || nearest - m.Similarity <= settings.Competition)
                    && rule.Definition.Kind != RuleKind.NarrowProceduralFilter
                    && rule.AdmitsMeaningMatch(m.Text, views[i].Whole)
                    && (!fired.TryGetValue(m.RuleId, out var earlier) || earlier.Similarity < m.Similarity))
                {
                    fired[m.RuleId] = m;
                }
            }
        }

        return [.. fired.Values];
    }

    /// <summary>The text, the text without a leading automation phrase, and the text without its trailing qualifier.</summary>
    public static IEnumerable<TaskTextItem> Views(TaskTextItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var stripped = new List<string> { item.Text };

        // Hyphenated compounds read as separate words ("job-seeker's" as "job seeker's"): the model's word pieces
        // for a hyphenated form differ from those of the spaced or closed-up form, and a hyphen must not decide a hit.
        var spaced = HyphenBetweenLetters().Replace(item.Text, " ");
        if (!string.Equals(spaced, item.Text, StringComparison.Ordinal))
        {
            stripped.Add(spaced);
        }

        for (var text = item.Text; ;)
        {
            var core = LeadingModality().Replace(text, "");
            if (core.Length == 0 || core.Length >= text.Length)
            {
                break;
            }

            text = char.ToUpperInvariant(core[0]) + core[1..];
            stripped.Add(text);
        }

        foreach (var text in stripped)
        {
            if (seen.Add(text))
            {
                yield return item with { Text = text };
            }

            // Every cut before a qualifier: "X for the team, including Y" gives "X" and "X for the team".
            foreach (Match cut in Qualifier().Matches(text))
            {
                if (cut.Index > 0 && text[..cut.Index].Contains(' ', StringComparison.Ordinal) && seen.Add(text[..cut.Index]))
                {
                    yield return item with { Text = text[..cut.Index] };
                }
            }
        }
    }

    private List<List<SemanticMatch>> PerText(IReadOnlyList<TaskTextItem> texts)
    {
        var exemplars = _exemplars.Value;
        var results = new List<List<SemanticMatch>>(texts.Count);
        if (texts.Count == 0)
        {
            return results;
        }

        var vectors = _embedder.Embed([.. texts.Select(t => t.Text)]);
        for (var t = 0; t < vectors.Length; t++)
        {
            var ordinary = Math.Round(VectorMath.Nearest(vectors[t], exemplars.Minimal).Similarity, 3);
            var matches = new List<SemanticMatch>(exemplars.Rules.Count);
            foreach (var (ruleId, ruleExemplars, ruleVectors) in exemplars.Rules)
            {
                var (index, similarity) = VectorMath.Nearest(vectors[t], ruleVectors);
                if (index >= 0)
                {
                    matches.Add(new SemanticMatch(ruleId, texts[t].Text, texts[t].Location, ruleExemplars[index], Math.Round(similarity, 3), ordinary));
                }
            }

            results.Add(matches);
        }

        return results;
    }

    [GeneratedRegex(@"^\s*(automatic(ally)?|auto-?)?\s*(decide\s*(:|whether to|whether|if|which|on|to)?)?\s*[:,-]?\s*", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex LeadingModality();

    [GeneratedRegex(@"(?<=\p{L})-(?=\p{L})")]
    private static partial Regex HyphenBetweenLetters();

    [GeneratedRegex(@",\s|\s(for|including|of|from|with|among|by)\s", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Qualifier();

    private Exemplars Build()
    {
        var rules = _catalogue.Rules
            .Where(r => r.Definition.Exemplars.Count > 0 && r.Definition.Scope.Contains(EvidenceScope.Text))
            .Select(r => r.Definition)
            .ToList();
        var texts = rules.SelectMany(r => r.Exemplars).Concat(_catalogue.Semantic.MinimalExemplars).ToList();
        var vectors = _embedder.Embed(texts);
        var offset = 0;
        var byRule = new List<(string, IReadOnlyList<string>, IReadOnlyList<float[]>)>(rules.Count);
        foreach (var rule in rules)
        {
            byRule.Add((rule.Id, rule.Exemplars, vectors[offset..(offset + rule.Exemplars.Count)]));
            offset += rule.Exemplars.Count;
        }

        return new Exemplars(byRule, vectors[offset..]);
    }

    private sealed record Exemplars(IReadOnlyList<(string RuleId, IReadOnlyList<string> Texts, IReadOnlyList<float[]> Vectors)> Rules, IReadOnlyList<float[]> Minimal);
}
