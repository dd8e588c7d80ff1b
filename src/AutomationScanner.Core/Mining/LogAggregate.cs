using System.Runtime.InteropServices;

namespace AutomationScanner.Core.Mining;

/// <summary>
/// Everything mined from one log (or from several parts of one log, merged): name tables, per-activity aggregates
/// and log-level totals. Holds no events, so its size depends on activities, resources and variants only.
/// </summary>
public sealed class LogAggregate
{
    private readonly Dictionary<string, int> _activityIds = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _resourceIds = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _activityLookup;
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _resourceLookup;
    private readonly List<string> _activityNames = [];
    private readonly List<string> _resourceNames = [];
    private readonly Dictionary<string, int> _roleIds = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _roleLookup;
    private readonly List<string> _roleNames = [];
    private readonly Dictionary<long, long> _resourceRoles = [];
    private readonly List<bool> _automatedResource = [];
    private readonly List<bool> _failureActivity = [];
    private readonly List<bool> _nameSaysTask = [];
    private readonly List<ulong> _activityHashes = [];
    private readonly List<ActivityAggregate> _activities = [];
    private readonly List<ResourceAggregate> _resources = [];
    private readonly List<long> _activityFirstSeen = [];
    private readonly List<long> _resourceFirstSeen = [];
    private readonly List<long> _roleFirstSeen = [];

    /// <summary>An execution this close to the previous completion of its case "fires within seconds" of it.</summary>
    public const int QuickFollowSeconds = 3;

