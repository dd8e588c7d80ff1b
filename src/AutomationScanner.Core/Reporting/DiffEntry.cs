namespace AutomationScanner.Core.Reporting;

public sealed record DiffEntry(string Id, string Process, string Task, int? PreviousRank, int? Rank);
