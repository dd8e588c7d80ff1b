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
    private readonly List<bool> _automatedResource = [];
    private readonly List<bool> _failureActivity = [];
    private readonly List<bool> _nameSaysTask = [];
    private readonly List<ulong> _activityHashes = [];
    private readonly List<ActivityAggregate> _activities = [];
    private readonly List<ResourceAggregate> _resources = [];

    /// <summary>An execution this close to the previous completion of its case "fires within seconds" of it.</summary>
    public const int QuickFollowSeconds = 3;

    public LogAggregate(string process, MiningOptions? options = null)
    {
        Process = process;
        Options = options ?? MiningOptions.Default;
        _activityLookup = _activityIds.GetAlternateLookup<ReadOnlySpan<char>>();
        _resourceLookup = _resourceIds.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public string Process { get; }

    public MiningOptions Options { get; }

    public IReadOnlyList<string> ActivityNames => _activityNames;

    public IReadOnlyList<string> ResourceNames => _resourceNames;

    public IReadOnlyList<ActivityAggregate> Activities => _activities;

    /// <summary>Behaviour of each resource (same ids as <see cref="ResourceNames"/>).</summary>
    public IReadOnlyList<ResourceAggregate> Resources => _resources;

    public long Events { get; set; }

    public long Cases { get; set; }

    public long MinUtcTicks { get; set; } = long.MaxValue;

    public long MaxUtcTicks { get; set; } = long.MinValue;

    /// <summary>Events whose timestamp had no offset and was read in the configured default zone.</summary>
    public long EventsWithoutOffset { get; set; }

    public Dictionary<ulong, long> VariantCounts { get; } = [];

    public QuantileSketch CaseDuration { get; } = new();

    public DataQualityLog DataQuality { get; } = new();

    /// <summary>Column or attribute names seen in the export (case and event level), for personal-data screening.</summary>
    public SortedSet<string> Attributes { get; } = new(StringComparer.Ordinal);

    public SortedSet<string> Files { get; } = new(StringComparer.Ordinal);

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
                $"more than {MaxResources} distinct resources (input limit MaxActivities): further resources are read as unknown"));
            return -1;
        }

        return AddResource(name.ToString());
    }

    public bool IsAutomatedResource(int resource) => resource >= 0 && _automatedResource[resource];

    public bool IsFailureActivity(int activity) => _failureActivity[activity];

    /// <summary>Whether the activity's name alone reads as a task (not a status, wait or requester action): for streaming decisions.</summary>
    public bool NameSaysTask(int activity) => _nameSaysTask[activity];

    /// <summary>A hash of the activity's name: variants are folded from these, so they agree across merged parts.</summary>
    public ulong ActivityHash(int activity) => _activityHashes[activity];

    /// <summary>Adds another aggregate of the same process (a split of the log) into this one.</summary>
    public void Merge(LogAggregate other)
    {
        ArgumentNullException.ThrowIfNull(other);
        var activityMap = other._activityNames.Select(AddOrGetActivity).ToArray();
        var resourceMap = other._resourceNames.Select(AddOrGetResource).ToArray();
        for (var i = 0; i < other._activities.Count; i++)
        {
            _activities[activityMap[i]].MergeFrom(other._activities[i], activityMap, resourceMap);
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
        foreach (var (variant, count) in other.VariantCounts)
        {
            CollectionsMarshal.GetValueRefOrAddDefault(VariantCounts, variant, out _) += count;
        }

        CaseDuration.Merge(other.CaseDuration);
        DataQuality.Merge(other.DataQuality);
        Attributes.UnionWith(other.Attributes);
        Files.UnionWith(other.Files);
    }

    private int AddOrGetActivity(string name) => _activityIds.TryGetValue(name, out var id) ? id : AddActivity(name);

    private int AddOrGetResource(string name) => _resourceIds.TryGetValue(name, out var id) ? id : AddResource(name);

    private int AddActivity(string name)
    {
        var id = _activityNames.Count;
        _activityIds.Add(name, id);
        _activityNames.Add(name);
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

    private int AddResource(string name)
    {
        var id = _resourceNames.Count;
        _resourceIds.Add(name, id);
        _resourceNames.Add(name);
        _resources.Add(new ResourceAggregate());
        _automatedResource.Add(Options.IsAutomatedResource(name));
        return id;
    }
}
