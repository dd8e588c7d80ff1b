namespace AutomationScanner.Core.Tracking;

/// <summary>Marks in a local folder: <c>{root}/{engagement}/opportunity-status.json</c>, replaced whole on each mark.</summary>
public sealed class LocalOpportunityStatusStore(string root) : IOpportunityStatusStore
{
    public const string FileName = "opportunity-status.json";

    private static readonly SemaphoreSlim Gate = new(1, 1);

    public string PathOf(string engagement) => Path.Combine(root, Validate(engagement), FileName);

    public async Task<EngagementMarks> ReadAsync(string engagement, CancellationToken cancellationToken)
    {
        var path = PathOf(engagement);
        return File.Exists(path) ? EngagementMarks.Read(await File.ReadAllBytesAsync(path, cancellationToken), path) : EngagementMarks.Empty(engagement);
    }

    public async Task<OpportunityMark> MarkAsync(string engagement, MarkRequest request, BaselineReport baseline, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var path = PathOf(engagement);
        await Gate.WaitAsync(cancellationToken);
        try
        {
            var (marks, mark) = OpportunityMarking.Apply(await ReadAsync(engagement, cancellationToken), request, baseline, now);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            var temporary = path + ".tmp";
            await File.WriteAllBytesAsync(temporary, marks.ToJson(), cancellationToken);
            File.Move(temporary, path, overwrite: true);
            return mark;
        }
        finally
        {
            Gate.Release();
        }
    }

    private static string Validate(string engagement) =>
        OpportunityMarking.IsValidEngagement(engagement) ? engagement : throw new ArgumentException($"Invalid engagement name '{engagement}': {OpportunityMarking.EngagementRule}.", nameof(engagement));
}
