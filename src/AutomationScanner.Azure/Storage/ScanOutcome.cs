using AutomationScanner.Core.Reporting;

namespace AutomationScanner.Azure.Storage;

public sealed record ScanOutcome(ScanStatus Status, ScanManifest? Manifest, ScanReport? Report);
