using System.Globalization;
using System.Text.RegularExpressions;
using AutomationScanner.Core.Model;

namespace AutomationScanner.Core.Mining;

/// <summary>
/// Infers what each activity of a log is from the log's own evidence: how its resources behave (a system id, one
/// resource across nearly all cases, all hours of the day, firing within seconds), lifecycle (start/complete pairs,
/// status values), naming (status words, past participles, ALL-CAPS codes, the actor named in the event), prefix
/// groups whose members behave alike (BPIC 2012's A_/O_/W_), attributes (a value recorded under the activity's own
/// name) and the control flow (a DECLINED-like outcome marks the work step before it as a decision). Every signal is
/// kept as evidence; the heaviest kind wins (<see cref="Vote"/>). Names of resources never enter the evidence.
/// </summary>
public static partial class ActivityKindInference
{
    /// <summary>Resources at least this busy are judged by behaviour (fewer executions say too little).</summary>
    public const int MinResourceExecutions = 30;

    public sealed record Result(
        IReadOnlyList<KindAssessment> Kinds,
        IReadOnlyList<IReadOnlyList<string>> DecidedBy,
        IReadOnlySet<int> AutomatedResources,
        IReadOnlyDictionary<int, string> AutomatedResourceReasons);

    public static Result Infer(LogAggregate log, IReadOnlyList<int> activities)
    {
        ArgumentNullException.ThrowIfNull(log);
        ArgumentNullException.ThrowIfNull(activities);
        var (automated, reasons) = AutomatedResources(log);
        var signals = new Dictionary<int, List<KindSignal>>();
        var dated = new DatedTotals(activities.Sum(id => ExecutionsOf(log.Activities[id])), activities.Sum(id => log.Activities[id].MidnightExecutions));
        foreach (var id in activities)
        {
            signals[id] = [.. ActivitySignals(log, id, automated, dated)];
        }

        AddPrefixGroupSignals(log, activities, signals);
        AddStatusCodeFamilySignals(log, activities, signals);
        var kinds = activities.ToDictionary(id => id, id => Vote(signals[id]));

        // A decision outcome (DECLINED, REJECTED, APPROVED...) recorded as a state marks the work step it was taken in:
        // the step in progress when it was recorded (a work item with start and complete events), else the step
        // completed just before it.
        var decidedBy = activities.ToDictionary(id => id, _ => new List<string>());
        foreach (var outcome in activities)
        {
            if (kinds[outcome].Kind is not (ActivityKind.State or ActivityKind.System) || !NegativeOrApprovalOutcome().IsMatch(log.ActivityNames[outcome])
                || AnswersWhatWasSent(log, activities, outcome))
            {
                continue;
            }

            foreach (var step in activities)
            {
                var aggregate = log.Activities[step];
                if (step == outcome || !kinds[step].IsTask)
                {
                    continue;
                }

                var (decided, how) = DecidedIn(aggregate, outcome);
                if (decided < 20 || decided < 0.05 * aggregate.Executions)
                {
                    continue;
                }

                var cases = Math.Max(1, aggregate.Cases);
                var share = Math.Min(1, decided / (double)cases);
                signals[step].Add(new KindSignal(KindSignalSources.Sequence, ActivityKind.Decision, 0.6, Invariant(
                    $"the outcome '{log.ActivityNames[outcome]}' recorded {how} in {decided:N0} of its {cases:N0} cases ({share:P0}): this step decides"), share));
                kinds[step] = Vote(signals[step]);
                decidedBy[outcome].Add(log.ActivityNames[step]);
            }
        }

        return new Result(
            [.. activities.Select(id => kinds[id])],
            [.. activities.Select(id => (IReadOnlyList<string>)decidedBy[id])],
            automated,
            reasons);
    }

    /// <summary>
    /// An acceptance or refusal of something the organisation sent out is its recipient's answer, not the
    /// organisation's decision: the outcome names an offer, quote or proposal ("job offer declined"), or its prefix group
    /// also records that the object was sent (BPIC 2012's O_SENT beside O_DECLINED: the customer declined an offer).
    /// </summary>
    private static bool AnswersWhatWasSent(LogAggregate log, IReadOnlyList<int> activities, int outcome)
    {
        var name = log.ActivityNames[outcome];
        if (SentObject().IsMatch(name))
        {
            return true;
        }

        var prefix = Prefix(name);
        return prefix is not null && activities.Any(id => id != outcome
            && string.Equals(Prefix(log.ActivityNames[id]), prefix, StringComparison.Ordinal)
            && SentStatus().IsMatch(StripPrefix(log.ActivityNames[id])));
    }