    public LogAggregate(string process, MiningOptions? options = null)
    {
        Process = process;
        Options = options ?? MiningOptions.Default;
        _activityLookup = _activityIds.GetAlternateLookup<ReadOnlySpan<char>>();
        _resourceLookup = _resourceIds.GetAlternateLookup<ReadOnlySpan<char>>();
        _roleLookup = _roleIds.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public string Process { get; }

    public MiningOptions Options { get; }

    public IReadOnlyList<string> ActivityNames => _activityNames;

    public IReadOnlyList<string> ResourceNames => _resourceNames;

    public IReadOnlyList<ActivityAggregate> Activities => _activities;

    /// <summary>Roles named in the log (XES <c>org:role</c>, a CSV role column).</summary>
    public IReadOnlyList<string> RoleNames => _roleNames;

    /// <summary>Behaviour of each resource (same ids as <see cref="ResourceNames"/>).</summary>
    public IReadOnlyList<ResourceAggregate> Resources => _resources;

    public long Events { get; set; }

    public long Cases { get; set; }

    public long MinUtcTicks { get; set; } = long.MaxValue;

    public long MaxUtcTicks { get; set; } = long.MinValue;

    /// <summary>Events whose timestamp had no offset and was read in the configured default zone.</summary>
    public long EventsWithoutOffset { get; set; }

    /// <summary>Events the start-time estimator saw after its low-water mark (log not ordered by case start).</summary>
    public long StartEstimateLateEvents { get; set; }

    /// <summary>
    /// The log's variants (hash of the case's sequence of executed activities): cases with each, and the activities it
    /// holds, recorded once per variant (a bit per activity id below 64): which activities a variant holds follows from
    /// the variant, so this, not a set of variants per activity, answers how many variants hold an activity.
    /// </summary>
    private readonly Dictionary<ulong, VariantEntry> _variants = [];

    /// <summary>Distinct variants (case activity sequences).</summary>
    public int VariantCount => _variants.Count;

    /// <summary>Cases of each variant, by variant hash.</summary>
    public IEnumerable<KeyValuePair<ulong, long>> VariantCounts => _variants.Select(v => KeyValuePair.Create(v.Key, v.Value.Cases));

    /// <summary>Counts a closed case of <paramref name="variant"/>, which executed <paramref name="activities"/> (called once per case).</summary>
    public void AddVariantCase(ulong variant, ReadOnlySpan<int> activities)
    {
        ref var entry = ref CollectionsMarshal.GetValueRefOrAddDefault(_variants, variant, out var exists);
        entry.Cases++;
        if (!exists)
        {
            foreach (var activity in activities)
            {
                entry.Add(activity);
            }
        }
    }

    /// <summary>
    /// Counts a closed case of <paramref name="variant"/> when the variant is known already (its activities are recorded);
    /// false, counting nothing, when it is new (then call <see cref="AddVariantCase"/>). Lets a caller list a case's
    /// activities only for the first case of each variant.
    /// </summary>
    public bool TryAddKnownVariantCase(ulong variant)
    {
        ref var entry = ref CollectionsMarshal.GetValueRefOrNullRef(_variants, variant);
        if (System.Runtime.CompilerServices.Unsafe.IsNullRef(ref entry))
        {
            return false;
        }

        entry.Cases++;
        return true;
    }

    /// <summary>Distinct variants holding each activity (by activity id).</summary>
    public long[] VariantsPerActivity()
    {
        var counts = new long[_activities.Count];
        foreach (var entry in _variants.Values)
        {
            var mask = entry.Mask;
            while (mask != 0)
            {
                var bit = System.Numerics.BitOperations.TrailingZeroCount(mask);
                if (bit < counts.Length)
                {
                    counts[bit]++;
                }

                mask &= mask - 1;
            }

            if (entry.More is { } more)
            {
                foreach (var id in more)
                {
                    if (id < counts.Length)
                    {
                        counts[id]++;
                    }
                }
            }
        }

        return counts;
    }

    private void AddVariant(ulong variant, long cases, int activity = -1)
    {
        ref var entry = ref CollectionsMarshal.GetValueRefOrAddDefault(_variants, variant, out _);
        entry.Cases += cases;
        if (activity >= 0)
        {
            entry.Add(activity);
        }
    }

    /// <summary>Variant hashes holding each activity, by activity id.</summary>
    private List<ulong>[] VariantsByActivity()
    {
        var lists = new List<ulong>[_activities.Count];
        for (var i = 0; i < lists.Length; i++)
        {
            lists[i] = [];
        }

        foreach (var (variant, entry) in _variants)
        {
            entry.ForEach(id =>
            {
                if (id < lists.Length)
                {
                    lists[id].Add(variant);
                }
            });
        }

        return lists;
    }

    /// <summary>One variant: its cases and the ids of the activities it holds (ids below 64 as bits).</summary>
    private struct VariantEntry
    {
        public long Cases;
        public ulong Mask;
        public int[]? More;

        public void Add(int activity)
        {
            if (activity < 64)
            {
                Mask |= 1UL << activity;
            }
            else if (More is null || Array.IndexOf(More, activity) < 0)
            {
                More = More is null ? [activity] : [.. More, activity];
            }
        }

        public readonly void ForEach(Action<int> action)
        {
            var mask = Mask;
            while (mask != 0)
            {
                action(System.Numerics.BitOperations.TrailingZeroCount(mask));
                mask &= mask - 1;
            }

            foreach (var id in More ?? [])
            {
                action(id);
            }
        }
    }

    public QuantileSketch CaseDuration { get; } = new();

    public DataQualityLog DataQuality { get; } = new();

    /// <summary>Column or attribute names seen in the export (case and event level), for personal-data screening.</summary>
    public SortedSet<string> Attributes { get; private init; } = new(StringComparer.Ordinal);

    public SortedSet<string> Files { get; } = new(StringComparer.Ordinal);

    /// <summary>A bounded sample of the text values of the log's attributes, for the process domain.</summary>
    public AttributeValueSampler AttributeValues { get; private init; } = new();

    /// <summary>
    /// Where in the whole file the names interned from now on are met (a CSV part split by case-id hash sets the row
    /// number of each row it owns); -1 when not tracked. The merge of such parts orders the name tables by it, so they
    /// come out in one pass's order (<see cref="InOrderOfFirstSight"/>).
    /// </summary>
    public long NamePosition { get; set; } = -1;

    /// <summary>Returned by <see cref="InternActivity"/> once <see cref="MaxActivities"/> is reached: drop the event.</summary>
    public const int DroppedActivity = -2;

    /// <summary>Distinct activities kept; events of further activities are dropped with a data-quality note.</summary>
    public int MaxActivities { get; set; } = int.MaxValue;

    /// <summary>Distinct resources kept; further resources are read as unknown with a data-quality note.</summary>
    public int MaxResources { get; set; } = int.MaxValue;

    public int InternActivity(ReadOnlySpan<char> name)
    {
        if (_activityLookup.TryGetValue(name, out var id))
        {
            return id;
        }

        if (_activityNames.Count >= MaxActivities)
        {
            DataQuality.Add(DataQualityKinds.TooManyActivities, FormattableString.Invariant(
                $"more than {MaxActivities} distinct activities (input limit MaxActivities): events of activity '{(name.Length <= 40 ? name.ToString() : string.Concat(name[..40], "..."))}' and later new activities are dropped"));
            return DroppedActivity;
        }

        return AddActivity(name.ToString());
    }

    public int InternResource(ReadOnlySpan<char> name)
    {
        if (name.IsEmpty)
        {
            return -1;
        }

        if (_resourceLookup.TryGetValue(name, out var id))
        {
            return id;
        }

        if (_resourceNames.Count >= MaxResources)
        {
            DataQuality.Add(DataQualityKinds.TooManyActivities, FormattableString.Invariant(
                $"more than {MaxResources} distinct resources (input limit MaxResources): further resources are read as unknown"));
            return -1;
        }

        return AddResource(name.ToString());
    }

    /// <summary>Interns a role name; -1 for an empty one.</summary>
    public int InternRole(ReadOnlySpan<char> name)
    {
        if (name.IsEmpty)
        {
            return -1;
        }

        return _roleLookup.TryGetValue(name, out var id) ? id : AddRole(name.ToString());
    }

    /// <summary>Counts an execution of <paramref name="resource"/> in <paramref name="role"/> (a shared account acts in many).</summary>
    public void AddResourceRole(int resource, int role, long executions = 1) =>
        CollectionsMarshal.GetValueRefOrAddDefault(_resourceRoles, ((long)resource << 32) | (uint)role, out _) += executions;

    /// <summary>Executions per role of each resource, by resource id then role id.</summary>
    public IReadOnlyDictionary<int, IReadOnlyDictionary<int, long>> RolesByResource() =>
        _resourceRoles.GroupBy(pair => (int)(pair.Key >> 32))
            .ToDictionary(g => g.Key, g => (IReadOnlyDictionary<int, long>)g.ToDictionary(pair => (int)(pair.Key & 0xFFFFFFFF), pair => pair.Value));

    public bool IsAutomatedResource(int resource) => resource >= 0 && _automatedResource[resource];

    public bool IsFailureActivity(int activity) => _failureActivity[activity];

    /// <summary>Whether the activity's name alone reads as a task (not a status, wait or requester action): for streaming decisions.</summary>
    public bool NameSaysTask(int activity) => _nameSaysTask[activity];

    /// <summary>A hash of the activity's name: variants are folded from these, so they agree across merged parts.</summary>
    public ulong ActivityHash(int activity) => _activityHashes[activity];

    /// <summary>
    /// The tables a reader on another thread interns names into while <paramref name="target"/> is mined on this one
    /// (the CSV mining pipeline): its own name tables, limits and data-quality log, and the target's
    /// attribute names and sampled values (which only a reader writes), so the target gets them as one pass gives them.
    /// </summary>
    internal static LogAggregate ReaderTablesFor(LogAggregate target) => new(target.Process, target.Options)
    {
        Attributes = target.Attributes,
        AttributeValues = target.AttributeValues,
        MaxActivities = target.MaxActivities,
        MaxResources = target.MaxResources,
    };

    /// <summary>Adds another aggregate of the same process (a split of the log) into this one.</summary>
    public void Merge(LogAggregate other) => Merge(other, lineOffset: 0);

    /// <summary>
    /// Adds the aggregate of a later stretch of the same file. Merged in file order, the parts give the aggregate a
    /// single pass gives: names keep their first-seen order, counts add, and data-quality examples of the part are moved
    /// by <paramref name="lineOffset"/> lines so they name lines of the whole file.
    /// </summary>
    public void Merge(LogAggregate other, long lineOffset)
    {
        ArgumentNullException.ThrowIfNull(other);
        var activityMap = other._activityNames.Select(AddOrGetActivity).ToArray();
        var resourceMap = other._resourceNames.Select(AddOrGetResource).ToArray();
        var roleMap = other._roleNames.Select(name => _roleIds.TryGetValue(name, out var id) ? id : AddRole(name)).ToArray();
        for (var i = 0; i < other._activities.Count; i++)
        {
            _activities[activityMap[i]].MergeFrom(other._activities[i], activityMap, resourceMap, roleMap);
        }

        foreach (var (pair, executions) in other._resourceRoles)
        {
            AddResourceRole(resourceMap[(int)(pair >> 32)], roleMap[(int)(pair & 0xFFFFFFFF)], executions);
        }

        for (var i = 0; i < other._resources.Count; i++)
        {
            _resources[resourceMap[i]].MergeFrom(other._resources[i]);
        }

        Events += other.Events;
        Cases += other.Cases;
        MinUtcTicks = Math.Min(MinUtcTicks, other.MinUtcTicks);
        MaxUtcTicks = Math.Max(MaxUtcTicks, other.MaxUtcTicks);
        EventsWithoutOffset += other.EventsWithoutOffset;
        StartEstimateLateEvents += other.StartEstimateLateEvents;
        foreach (var (variant, entry) in other._variants)
        {
            ref var target = ref CollectionsMarshal.GetValueRefOrAddDefault(_variants, variant, out _);
            target.Cases += entry.Cases;
            var mapped = target;
            entry.ForEach(id => mapped.Add(activityMap[id]));
            target.Mask = mapped.Mask;
            target.More = mapped.More;
        }

        CaseDuration.Merge(other.CaseDuration);
        DataQuality.Merge(other.DataQuality, other.Files.FirstOrDefault() ?? string.Empty, lineOffset);
        Attributes.UnionWith(other.Attributes);
        Files.UnionWith(other.Files);
        AttributeValues.Merge(other.AttributeValues.Samples());
    }

    /// <summary>Everything in this aggregate as plain data (activity and resource ids are list positions).</summary>
    public LogAggregateState ToState() => ToState(variants: true);

    /// <summary>
    /// As <see cref="ToState()"/>; without <paramref name="variants"/> the variant hashes (of the log and of each
    /// activity), which grow with the cases, are left out: <see cref="WriteVariants"/> keeps them apart.
    /// </summary>
    public LogAggregateState ToState(bool variants)
    {
        var byActivity = variants ? VariantsByActivity() : null;
        return ToState(variants, byActivity);
    }

    private LogAggregateState ToState(bool variants, List<ulong>[]? byActivity) => new()
    {
        Process = Process,
        ActivityNames = [.. _activityNames],
        ResourceNames = [.. _resourceNames],
        RoleNames = [.. _roleNames],
        ResourceRoles = [.. _resourceRoles.Select(p => new[] { p.Key, p.Value })],
        Activities = [.. _activities.Select((a, i) => a.ToState(variants ? byActivity![i] : []))],
        Resources = [.. _resources.Select(r => r.ToState())],
        Events = Events,
        Cases = Cases,
        MinUtcTicks = MinUtcTicks,
        MaxUtcTicks = MaxUtcTicks,
        EventsWithoutOffset = EventsWithoutOffset,
        StartEstimateLateEvents = StartEstimateLateEvents,
        VariantCounts = variants ? [.. _variants.Select(v => new[] { unchecked((long)v.Key), v.Value.Cases })] : [],
        CaseDuration = CaseDuration.ToState(),
        DataQuality = DataQuality.ToState(),
        Attributes = [.. Attributes],
        Files = [.. Files],
        AttributeValues = [.. AttributeValues.Samples().Select(s => new[] { s.Attribute, s.Value })],
        FirstSeen = _activityFirstSeen.Any(p => p >= 0) || _resourceFirstSeen.Any(p => p >= 0) || _roleFirstSeen.Any(p => p >= 0)
            ? [[.. _activityFirstSeen], [.. _resourceFirstSeen], [.. _roleFirstSeen]]
            : null,
    };

    /// <summary>
    /// An empty aggregate whose name tables already list the names of <paramref name="parts"/> in the order one pass
    /// meets them (the least <see cref="LogAggregateState.FirstSeen"/> position over the parts; ties keep part order):
    /// merging the parts into it gives one pass's table order for parts that each read the whole file.
    /// </summary>
    public static LogAggregate InOrderOfFirstSight(string process, IReadOnlyList<LogAggregateState> parts, MiningOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(parts);
        var log = new LogAggregate(process, options);
        foreach (var name in Ordered(parts, s => s.ActivityNames, 0))
        {
            log.AddActivity(name, -1);
        }

        foreach (var name in Ordered(parts, s => s.ResourceNames, 1))
        {
            log.AddResource(name, -1);
        }

        foreach (var name in Ordered(parts, s => s.RoleNames, 2))
        {
            log.AddRole(name, -1);
        }

        return log;
    }

    private static IEnumerable<string> Ordered(IReadOnlyList<LogAggregateState> parts, Func<LogAggregateState, IReadOnlyList<string>> names, int table)
    {
        var first = new Dictionary<string, (long Position, int Part, int Index)>(StringComparer.Ordinal);
        for (var p = 0; p < parts.Count; p++)
        {
            var list = names(parts[p]);
            var positions = parts[p].FirstSeen is { Count: 3 } seen ? seen[table] : null;
            for (var i = 0; i < list.Count; i++)
            {
                var position = positions is not null && i < positions.Count && positions[i] >= 0 ? positions[i] : long.MaxValue;
                var key = (position, p, i);
                if (!first.TryGetValue(list[i], out var known) || key.CompareTo(known) < 0)
                {
                    first[list[i]] = key;
                }
            }
        }

        return first.OrderBy(f => f.Value).Select(f => f.Key);
    }

    /// <summary>Rebuilds an aggregate from <see cref="ToState()"/>; flags that follow from names come from <paramref name="options"/>.</summary>
    public static LogAggregate FromState(LogAggregateState state, MiningOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(state);
        if (state.Activities.Count != state.ActivityNames.Count)
        {
            throw new ArgumentException($"The aggregate of '{state.Process}' names {state.ActivityNames.Count} activities but holds {state.Activities.Count}.", nameof(state));
        }

        var log = new LogAggregate(state.Process, options);
        var seen = state.FirstSeen is { Count: 3 } positions ? positions : null;
        for (var i = 0; i < state.ActivityNames.Count; i++)
        {
            log.AddActivity(state.ActivityNames[i], At(seen, 0, i));
        }

        for (var i = 0; i < state.ResourceNames.Count; i++)
        {
            log.AddResource(state.ResourceNames[i], At(seen, 1, i));
        }

        for (var i = 0; i < state.RoleNames.Count; i++)
        {
            log.AddRole(state.RoleNames[i], At(seen, 2, i));
        }

        foreach (var pair in state.ResourceRoles)
        {
            log._resourceRoles[pair[0]] = pair[1];
        }

        for (var i = 0; i < state.Activities.Count; i++)
        {
            log._activities[i].Restore(state.Activities[i]);
        }

        for (var i = 0; i < state.Resources.Count && i < log._resources.Count; i++)
        {
            log._resources[i].Restore(state.Resources[i]);
        }

        log.Events = state.Events;
        log.Cases = state.Cases;
        log.MinUtcTicks = state.MinUtcTicks;
        log.MaxUtcTicks = state.MaxUtcTicks;
        log.EventsWithoutOffset = state.EventsWithoutOffset;
        log.StartEstimateLateEvents = state.StartEstimateLateEvents;
        foreach (var pair in state.VariantCounts)
        {
            log.AddVariant(unchecked((ulong)pair[0]), pair[1]);
        }

        for (var i = 0; i < state.Activities.Count; i++)
        {
            foreach (var variant in state.Activities[i].Variants)
            {
                log.AddVariant(unchecked((ulong)variant), 0, i);
            }
        }

        log.CaseDuration.Restore(state.CaseDuration);
        log.DataQuality.Restore(state.DataQuality);
        log.Attributes.UnionWith(state.Attributes);
        log.Files.UnionWith(state.Files);
        log.AttributeValues.Merge(state.AttributeValues.Where(p => p.Length == 2).Select(p => new AttributeValueSample(p[0], p[1])));
        return log;
    }

    private static readonly byte[] VariantsMagic = "ASV1"u8.ToArray();

    /// <summary>
    /// Writes the variant hashes (the log's with their case counts, and each activity's) compactly to
    /// <paramref name="destination"/> (left open): the hashes sorted once, each activity's as deltas of their positions
    /// in that list (about a byte per case and activity), deflated. <see cref="ReadVariants"/> adds them to an aggregate.
    /// </summary>
    public void WriteVariants(Stream destination)
    {
        ArgumentNullException.ThrowIfNull(destination);
        var sorted = _variants.Keys.ToArray();
        Array.Sort(sorted);
        var byActivity = VariantsByActivity();
        using var deflate = new System.IO.Compression.DeflateStream(destination, System.IO.Compression.CompressionLevel.Fastest, leaveOpen: true);
        using var writer = new BinaryWriter(new BufferedStream(deflate, 1 << 16), System.Text.Encoding.UTF8, leaveOpen: false);
        writer.Write(VariantsMagic);
        writer.Write7BitEncodedInt(_activities.Count);
        writer.Write7BitEncodedInt(sorted.Length);
        ulong previous = 0;
        foreach (var variant in sorted)
        {
            writer.Write7BitEncodedInt64(unchecked((long)(variant - previous)));
            writer.Write7BitEncodedInt64(_variants[variant].Cases);
            previous = variant;
        }

        var positions = new List<int>();
        foreach (var variants in byActivity)
        {
            positions.Clear();
            foreach (var variant in variants)
            {
                positions.Add(Array.BinarySearch(sorted, variant));
            }

            positions.Sort();
            writer.Write7BitEncodedInt(positions.Count);
            var last = 0;
            foreach (var position in positions)
            {
                writer.Write7BitEncodedInt(position - last);
                last = position;
            }
        }
    }

    /// <summary>
    /// Adds variant hashes written by <see cref="WriteVariants"/> for a part whose activities were
    /// <paramref name="activityNames"/> (mapped to this aggregate's by name). Throws <see cref="InvalidDataException"/>
    /// for anything that is not such a record.
    /// </summary>
    public void ReadVariants(Stream source, IReadOnlyList<string> activityNames)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(activityNames);
        try
        {
            using var inflate = new System.IO.Compression.DeflateStream(source, System.IO.Compression.CompressionMode.Decompress, leaveOpen: true);
            using var reader = new BinaryReader(new BufferedStream(inflate, 1 << 16), System.Text.Encoding.UTF8, leaveOpen: false);
            if (!reader.ReadBytes(VariantsMagic.Length).AsSpan().SequenceEqual(VariantsMagic) || reader.Read7BitEncodedInt() != activityNames.Count)
            {
                throw new InvalidDataException("The variant record does not belong to this part.");
            }

            var count = reader.Read7BitEncodedInt();
            if (count < 0 || count > 1 << 28)
            {
                throw new InvalidDataException($"The variant record claims {count} variants.");
            }

            var sorted = new List<ulong>(Math.Min(count, 1 << 20));
            ulong previous = 0;
            for (var i = 0; i < count; i++)
            {
                var variant = unchecked(previous + (ulong)reader.Read7BitEncodedInt64());
                var cases = reader.Read7BitEncodedInt64();
                AddVariant(variant, cases);

                sorted.Add(variant);
                previous = variant;
            }

            foreach (var name in activityNames)
            {
                var target = _activityIds.TryGetValue(name, out var id) ? id : throw new InvalidDataException($"The variant record names activity '{name}', which is not in the merge.");
                var n = reader.Read7BitEncodedInt();
                var position = 0;
                for (var i = 0; i < n; i++)
                {
                    position += reader.Read7BitEncodedInt();
                    if ((uint)position >= (uint)sorted.Count)
                    {
                        throw new InvalidDataException("The variant record points past its variants.");
                    }

                    AddVariant(sorted[position], 0, target);
                }
            }
        }
        catch (EndOfStreamException ex)
        {
            throw new InvalidDataException("The variant record ends early.", ex);
        }
        catch (FormatException ex)
        {
            throw new InvalidDataException("The variant record holds a malformed number.", ex);
        }
    }

