using System.Text.RegularExpressions;

namespace Sitrep.Documents.Dates;

/// <summary>
/// Finds the publication date in a dateline at the start of the text or of its first paragraphs:
/// "AFP, November 11, 2017 –", "November 11, 2017 (AFP) -", "Wed 05 Apr 2017", "11/11/2017 -",
/// "Published: 5 April 2017". A place-only dateline ("BEIRUT (Reuters) -") gives null. A lone date line
/// above the headline is a crawl-date banner and is skipped; copyright lines are never read.
/// </summary>
public sealed class DatelineDateFinder : IPublicationDateFinder
{
    /// <summary>How many leading non-empty lines are searched.</summary>
    const int MaxLines = 8;

    /// <summary>How far into a line a dateline's date may start.</summary>
    const int MaxLead = 60;

    // What may precede the date on a dateline: an agency or city ("AFP,", "BEIRUT,", "Published:", "Posted on").
    static readonly Regex s_lead = new(
        "^(?:(?:published|posted|updated|last updated|first published|date|dateline)(?:\\s+on)?\\s*:?\\s*" +
        "|[A-Z][A-Za-z.'\\-]*(?:[ /][A-Z][A-Za-z.'\\-]*){0,3}\\s*(?:\\([A-Za-z .]+\\))?\\s*[,\\-\u2013\u2014:|]?\\s*" +
        "|\\(?[A-Z][A-Za-z .]{1,20}\\)?\\s*[,\\-\u2013\u2014:|]?\\s*)?$",
        RegexOptions.CultureInvariant | RegexOptions.NonBacktracking);

    static readonly Regex s_updated = new(
        "\\b(?:updated|modified|revised|copyright)\\b|\u00A9",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.NonBacktracking);

    /// <inheritdoc />
    public PublicationDate? Find(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var lines = LeadingLines(text);
        for (var i = 0; i < lines.Count; i++)
        {
            var (start, length) = lines[i];
            var line = text.AsSpan(start, length);
            if (line.IndexOf('\u00A9') >= 0 || line.Contains("copyright", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var window = Math.Min(length, MaxLead + 40);
            if (DateText.FindFirst(text, start, window) is not { } dm || dm.Index - start > MaxLead)
            {
                continue;
            }

            var lead = text.AsSpan(start, dm.Index - start).Trim();
            var afterStart = dm.Index + dm.Length;
            var after = text.AsSpan(afterStart, start + length - afterStart);
            var dateOnlyLine = IsDateOnlyRest(after) && lead.Length == 0;

            if (dateOnlyLine)
            {
                // A lone date line above the headline is the page's crawl-date banner, not the article's date.
                if (i == 0 && lines.Count > 1 && !LooksLikeBody(text.AsSpan(lines[1].Start, lines[1].Length)))
                {
                    continue;
                }

                return new PublicationDate(dm.Date, DateSource.Dateline, i == 0 ? 0.6 : 0.75);
            }

            if (lead.Length > 0 && (!s_lead.IsMatch(lead) || StartsWithPreposition(lead)))
            {
                continue;
            }

            if (s_updated.IsMatch(lead))
            {
                if (lead.Contains("copyright", StringComparison.OrdinalIgnoreCase))
                {
                    continue;
                }
            }

            // The date must be followed by a dateline separator or the end of a short header line.
            var rest = after.TrimStart();
            var sep = rest.Length == 0 || rest[0] is '-' or '\u2013' or '\u2014' or ':' or '|' or '(' or '/' or ','
                || rest.StartsWith("at ", StringComparison.OrdinalIgnoreCase)
                || (rest.Length > 0 && char.IsDigit(rest[0]));
            if (!sep)
            {
                continue;
            }

            return new PublicationDate(dm.Date, DateSource.Dateline, lead.Length > 0 ? 0.9 : 0.8);
        }

        return null;
    }

    // "On November 3, 2017, troops entered ..." dates an event, not the article.
    static bool StartsWithPreposition(ReadOnlySpan<char> lead)
    {
        var end = lead.IndexOfAny(' ', ',');
        var word = end < 0 ? lead : lead[..end];
        foreach (var p in s_prepositions)
        {
            if (word.Equals(p, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    static readonly string[] s_prepositions = ["on", "in", "by", "since", "until", "till", "from", "before", "after", "between", "as", "at", "during", "through"];

    static bool IsDateOnlyRest(ReadOnlySpan<char> rest)
    {
        rest = rest.Trim();
        if (rest.Length == 0)
        {
            return true;
        }

        // A time after the date ("10.26 BST", "| 10:26 AM", "- 3:05 pm ET") still makes a date-only line.
        if (rest.Length > 30)
        {
            return false;
        }

        foreach (var c in rest)
        {
            if (char.IsLetter(c) && !char.IsUpper(c) && c is not ('a' or 'p' or 'm'))
            {
                return false;
            }
        }

        return true;
    }

    static bool LooksLikeBody(ReadOnlySpan<char> line)
    {
        line = line.Trim();
        return line.Length > 120 && line[^1] is '.' or '"' or '\u201D' or '!' or '?';
    }

    static List<(int Start, int Length)> LeadingLines(string text)
    {
        var lines = new List<(int, int)>(MaxLines);
        var pos = 0;
        while (pos < text.Length && lines.Count < MaxLines)
        {
            var nl = text.IndexOf('\n', pos);
            var end = nl < 0 ? text.Length : nl;
            var s = pos;
            var e = end;
            while (s < e && (char.IsWhiteSpace(text[s]) || text[s] == '\u00A0'))
            {
                s++;
            }

            while (e > s && (char.IsWhiteSpace(text[e - 1]) || text[e - 1] == '\u00A0'))
            {
                e--;
            }

            if (e > s)
            {
                lines.Add((s, e - s));
            }

            pos = end + 1;
        }

        return lines;
    }
}
