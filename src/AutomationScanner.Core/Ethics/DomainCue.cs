namespace AutomationScanner.Core.Ethics;

/// <summary>A cue of a process domain: a pattern over activity, attribute and document text, with a weight.</summary>
public sealed record DomainCue(string Pattern, double Weight);
