using System.Globalization;

namespace Sitrep.Temporal;

/// <summary>
/// When a named holiday falls, as written in the VALUE column of the <c>holiday</c> class of
/// data/temporal/vocabulary.tsv:
/// <list type="bullet">
/// <item><c>fixed:MM-DD</c> — the same Gregorian day every year (Christmas <c>fixed:12-25</c>);</item>
/// <item><c>nth:MM:WD:N[:±D]</c> — the N-th ISO weekday WD of month MM (N = −1: the last), shifted by D days
/// (Thanksgiving <c>nth:11:4:4</c>, Black Friday <c>nth:11:4:4:+1</c>);</item>
/// <item><c>easter:±D</c> — D days from Western Easter Sunday (Good Friday <c>easter:-2</c>);</item>
/// <item><c>hijri:MM-DD</c> — a day of the Islamic (Umm al-Qura) calendar (Eid al-Fitr <c>hijri:10-01</c>);</item>
/// <item><c>hijrimonth:MM</c> — a whole Islamic month (Ramadan <c>hijrimonth:9</c>).</item>
/// </list>
/// Islamic dates use .NET's <see cref="UmAlQuraCalendar"/>, the calendar Saudi Arabia publishes and most of the
/// Arab world observes; the tabular Hijri calendar (Recognizers-Text's choice) is often a day earlier.
/// </summary>
public sealed record HolidayRule(string Kind, int Month, int Day, int Nth, int Offset)
{
    static readonly Calendar Hijri = Calendar.ReadOnly(new UmAlQuraCalendar());

    /// <summary>Parses a VALUE of the vocabulary file; throws <see cref="InvalidDataException"/> naming the bad value.</summary>
    public static HolidayRule Parse(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var parts = value.Split(':');
        try
        {
            return parts[0] switch
            {
                "fixed" when parts.Length == 2 => FromMonthDay("fixed", parts[1]),
                "hijri" when parts.Length == 2 => FromMonthDay("hijri", parts[1]),
                "hijrimonth" when parts.Length == 2 => new HolidayRule("hijrimonth", Checked(I(parts[1]), 1, 12), 0, 0, 0),
                "easter" when parts.Length == 2 => new HolidayRule("easter", 0, 0, 0, I(parts[1])),
                "nth" when parts.Length is 4 or 5 => new HolidayRule(
                    "nth", Checked(I(parts[1]), 1, 12), Checked(I(parts[2]), 1, 7), Checked(I(parts[3]), -1, 5), parts.Length == 5 ? I(parts[4]) : 0),
                _ => throw new FormatException(),
            };
        }
        catch (Exception e) when (e is FormatException or OverflowException or ArgumentOutOfRangeException)
        {
            throw new InvalidDataException($"vocabulary.tsv: bad holiday rule '{value}' (fixed:MM-DD, nth:MM:WD:N[:±D], easter:±D, hijri:MM-DD, hijrimonth:MM)", e);
        }
    }

    /// <summary>The occurrences that start in Gregorian year <paramref name="year"/> (an Islamic date can fall twice in one year, or not at all).</summary>
    public IEnumerable<DateInterval> In(int year)
    {
        if (year is < 1901 or > 2076)
        {
            yield break; // outside the Umm al-Qura table; Gregorian rules could go further, but news does not need it
        }

        switch (Kind)
        {
            case "fixed":
                if (Month == 2 && Day == 29 && !DateTime.IsLeapYear(year))
                {
                    yield break;
                }

                yield return One(new DateOnly(year, Month, Day));
                break;
            case "nth":
                yield return One(NthWeekday(year, Month, Day, Nth).AddDays(Offset));
                break;
            case "easter":
                yield return One(Easter(year).AddDays(Offset));
                break;
            default:
                var hy = Hijri.GetYear(new DateTime(year, 1, 1));
                for (var y = hy; y <= hy + 1; y++)
                {
                    var start = DateOnly.FromDateTime(Hijri.ToDateTime(y, Month, Kind == "hijri" ? Day : 1, 0, 0, 0, 0));
                    if (start.Year != year)
                    {
                        continue;
                    }

                    yield return Kind == "hijri"
                        ? One(start)
                        : new DateInterval(start, start.AddDays(Hijri.GetDaysInMonth(y, Month) - 1));
                }

                break;
        }
    }

    static DateInterval One(DateOnly d) => new(d, d);

    static HolidayRule FromMonthDay(string kind, string md)
    {
        var p = md.Split('-');
        if (p.Length != 2)
        {
            throw new FormatException();
        }

        var month = Checked(I(p[0]), 1, 12);
        return new HolidayRule(kind, month, Checked(I(p[1]), 1, kind == "hijri" ? 30 : DateTime.DaysInMonth(2000, month)), 0, 0);
    }

    static int I(string s) => int.Parse(s, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);

    static int Checked(int v, int min, int max) => v >= min && v <= max && v != 0 ? v : throw new FormatException();

    static DateOnly NthWeekday(int year, int month, int isoWeekday, int nth)
    {
        if (nth > 0)
        {
            var first = new DateOnly(year, month, 1);
            return first.AddDays(((isoWeekday - Iso(first) + 7) % 7) + (7 * (nth - 1)));
        }

        var last = new DateOnly(year, month, DateTime.DaysInMonth(year, month));
        return last.AddDays(-((Iso(last) - isoWeekday + 7) % 7));
    }

    static int Iso(DateOnly d) => d.DayOfWeek == DayOfWeek.Sunday ? 7 : (int)d.DayOfWeek;

    /// <summary>Western Easter Sunday (anonymous Gregorian algorithm, Meeus/Jones/Butcher).</summary>
    static DateOnly Easter(int y)
    {
        int a = y % 19, b = y / 100, c = y % 100, d = b / 4, e = b % 4, f = (b + 8) / 25, g = (b - f + 1) / 3;
        int h = ((19 * a) + b - d - g + 15) % 30, i = c / 4, k = c % 4, l = (32 + (2 * e) + (2 * i) - h - k) % 7;
        int m = (a + (11 * h) + (22 * l)) / 451;
        var month = (h + l - (7 * m) + 114) / 31;
        var day = ((h + l - (7 * m) + 114) % 31) + 1;
        return new DateOnly(y, month, day);
    }
}
