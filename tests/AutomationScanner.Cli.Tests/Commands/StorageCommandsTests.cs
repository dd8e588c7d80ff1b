using System.Text.Json;
using AutomationScanner.Testing;
using Spectre.Console.Testing;

namespace AutomationScanner.Cli.Tests.Commands;

/// <summary>Azurite for the storage commands; one per test class.</summary>
public sealed class AzuriteFixture : IAsyncLifetime
{
    private Azurite? azurite;

    public string ConnectionString => azurite!.ConnectionString;

    public async ValueTask InitializeAsync() => azurite = await Azurite.StartAsync();

    public async ValueTask DisposeAsync()
    {
        if (azurite is not null)
        {
            await azurite.DisposeAsync();
        }
    }
}

/// <summary>`scanner upload`, `scanner scan --engagement` and `scanner download` against a real Azurite.</summary>
public sealed class StorageCommandsTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>, IDisposable
{
    private readonly string _out = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "scanner-cli-storage", Guid.NewGuid().ToString("N"))).FullName;

    private static string Samples => Path.Combine(AppContext.BaseDirectory, "TestData", "samples");

    private async Task<(int Exit, string Output)> RunAsync(params string[] args)
    {
        var console = new TestConsole().Width(250);
        var exit = await ScannerCli.Create(console).Parse(args).InvokeAsync(cancellationToken: TestContext.Current.CancellationToken);
        return (exit, console.Output);
    }

    [Fact]
    public async Task UploadScanDownload_Engagement_PublishesAndDownloadsEveryServedFormat()
    {
        var engagement = "cli-" + Guid.NewGuid().ToString("N")[..8];

        var upload = await RunAsync("upload", engagement, Path.Combine(Samples, "running-example.xes"), Path.Combine(Samples, "receipt.csv.gz"), "--connection", azurite.ConnectionString);
        var scan = await RunAsync("scan", "--engagement", engagement, "--connection", azurite.ConnectionString);
        var rescan = await RunAsync("scan", "--engagement", engagement, "--connection", azurite.ConnectionString);
        var json = await RunAsync("download", engagement, "--out", _out, "--connection", azurite.ConnectionString);
        var csv = await RunAsync("download", engagement, "--format", "csv", "--out", Path.Combine(_out, "report.csv"), "--connection", azurite.ConnectionString);

        Assert.Equal(0, upload.Exit);
        Assert.Contains("Uploaded 2 file(s)", upload.Output, StringComparison.Ordinal);
        Assert.Equal(0, scan.Exit);
        Assert.Contains("Published scan", scan.Output, StringComparison.Ordinal);
        Assert.Equal(0, rescan.Exit);
        Assert.Contains("Exports unchanged", rescan.Output, StringComparison.Ordinal);
        Assert.Equal(0, json.Exit);
        var file = Assert.Single(Directory.GetFiles(_out, $"{engagement}-*-report.json"));
        using var report = JsonDocument.Parse(await File.ReadAllBytesAsync(file, TestContext.Current.CancellationToken));
        Assert.Equal(2, report.RootElement.GetProperty("inputs").GetArrayLength());
        Assert.Contains(Path.GetFileName(file)[(engagement.Length + 1)..^"-report.json".Length], scan.Output, StringComparison.Ordinal);
        Assert.Equal(0, csv.Exit);
        var lines = await File.ReadAllLinesAsync(Path.Combine(_out, "report.csv"), TestContext.Current.CancellationToken);
        Assert.Equal(report.RootElement.GetProperty("opportunities").GetArrayLength() + 1, lines.Length);
    }

    [Fact]
    public async Task Scan_EngagementWithForce_PublishesANewScanForUnchangedExports()
    {
        var engagement = "force-" + Guid.NewGuid().ToString("N")[..8];
        await RunAsync("upload", engagement, Path.Combine(Samples, "running-example.xes"), "--connection", azurite.ConnectionString);
        await RunAsync("scan", "--engagement", engagement, "--connection", azurite.ConnectionString);
        await Task.Delay(1100, TestContext.Current.CancellationToken); // scan ids have one-second resolution

        var forced = await RunAsync("scan", "--engagement", engagement, "--force", "--connection", azurite.ConnectionString);

        Assert.Equal(0, forced.Exit);
        Assert.Contains("Published scan", forced.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("upload", "Bad_Name", "x.csv")]
    [InlineData("download", "../etc", null)]
    [InlineData("scan", "--engagement", "UPPER")]
    public async Task Command_InvalidEngagementName_ExitsOneWithTheRule(string command, string first, string? second)
    {
        string[] args = second is null ? [command, first] : [command, first, second];

        var (exit, output) = await RunAsync([.. args, "--connection", azurite.ConnectionString]);

        Assert.Equal(1, exit);
        Assert.Contains("lower-case letters", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Download_NeverScannedEngagement_ExitsOne()
    {
        var (exit, output) = await RunAsync("download", "never-scanned", "--connection", azurite.ConnectionString);

        Assert.Equal(1, exit);
        Assert.Contains("no published scan", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("html", "<html")]
    [InlineData("md", "# ")]
    public async Task Download_HtmlOrMarkdown_WritesThatRendering(string format, string marker)
    {
        var engagement = "fmt-" + Guid.NewGuid().ToString("N")[..8];
        await RunAsync("upload", engagement, Path.Combine(Samples, "running-example.xes"), "--connection", azurite.ConnectionString);
        await RunAsync("scan", "--engagement", engagement, "--connection", azurite.ConnectionString);

        var (exit, _) = await RunAsync("download", engagement, "--format", format, "--out", _out, "--connection", azurite.ConnectionString);

        Assert.Equal(0, exit);
        var file = Assert.Single(Directory.GetFiles(_out, $"{engagement}-*-report.{format}"));
        Assert.Contains(marker, await File.ReadAllTextAsync(file, TestContext.Current.CancellationToken), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Download_Xlsx_WritesAWorkbookWithOneRowPerOpportunity()
    {
        var engagement = "xlsx-" + Guid.NewGuid().ToString("N")[..8];
        await RunAsync("upload", engagement, Path.Combine(Samples, "running-example.xes"), "--connection", azurite.ConnectionString);
        await RunAsync("scan", "--engagement", engagement, "--connection", azurite.ConnectionString);

        var (exit, _) = await RunAsync("download", engagement, "--format", "xlsx", "--out", _out, "--connection", azurite.ConnectionString);

        Assert.Equal(0, exit);
        var file = Assert.Single(Directory.GetFiles(_out, $"{engagement}-*-report.xlsx"));
        using var document = DocumentFormat.OpenXml.Packaging.SpreadsheetDocument.Open(file, isEditable: false);
        var sheets = document.WorkbookPart!.Workbook.Descendants<DocumentFormat.OpenXml.Spreadsheet.Sheet>().ToList();
        Assert.Equal("opportunities", sheets[0].Name?.Value);
        var opportunities = (DocumentFormat.OpenXml.Packaging.WorksheetPart)document.WorkbookPart.GetPartById(sheets[0].Id!);
        // The running example has 8 activities; every one is either a ranked opportunity (a row here) or context.
        var rows = opportunities.Worksheet.Descendants<DocumentFormat.OpenXml.Spreadsheet.Row>().Count();
        var context = (DocumentFormat.OpenXml.Packaging.WorksheetPart)document.WorkbookPart.GetPartById(sheets.Single(s => s.Name?.Value == AutomationScanner.Core.Reporting.XlsxReportWriter.Sheets.Context).Id!);
        Assert.Equal(8, rows - 1 + context.Worksheet.Descendants<DocumentFormat.OpenXml.Spreadsheet.Row>().Count() - 1);
    }

    [Fact]
    public async Task Download_UnknownFormat_IsRejectedByTheParser()
    {
        var (exit, _) = await RunAsync("download", "any-engagement", "--format", "pdf", "--connection", azurite.ConnectionString);

        Assert.NotEqual(0, exit);
    }

    [Fact]
    public async Task Scan_EngagementAndPaths_ExitsOne()
    {
        var (exit, output) = await RunAsync("scan", Samples, "--engagement", "acme", "--connection", azurite.ConnectionString);

        Assert.Equal(1, exit);
        Assert.Contains("not both", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Scan_EngagementWithoutExports_ExitsOneAndSaysUpload()
    {
        var (exit, output) = await RunAsync("scan", "--engagement", "empty-" + Guid.NewGuid().ToString("N")[..8], "--connection", azurite.ConnectionString);

        Assert.Equal(1, exit);
        Assert.Contains("scanner upload", output, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_out, recursive: true);
}