    private static long At(IReadOnlyList<IReadOnlyList<long>>? seen, int table, int index) =>
        seen is not null && index < seen[table].Count ? seen[table][index] : -1;

    private int AddOrGetActivity(string name) => _activityIds.TryGetValue(name, out var id) ? id : AddActivity(name);

    private int AddOrGetResource(string name) => _resourceIds.TryGetValue(name, out var id) ? id : AddResource(name);

    private int AddActivity(string name) => AddActivity(name, NamePosition);

    private int AddActivity(string name, long position)
    {
        var id = _activityNames.Count;
        _activityIds.Add(name, id);
        _activityNames.Add(name);
        _activityFirstSeen.Add(position);
        _failureActivity.Add(Options.FailureActivityPattern.IsMatch(name));
        _nameSaysTask.Add(ActivityKindInference.NameSaysTask(name));
        _activityHashes.Add(Fnv1a(name));
        _activities.Add(new ActivityAggregate());
        return id;
    }

    internal static ulong Fnv1a(ReadOnlySpan<char> text)
    {
        var hash = 14695981039346656037UL;
        foreach (var c in text)
        {
            hash = (hash ^ c) * 1099511628211UL;
        }

        return hash;
    }

    private int AddRole(string name) => AddRole(name, NamePosition);

    private int AddRole(string name, long position)
    {
        var id = _roleNames.Count;
        _roleIds.Add(name, id);
        _roleNames.Add(name);
        _roleFirstSeen.Add(position);
        return id;
    }

