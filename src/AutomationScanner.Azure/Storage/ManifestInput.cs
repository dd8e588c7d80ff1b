namespace AutomationScanner.Azure.Storage;

public sealed record ManifestInput(string Name, long Size, bool Read, string? Error);
