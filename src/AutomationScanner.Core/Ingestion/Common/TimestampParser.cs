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
