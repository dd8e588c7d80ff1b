using AutomationScanner.Core.Ingestion;

namespace AutomationScanner.Core.Tests.Ingestion;

/// <summary>Period tokens leave the process name (weekly exports keep their ids); other differences do not.</summary>
public sealed class ProcessIdentityTests
{
    [Theory]
    [InlineData("receipts-2026-01.csv", "receipts")]
    [InlineData("receipts 2026 week 02.xes", "receipts")]
    [InlineData("receipts_20260105.csv.gz", "receipts")]
    [InlineData("receipts_2026-01-05_to_2026-01-11.csv", "receipts")]
    [InlineData("2026-01-05 receipts.csv", "receipts")]
    [InlineData("receipts (Jan 2026).csv", "receipts")]
    [InlineData("receipts-2026-W02.csv", "receipts")]
    [InlineData("Receipts KW14.csv", "Receipts")]
    [InlineData("receipts_Q1_2026.csv", "receipts")]
    [InlineData("receipts 05.01.2026.csv", "receipts")]
    [InlineData("receipts-202601.csv", "receipts")]
    [InlineData("receipts-2026-01-05T0800.csv", "receipts")]
    [InlineData("purchase-to-pay march.csv", "purchase-to-pay")]
    [InlineData("2026-01/receipts.csv", "receipts")]
    [InlineData("receipts.csv", "receipts")]
    public void ProcessName_PeriodTokens_AreTakenOut(string file, string process) =>
        Assert.Equal(process, EventLogReader.ProcessName(file));

    [Theory]
    [InlineData("BPI_Challenge_2019.xes.gz", "BPI_Challenge_2019")] // a bare year names a data set, not a period
    [InlineData("plant-12.csv", "plant-12")]
    [InlineData("orders-v2.csv", "orders-v2")]
    [InlineData("p2p.jsonocel", "p2p")]
    [InlineData("2026-01.csv", "2026-01")] // nothing but a period: the name stays
    [InlineData("bpic2013-incidents.csv", "bpic2013-incidents")]
    [InlineData("mayor-requests.csv", "mayor-requests")]
    public void ProcessName_NotPeriods_AreKept(string file, string process) =>
        Assert.Equal(process, EventLogReader.ProcessName(file));

    [Theory]
    [InlineData("receipts-2026-01.csv", "payments-2026-01.csv")]
    [InlineData("orders-eu 2026-01.csv", "orders-us 2026-01.csv")]
    [InlineData("BPI_Challenge_2012.xes", "BPI_Challenge_2017.xes")]
    [InlineData("plant-12 2026-01.csv", "plant-13 2026-01.csv")]
    public void ProcessName_DifferentProcesses_DoNotCollide(string one, string other) =>
        Assert.NotEqual(EventLogReader.ProcessName(one), EventLogReader.ProcessName(other));
}
