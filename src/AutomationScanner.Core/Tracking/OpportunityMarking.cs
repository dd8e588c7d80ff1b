using System.Text.RegularExpressions;

namespace AutomationScanner.Core.Tracking;

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
