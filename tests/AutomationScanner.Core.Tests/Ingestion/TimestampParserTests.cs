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

    /// <summary>
    /// The UTF-8 overload (the OCEL JSON path's, with its fast path for <c>yyyy-MM-ddTHH:mm:ss[.f][Z|±HH:mm]</c>) gives
    /// exactly what the characters' parser gives, on generated ISO forms (leap days, every fraction length, offsets of
    /// both signs, Z and z, T, t and a space), on near misses (day 29 of February in common years, 24:00, minute 60, offset
    /// +15:00, no colon in the offset, trailing and leading spaces, AM/PM, one-digit fields) and on the other forms the
    /// general parser reads, in UTC and in a zone with daylight saving time.
    /// </summary>
    [Fact]
    public void TryParse_Utf8_SameAsChars_OnIsoFormsAndNearMisses()
    {
        var random = new Random(20261203);
        var texts = new List<string>
        {
            "2024-02-29T12:00:00Z", "2023-02-29T12:00:00Z", "2000-02-29T00:00:00+14:00", "1900-02-29T00:00:00Z", "2024-12-31T23:59:59.9999999-12:00",
            "2024-01-01T24:00:00Z", "2024-01-01T23:60:00Z", "2024-01-01T23:59:60Z", "2024-01-01T08:00:00+15:00", "2024-01-01T08:00:00+01:60",
            "2024-01-01T08:00:00+0100", "2024-01-01T08:00:00+01", " 2024-01-01T08:00:00Z", "2024-01-01T08:00:00Z ", "2024-01-01T08:00:00 Z",
            "2024-01-01T08:00:00 PM", "2024-01-01 08:00:00 UTC", "2024-1-01T08:00:00Z", "2024-01-01T8:00:00Z", "2024-01-01T08:00Z",
            "2024-01-01", "2024-01-01T08:00:00.", "2024-01-01T08:00:00.Z", "2024-01-01T08:00:00,5+01:00", "2024-01-01T08:00:00.123456789Z",
            "0001-01-01T00:00:00+01:00", "9999-12-31T23:59:59-01:00", "0000-01-01T00:00:00Z", "2024-13-01T00:00:00Z", "2024-00-10T00:00:00Z",
            "2024/01/01T08:00:00Z", "2024-01-01X08:00:00Z", "2024-01-01T08:00:00Zx", "2024-01-01T08:00:00-00:00", "2024-01-01t08:00:00z",
            "1704103200", "1704103200123", "22.10.2014 11:15:41", "05-Jan-2024 10:00", "", "x", "2024-01-01T08:0a:00Z", "２０２４-01-01T08:00:00Z",
        };
        for (var i = 0; i < 3000; i++)
        {
            var at = new DateTime(1, 1, 1).AddTicks((long)(random.NextDouble() * DateTime.MaxValue.Ticks));
            if (i % 5 == 0)
            {
                var year = random.Next(1, 2499) * 4;
                year += year % 100 == 0 && year % 400 != 0 ? 4 : 0;
                at = new DateTime(year, 2, 29).AddTicks(random.Next(0, 864_000_000) * 1000L);
            }

            var text = at.ToString(random.Next(3) switch { 0 => "yyyy-MM-dd'T'HH:mm:ss", 1 => "yyyy-MM-dd HH:mm:ss", _ => "yyyy-MM-dd't'HH:mm:ss" }, System.Globalization.CultureInfo.InvariantCulture);
            var digits = random.Next(-1, 10);
            if (digits >= 0)
            {
                text += (random.Next(2) == 0 ? "." : ",") + string.Concat(Enumerable.Range(0, digits).Select(_ => (char)('0' + random.Next(10))));
            }

            text += random.Next(4) switch
            {
                0 => string.Empty,
                1 => random.Next(2) == 0 ? "Z" : "z",
                _ => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{(random.Next(2) == 0 ? '+' : '-')}{random.Next(0, 16):00}:{random.Next(0, 61):00}"),
            };
            texts.Add(text);
        }

        var zones = new[] { TimeZoneInfo.Utc, TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin") };
        var read = 0;
        foreach (var zone in zones)
        {
            var sut = new TimestampParser(zone);
            foreach (var text in texts)
            {
                var chars = sut.TryParse(text.AsSpan(), out var ticks, out var offset, out var hadOffset);
                var utf8 = sut.TryParse(System.Text.Encoding.UTF8.GetBytes(text), out var ticks8, out var offset8, out var hadOffset8);

                Assert.True(chars == utf8, $"'{text}' in {zone.Id}: chars {chars}, UTF-8 {utf8}");
                if (chars)
                {
                    read++;
                    Assert.True((ticks, offset, hadOffset) == (ticks8, offset8, hadOffset8), $"'{text}' in {zone.Id}: ({ticks}, {offset}, {hadOffset}) against ({ticks8}, {offset8}, {hadOffset8})");
                }
            }
        }

        Assert.True(read > 4000, $"only {read} texts were read at all");
    }
}
