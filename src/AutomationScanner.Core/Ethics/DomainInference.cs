using System.Globalization;
using AutomationScanner.Core.Embeddings;
using AutomationScanner.Core.Mining;

namespace AutomationScanner.Core.Ethics;

/// <summary>
/// Infers each process's domain from everything it holds, never from one column: each domain's cues are counted once
/// per distinct source item (activity, attribute, document line) and weighted; an attribute's name and its sampled
/// values are one item (the strongest cue counts), so one column can never count twice. The embedding of the process
/// profile against the domain descriptions adds a second signal. A domain needs cues from at least two distinct
/// items, so one column (Sepsis's <c>Diagnose</c>, by name or by value) can neither make nor break it.
/// </summary>
public sealed class DomainInference(RuleCatalogue catalogue, ITextEmbedder? embedder = null)
{
    /// <summary>A domain needs at least this cue score...</summary>
    public const double MinimumScore = 4;

    /// <summary>...from at least this many distinct items.</summary>
    public const int MinimumItems = 2;

    /// <summary>Weight of the profile's similarity to the domain description (added as weight x (similarity - 0.2)).</summary>
    private const double SimilarityWeight = 10;

    private const int MaxEvidence = 8;

    public ProcessDomainProfile Infer(ProcessFacts facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        var items = Items(facts).ToList();
        var similarities = Similarities(facts);
        var scored = new List<(CompiledDomain Domain, double Score, double Cues, int Items, int Words, double Similarity, List<string> Evidence)>();
        for (var d = 0; d < catalogue.Domains.Count; d++)
        {
            var domain = catalogue.Domains[d];
            double cues = 0;
            var matchedItems = 0;
            var found = new List<string>();
            var words = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            double strongestCue = 0;
            foreach (var group in items.GroupBy(i => i.Key, StringComparer.Ordinal))
            {
                double strongest = 0;
                string? cue = null;
                var itemWords = new List<string>();
                string? where = null;
                foreach (var (source, text, _) in group)
                {
                    foreach (var (pattern, weight) in domain.Cues)
                    {
                        var match = pattern.Match(text);
                        if (!match.Success)
                        {
                            continue;
                        }

                        for (var m = match; m.Success; m = m.NextMatch())
                        {
                            itemWords.Add(CueWord(m.Value));
                        }

                        if (weight > strongest)
                        {
                            strongest = weight;
                            cue = match.Value;
                            where = source;
                        }
                    }
                }

                if (cue is not null)
                {
                    words.UnionWith(itemWords);
                    strongestCue = Math.Max(strongestCue, strongest);
                    cues += strongest;
                    matchedItems++;
                    if (found.Count < MaxEvidence)
                    {
                        found.Add($"{where}: {cue.Trim()}");
                    }
                }
            }

            var similarity = similarities[d];
            var score = cues + (similarity > 0 ? SimilarityWeight * Math.Max(0, similarity - 0.2) : 0);
            // Weak cues (weight 1: offers, applications, banks) only corroborate: carried by them alone, a domain needs two different words.
            scored.Add((domain, score, cues, matchedItems, strongestCue >= 2 ? int.MaxValue : words.Count, similarity, found));
        }

        var ranked = scored.Where(s => !s.Domain.Definition.Additive).OrderByDescending(s => s.Score).ToList();
        var chosen = Choose(facts, ranked);
        return chosen with
        {
            Readings = ReadCodes(facts, chosen.Domain),
            Settings = [.. scored.Where(s => s.Domain.Definition.Additive && Enough(s.Cues, s.Items, s.Words)
                    && (s.Domain.Definition.Within.Count == 0 || s.Domain.Definition.Within.Contains(chosen.Domain ?? "", StringComparer.Ordinal)))
                .Select(s => new ProcessDomainProfile(facts.Process, s.Domain.Definition.Id, s.Domain.Definition.Title, Math.Round(s.Score, 2), 0, s.Evidence, null))],
        };
    }

