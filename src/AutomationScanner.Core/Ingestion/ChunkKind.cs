namespace AutomationScanner.Core.Ingestion;

/// <summary>How a part of an export is cut out of it.</summary>
public enum ChunkKind
{
    /// <summary>The whole file in one part (compressed, UTF-16, too small, or no safe boundary).</summary>
    Whole,

    /// <summary>
    /// Bytes <see cref="ExportChunk.Start"/> to <see cref="ExportChunk.End"/>, cut where a case (CSV) or a trace (XES)
    /// begins; parts after the first are read behind the file's header (CSV header row, XES log header).
    /// </summary>
    ByteRange,

    /// <summary>The whole file read by every part, each keeping the cases whose case-id hash falls to it (CSV whose cases interleave).</summary>
    CaseHash,
}
