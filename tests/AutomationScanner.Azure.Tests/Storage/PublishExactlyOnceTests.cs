using System.Text;
using AutomationScanner.Azure.Storage;
using AutomationScanner.Core.Ingestion.Common;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace AutomationScanner.Azure.Tests.Storage;

/// <summary>
/// Issue 14's storage cases on Azurite: concurrent deliveries publish one report, a publish cut short is never
/// served and is swept, DOCX and PDF are read from blobs, a new storage account says "no exports", and an engagement
/// whose every export is unreadable still gets a report that says why.
/// </summary>
public sealed class PublishExactlyOnceTests(StorageFixture env) : IClassFixture<StorageFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static byte[] Log(int cases)
    {
        var text = new StringBuilder("case,activity,timestamp,resource\n");
        for (var c = 0; c < cases; c++)
        {
            text.Append(FormattableString.Invariant($"c{c},Receive invoice,2024-03-0{1 + (c % 9)}T09:00:00Z,clerk\n"));
            text.Append(FormattableString.Invariant($"c{c},Check invoice,2024-03-0{1 + (c % 9)}T09:40:00Z,clerk\n"));
            text.Append(FormattableString.Invariant($"c{c},Pay invoice,2024-03-0{1 + (c % 9)}T11:00:00Z,clerk\n"));
        }

        return Encoding.UTF8.GetBytes(text.ToString());
    }

    [Fact]
    public async Task Scan_FourConcurrentDeliveries_PublishOneReport()
    {
        var engagement = StorageFixture.NewEngagement("race");
        await env.UploadAsync(engagement, "p2p.csv", Log(30));
        var request = new ScanRequest(engagement, ScanRequest.Upload, null, DateTimeOffset.UtcNow);

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => env.Service().ScanAsync(request, cancellationToken: Ct), Ct)));

        Assert.Single(outcomes, o => o.Status == ScanStatus.Published);
        Assert.All(outcomes, o => Assert.Contains(o.Status, new[] { ScanStatus.Published, ScanStatus.AlreadyPublished, ScanStatus.InProgress }));
        var scans = await env.Reports().ListScansAsync(engagement, Ct);
        Assert.Single(scans);
        var again = await env.Service().ScanAsync(request, cancellationToken: Ct);
        Assert.Equal(ScanStatus.AlreadyPublished, again.Status);
        Assert.Equal(scans[0].ScanId, again.Manifest!.ScanId);
    }

    [Fact]
    public async Task Claim_StaleClaimWithoutReport_IsTakenOverKeepingItsScanId()
    {
        var engagement = StorageFixture.NewEngagement("stale");
        var reports = env.Reports();
        var fingerprint = new string('a', 64);
        var t0 = new DateTimeOffset(2026, 1, 5, 9, 0, 0, TimeSpan.Zero);
        var first = await reports.ClaimAsync(engagement, fingerprint, ScanId.Create(t0, fingerprint), TimeSpan.FromMinutes(15), t0, Ct);

        var early = await reports.ClaimAsync(engagement, fingerprint, ScanId.Create(t0.AddMinutes(1), fingerprint), TimeSpan.FromMinutes(15), t0.AddMinutes(1), Ct);
        var late = await reports.ClaimAsync(engagement, fingerprint, ScanId.Create(t0.AddMinutes(20), fingerprint), TimeSpan.FromMinutes(15), t0.AddMinutes(20), Ct);

        Assert.Equal(ClaimState.Acquired, first.State);
        Assert.Equal(ClaimState.InProgress, early.State);
        Assert.Equal(ClaimState.Acquired, late.State);
        Assert.Equal(first.ScanId, late.ScanId);
    }

    [Fact]
    public async Task Download_PublishCutShort_NotServedAndSwept()
    {
        var engagement = StorageFixture.NewEngagement("cut");
        await env.UploadAsync(engagement, "p2p.csv", Log(10));
        var published = await env.Service().ScanAsync(new ScanRequest(engagement, ScanRequest.Upload, null, DateTimeOffset.UtcNow), cancellationToken: Ct);
        var orphanId = ScanId.Create(DateTimeOffset.UtcNow.AddHours(-3), new string('b', 64));
        // What a handler killed mid-publish left: an empty report.json, no manifest.
        await env.Storage.Reports.GetBlobClient(StorageNames.ScanFolder(engagement, orphanId) + "report.json").UploadAsync(BinaryData.FromBytes([]), Ct);
        var reports = env.Reports();

        var orphan = await reports.OpenReportAsync(engagement, orphanId, ReportFormat.Json, Ct);
        var real = await reports.OpenReportAsync(engagement, published.Manifest!.ScanId, ReportFormat.Json, Ct);
        var tooYoung = await reports.SweepOrphansAsync(engagement, TimeSpan.FromHours(1), DateTimeOffset.UtcNow, Ct);
        var swept = await reports.SweepOrphansAsync(engagement, TimeSpan.FromHours(1), DateTimeOffset.UtcNow.AddHours(2), Ct);

        Assert.Null(orphan);
        Assert.NotNull(real);
        Assert.True(real.Details.ContentLength > 100);
        real.Dispose();
        Assert.Empty(tooYoung);
        Assert.Equal([orphanId], swept);
        Assert.DoesNotContain(await env.ReportBlobsAsync(engagement), b => b.Contains(orphanId, StringComparison.Ordinal));
        Assert.Contains(await env.ReportBlobsAsync(engagement), b => b.EndsWith(published.Manifest.ScanId + "/report.json", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Publish_ReportBlobsAreCompleteWhenTheyFirstAppear()
    {
        var engagement = StorageFixture.NewEngagement("atomic");
        await env.UploadAsync(engagement, "p2p.csv", Log(200));
        var seenEmpty = false;
        using var stop = new CancellationTokenSource();
        var watcher = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                await foreach (var blob in env.Storage.Reports.GetBlobsAsync(new global::Azure.Storage.Blobs.Models.GetBlobsOptions { Prefix = engagement + "/" }, CancellationToken.None))
                {
                    seenEmpty |= blob.Name.EndsWith("/report.json", StringComparison.Ordinal) && blob.Properties.ContentLength == 0;
                }
            }
        }, Ct);

        await env.Service().ScanAsync(new ScanRequest(engagement, ScanRequest.Upload, null, DateTimeOffset.UtcNow), cancellationToken: Ct);
        await stop.CancelAsync();
        await watcher;

        Assert.False(seenEmpty);
    }

    [Fact]
    public async Task Scan_DocxAndPdfBlobs_AreRead()
    {
        var engagement = StorageFixture.NewEngagement("docs");
        await env.UploadAsync(engagement, "p2p.csv", Log(10));
        await env.UploadAsync(engagement, "sop.docx", Docx("Check the invoice against the purchase order in SAP."));
        var pdf = new UglyToad.PdfPig.Writer.PdfDocumentBuilder();
        var font = pdf.AddStandard14Font(UglyToad.PdfPig.Fonts.Standard14Fonts.Standard14Font.Helvetica);
        pdf.AddPage(UglyToad.PdfPig.Content.PageSize.A4).AddText("1. Post the invoice in SAP.", 10, new UglyToad.PdfPig.Core.PdfPoint(40, 800), font);
        await env.UploadAsync(engagement, "steps.pdf", pdf.Build());

        var outcome = await env.Service().ScanAsync(new ScanRequest(engagement, ScanRequest.Upload, null, DateTimeOffset.UtcNow), cancellationToken: Ct);

        Assert.All(outcome.Report!.Inputs, i => Assert.True(i.Read, i.Error));
        Assert.All(outcome.Report.Documents, d => Assert.True(d.Statements > 0, d.Name));
        Assert.Equal(2, outcome.Report.Documents.Count);
    }

    [Fact]
    public async Task Scan_EveryExportUnreadable_PublishesAReportThatSaysWhy()
    {
        var engagement = StorageFixture.NewEngagement("broken");
        await env.UploadAsync(engagement, "broken.xes", Encoding.UTF8.GetBytes("<log><trace><event><string key=\"concept:name\" value=\"A\"/>"));
        await env.UploadAsync(engagement, "header.csv", Encoding.UTF8.GetBytes("a," + new string('b', 80_000) + "\n"));

        var outcome = await env.Service().ScanAsync(new ScanRequest(engagement, ScanRequest.Upload, null, DateTimeOffset.UtcNow), cancellationToken: Ct);

        Assert.Equal(ScanStatus.Published, outcome.Status);
        Assert.All(outcome.Manifest!.Inputs, i => Assert.False(i.Read));
        Assert.Contains(outcome.Manifest.Inputs, i => i.Error!.StartsWith("broken.xes", StringComparison.Ordinal));
        Assert.Contains(outcome.Manifest.Inputs, i => i.Error!.StartsWith("header.csv line 1", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Scan_NewStorageAccountWithoutAnyContainer_SaysNoExports()
    {
        // Its own Azurite: no other test can have created the exports container first.
        await using var fresh = await AutomationScanner.Testing.Azurite.StartAsync();
        var storage = new ScannerStorageClients(Microsoft.Extensions.Options.Options.Create(new ScannerStorageOptions { ConnectionString = fresh.ConnectionString }));
        var time = TimeProvider.System;
        var service = new StorageScanService(
            new ExportCatalog(storage), new ReportStore(storage, Microsoft.Extensions.Logging.Abstractions.NullLogger<ReportStore>.Instance),
            new ScanScheduler(storage, Microsoft.Extensions.Options.Options.Create(new ScanSchedulingOptions()), time, Microsoft.Extensions.Logging.Abstractions.NullLogger<ScanScheduler>.Instance),
            new AutomationScanner.Core.Scanning.ScanPipeline(IngestionOptions.Default, time, Microsoft.Extensions.Logging.Abstractions.NullLogger<AutomationScanner.Core.Scanning.ScanPipeline>.Instance),
            time, Microsoft.Extensions.Logging.Abstractions.NullLogger<StorageScanService>.Instance);
        await storage.Reports.CreateIfNotExistsAsync(cancellationToken: Ct);

        var outcome = await service.ScanAsync(new ScanRequest("acme", ScanRequest.Upload, null, DateTimeOffset.UtcNow), cancellationToken: Ct);
        var engagements = await new ExportCatalog(storage).ListEngagementsAsync(Ct);

        Assert.Equal(ScanStatus.NoExports, outcome.Status);
        Assert.Empty(engagements);
    }

    private static byte[] Docx(string text)
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, DocumentFormat.OpenXml.WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            main.Document = new Document(new Body(new Paragraph(new Run(new Text(text)))));
            main.Document.Save();
        }

        return stream.ToArray();
    }
}