    /// <summary>
    /// Reads the ambiguous codes of the process's step names (<see cref="StepCodes"/>) by their nearness to the process:
    /// its domain's description, its name, its documents and its other steps. Only for a process whose domain is known
    /// (the domain is what a reading may pass rules from) and with an embedder; a code no reading clearly fits stays unread.
    /// </summary>
    private Dictionary<string, CodeReading> ReadCodes(ProcessFacts facts, string? domainId)
    {
        var readings = new Dictionary<string, CodeReading>(StringComparer.Ordinal);
        if (embedder is null || domainId is null || catalogue.Domains.FirstOrDefault(d => d.Definition.Id == domainId) is not { } domain)
        {
            return readings;
        }

        foreach (var activity in facts.Activities.Where(a => StepCodes.AmbiguousCodes(a).Count > 0).Distinct(StringComparer.Ordinal).Take(MaxReadActivities))
        {
            var process = domain.Definition.Exemplars.Append(TaskText.Normalise(facts.Process))
                .Concat((facts.Documents ?? []).Take(10))
                .Concat(facts.Activities.Where(a => !string.Equals(a, activity, StringComparison.Ordinal)).Take(30).Select(TaskText.Normalise))
                .Distinct(StringComparer.Ordinal).ToList();
            if (StepCodes.Resolve(activity, process, embedder) is { } reading)
            {
                readings[activity] = reading;
            }
        }

        return readings;
    }

    /// <summary>At most this many step names of one process have their ambiguous codes read.</summary>
    private const int MaxReadActivities = 200;

    /// <summary>A domain or setting needs <see cref="MinimumScore"/> from <see cref="MinimumItems"/> items and, carried by weak cues alone, as many different words.</summary>
    private static bool Enough(double cues, int items, int words) => cues >= MinimumScore && items >= MinimumItems && words >= MinimumItems;

    private static ProcessDomainProfile Choose(ProcessFacts facts, List<(CompiledDomain Domain, double Score, double Cues, int Items, int Words, double Similarity, List<string> Evidence)> ranked)
    {
        if (ranked.Count == 0)
        {
            return ProcessDomainProfile.Unknown(facts.Process);
        }

        var best = ranked[0];
        var runnerUp = ranked.Count > 1 && ranked[1].Score > 0
            ? string.Create(CultureInfo.InvariantCulture, $"{ranked[1].Domain.Definition.Id} ({ranked[1].Score:0.#})")
            : null;
        if (best.Cues < MinimumScore || best.Items < MinimumItems)
        {
            return ProcessDomainProfile.Unknown(facts.Process) with { RunnerUp = string.Create(CultureInfo.InvariantCulture, $"{best.Domain.Definition.Id} ({best.Score:0.#}), too little evidence") };
        }

        if (best.Words < MinimumItems)
        {
            return ProcessDomainProfile.Unknown(facts.Process) with
            {
                RunnerUp = string.Create(CultureInfo.InvariantCulture, $"{best.Domain.Definition.Id} ({best.Score:0.#}), one weak cue word only ('{best.Evidence[0][(best.Evidence[0].LastIndexOf(": ", StringComparison.Ordinal) + 2)..]}' repeated)"),
            };
        }

        var evidence = best.Evidence.ToList();
        if (best.Similarity > 0)
        {
            evidence.Add(string.Create(CultureInfo.InvariantCulture, $"process profile similar to \"{best.Domain.Definition.Exemplars.FirstOrDefault()}\" ({best.Similarity:0.00})"));
        }

        return new ProcessDomainProfile(facts.Process, best.Domain.Definition.Id, best.Domain.Definition.Title, Math.Round(best.Score, 2), Math.Round(best.Similarity, 3), evidence, runnerUp);
    }

    /// <summary>
    /// A cue as a word, singular and lower case: "Offer", "offers" and "offer" are one word. One word repeated over
    /// activities, the process name and values ("make job offer", "job offer declined", "offers") is one piece of
    /// evidence, so a domain needs at least two different cue words as well as two items.
    /// </summary>
    private static string CueWord(string cue)
    {
        var word = cue.Trim().ToLowerInvariant();
        return word.Length > 3 && word.EndsWith('s') && !word.EndsWith("ss", StringComparison.Ordinal) ? word[..^1] : word;
    }

