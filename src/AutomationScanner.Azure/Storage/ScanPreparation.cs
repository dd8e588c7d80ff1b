namespace AutomationScanner.Azure.Storage;

/// <summary>
/// The exports of a scan request and their fingerprint, before anything is mined; <see cref="Done"/> is set when
/// there is nothing to scan (no exports, or this fingerprint is published already).
/// </summary>
public sealed record ScanPreparation(ScanStatus? Done, ExportSnapshot Snapshot, string Fingerprint, ScanManifest? Existing);
