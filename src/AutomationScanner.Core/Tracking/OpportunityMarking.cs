using System.Text.Json;
using System.Text.RegularExpressions;
using AutomationScanner.Core.Model;
using AutomationScanner.Core.Ranking;

namespace AutomationScanner.Core.Tracking;

/// <summary>Where a consultant says an opportunity stands.</summary>
public enum OpportunityStatus
{
    Candidate,
    Piloting,
    Automated,

    /// <summary>Not to be automated; a reason is required.</summary>
    Rejected,
}

/// <summary>
/// The task as the scan saw it when it was first marked piloting or automated: every later scan measures the
/// realised benefit against this.
/// </summary>
public sealed record MarkBaseline
{
    public required string ScanId { get; init; }

    public DateTimeOffset? GeneratedAt { get; init; }

    /// <summary>Share of executions by bots or systems, 0..1; null when the task had no log.</summary>
    public double? AutomationRate { get; init; }

    public required double ExecutionsPerYear { get; init; }

    /// <summary>Manual hours a year (P50).</summary>
    public required double ManualHoursPerYear { get; init; }

    /// <summary>Seconds one execution takes (P50).</summary>
    public required double HandlingSeconds { get; init; }

    public string? HandlingBasis { get; init; }

    /// <summary>The benefit the scan estimated (hours a year, P10 / P50 / P90).</summary>
    public required ValueRange EstimatedBenefitHours { get; init; }

    /// <summary>Fully loaded hourly cost then, to put realised hours in money.</summary>
    public double? HourlyCost { get; init; }

    public string? Currency { get; init; }
}

/// <summary>One status change, kept for the record.</summary>
public sealed record StatusChange(OpportunityStatus Status, string? Reason, DateTimeOffset At, string? By);

/// <summary>An opportunity's current status, its baseline and how it got there.</summary>
public sealed record OpportunityMark
{
    public required string OpportunityId { get; init; }

    public required string Process { get; init; }

    public required string Task { get; init; }

    public required OpportunityStatus Status { get; init; }

    public string? Reason { get; init; }

    public required DateTimeOffset MarkedAt { get; init; }

    public string? MarkedBy { get; init; }

    /// <summary>Set when the opportunity was first marked piloting or automated; kept through later marks.</summary>
    public MarkBaseline? Baseline { get; init; }

    public IReadOnlyList<StatusChange> History { get; init; } = [];
}

/// <summary>Every mark of one engagement: the document the stores keep (one JSON file or blob per engagement).</summary>
public sealed record EngagementMarks
{
    public const int CurrentVersion = 1;

    public int Version { get; init; } = CurrentVersion;

    public required string Engagement { get; init; }

    public IReadOnlyList<OpportunityMark> Marks { get; init; } = [];

    public static EngagementMarks Empty(string engagement) => new() { Engagement = engagement };

    public OpportunityMark? For(string opportunityId) => Marks.FirstOrDefault(m => m.OpportunityId == opportunityId);

    public static JsonSerializerOptions JsonOptions { get; } = new(StoredJson.Options) { WriteIndented = true };

    public static EngagementMarks Read(ReadOnlySpan<byte> json, string sourceName)
    {
        try
        {
            return JsonSerializer.Deserialize<EngagementMarks>(json, JsonOptions) ?? throw new InvalidDataException($"{sourceName}: empty status file.");
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"{sourceName}: not an opportunity status file (line {ex.LineNumber + 1}): {ex.Message}", ex);
        }
    }

    public byte[] ToJson() => JsonSerializer.SerializeToUtf8Bytes(this, JsonOptions);
}

/// <summary>A request to change one opportunity's status.</summary>
public sealed record MarkRequest(string OpportunityId, OpportunityStatus Status, string? Reason = null, string? By = null);

/// <summary>Validates a mark and applies it to an engagement's marks, taking the baseline from the report it was made on.</summary>
public static partial class OpportunityMarking
{
    public const string EngagementRule = "2-63 characters: lower-case letters, digits and '-', starting with a letter or digit";

