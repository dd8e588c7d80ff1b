namespace AutomationScanner.Azure.Storage;

/// <summary>A scan that cannot be published; the request fails and is retried, then poisoned. (A scan whose exports are all unreadable is published, listing their errors.)</summary>
public sealed class ScanFailedException(string message) : Exception(message);
