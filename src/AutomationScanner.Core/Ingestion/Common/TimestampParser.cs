using System.Globalization;

namespace AutomationScanner.Core.Ingestion.Common;

/// <summary>How to read all-numeric dates whose first field is not a four-digit year.</summary>
public enum DateOrder
{
    DayFirst,
    MonthFirst,
}

/// <summary>
/// Reads ISO 8601 and common export timestamps without allocating. A timestamp that carries an offset keeps it;
/// one without is read in <see cref="DefaultZone"/> (never shifted silently: callers count such values).
/// </summary>
public sealed class TimestampParser
{
    private static readonly string[] NamedMonthFormats =
    [
        "dd-MMM-yyyy HH:mm:ss", "dd-MMM-yyyy HH:mm", "dd-MMM-yyyy", "d MMM yyyy HH:mm:ss", "d MMM yyyy HH:mm", "d MMM yyyy",
        "MMM d, yyyy h:mm:ss tt", "MMM d, yyyy HH:mm:ss", "MMM d, yyyy", "ddd MMM dd HH:mm:ss yyyy", "ddd, dd MMM yyyy HH:mm:ss",
    ];

    private readonly bool _defaultIsUtc;

    public TimestampParser(TimeZoneInfo? defaultZone = null, DateOrder dateOrder = DateOrder.DayFirst)
    {
        DefaultZone = defaultZone ?? TimeZoneInfo.Utc;
        _defaultIsUtc = DefaultZone.Id == TimeZoneInfo.Utc.Id || DefaultZone.BaseUtcOffset == TimeSpan.Zero && !DefaultZone.SupportsDaylightSavingTime;
        DateOrder = dateOrder;
    }

    public TimeZoneInfo DefaultZone { get; }

    public DateOrder DateOrder { get; set; }

    /// <summary>Parses <paramref name="text"/>; <paramref name="hadOffset"/> is false when the default zone was applied.</summary>
    public bool TryParse(ReadOnlySpan<char> text, out long utcTicks, out short offsetMinutes, out bool hadOffset)
    {
        utcTicks = 0;
        offsetMinutes = 0;
        hadOffset = false;
        var s = text.Trim();
        if (s.Length < 6)
        {
            return false;
        }

        if (TryParseEpoch(s, out utcTicks))
        {
            hadOffset = true;
            return true;
        }

        if (TryParseNumeric(s, out var localTicks, out var offset, out hadOffset)
            || TryParseNamedMonth(s, out localTicks, out offset, out hadOffset))
        {
            if (!hadOffset)
            {
                offset = _defaultIsUtc ? 0 : (int)DefaultZone.GetUtcOffset(new DateTime(localTicks, DateTimeKind.Unspecified)).TotalMinutes;
            }

            utcTicks = localTicks - offset * TimeSpan.TicksPerMinute;
            offsetMinutes = (short)offset;
            return utcTicks >= DateTime.MinValue.Ticks && utcTicks <= DateTime.MaxValue.Ticks;
        }

        return false;
    }

    /// <summary>
    /// Parses UTF-8 <paramref name="utf8"/> exactly as <see cref="TryParse(ReadOnlySpan{char}, out long, out short, out bool)"/>
    /// parses its characters. The form OCEL exporters write, <c>yyyy-MM-ddTHH:mm:ss</c> with an optional fraction and an
    /// optional <c>Z</c> or <c>±HH:mm</c>, is read straight from the bytes; anything else is decoded and given to the
    /// general parser.
    /// </summary>
    public bool TryParse(ReadOnlySpan<byte> utf8, out long utcTicks, out short offsetMinutes, out bool hadOffset)
    {
        if (TryParseIsoUtf8(utf8, out var localTicks, out var offset, out hadOffset))
        {
            if (!hadOffset)
            {
                offset = _defaultIsUtc ? 0 : (int)DefaultZone.GetUtcOffset(new DateTime(localTicks, DateTimeKind.Unspecified)).TotalMinutes;
            }

            utcTicks = localTicks - offset * TimeSpan.TicksPerMinute;
            offsetMinutes = (short)offset;
            return utcTicks >= DateTime.MinValue.Ticks && utcTicks <= DateTime.MaxValue.Ticks;
        }

        if (utf8.Length <= 128)
        {
            Span<char> chars = stackalloc char[128];
            return TryParse(chars[..System.Text.Encoding.UTF8.GetChars(utf8, chars)], out utcTicks, out offsetMinutes, out hadOffset);
        }

        return TryParse(System.Text.Encoding.UTF8.GetString(utf8), out utcTicks, out offsetMinutes, out hadOffset);
    }

