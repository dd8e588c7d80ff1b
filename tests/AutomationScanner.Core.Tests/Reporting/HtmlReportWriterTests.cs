using System.Diagnostics;
using System.Text.Json;
using AutomationScanner.Core.Ingestion.Common;
using AutomationScanner.Core.Reporting;
using AutomationScanner.Core.Scanning;
using Microsoft.Extensions.Logging.Abstractions;

namespace AutomationScanner.Core.Tests.Reporting;

/// <summary>
/// Renders the HTML report in headless Chromium (Debian package <c>chromium</c>) and asserts on the DOM and layout the
/// browser built: a harness page loads the report in an iframe and measures it. Skips only when Chromium is absent.
/// </summary>
public sealed class HtmlReportWriterTests
{
    private const string Harness = """
        <!DOCTYPE html><html><body><iframe id="f" src="report.html" width="1200" height="900"></iframe>
        <script>
        document.getElementById('f').addEventListener('load', () => {
          const d = document.getElementById('f').contentDocument;
          const svg = d.getElementById('value-risk-matrix');
          const box = svg.getBoundingClientRect();
          const points = [...svg.querySelectorAll('circle.point')];
          const inside = points.filter(p => { const r = p.getBoundingClientRect();
            return r.width > 0 && r.left >= box.left && r.right <= box.right && r.top >= box.top && r.bottom <= box.bottom; }).length;
          const out = {
            title: d.title,
            points: points.length,
            pointsInside: inside,
            pointIds: points.map(p => p.getAttribute('data-id')),
            rows: d.querySelectorAll('#opportunity-table > tbody > tr').length,
            rowTasks: [...d.querySelectorAll('#opportunity-table > tbody > tr')].map(r => r.cells[2].textContent),
            bars: d.querySelectorAll('#pareto-chart rect.bar').length,
            cumulative: d.querySelectorAll('#pareto-chart polyline.cumulative').length,
            matrixWidth: box.width,
            scripts: d.scripts.length,
            externalRefs: d.querySelectorAll('link[href], img[src], script[src], iframe, object, embed').length,
            prohibitedRecommendation: [...d.querySelectorAll('#opportunity-table > tbody > tr')].filter(r => r.cells[6].querySelector('.tier').textContent === 'Prohibited').map(r => r.cells[5].textContent),
            marks: d.querySelectorAll('#risks mark').length,
            bodyText: d.body.innerText
          };
          const pre = document.createElement('pre'); pre.id = 'result'; pre.textContent = JSON.stringify(out); document.body.appendChild(pre);
        });
        </script></body></html>
        """;

