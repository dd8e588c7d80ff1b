namespace AutomationScanner.Core.Tracking;

/// <summary>Where the marks of each engagement are kept: blob storage in Azure, a local folder for the CLI.</summary>
public interface IOpportunityStatusStore
{
    /// <summary>The engagement's marks; empty when none was ever made.</summary>
    Task<EngagementMarks> ReadAsync(string engagement, CancellationToken cancellationToken);

    /// <summary>Applies one mark atomically (no concurrent mark is lost) and returns it.</summary>
    Task<OpportunityMark> MarkAsync(string engagement, MarkRequest request, BaselineReport baseline, DateTimeOffset now, CancellationToken cancellationToken);
}