    /// <summary>
    /// <c>yyyy-MM-dd</c>, <c>T</c>, <c>t</c> or one space, <c>HH:mm:ss</c>, optionally <c>.</c> or <c>,</c> and digits (the
    /// first 7 kept), optionally <c>Z</c>/<c>z</c> or <c>±HH:mm</c>, and nothing else: the same values the general parser
    /// gives these forms. False for anything else (the caller falls back to the general parser), never for a form the
    /// general parser would read differently.
    /// </summary>
    private static bool TryParseIsoUtf8(ReadOnlySpan<byte> s, out long localTicks, out int offset, out bool hadOffset)
    {
        localTicks = 0;
        offset = 0;
        hadOffset = false;
        if (s.Length < 19 || s[4] != '-' || s[7] != '-' || s[10] is not ((byte)'T' or (byte)'t' or (byte)' ') || s[13] != ':' || s[16] != ':')
        {
            return false;
        }

        if (!Digits2(s, 0, out var century) || !Digits2(s, 2, out var yy) || !Digits2(s, 5, out var month) || !Digits2(s, 8, out var day)
            || !Digits2(s, 11, out var hour) || !Digits2(s, 14, out var minute) || !Digits2(s, 17, out var second))
        {
            return false;
        }

        var year = century * 100 + yy;
        if (month is < 1 or > 12 || day < 1 || year < 1 || day > DateTime.DaysInMonth(year, month) || hour > 23 || minute > 59 || second > 59)
        {
            return false;
        }

        var pos = 19;
        long fraction = 0;
        if (pos < s.Length && s[pos] is (byte)'.' or (byte)',')
        {
            pos++;
            var digits = 0;
            while (pos < s.Length && (uint)(s[pos] - '0') <= 9)
            {
                if (digits < 7)
                {
                    fraction = fraction * 10 + (s[pos] - '0');
                    digits++;
                }

                pos++;
            }

            for (; digits < 7; digits++)
            {
                fraction *= 10;
            }
        }

        if (pos < s.Length)
        {
            var rest = s[pos..];
            if (rest.Length == 1 && rest[0] is (byte)'Z' or (byte)'z')
            {
                hadOffset = true;
            }
            else if (rest.Length == 6 && rest[0] is (byte)'+' or (byte)'-' && rest[3] == ':' && Digits2(rest, 1, out var hours) && Digits2(rest, 4, out var minutes)
                && hours <= 14 && minutes <= 59)
            {
                offset = (rest[0] == '-' ? -1 : 1) * (hours * 60 + minutes);
                hadOffset = true;
            }
            else
            {
                return false;
            }
        }

        localTicks = new DateTime(year, month, day).Ticks + hour * TimeSpan.TicksPerHour + minute * TimeSpan.TicksPerMinute + second * TimeSpan.TicksPerSecond + fraction;
        return true;
    }

    private static bool Digits2(ReadOnlySpan<byte> s, int at, out int value)
    {
        var tens = (uint)(s[at] - '0');
        var ones = (uint)(s[at + 1] - '0');
        value = (int)(tens * 10 + ones);
        return tens <= 9 && ones <= 9;
    }

    /// <summary>Looks at sample values of a column to decide between day-first and month-first dates.</summary>
    public static DateOrder? DetectOrder(IEnumerable<string> samples)
    {
        foreach (var sample in samples)
        {
            var s = sample.AsSpan().Trim();
            var first = ReadDigits(s, 0, out var firstEnd);
            if (firstEnd - 0 is < 1 or > 2 || firstEnd >= s.Length)
            {
                continue;
            }

            var second = ReadDigits(s, firstEnd + 1, out var secondEnd);
            if (secondEnd == firstEnd + 1)
            {
                continue;
            }

            if (first > 12 && second <= 12)
            {
                return DateOrder.DayFirst;
            }

            if (second > 12 && first <= 12)
            {
                return DateOrder.MonthFirst;
            }
        }

        return null;
    }

    private static bool TryParseEpoch(ReadOnlySpan<char> s, out long utcTicks)
    {
        utcTicks = 0;
        if ((s.Length != 10 && s.Length != 13) || !long.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var value))
        {
            return false;
        }

