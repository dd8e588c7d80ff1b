namespace AutomationScanner.Core.Ethics;

/// <summary>One text of a task, with where it came from.</summary>
public sealed record TaskTextItem(string Text, string Location);