    /// <summary>At most this many sampled values of one attribute are read.</summary>
    public const int MaxValuesPerAttribute = AttributeValueSampler.MaxValuesPerAttribute;

    /// <summary>
    /// Every distinct source item once: activities (readable form), attributes with their sampled values (one key per
    /// attribute: its name and values are the same column), document lines, the process name. A value's evidence
    /// names its attribute and the cue it matched, never the whole value.
    /// </summary>
    private static IEnumerable<(string Source, string Text, string Key)> Items(ProcessFacts facts)
    {
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var activity in facts.Activities)
        {
            var text = TaskText.Normalise(activity);
            if (seen.Add("a:" + text))
            {
                yield return ($"activity '{TaskText.Truncate(activity, 60)}'", text, "a:" + text);
            }
        }

        foreach (var attribute in facts.Attributes)
        {
            var text = TaskText.Normalise(attribute.Replace(':', ' '));
            if (seen.Add("c:" + text))
            {
                yield return ($"attribute '{TaskText.Truncate(attribute, 60)}'", text, "c:" + AttributeKey(attribute));
            }
        }

        foreach (var group in (facts.AttributeValues ?? []).GroupBy(v => AttributeKey(v.Attribute), StringComparer.Ordinal))
        {
            foreach (var sample in group.Take(MaxValuesPerAttribute))
            {
                var text = TaskText.Normalise(sample.Value);
                if (seen.Add("v:" + group.Key + ":" + text))
                {
                    yield return ($"a value of attribute '{TaskText.Truncate(sample.Attribute, 60)}'", text, "c:" + group.Key);
                }
            }
        }

        foreach (var line in facts.Documents ?? [])
        {
            if (seen.Add("d:" + line))
            {
                yield return ($"document '{TaskText.Truncate(line, 60)}'", line, "d:" + line);
            }
        }

        var name = TaskText.Normalise(facts.Process);
        yield return ($"process name '{TaskText.Truncate(facts.Process, 60)}'", name, "p:" + name);
    }

    /// <summary>"case:Department" and "Department" are the same column.</summary>
    private static string AttributeKey(string attribute) =>
        (attribute.StartsWith("case:", StringComparison.OrdinalIgnoreCase) ? attribute[5..] : attribute).Trim().ToLowerInvariant();

    private double[] Similarities(ProcessFacts facts)
    {
        var result = new double[catalogue.Domains.Count];
        if (embedder is null || facts.Activities.Count == 0)
        {
            return result;
        }

        var profile = "Process steps: " + string.Join(", ", facts.Activities.Take(60).Select(TaskText.Normalise))
            + ". Data: " + string.Join(", ", facts.Attributes.Take(30).Select(a => TaskText.Normalise(a.Replace(':', ' '))))
            + (facts.AttributeValues is { Count: > 0 } values
                ? ". Values: " + string.Join(", ", values.GroupBy(v => AttributeKey(v.Attribute)).SelectMany(g => g.Take(3)).Take(30).Select(v => TaskText.Normalise(v.Value)))
                : "");
        var texts = new List<string> { profile };
        var owners = new List<int>();
        for (var d = 0; d < catalogue.Domains.Count; d++)
        {
            foreach (var exemplar in catalogue.Domains[d].Definition.Exemplars)
            {
                texts.Add(exemplar);
                owners.Add(d);
            }
        }

        CatalogueEmbeddings.SeedInto(embedder);
        var vectors = embedder.Embed(texts);
        for (var i = 1; i < vectors.Length; i++)
        {
            var similarity = VectorMath.Cosine(vectors[0], vectors[i]);
            result[owners[i - 1]] = Math.Max(result[owners[i - 1]], similarity);
        }

        return result;
    }
}
