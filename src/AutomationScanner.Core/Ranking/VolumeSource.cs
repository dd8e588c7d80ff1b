namespace AutomationScanner.Core.Ranking;

/// <summary>Where the yearly volume came from.</summary>
public enum VolumeSource
{
    None,
    EventLog,
    DocumentHint,
}
