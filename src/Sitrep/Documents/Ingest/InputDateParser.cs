using System.Globalization;

namespace Sitrep.Documents.Ingest;

/// <summary>
/// Parses the date fields of structured inputs (JSON, CSV, <c>--published</c>): ISO 8601 dates and instants,
/// US-style <c>m/d/yyyy</c> (as in FA-KES; day-first when the first number cannot be a month), RFC 1123 and
/// English month-name dates. Instants keep their own calendar day (no time-zone shift).
/// </summary>
public static class InputDateParser
{
    static readonly string[] Formats =
    [
        "yyyy-MM-dd", "yyyy-M-d", "yyyy/MM/dd", "yyyy/M/d", "yyyyMMdd",
        "M/d/yyyy", "M/d/yy", "M-d-yyyy",
        "MMMM d, yyyy", "MMMM d yyyy", "MMM d, yyyy", "MMM d yyyy", "MMM. d, yyyy",
        "d MMMM yyyy", "d MMM yyyy", "dd MMMM yyyy", "dd MMM yyyy",
        "ddd, d MMM yyyy", "ddd d MMM yyyy", "ddd dd MMM yyyy", "dddd, MMMM d, yyyy",
    ];

    static readonly string[] DayFirstFormats = ["d/M/yyyy", "d/M/yy", "d-M-yyyy", "d.M.yyyy"];

    /// <summary>The calendar date in <paramref name="value"/>, or null when it is not a recognised date.</summary>
    public static DateOnly? Parse(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var s = value.Trim();
        var inv = CultureInfo.InvariantCulture;
        if (DateOnly.TryParseExact(s, Formats, inv, DateTimeStyles.AllowWhiteSpaces, out var d))
        {
            return d;
        }

        if (DateOnly.TryParseExact(s, DayFirstFormats, inv, DateTimeStyles.AllowWhiteSpaces, out d))
        {
            return d;
        }

        // Instants: keep the calendar day written in the string (an article dated 2017-11-11T23:30-05:00 was
        // published on the 11th where it was written).
        if (s.Length >= 10 && s[4] == '-' && s[7] == '-'
            && DateOnly.TryParseExact(s.AsSpan(0, 10), "yyyy-MM-dd", inv, DateTimeStyles.None, out d))
        {
            return d;
        }

        if (DateTimeOffset.TryParseExact(s, "r", inv, DateTimeStyles.AllowWhiteSpaces, out var dto))
        {
            return DateOnly.FromDateTime(dto.DateTime);
        }

        if (DateTimeOffset.TryParse(s, inv, DateTimeStyles.AllowWhiteSpaces | DateTimeStyles.AssumeUniversal, out dto))
        {
            return DateOnly.FromDateTime(dto.DateTime);
        }

        return null;
    }
}
