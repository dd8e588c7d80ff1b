using AutomationScanner.Core.Model;

namespace AutomationScanner.Core.Documents;

/// <summary>One statement attached to a mined candidate, with the score that matched them.</summary>
public sealed record StatementMatch(TaskStatement Statement, TaskCandidate Candidate, double Score);

/// <summary>What matching did: statements attached to mined candidates, and the candidates made from the rest.</summary>
public sealed record StatementMatchResult
{
    public required IReadOnlyList<StatementMatch> Matches { get; init; }

    /// <summary>Candidates made from statements that matched no activity (Process = document name), in document order.</summary>
    public required IReadOnlyList<TaskCandidate> DocumentCandidates { get; init; }

    /// <summary>Statements flagged as suspected injections: kept for the report, never attached or turned into candidates.</summary>
    public required IReadOnlyList<TaskStatement> Quarantined { get; init; }
}

/// <summary>
/// Matches document statements to mined activities by fuzzy name and verb/object similarity. An activity's
/// content words (verb first, then objects) are looked for among the statement's words; the score is
/// 0.7 x activity-word coverage + 0.15 x verb agreement (the statement's leading verb is the activity's verb)
/// + 0.15 x statement-word coverage (how much of the statement the activity explains), in 0..1. A statement
/// attaches to its best candidate when the score reaches <see cref="Threshold"/>; others become candidates of
/// their own, sized later from their frequency hints (<see cref="DocumentSizing"/>).
/// </summary>
public sealed class StatementMatcher
{
    public const double DefaultThreshold = 0.6;

    private const int MaxNameLength = 80;

    public StatementMatcher(double threshold = DefaultThreshold)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(threshold);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(threshold, 1);
        Threshold = threshold;
    }

    public double Threshold { get; }

    /// <summary>
    /// Attaches each statement to the best-matching candidate (adding it to <see cref="TaskCandidate.Statements"/>)
    /// and returns new candidates for the statements that matched none. Candidates passed in are changed in place.
    /// </summary>
    public StatementMatchResult Match(IReadOnlyList<TaskCandidate> candidates, IEnumerable<TaskStatement> statements)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        ArgumentNullException.ThrowIfNull(statements);
        var activities = candidates.Select(c => (Candidate: c, Tokens: TextNormalizer.Tokens(c.Name))).Where(a => a.Tokens.Count > 0).ToArray();
        var matches = new List<StatementMatch>();
        var quarantined = new List<TaskStatement>();
        var created = new Dictionary<string, TaskCandidate>(StringComparer.Ordinal);
        var createdInOrder = new List<TaskCandidate>();
        foreach (var statement in statements)
        {
            if (statement.SuspectedInjection)
            {
                quarantined.Add(statement);
                continue;
            }

            var tokens = TextNormalizer.Tokens(statement.Text);
            TaskCandidate? best = null;
            var bestScore = 0.0;
            foreach (var (candidate, activityTokens) in activities)
            {
                var score = Score(activityTokens, tokens);
                if (score > bestScore)
                {
                    (best, bestScore) = (candidate, score);
                }
            }

            if (best is not null && bestScore >= Threshold)
            {
                best.Statements.Add(statement);
                matches.Add(new StatementMatch(statement, best, bestScore));
                continue;
            }

            var name = TextNormalizer.DisplayName(statement.Text, MaxNameLength);
            // Same rule as logs: "SOP receipts 2026-01.docx" and "SOP receipts 2026-02.docx" are one process.
            var process = Ingestion.ProcessIdentity.Of(Path.GetFileNameWithoutExtension(statement.SourceFile));
            var key = process + "\u001f" + string.Join(' ', tokens.Count > 0 ? tokens : [name.ToLowerInvariant()]);
            if (!created.TryGetValue(key, out var own))
            {
                own = new TaskCandidate(name, process);
                created[key] = own;
                createdInOrder.Add(own);
            }

            own.Statements.Add(statement);
        }

        return new StatementMatchResult { Matches = matches, DocumentCandidates = createdInOrder, Quarantined = quarantined };
    }

    /// <summary>Similarity of an activity name and a statement text in 0..1 (see the class remarks).</summary>
    public static double Score(string activityName, string statementText) =>
        Score(TextNormalizer.Tokens(activityName), TextNormalizer.Tokens(statementText));

    private static double Score(IReadOnlyList<string> activity, IReadOnlyList<string> statement)
    {
        if (activity.Count == 0 || statement.Count == 0)
        {
            return 0;
        }

        var covered = 0.0;
        var usedStatementTokens = new HashSet<int>();
        foreach (var token in activity)
        {
            var (best, at) = BestMatch(token, statement);
            covered += best;
            if (best > 0)
            {
                usedStatementTokens.Add(at);
            }
        }

        var activityCoverage = covered / activity.Count;

        // Verb/object structure: activity names lead with their verb ("Resolve ticket"); a statement's verb is its
        // first known verb once the performer is skipped ("The agent resolves the ticket").
        var statementVerb = statement.Take(5).FirstOrDefault(VerbLexicon.IsVerbStem) ?? statement[0];
        var verbAgreement = TextNormalizer.TokenSimilarity(activity[0], statementVerb) >= 0.8 ? 1.0 : 0.0;
        if (activity.Count == 1)
        {
            // A one-word activity ("Closed", "Wait") has no object to confirm it: it has to be the statement's verb.
            activityCoverage *= verbAgreement;
        }

        var statementCoverage = Math.Min(1.0, (double)usedStatementTokens.Count / Math.Min(statement.Count, 8));
        return Math.Round((0.7 * activityCoverage) + (0.15 * verbAgreement) + (0.15 * statementCoverage), 4);
    }

    private static (double Similarity, int Index) BestMatch(string token, IReadOnlyList<string> statement)
    {
        var best = 0.0;
        var at = -1;
        for (var i = 0; i < statement.Count; i++)
        {
            var similarity = TextNormalizer.TokenSimilarity(token, statement[i]);
            if (similarity > best)
            {
                (best, at) = (similarity, i);
            }
        }

        return (best, at);
    }
}
