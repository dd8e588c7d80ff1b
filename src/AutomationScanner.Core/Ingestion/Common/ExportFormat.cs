namespace AutomationScanner.Core.Ingestion.Common;

/// <summary>What the first bytes of an export say about it.</summary>
public enum ExportFormat
{
    Csv,
    Xes,

    /// <summary>Object-centric event log, OCEL 2.0 or 1.0 JSON.</summary>
    OcelJson,

    /// <summary>Object-centric event log, OCEL 2.0 XML.</summary>
    OcelXml,

    /// <summary>Object-centric event log, OCEL 2.0 SQLite database.</summary>
    OcelSqlite,
}
