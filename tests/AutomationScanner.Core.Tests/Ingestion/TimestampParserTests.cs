using AutomationScanner.Core.Ingestion.Common;

namespace AutomationScanner.Core.Tests.Ingestion;

public sealed class TimestampParserTests
{
    [Theory]
    [InlineData("2011-10-01T00:38:44.546+02:00", "2011-09-30T22:38:44.5460000Z", 120)]
    [InlineData("2010-12-30 14:32:00+01:00", "2010-12-30T13:32:00.0000000Z", 60)]
    [InlineData("2011-12-06 13:41:31.788000+01:00", "2011-12-06T12:41:31.7880000Z", 60)]
    [InlineData("2012-10-09T14:50:17Z", "2012-10-09T14:50:17.0000000Z", 0)]
    [InlineData("2012-10-09T14:50:17-0530", "2012-10-09T20:20:17.0000000Z", -330)]
    [InlineData("2024-03-05 07:08:09 UTC", "2024-03-05T07:08:09.0000000Z", 0)]
    [InlineData("1704103200", "2024-01-01T10:00:00.0000000Z", 0)]
    [InlineData("1704103200123", "2024-01-01T10:00:00.1230000Z", 0)]
    public void TryParse_WithOffset_KeepsIt(string text, string expectedUtc, int expectedOffset)
    {
        var sut = new TimestampParser();

        Assert.True(sut.TryParse(text, out var ticks, out var offset, out var hadOffset));

        Assert.Equal(expectedUtc, new DateTime(ticks, DateTimeKind.Utc).ToString("O", System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(expectedOffset, offset);
        Assert.True(hadOffset);
    }

    [Theory]
    [InlineData("2014/10/22 11:15:41.000", "2014-10-22T11:15:41")]
    [InlineData("22-10-2014 11:15", "2014-10-22T11:15:00")]
    [InlineData("22.10.2014 11:15:41", "2014-10-22T11:15:41")]
    [InlineData("2014-10-22", "2014-10-22T00:00:00")]
    [InlineData("05/03/2024 1:05:09 PM", "2024-03-05T13:05:09")]
    [InlineData("22-Oct-2014 11:15:41", "2014-10-22T11:15:41")]
    public void TryParse_WithoutOffset_UsesDefaultZoneAndSaysSo(string text, string expectedUtc)
    {
        var sut = new TimestampParser(TimeZoneInfo.Utc, DateOrder.DayFirst);

        Assert.True(sut.TryParse(text, out var ticks, out var offset, out var hadOffset));

        Assert.Equal(expectedUtc, new DateTime(ticks).ToString("s", System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(0, offset);
        Assert.False(hadOffset);
    }

    [Fact]
    public void TryParse_NaiveInDstZone_AppliesThatDaysOffset()
    {
        var sut = new TimestampParser(TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam"));

        Assert.True(sut.TryParse("2024-01-15 12:00:00", out var winter, out var winterOffset, out _));
        Assert.True(sut.TryParse("2024-07-15 12:00:00", out var summer, out var summerOffset, out _));

        Assert.Equal(60, winterOffset);
        Assert.Equal(120, summerOffset);
        Assert.Equal(11, new DateTime(winter).Hour);
        Assert.Equal(10, new DateTime(summer).Hour);
    }

    [Theory]
    [InlineData("")]
    [InlineData("yesterday")]
    [InlineData("2024-13-01 10:00")]
    [InlineData("2024-02-30")]
    [InlineData("2024-01-01T25:00:00")]
    [InlineData("2024-01-01T10:00:00+99:00")]
    [InlineData("2024-01-01T10:00:00 trailing")]
    [InlineData("12345")]
    public void TryParse_Invalid_ReturnsFalse(string text)
    {
        var sut = new TimestampParser();

        Assert.False(sut.TryParse(text, out _, out _, out _));
    }

    [Fact]
    public void DetectOrder_DayAboveTwelve_DayFirst()
    {
        Assert.Equal(DateOrder.DayFirst, TimestampParser.DetectOrder(["01/02/2024", "25/02/2024"]));
        Assert.Equal(DateOrder.MonthFirst, TimestampParser.DetectOrder(["02/25/2024"]));
        Assert.Null(TimestampParser.DetectOrder(["01/02/2024"]));
    }
}
