using System.Text;
using System.Text.Json;
using AutomationScanner.Core.Reporting;

namespace AutomationScanner.Core.Tests.Reporting;

public sealed class MarkdownAndJsonReportTests
{
    [Fact]
    public void Render_Markdown_OneTableRowPerOpportunityWithUntrustedTextEscaped()
    {
        var report = SampleReport.Build();

        var md = MarkdownReportWriter.Render(report);

        var lines = md.Split('\n');
        var header = Array.FindIndex(lines, l => l.StartsWith("| # | Process | Task |", StringComparison.Ordinal));
        var rows = lines.Skip(header + 2).TakeWhile(l => l.StartsWith('|')).ToList();
        Assert.Equal(report.Opportunities.Count, rows.Count);
        // Every row has the header's 14 cells: escaped pipes in task names do not split cells.
        Assert.Equal(15, lines[header].Count(c => c == '|'));
        Assert.Contains("| Handling time (basis) |", lines[header], StringComparison.Ordinal);
        Assert.All(rows, r => Assert.Equal(15, r.Replace("\\|", "", StringComparison.Ordinal).Count(c => c == '|')));
        Assert.Contains(@"Pipe \| and \[link\](http://x.example)", md, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", md, StringComparison.Ordinal);
        Assert.DoesNotContain(SampleReport.RealResourceName, md, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("Not recommended", md, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("a|b", @"a\|b")]
    [InlineData("line\nbreak", "line break")]
    [InlineData("![img](x)", @"\!\[img\](x)")]
    [InlineData("<b>", "&lt;b&gt;")]
    public void Escape_Text_RendersLiterally(string text, string expected)
    {
        Assert.Equal(expected, MarkdownReportWriter.Escape(text));
    }

    [Fact]
    public async Task WriteAsync_Json_VersionedSchemaWithRiskValueAndWhy()
    {
        var report = SampleReport.Build();
        using var stream = new MemoryStream();

        await ReportJson.WriteAsync(report, stream, TestContext.Current.CancellationToken);

        var text = Encoding.UTF8.GetString(stream.ToArray());
        Assert.DoesNotContain("alice", text, StringComparison.OrdinalIgnoreCase);
        using var json = JsonDocument.Parse(text);
        var root = json.RootElement;
        Assert.Equal("3.5", root.GetProperty("schemaVersion").GetString());
        Assert.Equal(report.RuleCatalogueVersion, root.GetProperty("ruleCatalogueVersion").GetString());
        Assert.Equal("2027-12-02", root.GetProperty("regulatoryDates").GetProperty("aiActAnnexIIIAppliesFromOmnibusAgreement").GetString());
        Assert.Equal("EUR", root.GetProperty("valueAssumptions").GetProperty("currency").GetString());
        var first = root.GetProperty("opportunities")[0];
        Assert.True(first.GetProperty("value").GetProperty("benefitHours").GetProperty("p90").GetDouble()
            >= first.GetProperty("value").GetProperty("benefitHours").GetProperty("p10").GetDouble());
        Assert.Equal(first.GetProperty("score").GetDouble(), first.GetProperty("why").EnumerateArray().Sum(f => f.GetProperty("contribution").GetDouble()), 6);
        var prohibited = root.GetProperty("opportunities").EnumerateArray().Single(o => o.GetProperty("risk").GetProperty("tier").GetString() == "prohibited");
        Assert.Equal("notRecommended", prohibited.GetProperty("recommendation").GetString());
        var hit = prohibited.GetProperty("risk").GetProperty("hits")[0];
        Assert.Equal("P1-emotion-recognition", hit.GetProperty("ruleId").GetString());
        Assert.Equal("task name", hit.GetProperty("evidence").GetProperty("location").GetString());
    }
}
