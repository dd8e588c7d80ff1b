using System.Globalization;
using AutomationScanner.Core.Model;

namespace AutomationScanner.Core.Ethics;

public sealed partial class RiskScreen
{
    /// <summary>
    /// Round 26: how near the nearest labelled case must be for a confident Minimal vote to hold back a rule matched by
    /// meaning alone (<see cref="HoldBackMeaningMatchesTheLabelledCasesCallMinimal"/>).
    /// </summary>
    public const double MinimalVoteMinSimilarity = 0.6;

    /// <summary>Round 26: whether a confident Minimal vote holds back rules matched by meaning alone (on by default; off to measure what it does).</summary>
    public bool MinimalVoteHoldsBack { get; init; } = true;

    /// <summary>
    /// Round 26: the labelled cases' vote was read to raise only. Its Minimal cases are the near-misses written from the
    /// legal texts: the same words about animals, objects, firms, totals ("grade each olive-oil batch", "rank the rescue
    /// dogs", "credit scoring of listed corporations"). Where the name's own view (as the vote reads it, with the domain's
    /// phrase) gets a confident Minimal vote (<see cref="LabelledCaseIndex.MinShare"/> of the similarity-weighted vote of
    /// its ten nearest cases, the nearest at <see cref="MinimalVoteMinSimilarity"/> or more), a High or Prohibited rule
    /// matched by meaning alone (no pattern, no process description, no labelled vote of its own) is recorded, not
    /// applied: the nearest cases that share the task's words are not what the rule is about. A rule the words match, a
    /// finding the process passes on, and every Limited rule stay. Measured on the whole set (leave one batch out) before
    /// it was built: 5 near-misses lowered to their tier, no case in tier lost, at every share from 0.5 and nearest
    /// similarity from 0.4 to 0.7 (docs/ranking.md, Round 26).
    /// </summary>
    private List<RiskHit> HoldBackMeaningMatchesTheLabelledCasesCallMinimal(List<RiskHit> hits, TaskCandidate candidate, string? processContext, HashSet<string> byPattern)
    {
        bool HeldBackable(RiskHit h) => h.Applied && h.Tier >= RiskTier.High && h.Evidence.Scope == EvidenceScope.Text
            && h.Evidence.Similarity is not null && !byPattern.Contains(h.RuleId);
        if (!MinimalVoteHoldsBack || !LabelledCasesThroughRules || LabelledCases is not { } index || _semantic is null || index.ModelId != _semantic.Embedder.ModelId
            || !hits.Any(HeldBackable) || hits.Any(h => h.Applied && h.Evidence.Scope == EvidenceScope.LabelledCases))
        {
            return hits;
        }

        var queries = LabelledQueries(candidate, processContext);
        if (queries.Count == 0 || index.Vote(queries[0].Vector) is not { Tier: RiskTier.Minimal } vote || vote.Nearest[0].Similarity < MinimalVoteMinSimilarity)
        {
            return hits;
        }

        var nearest = string.Join("; ", vote.Nearest.Take(3).Select(n => string.Create(CultureInfo.InvariantCulture, $"\"{n.Case.Text}\" {n.Similarity:0.00}")));
        return [.. hits.Select(h => HeldBackable(h)
            ? h with { Applied = false, Note = string.Create(CultureInfo.InvariantCulture, $"Read by meaning alone, and {vote.Nearest.Count} of the {vote.Voters} nearest labelled cases are near-misses rated Minimal ({vote.Share:P0} of the similarity-weighted vote; nearest: {nearest}): the task shares {h.Clause}'s words, not its subject.") }
            : h)];
    }
}
