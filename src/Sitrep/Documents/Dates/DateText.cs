using System.Globalization;
using System.Text.RegularExpressions;

namespace Sitrep.Documents.Dates;

/// <summary>A calendar date found in text, with where it matched.</summary>
internal readonly record struct DateMatch(DateOnly Date, int Index, int Length, bool HasWeekday);

/// <summary>
/// Parses the date shapes news pages use: "November 11, 2017", "11 Nov. 2017", "Wed 05 Apr 2017",
/// "2017-11-11T10:00:00Z", "11/11/2017" (month first unless the first number exceeds 12), "2017/11/11".
/// The regex is built once, non-backtracking (linear time), and only run on text holding a year.
/// </summary>
internal static class DateText
{
    const string Month =
        "jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?";

    const string Weekday =
        "(?:mon(?:day)?|tue(?:s(?:day)?)?|wed(?:nesday)?|thu(?:r(?:s(?:day)?)?)?|fri(?:day)?|sat(?:urday)?|sun(?:day)?)\\.?,?\\s+";

    static readonly Regex s_any = new(
        "(?<wd>" + Weekday + ")?(?:" +
        "(?<m1>" + Month + ")\\.?\\s+(?<d1>\\d{1,2})(?:st|nd|rd|th)?,?\\s+(?<y1>(?:19|20)\\d\\d)" +
        "|(?<d2>\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?(?<m2>" + Month + ")\\.?,?\\s+(?<y2>(?:19|20)\\d\\d)" +
        "|(?<y3>(?:19|20)\\d\\d)[-/.](?<m3>\\d{1,2})[-/.](?<d3>\\d{1,2})" +
        "|(?<a4>\\d{1,2})[-/.](?<b4>\\d{1,2})[-/.](?<y4>(?:19|20)\\d\\d)" +
        ")",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.NonBacktracking);

    static readonly Regex s_compact = new(
        "(?<y>(?:19|20)\\d\\d)(?<m>[01]\\d)(?<d>[0-3]\\d)",
        RegexOptions.CultureInvariant | RegexOptions.NonBacktracking);

    /// <summary>The first date in <paramref name="text"/> (from <paramref name="start"/>), if any.</summary>
    public static DateMatch? FindFirst(string text, int start = 0, int length = -1)
    {
        if (length < 0)
        {
            length = text.Length - start;
        }

        // Every shape carries a four-digit year: most windows have none and need no regex at all.
        if (!HasYear(text.AsSpan(start, length)))
        {
            return null;
        }

        for (var m = s_any.Match(text, start, length); m.Success; m = m.NextMatch())
        {
            if (AtBoundary(text, m.Index, m.Length) && Read(m) is { } dm)
            {
                return dm;
            }
        }

        return null;
    }

    /// <summary>All dates in <paramref name="text"/>.</summary>
    public static List<DateMatch> FindAll(string text)
    {
        var list = new List<DateMatch>();
        if (!HasYear(text))
        {
            return list;
        }

        for (var m = s_any.Match(text); m.Success; m = m.NextMatch())
        {
            if (AtBoundary(text, m.Index, m.Length) && Read(m) is { } dm)
            {
                list.Add(dm);
            }
        }

        return list;
    }

    /// <summary>Parses a machine date value (ISO 8601, RFC 1123, a date phrase, or yyyyMMdd).</summary>
    public static DateOnly? ParseValue(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        value = value.Trim();
        if (value.Length > 200)
        {
            value = value[..200];
        }

        if (FindFirst(value) is { } d)
        {
            return d.Date;
        }

        // Only strings that carry their own year: "22:28" would otherwise parse as today (a hidden clock).
        if (s_compact.IsMatch(value) is false && HasYear(value)
            && DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out var dto)
            && dto.Year is >= 1990 and <= 2100 && value.Contains(dto.Year.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal))
        {
            return DateOnly.FromDateTime(dto.DateTime);
        }

        var c = s_compact.Match(value);
        if (c.Success && Make(Int(c.Groups["y"].ValueSpan), Int(c.Groups["m"].ValueSpan), Int(c.Groups["d"].ValueSpan)) is { } cd)
        {
            return cd;
        }

        return null;
    }

    static bool HasYear(ReadOnlySpan<char> value)
    {
        for (var i = 0; i + 4 <= value.Length; i++)
        {
            if (value[i] is '1' or '2' && char.IsDigit(value[i + 1]) && char.IsDigit(value[i + 2]) && char.IsDigit(value[i + 3]))
            {
                return true;
            }
        }

        return false;
    }

    static bool AtBoundary(string text, int index, int length) =>
        (index == 0 || !char.IsLetterOrDigit(text[index - 1]))
        && (index + length >= text.Length || !char.IsDigit(text[index + length]));

    static DateMatch? Read(Match m)
    {
        DateOnly? d = null;
        if (m.Groups["y1"].Success)
        {
            d = Make(Int(m.Groups["y1"].ValueSpan), MonthOf(m.Groups["m1"].ValueSpan), Int(m.Groups["d1"].ValueSpan));
        }
        else if (m.Groups["y2"].Success)
        {
            d = Make(Int(m.Groups["y2"].ValueSpan), MonthOf(m.Groups["m2"].ValueSpan), Int(m.Groups["d2"].ValueSpan));
        }
        else if (m.Groups["y3"].Success)
        {
            d = Make(Int(m.Groups["y3"].ValueSpan), Int(m.Groups["m3"].ValueSpan), Int(m.Groups["d3"].ValueSpan));
        }
        else if (m.Groups["y4"].Success)
        {
            int a = Int(m.Groups["a4"].ValueSpan), b = Int(m.Groups["b4"].ValueSpan);
            var y = Int(m.Groups["y4"].ValueSpan);

            // "11/12/2017" is month first (US wire style) unless impossible; "11.12.2017" is day first (European).
            var dayFirst = a > 12 || (m.ValueSpan.IndexOf('.') >= 0 && b <= 12);
            d = dayFirst ? Make(y, b, a) : Make(y, a, b);
        }

        return d is { } date ? new DateMatch(date, m.Index, m.Length, m.Groups["wd"].Success) : null;
    }

    static DateOnly? Make(int y, int m, int d) =>
        y is >= 1900 and <= 2100 && m is >= 1 and <= 12 && d >= 1 && d <= DateTime.DaysInMonth(y, m) ? new DateOnly(y, m, d) : null;

    static int Int(ReadOnlySpan<char> s) => int.Parse(s, NumberStyles.None, CultureInfo.InvariantCulture);

    /// <summary>Month number of an English month name or abbreviation, 0 when not a month.</summary>
    internal static int MonthOf(ReadOnlySpan<char> s)
    {
        if (s.Length < 3)
        {
            return 0;
        }

        Span<char> k = stackalloc char[3];
        for (var i = 0; i < 3; i++)
        {
            k[i] = char.ToLowerInvariant(s[i]);
        }

        return k switch
        {
            "jan" => 1, "feb" => 2, "mar" => 3, "apr" => 4, "may" => 5, "jun" => 6,
            "jul" => 7, "aug" => 8, "sep" => 9, "oct" => 10, "nov" => 11, "dec" => 12,
            _ => 0,
        };
    }
}
