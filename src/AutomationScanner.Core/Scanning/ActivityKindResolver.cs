using System.Globalization;
using AutomationScanner.Core.Ethics;
using AutomationScanner.Core.Mining;
using AutomationScanner.Core.Model;
using AutomationScanner.Core.Ranking;

namespace AutomationScanner.Core.Scanning;

/// <summary>
/// Decides each candidate's kind from every source of evidence: the log's signals (mined with the activity), matched
/// document statements (manual / user-system / automated), the LLM's validated kind field when configured (one vote,
/// never the only source) and overrides (<c>--kind A_SUBMITTED=system</c> or configuration), which win.
/// </summary>
public sealed class ActivityKindResolver
{
    /// <summary>Weight of the LLM's vote: it can tip a close call, not overturn the log's evidence.</summary>
    public const double LlmWeight = 0.5;

    private readonly List<(string? Process, string Activity, ActivityKind Kind, string Text)> _overrides = [];

    public ActivityKindResolver(IEnumerable<string>? overrides = null)
    {
        foreach (var text in overrides ?? [])
        {
            _overrides.Add(ParseOverride(text));
        }
    }

    /// <summary>Parses <c>activity=kind</c> or <c>process::activity=kind</c>; throws with the text when malformed.</summary>
    public static (string? Process, string Activity, ActivityKind Kind, string Text) ParseOverride(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var equals = text.LastIndexOf('=');
        if (equals <= 0 || equals == text.Length - 1)
        {
            throw new FormatException($"kind override '{text}': expected activity=kind, e.g. A_SUBMITTED=system");
        }

        var kindText = text[(equals + 1)..].Trim();
        if (!Enum.TryParse<ActivityKind>(kindText, ignoreCase: true, out var kind) || !Enum.IsDefined(kind) || int.TryParse(kindText, out _))
        {
            throw new FormatException($"kind override '{text}': '{kindText}' is not a kind (work, decision, requester, system, state, measurement, wait, external)");
        }

        var key = text[..equals].Trim();
        var scope = key.IndexOf("::", StringComparison.Ordinal);
        return scope > 0 ? (key[..scope], key[(scope + 2)..], kind, text) : (null, key, kind, text);
    }