    [Fact]
    public async Task Render_InHeadlessChromium_OnePointAndRowPerOpportunityNoScripts()
    {
        var chromium = FindChromium();
        if (chromium is null && Environment.GetEnvironmentVariable("SCANNER_REQUIRE_CHROMIUM") == "1")
        {
            Assert.Fail("SCANNER_REQUIRE_CHROMIUM=1 but Chromium was not found at CHROMIUM_PATH, /usr/bin/chromium or /usr/bin/chromium-browser.");
        }

        if (chromium is null)
        {
            Assert.Skip("Chromium not found (install Debian's package: apt-get install -y chromium, or set CHROMIUM_PATH); HTML rendering not checked.");
        }

        var ct = TestContext.Current.CancellationToken;
        var report = SampleReport.Build();
        var folder = Directory.CreateTempSubdirectory("scanner-html-");
        try
        {
            await using (var stream = File.Create(Path.Combine(folder.FullName, "report.html")))
            {
                await HtmlReportWriter.WriteAsync(report, stream, ct);
            }

            await File.WriteAllTextAsync(Path.Combine(folder.FullName, "harness.html"), Harness, ct);

            var dom = await DumpDomAsync(chromium, folder.FullName, ct);

            var start = dom.IndexOf("<pre id=\"result\">", StringComparison.Ordinal);
            Assert.True(start >= 0, "the harness did not report; Chromium output: " + dom[..Math.Min(500, dom.Length)]);
            var json = System.Net.WebUtility.HtmlDecode(dom[(start + "<pre id=\"result\">".Length)..dom.IndexOf("</pre>", start, StringComparison.Ordinal)]);
            using var result = JsonDocument.Parse(json);
            var r = result.RootElement;
            var n = report.Opportunities.Count;
            Assert.Equal(n, r.GetProperty("points").GetInt32());
            Assert.Equal(n, r.GetProperty("pointsInside").GetInt32());
            Assert.Equal(report.Opportunities.Select(o => o.Id).Order(), r.GetProperty("pointIds").EnumerateArray().Select(e => e.GetString()!).Order());
            Assert.Equal(n, r.GetProperty("rows").GetInt32());
            Assert.Equal(report.Opportunities.Select(o => o.Task), r.GetProperty("rowTasks").EnumerateArray().Select(e => e.GetString()));
            Assert.Equal(report.Opportunities.Count(o => o.Value.BenefitHours.P50 > 0 && !o.Risk.IsProhibited), r.GetProperty("bars").GetInt32());
            Assert.Equal(1, r.GetProperty("cumulative").GetInt32());
            Assert.True(r.GetProperty("matrixWidth").GetDouble() > 300);
            Assert.Equal(0, r.GetProperty("scripts").GetInt32());
            Assert.Equal(0, r.GetProperty("externalRefs").GetInt32());
            Assert.Equal(["Not recommended"], r.GetProperty("prohibitedRecommendation").EnumerateArray().Select(e => e.GetString()));
            Assert.True(r.GetProperty("marks").GetInt32() > 0);
            Assert.Contains("Automation opportunities - scan scan-1", r.GetProperty("title").GetString(), StringComparison.Ordinal);
            Assert.DoesNotContain(SampleReport.RealResourceName, r.GetProperty("bodyText").GetString(), StringComparison.OrdinalIgnoreCase);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private const string SectionsHarness = """
        <!DOCTYPE html><html><body><iframe id="f" src="report.html" width="1400" height="900"></iframe>
        <script>
        document.getElementById('f').addEventListener('load', () => {
          const d = document.getElementById('f').contentDocument;
          const rows = sel => [...d.querySelectorAll(sel)];
          const svg = d.getElementById('pareto-chart').getBoundingClientRect();
          const bars = rows('#pareto-chart rect.bar');
          const plotLeft = bars.length ? Math.min(...bars.map(b => b.getBoundingClientRect().left)) : 0;
          const labels = rows('#pareto-chart text.label');
          const values = rows('#pareto-chart text.bar-value');
          const out = {
            processRows: rows('#process-table > tbody > tr').map(r => [...r.cells].map(c => c.textContent)),
            bars: bars.length,
            labels: labels.map(t => t.firstChild.textContent),
            labelsOverlappingBars: labels.filter(t => t.getBoundingClientRect().right > plotLeft + 0.5).length,
            labelsOutside: labels.concat(values).filter(t => { const r = t.getBoundingClientRect(); return r.left < svg.left - 0.5 || r.right > svg.right + 0.5; }).length,
            values: values.map(t => t.textContent),
            caption: d.getElementById('pareto-caption').textContent,
            handling: rows('#opportunity-table > tbody > tr').map(r => r.querySelector('td.handling').textContent),
            roles: rows('#role-table > tbody > tr').map(r => r.cells[1].textContent),
            sharedIds: rows('#shared-ids li').map(l => l.textContent),
            contextRows: rows('#context-table > tbody > tr').length,
            benefitByBasis: d.getElementById('benefit-by-basis').textContent,
            scripts: d.scripts.length
          };
          const pre = document.createElement('pre'); pre.id = 'result'; pre.textContent = JSON.stringify(out); document.body.appendChild(pre);
        });
        </script></body></html>
        """;

    [Fact]
    public async Task Render_RealLogsInHeadlessChromium_ProcessCountsLabelledParetoBasisRolesAndSharedIds()
    {
        var chromium = FindChromium();
        if (chromium is null)
        {
            Assert.SkipUnless(Environment.GetEnvironmentVariable("SCANNER_REQUIRE_CHROMIUM") != "1", "SCANNER_REQUIRE_CHROMIUM=1 but Chromium was not found.");
            Assert.Skip("Chromium not found (apt-get install -y chromium, or set CHROMIUM_PATH); HTML rendering not checked.");
        }

        var ct = TestContext.Current.CancellationToken;
        var pipeline = new ScanPipeline(IngestionOptions.Default, TimeProvider.System, NullLogger<ScanPipeline>.Instance);
        var report = await pipeline.RunAsync(
            [ScanInput.FromFile(TestFiles.EventLog("DomesticDeclarations.xes.gz")), ScanInput.FromFile(TestFiles.Sample("helpdesk.xes.gz"))], "scan-real", ct);
        var folder = Directory.CreateTempSubdirectory("scanner-html-");
        try
        {
            await using (var stream = File.Create(Path.Combine(folder.FullName, "report.html")))
            {
                await HtmlReportWriter.WriteAsync(report, stream, ct);
            }

            await File.WriteAllTextAsync(Path.Combine(folder.FullName, "harness.html"), SectionsHarness, ct);
            var dom = await DumpDomAsync(chromium!, folder.FullName, ct);
            var start = dom.IndexOf("<pre id=\"result\">", StringComparison.Ordinal);
            Assert.True(start >= 0, "the harness did not report; Chromium output: " + dom[..Math.Min(500, dom.Length)]);
            using var result = JsonDocument.Parse(System.Net.WebUtility.HtmlDecode(dom[(start + "<pre id=\"result\">".Length)..dom.IndexOf("</pre>", start, StringComparison.Ordinal)]));
            var r = result.RootElement;

            // Per-process counts as mined.
            var processRows = r.GetProperty("processRows").EnumerateArray().Select(row => row.EnumerateArray().Select(c => c.GetString()!).ToList()).ToList();
            Assert.Equal(report.Processes.Count, processRows.Count);
            foreach (var (p, row) in report.Processes.Zip(processRows))
            {
                Assert.StartsWith(p.Process, row[0], StringComparison.Ordinal);
                Assert.Equal(p.Events.ToString("N0", System.Globalization.CultureInfo.InvariantCulture), row[1]);
                Assert.Equal(p.Cases.ToString("N0", System.Globalization.CultureInfo.InvariantCulture), row[2]);
                Assert.Equal(p.Resources.ToString("N0", System.Globalization.CultureInfo.InvariantCulture), row[5]);
                Assert.Contains(p.SpanDays.ToString("N0", System.Globalization.CultureInfo.InvariantCulture) + " days", row[7], StringComparison.Ordinal);
            }

            // Pareto: one label and one value per bar, labels left of the bars and inside the chart; the caption counts right.
            var positive = report.Opportunities.Where(o => o.Value.BenefitHours.P50 > 0 && !o.Risk.IsProhibited).OrderByDescending(o => o.Value.BenefitHours.P50).ThenBy(o => o.Rank).ToList();
            var bars = Math.Min(HtmlReportWriter.ParetoBars, positive.Count);
            Assert.True(bars > 0);
            Assert.Equal(bars, r.GetProperty("bars").GetInt32());
            var labels = r.GetProperty("labels").EnumerateArray().Select(e => e.GetString()!).ToList();
            Assert.Equal(bars, labels.Count);
            Assert.Equal($"#{positive[0].Rank} ", labels[0][..($"#{positive[0].Rank} ".Length)]);
            Assert.Equal(0, r.GetProperty("labelsOverlappingBars").GetInt32());
            Assert.Equal(0, r.GetProperty("labelsOutside").GetInt32());
            Assert.Equal(bars, r.GetProperty("values").GetArrayLength());
            var caption = r.GetProperty("caption").GetString()!;
            Assert.Contains($"of the {positive.Count} opportunities with benefit", caption, StringComparison.Ordinal);
            Assert.Contains($"{report.Opportunities.Count} opportunities in all", caption, StringComparison.Ordinal);

            // The basis of every handling time is on its row; the headline is split by basis.
            Assert.Equal(report.Opportunities.Select(ReportText.Handling), r.GetProperty("handling").EnumerateArray().Select(e => e.GetString()));
            Assert.Contains("measured", r.GetProperty("benefitByBasis").GetString(), StringComparison.Ordinal);
            Assert.Contains("assumed", r.GetProperty("benefitByBasis").GetString(), StringComparison.Ordinal);

            // Roles from org:role; STAFF MEMBER named as a shared id; context rows as reported.
            var roles = r.GetProperty("roles").EnumerateArray().Select(e => e.GetString()).ToList();
            Assert.Contains("SUPERVISOR", roles);
            Assert.Contains("BUDGET OWNER", roles);
            Assert.Contains(r.GetProperty("sharedIds").EnumerateArray(), e => e.GetString()!.StartsWith("STAFF MEMBER (DomesticDeclarations)", StringComparison.Ordinal));
            Assert.Equal(report.Context.Count, r.GetProperty("contextRows").GetInt32());
            Assert.Equal(0, r.GetProperty("scripts").GetInt32());
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public void Render_UntrustedTaskName_EncodedNotMarkup()
    {
        var html = HtmlReportWriter.Render(SampleReport.Build());

        Assert.DoesNotContain("<script>", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("Credit check &lt;script&gt;alert(1)&lt;/script&gt;", html, StringComparison.Ordinal);
        Assert.Contains("default-src 'none'", html, StringComparison.Ordinal);
    }

    private static string? FindChromium()
    {
        var configured = Environment.GetEnvironmentVariable("CHROMIUM_PATH");
        return new[] { configured, "/usr/bin/chromium", "/usr/bin/chromium-browser" }.FirstOrDefault(p => !string.IsNullOrEmpty(p) && File.Exists(p));
    }

    private static async Task<string> DumpDomAsync(string chromium, string folder, CancellationToken cancellationToken)
    {
        var profile = Directory.CreateTempSubdirectory("scanner-chromium-");
        try
        {
            var start = new ProcessStartInfo(chromium)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            foreach (var argument in new[]
            {
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--allow-file-access-from-files", "--user-data-dir=" + profile.FullName,
                "--dump-dom", new Uri(Path.Combine(folder, "harness.html")).AbsoluteUri,
            })
            {
                start.ArgumentList.Add(argument);
            }

            using var process = Process.Start(start) ?? throw new InvalidOperationException("Chromium did not start.");
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(90));
            var stdout = process.StandardOutput.ReadToEndAsync(timeout.Token);
            var stderr = process.StandardError.ReadToEndAsync(timeout.Token);
            try
            {
                await process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                throw;
            }

            var output = await stdout;
            _ = await stderr;
            return output;
        }
        finally
        {
            profile.Delete(recursive: true);
        }
    }
}
