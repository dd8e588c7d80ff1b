using System.Globalization;
using System.Text;
using AutomationScanner.Core.Mining;
using AutomationScanner.Core.Model;

namespace AutomationScanner.Core.Tests.Ingestion;

/// <summary>Every real log shipped in data/eventlogs and samples parses with the counts its source publishes (MANIFEST.md).</summary>
public sealed class ShippedLogTests
{
    public static TheoryData<string, long, long, int> Logs => new()
    {
        { "eventlogs/running-example.csv", 6, 42, 8 },
        { "samples/running-example.xes", 6, 42, 8 },
        { "eventlogs/roadtraffic100traces.csv", 100, 390, 10 },
        { "eventlogs/roadtraffic100traces.xes", 100, 390, 10 },
        { "samples/receipt.csv.gz", 1434, 8577, 27 },
        { "eventlogs/08_receipt.xes.gz", 1434, 8577, 27 },
        { "eventlogs/reviewing.csv.gz", 100, 3730, 14 },
        { "eventlogs/04_reviewing.xes.gz", 100, 3730, 14 },
        { "samples/helpdesk.xes.gz", 4580, 21348, 14 },
        { "eventlogs/bpic2012.xes.gz", 13087, 262200, 24 },
        // Status logs: activities are named with their status ("Accepted (In Progress)"), 7 and 13 of them.
        { "eventlogs/06_bpic2013_closed.xes.gz", 1487, 6660, 7 },
        { "eventlogs/07_bpic2013_incidents.xes.gz", 7554, 65533, 13 },
        { "eventlogs/16_bpic2019_1t_per_variant.xes.gz", 11973, 338247, 42 },
        { "eventlogs/15_bpic2020_permit_log_1t_per_variant.xes.gz", 1478, 26028, 51 },
        { "eventlogs/13_SEPSIS_1t_per_variant.xes.gz", 846, 13775, 16 },
        { "eventlogs/14_Billing_1t_per_variant.xes.gz", 1020, 12506, 18 },
        { "eventlogs/12_roadtraffic_1t_per_variant.xes.gz", 231, 1891, 11 },
        { "eventlogs/02_teleclaims.xes.gz", 3512, 46138, 11 },
        { "eventlogs/03_repairExample.xes.gz", 1104, 11855, 8 },
        { "eventlogs/sepsis.csv.gz", 1050, 15214, 16 },
        { "eventlogs/DomesticDeclarations.xes.gz", 10357, 55628, 14 },
    };

