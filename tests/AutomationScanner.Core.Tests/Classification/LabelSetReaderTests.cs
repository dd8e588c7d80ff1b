using AutomationScanner.Core.Classification;
using AutomationScanner.Training;

namespace AutomationScanner.Core.Tests.Classification;

public sealed class LabelSetReaderTests
{
    [Fact]
    public void Read_QuotedTaskWithDoubledQuotes_ParsesTextAndLabel()
    {
        const string tsv = """
            	O*NET-SOC Code	Task ID	Task	human_exposure_agg
            0	11-1011.00	8823.0	"Conduct ""head counts"" of staff."	E1
            1	43-9021.00	1.0	Enter data into computer systems.	E2
            """;

        var sut = LabelSetReader.Read(new StringReader(tsv), "inline.tsv");

        Assert.Equal(2, sut.Count);
        Assert.Equal(new LabelledTask("11-1011.00", "Conduct \"head counts\" of staff.", ExposureClass.Direct), sut[0]);
        Assert.Equal(ExposureClass.WithTools, sut[1].Label);
    }

    [Fact]
    public void Read_UnknownLabel_ErrorNamesFileLineAndField()
    {
        const string tsv = """
            O*NET-SOC Code	Task	human_exposure_agg
            11-1011.00	Plan budgets.	E0
            11-1011.00	Approve budgets.	E7
            """;

        var error = Assert.Throws<InvalidDataException>(() => LabelSetReader.Read(new StringReader(tsv), "bad.tsv"));

        Assert.Contains("bad.tsv: line 3", error.Message, StringComparison.Ordinal);
        Assert.Contains("human_exposure_agg", error.Message, StringComparison.Ordinal);
        Assert.Contains("E7", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_MissingTaskColumn_ErrorNamesColumn()
    {
        const string tsv = """
            O*NET-SOC Code	Description	human_labels
            11-1011.00	Plan budgets.	E0
            """;

        var error = Assert.Throws<InvalidDataException>(() => LabelSetReader.Read(new StringReader(tsv), "cols.tsv"));

        Assert.Contains("cols.tsv: line 1: missing column 'Task'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_ShippedSample_ReadsEveryRow()
    {
        var sut = LabelSetReader.Read(Path.Combine(AppContext.BaseDirectory, "TestData", "labels", "gpts-are-gpts-sample.tsv"));

        Assert.Equal(754, sut.Count);
        Assert.Equal(38, sut.Select(t => t.Occupation).Distinct().Count());
        Assert.Contains(sut, t => t.Label == ExposureClass.Direct);
        Assert.All(sut, t => Assert.InRange(t.Automation!.Value, 0, 4));
        Assert.Equal(2, sut[0].Automation);
    }

    [Fact]
    public void Read_AutomationRatings_ParsedAndEmptyIsNone()
    {
        const string tsv = """
            O*NET-SOC Code	Task	human_exposure_agg	gpt4_automation
            11-1011.00	Plan budgets.	E0	T1
            11-1011.00	Approve budgets.	E1	
            11-1011.00	Enter budgets.	E2	T4
            """;

        var sut = LabelSetReader.Read(new StringReader(tsv), "rated.tsv");

        Assert.Equal([1, null, 4], sut.Select(t => t.Automation));
    }

    [Fact]
    public void Read_BadAutomationRating_ErrorNamesFileLineAndField()
    {
        const string tsv = """
            O*NET-SOC Code	Task	human_exposure_agg	gpt4_automation
            11-1011.00	Plan budgets.	E0	T1
            11-1011.00	Approve budgets.	E1	T7
            """;

        var error = Assert.Throws<InvalidDataException>(() => LabelSetReader.Read(new StringReader(tsv), "rated.tsv"));

        Assert.Contains("rated.tsv: line 3", error.Message, StringComparison.Ordinal);
        Assert.Contains("gpt4_automation", error.Message, StringComparison.Ordinal);
        Assert.Contains("T7", error.Message, StringComparison.Ordinal);
    }
}
