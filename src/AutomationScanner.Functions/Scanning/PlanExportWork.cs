namespace AutomationScanner.Functions.Scanning;

public sealed record PlanExportWork(string Engagement, ExportPart Export);
