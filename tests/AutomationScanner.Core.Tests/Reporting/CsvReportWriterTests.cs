using System.Text;
using AutomationScanner.Core.Reporting;
using Sylvan.Data.Csv;

namespace AutomationScanner.Core.Tests.Reporting;

public sealed class CsvReportWriterTests
{
    [Theory]
    [InlineData("=1+1", "'=1+1")]
    [InlineData("+A1", "'+A1")]
    [InlineData("-cmd|' /C calc'!A0", "'-cmd|' /C calc'!A0")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("\t=1", "'\t=1")]
    [InlineData("\r=1", "\"'\r=1\"")]
    [InlineData("-5", "-5")]
    [InlineData("1.5", "1.5")]
    [InlineData("a,b", "\"a,b\"")]
    [InlineData("say \"hi\"", "\"say \"\"hi\"\"\"")]
    public void Cell_Value_NeutralisedAndQuoted(string value, string expected)
    {
        Assert.Equal(expected, CsvReportWriter.Cell(value));
    }

    [Fact]
    public async Task WriteAsync_Report_BomHeaderAndFormulaCellsDefused()
    {
        var report = SampleReport.Build();
        using var stream = new MemoryStream();

        await CsvReportWriter.WriteAsync(report, stream, TestContext.Current.CancellationToken);

        var bytes = stream.ToArray();
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        var text = Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3);
        Assert.DoesNotContain(SampleReport.RealResourceName, text, StringComparison.OrdinalIgnoreCase);
        using var reader = CsvDataReader.Create(new StringReader(text));
        var tasks = new List<string>();
        var tiers = new List<string>();
        while (await reader.ReadAsync(TestContext.Current.CancellationToken))
        {
            tasks.Add(reader.GetString(reader.GetOrdinal("task")));
            tiers.Add(reader.GetString(reader.GetOrdinal("risk_tier")));
            Assert.Matches(@"^\d+(\.\d+)?$", reader.GetString(reader.GetOrdinal("benefit_hours_p50")));
        }

        Assert.Equal(report.Opportunities.Count, tasks.Count);
        Assert.All(tasks, t => Assert.False(t[0] is '=' or '+' or '@' or '\t' or '\r' || (t[0] == '-' && t != "-5"), t));
        Assert.Contains("'=HYPERLINK(\"http://evil.example\",\"click\")", tasks);
        Assert.Contains("'-2+3", tasks);
        Assert.Contains("'@SUM(A1:A9)", tasks);
        Assert.Contains("Prohibited", tiers);
    }
}
