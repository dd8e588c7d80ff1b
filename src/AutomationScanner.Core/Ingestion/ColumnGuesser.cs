using AutomationScanner.Core.Ingestion.Common;

namespace AutomationScanner.Core.Ingestion;

/// <summary>Guesses the role of CSV columns from their names first, then from sample values.</summary>
internal static class ColumnGuesser
{
    // Normalised names (lower case, letters and digits only), best first.
    private static readonly string[] CaseNames =
        ["caseconceptname", "caseid", "case", "caseidentifier", "casenumber", "casekey", "caseno", "processinstanceid", "processinstance", "instanceid", "traceid", "trace", "ticketid", "ticket", "ticketnumber", "incidentid", "incident", "orderid", "requestid", "applicationid", "claimid", "documentnumber"];

    private static readonly string[] ActivityNames =
        ["conceptname", "activity", "activityname", "eventname", "event", "task", "taskname", "action", "step", "stepname", "operation", "activitytype", "eventtype"];

    private static readonly string[] TimestampNames =
        ["timetimestamp", "timestamp", "completetimestamp", "endtimestamp", "completetime", "completiontime", "endtime", "endtimestamp", "end", "finishtime", "eventtime", "time", "datetime", "eventdate", "date", "createdat", "recordedat"];

    private static readonly string[] StartNames =
        ["starttimestamp", "starttime", "start", "begintime", "begin", "startdatetime", "startedat"];

    private static readonly string[] ResourceNames =
        ["orgresource", "resource", "user", "username", "userid", "performer", "agent", "employee", "executor", "actor", "assignee", "owner", "operator", "handler"];

    private static readonly string[] RoleNames =
        ["orgrole", "role", "resourcerole", "userrole", "jobrole", "orggroup", "jobtitle"];

    private static readonly string[] LifecycleNames =
        ["lifecycletransition", "lifecycle", "transition", "lifecyclestate"];

    public static ResolvedColumns Resolve(string file, IReadOnlyList<string> names, IReadOnlyList<string[]> samples, ColumnMapping mapping, TimestampParser parser)
    {
        var normalised = names.Select(Normalise).ToArray();
        var notes = new List<string>();
        var taken = new HashSet<int>();

        int Pick(string role, string? explicitName, string[] candidates, bool required, Func<int>? byValues = null)
        {
            if (explicitName is not null)
            {
                var index = IndexOf(names, explicitName);
                if (index < 0)
                {
                    throw new IngestionException(file, $"the mapping names column '{explicitName}' for {role}, but the header has [{string.Join(", ", names)}]", line: 1, field: explicitName);
                }

                taken.Add(index);
                notes.Add($"{role}: '{names[index]}' (mapping)");
                return index;
            }

            foreach (var candidate in candidates)
            {
                var index = Array.FindIndex(normalised, n => n == candidate);
                if (index >= 0 && taken.Add(index))
                {
                    notes.Add($"{role}: '{names[index]}' (by name)");
                    return index;
                }
            }

            if (byValues is not null)
            {
                var index = byValues();
                if (index >= 0 && taken.Add(index))
                {
                    notes.Add($"{role}: '{names[index]}' (guessed from values)");
                    return index;
                }
            }

            if (required)
            {
                throw new IngestionException(file,
                    $"no {role} column recognised among [{string.Join(", ", names)}]; name it explicitly, e.g. --map {role}=COLUMN", line: 1, field: role);
            }

            return ResolvedColumns.Absent;
        }

        var timestamp = Pick("timestamp", mapping.Timestamp, TimestampNames, required: true, () => GuessTimestamp(samples, names.Count, taken, parser));
        var start = Pick("start", mapping.StartTimestamp, StartNames, required: false);
        var caseColumn = Pick("case", mapping.Case, CaseNames, required: true, () => GuessCase(samples, names.Count, taken));
        var activity = Pick("activity", mapping.Activity, ActivityNames, required: true, () => GuessActivity(samples, names.Count, taken));
        var resource = Pick("resource", mapping.Resource, ResourceNames, required: false);
        var lifecycle = Pick("lifecycle", mapping.Lifecycle, LifecycleNames, required: false);
        var role = Pick("role", mapping.Role, RoleNames, required: false);
        return new ResolvedColumns(caseColumn, activity, timestamp, start, resource, lifecycle, names, notes, role);
    }

    internal static string Normalise(string name)
    {
        Span<char> buffer = stackalloc char[Math.Min(name.Length, 128)];
        var length = 0;
        foreach (var c in name)
        {
            if (char.IsLetterOrDigit(c) && length < buffer.Length)
            {
                buffer[length++] = char.ToLowerInvariant(c);
            }
        }

        return new string(buffer[..length]);
    }

    private static int IndexOf(IReadOnlyList<string> names, string wanted)
    {
        for (var i = 0; i < names.Count; i++)
        {
            if (string.Equals(names[i].Trim(), wanted.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }

        return -1;
    }

    private static IEnumerable<string> Column(IReadOnlyList<string[]> samples, int ordinal) =>
        samples.Where(row => ordinal < row.Length && !string.IsNullOrWhiteSpace(row[ordinal])).Select(row => row[ordinal]);

    private static int GuessTimestamp(IReadOnlyList<string[]> samples, int columns, HashSet<int> taken, TimestampParser parser)
    {
        for (var i = 0; i < columns; i++)
        {
            if (taken.Contains(i))
            {
                continue;
            }

            var values = Column(samples, i).ToList();
            if (values.Count > 0 && values.Count(v => parser.TryParse(v, out _, out _, out _) && !IsPlainNumber(v)) >= values.Count * 0.8)
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>A case id repeats (cases have several events) but takes many values; in grouped logs it comes in runs.</summary>
    private static int GuessCase(IReadOnlyList<string[]> samples, int columns, HashSet<int> taken)
    {
        var best = -1;
        var bestRuns = double.MaxValue;
        for (var i = 0; i < columns; i++)
        {
            if (taken.Contains(i))
            {
                continue;
            }

            var values = samples.Select(row => i < row.Length ? row[i] : string.Empty).ToList();
            var distinct = values.Distinct(StringComparer.Ordinal).Count();
            if (values.Count < 4 || distinct < 2 || distinct == values.Count || values.Any(string.IsNullOrWhiteSpace))
            {
                continue;
            }

            var runs = 1 + values.Zip(values.Skip(1)).Count(p => p.First != p.Second);
            var runRatio = runs / (double)distinct;
            if (runRatio < bestRuns)
            {
                bestRuns = runRatio;
                best = i;
            }
        }

        // Runs equal to distinct values means contiguous groups; allow some interleaving.
        return bestRuns <= 3 ? best : -1;
    }

    /// <summary>An activity is text, not a number, with few distinct values repeated across cases.</summary>
    private static int GuessActivity(IReadOnlyList<string[]> samples, int columns, HashSet<int> taken)
    {
        var best = -1;
        var bestRatio = double.MaxValue;
        for (var i = 0; i < columns; i++)
        {
            if (taken.Contains(i))
            {
                continue;
            }

            var values = Column(samples, i).ToList();
            if (values.Count < 4 || values.Count(v => v.Any(char.IsLetter)) < values.Count * 0.9)
            {
                continue;
            }

            var ratio = values.Distinct(StringComparer.Ordinal).Count() / (double)values.Count;
            if (ratio < bestRatio && ratio < 0.8)
            {
                bestRatio = ratio;
                best = i;
            }
        }

        return best;
    }

    private static bool IsPlainNumber(string value) => value.All(c => char.IsAsciiDigit(c) || c is '.' or '-' or '+');
}
