namespace AutomationScanner.Azure.Storage;

/// <summary>The pending-scan marker blob of <see cref="ScanScheduler"/>: <c>{"engagement", "scheduledAt", "visibleAt"}</c>.</summary>
internal sealed record PendingMarker(string Engagement, DateTimeOffset ScheduledAt, DateTimeOffset VisibleAt);
