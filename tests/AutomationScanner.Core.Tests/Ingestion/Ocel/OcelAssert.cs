using System.Text.Json;
using AutomationScanner.Core.Mining;

namespace AutomationScanner.Core.Tests.Ingestion.Ocel;

/// <summary>Compares the statistics of two readings of the same log, field by field (JSON of every activity record).</summary>
internal static class OcelAssert
{
    private static readonly JsonSerializerOptions Options = new() { WriteIndented = false };

    public static void SameStatistics(IReadOnlyList<MinedProcess> expected, IReadOnlyList<MinedProcess> actual)
    {
        Assert.Equal(expected.Select(p => p.Summary.Process), actual.Select(p => p.Summary.Process));
        for (var i = 0; i < expected.Count; i++)
        {
            var e = expected[i];
            var a = actual[i];
            Assert.Equal(e.Summary.Events, a.Summary.Events);
            Assert.Equal(e.Summary.Cases, a.Summary.Cases);
            Assert.Equal(e.Summary.Variants, a.Summary.Variants);
            Assert.Equal(e.Summary.Start, a.Summary.Start);
            Assert.Equal(e.Summary.End, a.Summary.End);
            Assert.Equal(Json(e.Summary.CaseDuration), Json(a.Summary.CaseDuration));
            Assert.Equal(Json(e.Summary.ObjectCentric! with { Format = "" }), Json(a.Summary.ObjectCentric! with { Format = "", Notes = [.. a.Summary.ObjectCentric.Notes.Select(n => n.Replace(a.Summary.ObjectCentric.Format, e.Summary.ObjectCentric.Format, StringComparison.Ordinal))] }));
            Assert.Equal(e.Activities.Select(x => x.Activity), a.Activities.Select(x => x.Activity));
            for (var j = 0; j < e.Activities.Count; j++)
            {
                Assert.Equal(Json(e.Activities[j]), Json(a.Activities[j]));
                Assert.Equal(e.Activities[j].ExecutionsByResource, a.Activities[j].ExecutionsByResource);
            }
        }
    }

    private static string Json<T>(T value) => JsonSerializer.Serialize(value, Options);
}
