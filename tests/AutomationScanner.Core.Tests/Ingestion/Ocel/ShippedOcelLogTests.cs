using AutomationScanner.Core.Ingestion.Common;

namespace AutomationScanner.Core.Tests.Ingestion.Ocel;

/// <summary>The OCEL example logs shipped in data/ocel (provenance in docs/DATASETS.md).</summary>
public sealed class ShippedOcelLogTests
{
    /// <summary>The XML and SQLite exports of the example write local time (UTC+1) without an offset; the JSON writes UTC.</summary>
    private static readonly IngestionOptions LocalPlusOne = new()
    {
        DefaultTimeZone = TimeZoneInfo.CreateCustomTimeZone("UTC+01", TimeSpan.FromHours(1), "UTC+01", "UTC+01"),
    };

    [Fact]
    public void MineAll_PurchaseToPayJson_ProcessesPerObjectType()
    {
        var sut = OcelLogs.MineFile(OcelLogs.Ocel("ocel20_example.jsonocel"));

        Assert.Equal(
            ["ocel20_example/Invoice", "ocel20_example/Payment", "ocel20_example/Purchase Order", "ocel20_example/Purchase Requisition"],
            sut.Select(p => p.Summary.Process));
        var invoice = sut.Process("Invoice");
        Assert.Equal(3, invoice.Summary.Cases);
        Assert.Equal(["Insert Invoice", "Insert Payment", "Create Purchase Order", "Set Payment Block", "Remove Payment Block"], invoice.Activities.Select(a => a.Activity));
        Assert.Equal(3, invoice.Activity("Insert Payment").Executions);
        Assert.Equal(1.0, invoice.Activity("Insert Payment").AutomationRate);
        Assert.Equal(["Luke", "Mario"], invoice.Activity("Insert Invoice").ExecutionsByResource.Keys.Order(StringComparer.Ordinal));
        var order = sut.Process("Purchase Order");
        Assert.Equal(2, order.Summary.Cases);
        Assert.Equal(2, order.Activity("Insert Invoice").Executions);
        Assert.Equal(1, order.Summary.ObjectCentric!.RepeatedExecutions);
        Assert.Equal(["Invoice created starting from the PO", "Invoice created with identifier"], invoice.Activity("Insert Invoice").Objects!.Qualifiers.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void MineAll_PurchaseToPayInThreeFormats_IdenticalStatistics()
    {
        var json = OcelLogs.MineFile(OcelLogs.Ocel("ocel20_example.jsonocel"));

        var xml = OcelLogs.MineFile(OcelLogs.Ocel("ocel20_example.xmlocel"), LocalPlusOne);
        var sqlite = OcelLogs.MineFile(OcelLogs.Ocel("ocel20_example.sqlite"), LocalPlusOne);

        OcelAssert.SameStatistics(json, xml);
        OcelAssert.SameStatistics(json, sqlite);
        Assert.Equal("OCEL 2.0 SQLite", sqlite[0].Summary.ObjectCentric!.Format);
        Assert.Equal("OCEL 2.0 XML", xml[0].Summary.ObjectCentric!.Format);
    }

    [Fact]
    public void MineAll_XmlWithoutOffsets_SaysHowTimestampsWereRead()
    {
        var xml = OcelLogs.MineFile(OcelLogs.Ocel("ocel20_example.xmlocel"));

        var invoice = xml.Process("Invoice");
        Assert.Equal(invoice.Summary.Events, invoice.Summary.EventsWithoutOffset);
        Assert.Equal(new DateTimeOffset(2022, 1, 14, 12, 0, 0, TimeSpan.Zero), invoice.Summary.Start);
    }

    [Fact]
    public void MineAll_RecruitingOcel1_ApplicationsAndOffers()
    {
        var sut = OcelLogs.MineFile(OcelLogs.Ocel("recruiting-red.jsonocel.gz"));

        var applications = sut.Process("applications");
        Assert.Equal("recruiting-red/applications", applications.Summary.Process);
        Assert.Equal("OCEL 1.0 JSON", applications.Summary.ObjectCentric!.Format);
        Assert.Equal(916, applications.Summary.Cases);
        Assert.Equal(6607, applications.Summary.Events);
        Assert.Equal(916, applications.Activity("first screening").Executions);
        Assert.Equal(781, applications.Activity("send rejection").Executions);
        Assert.Equal(
            ["applicants", "applications", "managers", "offers", "recruiters", "vacancies"],
            applications.Summary.ObjectCentric.ObjectTypes.Keys);
        var offers = sut.Process("offers");
        Assert.Equal(135, offers.Summary.Cases);
        Assert.Equal(135, offers.Activity("make job offer").Executions);
        Assert.Equal(0, applications.Summary.ObjectCentric.ConvergentEvents);
    }
}
