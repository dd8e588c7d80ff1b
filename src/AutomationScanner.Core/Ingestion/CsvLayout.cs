using AutomationScanner.Core.Ingestion.Common;

namespace AutomationScanner.Core.Ingestion;

/// <summary>How a CSV export is read: decided once from the head of the whole file.</summary>
internal sealed record CsvLayout(char Delimiter, IReadOnlyList<string> Header, ResolvedColumns Columns, DateOrder DateOrder);