        var unixMs = s.Length == 10 ? value * 1000 : value;
        utcTicks = DateTime.UnixEpoch.Ticks + unixMs * TimeSpan.TicksPerMillisecond;
        return true;
    }

    private bool TryParseNumeric(ReadOnlySpan<char> s, out long localTicks, out int offset, out bool hadOffset)
    {
        localTicks = 0;
        offset = 0;
        hadOffset = false;
        int year, month, day;
        var a = ReadDigits(s, 0, out var pos);
        if (pos == 4)
        {
            year = a;
            if (!ReadSeparated(s, ref pos, out month) || !ReadSeparated(s, ref pos, out day))
            {
                return false;
            }
        }
        else if (pos is 1 or 2)
        {
            if (!ReadSeparated(s, ref pos, out var b))
            {
                return false;
            }

            var start = pos + 1;
            if (pos >= s.Length || !IsDateSeparator(s[pos]))
            {
                return false;
            }

            year = ReadDigits(s, start, out pos);
            if (pos - start != 4)
            {
                return false;
            }

            (day, month) = DateOrder == DateOrder.DayFirst ? (a, b) : (b, a);
        }
        else
        {
            return false;
        }

        if (month is < 1 or > 12 || day < 1 || year is < 1 or > 9999 || day > DateTime.DaysInMonth(year, month))
        {
            return false;
        }

        long time = 0;
        if (pos < s.Length && (s[pos] == 'T' || s[pos] == 't' || s[pos] == ' '))
        {
            var timeStart = pos + 1;
            while (timeStart < s.Length && s[timeStart] == ' ')
            {
                timeStart++;
            }

            if (!TryParseTime(s, timeStart, out time, out pos))
            {
                return false;
            }
        }

        if (!TryParseZone(s, ref pos, out offset, out hadOffset) || pos != s.Length)
        {
            return false;
        }

        localTicks = new DateTime(year, month, day).Ticks + time;
        return true;
    }

    private static bool TryParseTime(ReadOnlySpan<char> s, int start, out long ticks, out int pos)
    {
        ticks = 0;
        var hour = ReadDigits(s, start, out pos);
        if (pos - start is < 1 or > 2 || pos >= s.Length || s[pos] != ':')
        {
            return false;
        }

        var minuteStart = pos + 1;
        var minute = ReadDigits(s, minuteStart, out pos);
        if (pos - minuteStart != 2)
        {
            return false;
        }

        var second = 0;
        long fraction = 0;
        if (pos < s.Length && s[pos] == ':')
        {
            var secondStart = pos + 1;
            second = ReadDigits(s, secondStart, out pos);
            if (pos - secondStart != 2)
            {
                return false;
            }

            if (pos < s.Length && (s[pos] == '.' || s[pos] == ','))
            {
                pos++;
                var digits = 0;
                while (pos < s.Length && char.IsAsciiDigit(s[pos]))
                {
                    if (digits < 7)
                    {
                        fraction = fraction * 10 + (s[pos] - '0');
                        digits++;
                    }

                    pos++;
                }

                for (; digits < 7; digits++)
                {
                    fraction *= 10;
                }
            }
        }

        var meridiem = pos;
        while (meridiem < s.Length && s[meridiem] == ' ')
        {
            meridiem++;
        }

        if (meridiem + 1 < s.Length && (s[meridiem + 1] == 'M' || s[meridiem + 1] == 'm') && (s[meridiem] is 'A' or 'a' or 'P' or 'p'))
        {
            if (hour is < 1 or > 12)
            {
                return false;
            }

            var pm = s[meridiem] is 'P' or 'p';
            hour = hour % 12 + (pm ? 12 : 0);
            pos = meridiem + 2;
        }

        if (hour > 23 || minute > 59 || second > 59)
        {
            return false;
        }

        ticks = hour * TimeSpan.TicksPerHour + minute * TimeSpan.TicksPerMinute + second * TimeSpan.TicksPerSecond + fraction;
        return true;
    }

    private static bool TryParseZone(ReadOnlySpan<char> s, ref int pos, out int offset, out bool hadOffset)
    {
        offset = 0;
        hadOffset = false;
        if (pos >= s.Length)
        {
            return true;
        }

        var rest = s[pos..].TrimStart(' ');
        if (rest.Equals("Z", StringComparison.OrdinalIgnoreCase) || rest.Equals("UTC", StringComparison.OrdinalIgnoreCase) || rest.Equals("GMT", StringComparison.OrdinalIgnoreCase))
        {
            pos = s.Length;
            hadOffset = true;
            return true;
        }

        if (rest.Length < 3 || (rest[0] != '+' && rest[0] != '-'))
        {
            return false;
        }

        var sign = rest[0] == '-' ? -1 : 1;
        var hours = ReadDigits(rest, 1, out var p, maxDigits: 2);
        if (p != 3)
        {
            return false;
        }

        var minutes = 0;
        if (p < rest.Length)
        {
            if (rest[p] == ':')
            {
                p++;
            }

            minutes = ReadDigits(rest, p, out var end, maxDigits: 2);
            if (end - p != 2)
            {
                return false;
            }

            p = end;
        }

        if (p != rest.Length || hours > 14 || minutes > 59)
        {
            return false;
        }

        offset = sign * (hours * 60 + minutes);
        hadOffset = true;
        pos = s.Length;
        return true;
    }

    private static bool TryParseNamedMonth(ReadOnlySpan<char> s, out long localTicks, out int offset, out bool hadOffset)
    {
        localTicks = 0;
        offset = 0;
        hadOffset = false;
        if (!s.ContainsAnyInRange('A', 'z'))
        {
            return false;
        }

        if (!DateTime.TryParseExact(s, NamedMonthFormats, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out var value))
        {
            return false;
        }

        localTicks = value.Ticks;
        return true;
    }

    private static bool ReadSeparated(ReadOnlySpan<char> s, ref int pos, out int value)
    {
        value = 0;
        if (pos >= s.Length || !IsDateSeparator(s[pos]))
        {
            return false;
        }

        var start = pos + 1;
        value = ReadDigits(s, start, out pos);
        return pos - start is 1 or 2;
    }

    private static bool IsDateSeparator(char c) => c is '-' or '/' or '.';

    private static int ReadDigits(ReadOnlySpan<char> s, int start, out int end, int maxDigits = 9)
    {
        var value = 0;
        end = start;
        while (end < s.Length && char.IsAsciiDigit(s[end]) && end - start < maxDigits)
        {
            value = value * 10 + (s[end] - '0');
            end++;
        }

        return value;
    }
}