    public static bool IsValidEngagement(string? name) => name is not null && EngagementPattern().IsMatch(name);

    public static bool IsValidOpportunityId(string? id) => id is not null && OpportunityIdPattern().IsMatch(id);

    /// <summary>Parses "candidate", "piloting", "automated" or "rejected" (any case).</summary>
    public static bool TryParseStatus(string? text, out OpportunityStatus status)
    {
        status = default;
        return text is not null && !int.TryParse(text, out _) && Enum.TryParse(text.Trim(), ignoreCase: true, out status) && Enum.IsDefined(status);
    }

    /// <summary>
    /// The marks after <paramref name="request"/>. The opportunity must be in <paramref name="baseline"/> (the scan
    /// the consultant marked from); a rejection needs a reason. The first mark as piloting or automated records the
    /// baseline; later marks keep it, so realisation is always measured against the task before any change.
    /// </summary>
    /// <exception cref="ArgumentException">The request is invalid; the message names the field.</exception>
    public static (EngagementMarks Marks, OpportunityMark Mark) Apply(EngagementMarks current, MarkRequest request, BaselineReport baseline, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(baseline);
        if (!IsValidOpportunityId(request.OpportunityId))
        {
            throw new ArgumentException($"opportunityId '{request.OpportunityId}' is not an opportunity id (16 lower-case hex digits).", nameof(request));
        }

        var reason = string.IsNullOrWhiteSpace(request.Reason) ? null : request.Reason.Trim();
        if (request.Status == OpportunityStatus.Rejected && reason is null)
        {
            throw new ArgumentException("reason: a rejection needs a reason.", nameof(request));
        }

        if (reason is { Length: > 500 })
        {
            throw new ArgumentException("reason: at most 500 characters.", nameof(request));
        }

        var previous = current.For(request.OpportunityId);
        var item = baseline.Find(request.OpportunityId);
        if (item is null && previous is null)
        {
            throw new ArgumentException($"opportunityId '{request.OpportunityId}' is not in scan {baseline.ScanId} of this engagement.", nameof(request));
        }

        var recordBaseline = previous?.Baseline is null && item is not null && request.Status is OpportunityStatus.Piloting or OpportunityStatus.Automated;
        var by = string.IsNullOrWhiteSpace(request.By) ? null : request.By.Trim();
        var mark = new OpportunityMark
        {
            OpportunityId = request.OpportunityId,
            Process = item?.Process ?? previous!.Process,
            Task = item?.Task ?? previous!.Task,
            Status = request.Status,
            Reason = reason,
            MarkedAt = now,
            MarkedBy = by,
            Baseline = recordBaseline ? item!.ToBaseline(baseline) : previous?.Baseline,
            History = [.. previous?.History ?? [], new StatusChange(request.Status, reason, now, by)],
        };
        var marks = current.Marks.Where(m => m.OpportunityId != request.OpportunityId).Append(mark)
            .OrderBy(m => m.OpportunityId, StringComparer.Ordinal).ToList();
        return (current with { Marks = marks }, mark);
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{1,62}$", RegexOptions.CultureInvariant)]
    private static partial Regex EngagementPattern();

    [GeneratedRegex("^[0-9a-f]{16}$", RegexOptions.CultureInvariant)]
    private static partial Regex OpportunityIdPattern();
}

/// <summary>Where the marks of each engagement are kept: blob storage in Azure, a local folder for the CLI.</summary>
public interface IOpportunityStatusStore
{
    /// <summary>The engagement's marks; empty when none was ever made.</summary>
    Task<EngagementMarks> ReadAsync(string engagement, CancellationToken cancellationToken);

    /// <summary>Applies one mark atomically (no concurrent mark is lost) and returns it.</summary>
    Task<OpportunityMark> MarkAsync(string engagement, MarkRequest request, BaselineReport baseline, DateTimeOffset now, CancellationToken cancellationToken);
}

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