    [Theory]
    [MemberData(nameof(Logs))]
    public void Mine_ShippedLog_MatchesPublishedCounts(string relativePath, long cases, long events, int activities)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "TestData", relativePath);

        var sut = TestFiles.MineFile(path);

        // BPIC 2019 holds two events dated 1948: counted as implausible timestamps and not used.
        var implausible = sut.Summary.DataQuality.Where(i => i.Kind == DataQualityKinds.ImplausibleTimestamp).Sum(i => i.Count);
        Assert.Equal(relativePath.Contains("bpic2019", StringComparison.Ordinal) ? 2 : 0, implausible);
        Assert.Equal(cases, sut.Summary.Cases);
        Assert.Equal(events, sut.Summary.Events + implausible);
        Assert.Equal(activities, sut.Summary.Activities);
        Assert.Equal(events, sut.Activities.Sum(a => a.Events) + implausible);
        Assert.DoesNotContain(sut.Summary.DataQuality, i => i.Kind is not (DataQualityKinds.NoOffset or DataQualityKinds.ImplausibleTimestamp));
    }

    [Theory]
    [InlineData("samples/receipt.csv.gz", "eventlogs/08_receipt.xes.gz")]
    [InlineData("eventlogs/running-example.csv", "samples/running-example.xes")]
    [InlineData("eventlogs/roadtraffic100traces.csv", "eventlogs/roadtraffic100traces.xes")]
    [InlineData("eventlogs/reviewing.csv.gz", "eventlogs/04_reviewing.xes.gz")]
    public void Mine_CsvAndXesOfSameLog_GiveSameStatistics(string csv, string xes)
    {
        var fromCsv = TestFiles.MineFile(Path.Combine(AppContext.BaseDirectory, "TestData", csv));
        var fromXes = TestFiles.MineFile(Path.Combine(AppContext.BaseDirectory, "TestData", xes));

        Assert.Equal(fromXes.Activities.Count, fromCsv.Activities.Count);
        foreach (var expected in fromXes.Activities)
        {
            Assert.Equal(Canonical(expected), Canonical(fromCsv.Activity(expected.Activity)));
        }

        Assert.Equal(fromXes.Summary.Start, fromCsv.Summary.Start);
        Assert.Equal(fromXes.Summary.End, fromCsv.Summary.End);
        Assert.Equal(fromXes.Summary.Variants, fromCsv.Summary.Variants);
    }

    [Fact]
    public void Mine_Bpic2012_ReportsLifecycleServiceTimesAndResources()
    {
        var sut = TestFiles.MineFile(TestFiles.EventLog("bpic2012.xes.gz"));

        // W_ activities have START/COMPLETE pairs: service time is known; A_ activities are complete-only.
        var work = sut.Activity("W_Completeren aanvraag");
        Assert.True(work.ServiceTime.Count > 1000);
        Assert.True(work.ServiceTime.MedianSeconds > 0);
        Assert.True(work.Executions < work.Events);
        Assert.Equal(0, sut.Activity("A_SUBMITTED").ServiceTime.Count);
        Assert.Equal(13087, sut.Activity("A_SUBMITTED").Cases);
        Assert.Equal(1.0, sut.Activity("A_SUBMITTED").CaseCoverage, 6);
        Assert.True(sut.Activity("A_SUBMITTED").PredecessorEntropy < 0.01, "every case starts with A_SUBMITTED");
        Assert.True(work.DistinctResources > 10);
        Assert.True(work.RepeatExecutions > 0);
        Assert.Equal("All timestamps carried their own UTC offset.", sut.Summary.TimeZoneNote);
    }

    [Fact]
    public void Mine_BillingWithoutOffsets_ReadsInGivenZoneAndSaysSo()
    {
        var amsterdam = TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam");
        var utc = TestFiles.MineFile(TestFiles.EventLog("14_Billing_1t_per_variant.xes.gz"));
        var local = TestFiles.MineFile(TestFiles.EventLog("14_Billing_1t_per_variant.xes.gz"), new() { DefaultTimeZone = amsterdam });

        Assert.Equal(12506, utc.Summary.EventsWithoutOffset);
        Assert.Contains("read as UTC", utc.Summary.TimeZoneNote, StringComparison.Ordinal);
        Assert.Contains("Europe/Amsterdam", local.Summary.TimeZoneNote, StringComparison.Ordinal);
        var shift = utc.Summary.Start!.Value - local.Summary.Start!.Value;
        Assert.True(shift == TimeSpan.FromHours(1) || shift == TimeSpan.FromHours(2), $"shift was {shift}");
    }

    private static string Canonical(ActivityStatistics s)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"{s.Activity}|{s.Events}|{s.Executions}|{s.Cases}|{s.CaseCoverage:R}|{s.ExecutionsPerWeek:R}|");
        text.Append(CultureInfo.InvariantCulture, $"{s.ServiceTime}|{s.WaitingTime}|{s.SelfLoops}|{s.RepeatExecutions}|{s.CasesWithRepeat}|");
        text.Append(CultureInfo.InvariantCulture, $"{s.FailureEvents}|{s.FailureRate:R}|{s.PredecessorEntropy:F9}|{s.SuccessorEntropy:F9}|{s.VariantShare:R}|");
        text.Append(CultureInfo.InvariantCulture, $"{s.DistinctResources}|{s.Handovers}|{s.AutomationRate:R}|{s.OffHoursShare:R}|");
        text.AppendJoin(',', s.ExecutionsByMonth.OrderBy(m => m.Key, StringComparer.Ordinal).Select(m => $"{m.Key}={m.Value}"));
        text.Append('|').AppendJoin(',', s.ExecutionsByResource.OrderBy(m => m.Key, StringComparer.Ordinal).Select(m => $"{m.Key}={m.Value}"));
        return text.ToString();
    }
}