    [GeneratedRegex(@"\b(offer\w*|offerte\w*|quot(e|es|ation|ations)|proposals?)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SentObject();

    [GeneratedRegex(@"^\s*(sent|verzonden|verstuurd)\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SentStatus();

    /// <summary>
    /// How often <paramref name="outcome"/> was recorded in the step: while it was in progress (a work item with start
    /// and complete events; the step completed just before it while another was open did not take it), or directly
    /// after it when no step was in progress.
    /// </summary>
    private static (long Count, string How) DecidedIn(ActivityAggregate step, int outcome)
    {
        // An aggregate restored from a state written before the counts existed has only the direct successors.
        var count = step.RecordedInOrAfter(outcome);
        return (count, step.Starts > 0 ? "while it was in progress or directly after it" : "directly after it");
    }

    /// <summary>Adds the weight of the signals per kind (with a prior for work); the heaviest wins.</summary>
    public static KindAssessment Vote(IReadOnlyList<KindSignal> signals)
    {
        ArgumentNullException.ThrowIfNull(signals);
        const double workPrior = 0.3;
        var totals = new double[Enum.GetValues<ActivityKind>().Length];
        totals[(int)ActivityKind.Work] = workPrior;
        foreach (var signal in signals)
        {
            totals[(int)signal.Kind] += Math.Max(0, signal.Weight);
        }

        var best = 0;
        for (var i = 1; i < totals.Length; i++)
        {
            if (totals[i] > totals[best] + 1e-9)
            {
                best = i;
            }
        }

        var sum = totals.Sum();
        return new KindAssessment((ActivityKind)best, sum > 0 ? Math.Round(totals[best] / sum, 3) : 0,
            [.. signals.OrderByDescending(s => s.Weight).ThenBy(s => s.Source, StringComparer.Ordinal)]);
    }

    /// <summary>Resources that are systems: by name, or by behaviour (firing within seconds, all hours, near-zero duration, everywhere).</summary>
    public static (HashSet<int> Ids, Dictionary<int, string> Reasons) AutomatedResources(LogAggregate log)
    {
        ArgumentNullException.ThrowIfNull(log);
        var ids = new HashSet<int>();
        var reasons = new Dictionary<int, string>();
        var peopleLike = log.Resources.Count(r => r.Executions >= MinResourceExecutions);
        for (var r = 0; r < log.Resources.Count; r++)
        {
            var resource = log.Resources[r];
            string? reason = null;
            if (log.IsAutomatedResource(r))
            {
                reason = "its name marks a system or bot";
            }
            else if (resource.Executions >= MinResourceExecutions)
            {
                var quick = resource.QuickFollows / (double)resource.Executions;
                var caseShare = log.Cases == 0 ? 0 : resource.Cases / (double)log.Cases;
                if (quick >= 0.8)
                {
                    reason = Invariant($"{quick:P0} of its executions fire within {LogAggregate.QuickFollowSeconds} s of the previous event of the case");
                }
                else if (resource.ActiveHours() >= 22 && resource.NightShare() >= 0.1 && quick >= 0.5)
                {
                    reason = Invariant($"it works at {resource.ActiveHours()} hours of the day, {resource.NightShare():P0} of it between 00:00 and 06:00, {quick:P0} within seconds of the previous event");
                }
                else if (resource.TimedExecutions >= MinResourceExecutions && resource.InstantExecutions >= 0.95 * resource.TimedExecutions)
                {
                    reason = Invariant($"{resource.InstantExecutions / (double)resource.TimedExecutions:P0} of its timed executions take under a second");
                }
                else if (log.Cases >= 200 && peopleLike >= 5 && caseShare >= 0.9 && quick >= 0.3)
                {
                    reason = Invariant($"it acts in {caseShare:P0} of all cases, {quick:P0} of the time within seconds of the previous event");
                }
            }

            if (reason is not null)
            {
                ids.Add(r);
                reasons[r] = reason;
            }
        }

        return (ids, reasons);
    }

    /// <summary>The log's executions and those of them stamped at exactly local midnight, over all its activities.</summary>
    private readonly record struct DatedTotals(long Executions, long Midnight);

    private static long ExecutionsOf(ActivityAggregate a) => a.Executions > 0 ? a.Executions : a.Starts;

    /// <summary>An activity needs this many executions for its timestamps to say it records dates only.</summary>
    public const int MinDatedExecutions = 20;

    private static IEnumerable<KindSignal> ActivitySignals(LogAggregate log, int id, HashSet<int> automated, DatedTotals dated)
    {
        var a = log.Activities[id];
        var name = log.ActivityNames[id];
        var executions = Math.Max(1, ExecutionsOf(a));

        // A date recorded without a time of day ("Start trip" on the day the trip starts) is when something happened in
        // the world, not a moment someone worked: nearly all its executions at 00:00:00 local while the log's other
        // activities carry times of day (a log of dates only says nothing about any one activity).
        var midnight = a.MidnightExecutions / (double)executions;
        var otherExecutions = dated.Executions - ExecutionsOf(a);
        var otherMidnight = otherExecutions <= 0 ? 1 : (dated.Midnight - a.MidnightExecutions) / (double)otherExecutions;
        if (executions >= MinDatedExecutions && midnight >= 0.95 && otherMidnight <= 0.5)
        {
            yield return new KindSignal(KindSignalSources.Timing, ActivityKind.State, 0.8,
                Invariant($"{midnight:P0} of its {executions:N0} executions are stamped at 00:00:00 local time while {1 - otherMidnight:P0} of the log's other events carry a time of day: a date something happened, not a moment someone worked"));
        }

        // Resources.
        var byResource = a.ResourceExecutions.Sum(r => r.Value);
        if (byResource > 0)
        {
            var automatedShare = a.ResourceExecutions.Where(r => automated.Contains(r.Key)).Sum(r => r.Value) / (double)byResource;
            if (automatedShare >= 0.5)
            {
                yield return new KindSignal(KindSignalSources.Resource, ActivityKind.System, Math.Round(1.2 * automatedShare, 3),
                    Invariant($"{automatedShare:P0} of its executions are by resources that behave as systems"));
            }

            var top = a.ResourceExecutions.Max(r => r.Value);
            var topResource = a.ResourceExecutions.First(r => r.Value == top).Key;
            var topCases = log.Cases == 0 ? 0 : log.Resources[topResource].Cases / (double)log.Cases;
            if (top >= 0.95 * byResource && a.Cases >= 50 && topCases >= 0.5 && log.Resources.Count >= 5 && !automated.Contains(topResource))
            {
                yield return new KindSignal(KindSignalSources.Resource, ActivityKind.System, 0.4,
                    Invariant($"one resource does {top / (double)byResource:P0} of it and acts in {topCases:P0} of all cases"));
            }
        }

        var activeHours = a.Hours.Count(h => h > 0 && h >= 0.005 * executions);
        var night = a.Hours.Take(6).Sum() / (double)executions;
        if (executions >= 50 && activeHours >= 22 && night >= 0.1)
        {
            // Weak on its own: hospitals and follow-the-sun teams work at night too.
            yield return new KindSignal(KindSignalSources.Timing, ActivityKind.System, 0.2,
                Invariant($"executed at {activeHours} hours of the day, {night:P0} between 00:00 and 06:00"));
        }

        // Timing.
        var quick = a.QuickFollows / (double)executions;
        if (executions >= 10 && quick >= 0.8)
        {
            yield return new KindSignal(KindSignalSources.Timing, ActivityKind.State, Math.Round(0.5 * quick, 3),
                Invariant($"{quick:P0} of its executions come within {LogAggregate.QuickFollowSeconds} s of the previous event of the case: recorded as a consequence, not worked on"));
        }

        // Recorded in a batch: people complete one thing at a time, so executions sharing the exact instant of the
        // neighbouring event of the case were recorded together (lab values posted at once, a system writing a record).
        var sameInstant = a.SameInstantExecutions / (double)executions;
        if (executions >= 20 && sameInstant >= 0.6)
        {
            // A bare noun or code of one word recorded with others is a reading ("CRP", "Leucocytes"); longer names are statuses.
            var (kind, what) = SingleWordName().IsMatch(StripPrefix(name)) ? (ActivityKind.Measurement, "values recorded together")
                : (ActivityKind.State, "recorded as a consequence");
            yield return new KindSignal(KindSignalSources.Timing, kind, Math.Round(0.9 * sameInstant, 3),
                Invariant($"{sameInstant:P0} of its executions share their exact timestamp with the neighbouring event of the case: {what}, not worked on one at a time"));
        }

        // A timer or scheduled rule fires a fixed time after the previous event (a penalty added 60 days after notice).
        var gaps = a.WaitingTime;
        if (gaps.Count >= 20)
        {
            var (p10, p90) = (gaps.Quantile(0.1), gaps.Quantile(0.9));
            if (p10 >= 3600 && p90 <= 1.1 * p10)
            {
                yield return new KindSignal(KindSignalSources.Timing, ActivityKind.System, 0.7,
                    Invariant($"fires a fixed time after the previous event of the case (P10 {p10 / 3600:0.#} h, P90 {p90 / 3600:0.#} h over {gaps.Count:N0} executions): a timer or scheduled rule"));
            }
        }

        // Lifecycle.
        var service = a.ServiceTime;
        if (a.StatusEvents > 0)
        {
            var status = StatusText(name);
            var state = StateName(name);
            var (kind, text) = ActiveStatus().IsMatch(status) && state is not null
                    ? (ActivityKind.State, Invariant($"an active status of the case state '{state}': someone works on the case while it is in that state, but the name says no task to automate"))
                : ActiveStatus().IsMatch(status) ? (ActivityKind.Work, "an active status: someone works on the case")
                : WaitWords().IsMatch(status) ? (ActivityKind.Wait, "a waiting status")
                : (ActivityKind.State, "a status the case passes through");
            yield return new KindSignal(KindSignalSources.Lifecycle, kind, 0.9,
                Invariant($"lifecycle value '{status}' is a status, not an XES transition: {text}"));
        }
        else if (service.Count >= 10)
        {
            var median = service.Quantile(0.5);
            if (median >= 5)
            {
                yield return new KindSignal(KindSignalSources.Lifecycle, ActivityKind.Work, 0.7,
                    Invariant($"start and complete events: worked on for a median of {median:0} s over {service.Count:N0} executions"));
            }
            else if (median < 1)
            {
                yield return new KindSignal(KindSignalSources.Timing, ActivityKind.System, 0.6,
                    Invariant($"starts and completes within a second (median of {service.Count:N0} executions)"));
            }
        }

        // Attributes.
        if (a.OwnValueEvents >= 0.5 * Math.Max(1, a.Events) && a.OwnValueEvents >= 5)
        {
            yield return new KindSignal(KindSignalSources.Attributes, ActivityKind.Measurement, 1.2,
                Invariant($"{a.OwnValueEvents / (double)a.Events:P0} of its events carry a number under the activity's own name: a value recorded"));
        }

        // Naming.
        foreach (var signal in NamingSignals(name))
        {
            yield return signal;
        }
    }

    public static IEnumerable<KindSignal> NamingSignals(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var core = StripPrefix(name);
        if (RequesterActor().Match(name) is { Success: true } actor)
        {
            yield return new KindSignal(KindSignalSources.Naming, ActivityKind.Requester, 0.9,
                Invariant($"the name says the requester acts ('{actor.Value.Trim()}')"));
            yield break;
        }

        var byRole = ByRole().Match(name);
        if (byRole.Success && AwaitingDecision().IsMatch(name))
        {
            yield return new KindSignal(KindSignalSources.Naming, ActivityKind.State, 0.8,
                Invariant($"put up for a decision by a role ('{byRole.Value.Trim()}'): a status, the decision comes later"));
            yield break;
        }

        if (byRole.Success && DecidedOutcome().IsMatch(name))
        {
            yield return new KindSignal(KindSignalSources.Naming, ActivityKind.Decision, 0.8,
                Invariant($"a decision outcome recorded with the role who decided ('{byRole.Value.Trim()}')"));
            yield break;
        }

        // Waiting is what the activity is only when the name starts with it ("Wait", "Awaiting approval"), not when a
        // step mentions a hold ("Draft advice to hold the request").
        if (WaitWords().Match(core) is { Success: true, Index: 0 })
        {
            yield return new KindSignal(KindSignalSources.Naming, ActivityKind.Wait, 0.8, "the name says waiting");
        }

        // A third party acts when it is the subject ("Vendor creates invoice") or the source ("Result from Prefecture"),
        // not when the organisation sends something to it ("Send appeal to Prefecture").
        if (ExternalWords().Matches(core).FirstOrDefault(m => m.Index == 0 || core.AsSpan(0, m.Index).TrimEnd().EndsWith("from", StringComparison.OrdinalIgnoreCase)) is { } external)
        {
            yield return new KindSignal(KindSignalSources.Naming, ActivityKind.External, 0.5, Invariant($"the name names a third party ('{external.Value}')"));
        }

        var arrival = Arrival().Match(core);
        if (arrival.Success && Words().Matches(core).Count <= 5)
        {
            yield return new KindSignal(KindSignalSources.Naming, ActivityKind.External, 0.45,
                Invariant($"something arrives from outside ('{arrival.Value.Trim()}'): a third party or the requester acts"));
        }

        var letters = core.Where(char.IsLetter).ToArray();
        if (letters.Length >= 4 && letters.All(char.IsUpper) && !byRole.Success)
        {
            yield return new KindSignal(KindSignalSources.Naming, ActivityKind.State, 0.4, "an ALL-CAPS code, as systems record statuses");
        }

        var words = Words().Matches(core).Select(m => m.Value).ToList();
        var last = words.Count > 0 ? words[^1] : string.Empty;
        if (StatusWords().IsMatch(core))
        {
            yield return new KindSignal(KindSignalSources.Naming, ActivityKind.State, 0.6, Invariant($"a status word ('{StatusWords().Match(core).Value}')"));
        }
        else if (words.Count <= 3 && last.Length >= 5 && PastParticiple().IsMatch(last))
        {
            yield return new KindSignal(KindSignalSources.Naming, ActivityKind.State, 0.4, Invariant($"ends in a past participle ('{last}'): something happened, nobody is doing it"));
        }

        if (words.Count > 0 && DecisionVerbs().IsMatch(words[0]))
        {
            yield return new KindSignal(KindSignalSources.Naming, ActivityKind.Decision, 0.35, Invariant($"starts with a verb of judgement ('{words[0]}')"));
        }
    }

    private static void AddPrefixGroupSignals(LogAggregate log, IReadOnlyList<int> activities, Dictionary<int, List<KindSignal>> signals)
    {
        // A prefix shared by every activity groups nothing; a group is a proper subset of at least two.
        var groups = activities.GroupBy(id => Prefix(log.ActivityNames[id])).Where(g => g.Key is not null && g.Count() >= 2 && g.Count() < activities.Count).ToList();

        foreach (var group in groups)
        {
            var members = group.ToList();
            var stateLike = members.Count(id => Vote(signals[id]).Kind is ActivityKind.State or ActivityKind.System or ActivityKind.Wait);
            var worked = members.Count(id => log.Activities[id].Starts > 0);
            var share = stateLike / (double)members.Count;
            if (share >= 0.6)
            {
                foreach (var id in members)
                {
                    signals[id].Add(new KindSignal(KindSignalSources.PrefixGroup, ActivityKind.State, 0.5,
                        Invariant($"prefix group '{group.Key}' behaves like states: {stateLike} of its {members.Count} activities look like statuses or system steps")));
                }
            }
            else if (worked >= 0.6 * members.Count)
            {
                foreach (var id in members)
                {
                    signals[id].Add(new KindSignal(KindSignalSources.PrefixGroup, ActivityKind.Work, 0.5,
                        Invariant($"prefix group '{group.Key}' behaves like work items: {worked} of its {members.Count} activities have start and complete events")));
                }
            }
        }
    }

    /// <summary>
    /// A log whose ALL-CAPS names are mostly statuses (a billing system's NEW, RELEASE, CODE OK, BILLED...) records its
    /// short codes the same way: the members of that naming family too short for the ALL-CAPS signal ("NEW", "FIN") get
    /// the family's status signal. Needs at least three such names, 60 % of them statuses by their own evidence.
    /// </summary>
    private static void AddStatusCodeFamilySignals(LogAggregate log, IReadOnlyList<int> activities, Dictionary<int, List<KindSignal>> signals)
    {
        var family = activities.Where(id => IsAllCapsCode(StripPrefix(log.ActivityNames[id]))).ToList();
        if (family.Count < 3)
        {
            return;
        }

        var stateLike = family.Count(id => Vote(signals[id]).Kind is ActivityKind.State or ActivityKind.System or ActivityKind.Wait);
        if (stateLike < 0.6 * family.Count)
        {
            return;
        }

        foreach (var id in family.Where(id => Vote(signals[id]).IsTask))
        {
            signals[id].Add(new KindSignal(KindSignalSources.Naming, ActivityKind.State, 0.5,
                Invariant($"an ALL-CAPS code like the log's other statuses ({stateLike} of its {family.Count} ALL-CAPS names are statuses)")));
        }
    }

    private static bool IsAllCapsCode(string name)
    {
        var letters = name.Where(char.IsLetter).ToArray();
        return letters.Length >= 2 && letters.All(char.IsUpper);
    }

    private static string? Prefix(string name)
    {
        var match = PrefixPattern().Match(name);
        return match.Success ? match.Groups[1].Value : null;
    }

    private static string StripPrefix(string name)
    {
        var match = PrefixPattern().Match(name);
        return match.Success ? name[match.Length..] : name;
    }

    /// <summary>
    /// The name before its status ("Accepted" of "Accepted (In Progress)") when that is itself a state of the case (one
    /// or two words, one of them a status word) rather than an act; otherwise null.
    /// </summary>
    private static string? StateName(string name)
    {
        var open = name.LastIndexOf(" (", StringComparison.Ordinal);
        if (open <= 0 || !name.EndsWith(')'))
        {
            return null;
        }

        var state = StripPrefix(name[..open]).Trim();
        return Words().Matches(state).Count is >= 1 and <= 2 && StatusWords().IsMatch(state) ? state : null;
    }

    private static string StatusText(string name)
    {
        var open = name.LastIndexOf(" (", StringComparison.Ordinal);
        return open >= 0 && name.EndsWith(')') ? name[(open + 2)..^1] : name;
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^([A-Za-z0-9]{1,4})(?:_|:\s*)(?=\S)")]
    private static partial Regex PrefixPattern();

    [GeneratedRegex(@"\p{L}+")]
    private static partial Regex Words();

    [GeneratedRegex(@"^\p{L}{2,}$")]
    private static partial Regex SingleWordName();

    [GeneratedRegex(@"(?:\bby\s+|^)(employee|applicant|customer|client|claimant|citizen|offender|patient|requester|requestor|student|supplier portal)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex RequesterActor();

    [GeneratedRegex(@"\bby\s+[\p{L}_ ]+$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ByRole();

    [GeneratedRegex(@"declin|reject|approv|accept|denied|deny|refus|grant|goedgekeurd|afgewezen", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex DecisionOutcome();

    [GeneratedRegex(@"\b(for[ _]approval|awaiting|pending|to be approved)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex AwaitingDecision();

    [GeneratedRegex(@"declined|rejected|approved|denied|refused|accepted|granted|afgewezen|goedgekeurd", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex DecidedOutcome();

    [GeneratedRegex(@"declin|reject|approv|denied|deny|refus|afgewezen|goedgekeurd", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex NegativeOrApprovalOutcome();

    /// <summary>What the name alone says: a task (work or decision) unless naming points elsewhere. Used while streaming.</summary>
    public static bool NameSaysTask(string name) => Vote([.. NamingSignals(name)]).IsTask;

    [GeneratedRegex(@"\b(wait\w*|awaiting|on hold|hold|pause\w*|queued|pending|wachten)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex WaitWords();

    [GeneratedRegex(@"\b(in progress|working|processing|in behandeling|active)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ActiveStatus();

    [GeneratedRegex(@"^\s*(get|gets|receive|receives|received|obtain|incoming|arrival of)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Arrival();

    [GeneratedRegex(@"\b(vendor|supplier|third[ -]party|party|external|laboratory|bank|court|judge|prefecture)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ExternalWords();

    [GeneratedRegex(@"\b(submitted|partlysubmitted|preaccepted|accepted|approved|declined|rejected|cancell?ed|registered|created|sent|sent_back|received|closed|completed|finali[sz]ed|opened|queued|resolved|assigned|activated|selected|returned|paid|payed|handled|done|finished|expired|unmatched|saved|verzonden|afgesloten)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex StatusWords();

    [GeneratedRegex(@"^\p{L}{3,}ed$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PastParticiple();

    [GeneratedRegex(@"^(check|review|assess|evaluate|approve|decide|validate|verify|judge|beoordelen|valideren|controleren|triage)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex DecisionVerbs();
}