    /// <summary>Sets <see cref="TaskCandidate.Kind"/>, its confidence and evidence on every candidate.</summary>
    public void Resolve(IEnumerable<TaskCandidate> candidates, Func<TaskCandidate, ActivityKind?>? llmKind = null)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        foreach (var candidate in candidates)
        {
            var signals = new List<KindSignal>(candidate.Statistics?.KindEvidence ?? []);
            signals.AddRange(DocumentSignals(candidate));
            var withoutLlm = KindVote.Decide(signals);
            KindSignal? llmSignal = null;
            if (llmKind?.Invoke(candidate) is { } llm)
            {
                llmSignal = new KindSignal(KindSignalSources.Llm, llm, LlmWeight, $"the LLM's validated kind field says {Word(llm)}");
                signals.Add(llmSignal);
            }

            var match = _overrides.LastOrDefault(o => string.Equals(o.Activity, candidate.Name, StringComparison.Ordinal)
                && (o.Process is null || string.Equals(o.Process, candidate.Process, StringComparison.Ordinal)));
            KindAssessment decided;
            if (match.Activity is not null)
            {
                signals.Insert(0, new KindSignal(KindSignalSources.Override, match.Kind, 1, $"override '{match.Text}'"));
                decided = new KindAssessment(match.Kind, 1, signals, Overridden: true);
            }
            else
            {
                decided = KindVote.Decide(signals);

                // The LLM is never the only source: it may tip a call only towards a kind the export's own evidence
                // (log, documents) also points to; the work prior is no evidence. Otherwise its vote is shown, not counted.
                if (llmSignal is not null && decided.Kind != withoutLlm.Kind
                    && !signals.Any(s => s.Source != KindSignalSources.Llm && s.Kind == decided.Kind && s.Weight > 0))
                {
                    var shown = llmSignal with { Weight = 0, Description = llmSignal.Description + ": not counted, nothing else in the export points to it" };
                    decided = withoutLlm with { Evidence = [.. withoutLlm.Evidence, shown] };
                }
            }

            candidate.Kind = decided.Kind;
            candidate.KindConfidence = decided.Confidence;
            candidate.KindEvidence = decided.Evidence;
        }
    }

    /// <summary>Matched SOP statements: automated steps are system work; manual and user-system steps are a person's.</summary>
    private static IEnumerable<KindSignal> DocumentSignals(TaskCandidate candidate)
    {
        var statements = candidate.Statements.Where(s => !s.SuspectedInjection).ToList();
        if (statements.Count == 0)
        {
            yield break;
        }

        // A statement that itself says waiting ("Wait for the customer's answer") describes a wait, whoever waits.
        foreach (var group in statements.GroupBy(s => (s.Interaction, Waits: StatementWaits(s.Text))))
        {
            var share = group.Count() / (double)statements.Count;
            var kind = group.Key.Interaction == InteractionKind.Automated ? ActivityKind.System : group.Key.Waits ? ActivityKind.Wait : ActivityKind.Work;
            var first = group.First();
            var what = group.Key.Waits && kind == ActivityKind.Wait ? "waiting" : Words(group.Key.Interaction);
            yield return new KindSignal(KindSignalSources.Document, kind, Math.Round(0.5 * share, 3),
                string.Create(CultureInfo.InvariantCulture, $"{group.Count()} of {statements.Count} matched document statement(s) describe a {what} step ({first.SourceFile}:{first.Line})"));
        }
    }

    private static bool StatementWaits(string text) =>
        ActivityKindInference.NamingSignals(text).Any(signal => signal.Kind == ActivityKind.Wait);

    /// <summary>The non-task candidates as report context, with what each means for the analysis.</summary>
    public static List<ContextActivity> Context(IEnumerable<TaskCandidate> candidates, ResourcePseudonymizer pseudonymizer)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        ArgumentNullException.ThrowIfNull(pseudonymizer);
        return [.. candidates.Where(c => !c.Kind.IsTask())
            .OrderBy(c => c.Process, StringComparer.Ordinal)
            .ThenByDescending(c => c.Statistics?.Executions ?? 0)
            .ThenBy(c => c.Name, StringComparer.Ordinal)
            .Select(c => new ContextActivity
            {
                Id = c.Id,
                Process = c.Process,
                Task = c.Name,
                Kind = c.Kind,
                KindConfidence = c.KindConfidence,
                KindEvidence = c.KindEvidence,
                Role = Role(c.Kind),
                DecidedBy = c.Statistics?.DecidedBy ?? [],
                ExecutionsPerYear = c.Statistics is { ExecutionsPerWeek: > 0 } s ? s.ExecutionsPerWeek * 365.2425 / 7 : 0,
                Statistics = c.Statistics is { } stats ? Opportunity.Pseudonymise(stats, pseudonymizer) : null,
            })];
    }

    public static string Role(ActivityKind kind) => kind switch
    {
        ActivityKind.System => "software does it: automation already achieved",
        ActivityKind.State => "a status or milestone recorded, not work",
        ActivityKind.Requester => "the requester acts (self-service), not the organisation's work",
        ActivityKind.Measurement => "a value recorded, not a task",
        ActivityKind.Wait => "waiting, not work",
        ActivityKind.External => "a third party acts",
        _ => "a task",
    };

    public static string Word(ActivityKind kind) => kind.ToString().ToLowerInvariant();

    private static string Words(InteractionKind kind) => kind switch
    {
        InteractionKind.Automated => "automated",
        InteractionKind.UserSystem => "user-system",
        _ => "manual",
    };
}

/// <summary>Adds the weight of the signals per kind: the heaviest kind wins, its share of the total is the confidence.</summary>
public static class KindVote
{
    public static KindAssessment Decide(IReadOnlyList<KindSignal> signals) => ActivityKindInference.Vote(signals);
}