    private int AddResource(string name) => AddResource(name, NamePosition);

    private int AddResource(string name, long position)
    {
        var id = _resourceNames.Count;
        _resourceIds.Add(name, id);
        _resourceNames.Add(name);
        _resourceFirstSeen.Add(position);
        _resources.Add(new ResourceAggregate());
        _automatedResource.Add(Options.IsAutomatedResource(name));
        return id;
    }
}

/// <summary>A <see cref="LogAggregate"/> as plain data, to send a mined part of a log between processes.</summary>
public sealed record LogAggregateState
{
    public required string Process { get; init; }

    public required IReadOnlyList<string> ActivityNames { get; init; }

    public required IReadOnlyList<string> ResourceNames { get; init; }

    /// <summary>Roles named in the log (XES <c>org:role</c>, a CSV role column); empty without roles.</summary>
    public IReadOnlyList<string> RoleNames { get; init; } = [];

    /// <summary>Pairs [resource id &lt;&lt; 32 | role id, executions].</summary>
    public IReadOnlyList<long[]> ResourceRoles { get; init; } = [];

    public required IReadOnlyList<ActivityAggregateState> Activities { get; init; }

    /// <summary>Per resource (same order as <see cref="ResourceNames"/>), see <see cref="ResourceAggregate.ToState"/>.</summary>
    public required IReadOnlyList<long[]> Resources { get; init; }

    public long Events { get; init; }

    public long Cases { get; init; }

    public long MinUtcTicks { get; init; }

    public long MaxUtcTicks { get; init; }

    public long EventsWithoutOffset { get; init; }

    public long StartEstimateLateEvents { get; init; }

    /// <summary>Pairs [variant hash as a signed long, count].</summary>
    public required IReadOnlyList<long[]> VariantCounts { get; init; }

    public required QuantileSketchState CaseDuration { get; init; }

    public required DataQualityState DataQuality { get; init; }

    public required IReadOnlyList<string> Attributes { get; init; }

    public required IReadOnlyList<string> Files { get; init; }

    /// <summary>Pairs [attribute, value] of the sampled attribute values (see <see cref="AttributeValueSampler"/>).</summary>
    public IReadOnlyList<string[]> AttributeValues { get; init; } = [];

    /// <summary>
    /// Where each name was first met in the whole file ([activities, resources, roles], positions parallel to the name
    /// tables, -1 unknown), for parts split by case-id hash; null when not tracked (parts read in file order).
    /// </summary>
    public IReadOnlyList<IReadOnlyList<long>>? FirstSeen { get; init; }
}
