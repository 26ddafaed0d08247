using System.Text.RegularExpressions;

namespace Sitrep.Documents.Dates;

/// <summary>
/// Finds the publication date in a dateline at the start of the text or of its first paragraphs:
/// "AFP, November 11, 2017 –", "November 11, 2017 (AFP) -", "Wed 05 Apr 2017 ...", "11/11/2017 -",
/// "Published: 5 April 2017", "Date of publication 27 October 2016", "... Monitor AFP Saturday 2 Jul 2016".
/// A place-only dateline ("BEIRUT (Reuters) -") gives null. A lone date line above the headline is a crawl-date
/// banner and is skipped; copyright lines are never read; a date after a preposition ("On May 3, 2017, ...") dates
/// an event, not the article.
/// </summary>
public sealed class DatelineDateFinder : IPublicationDateFinder
{
    /// <summary>How many leading non-empty lines are searched.</summary>
    const int MaxLines = 8;

    /// <summary>How far into a line a dateline's date may start (after a headline and an agency name).</summary>
    const int MaxLead = 200;

    /// <summary>How far into a line a date may start after a place or agency without a label.</summary>
    const int MaxPlainLead = 60;

    // A place or agency before the date ("AFP,", "BEIRUT,", "DAMASCUS (SANA) -").
    static readonly Regex s_placeLead = new(
        "^(?:[A-Z][A-Za-z.'\\-]*(?:[ /][A-Z][A-Za-z.'\\-]*){0,3}\\s*(?:\\([A-Za-z .]+\\))?\\s*[,\\-\u2013\u2014:|]?\\s*" +
        "|\\(?[A-Z][A-Za-z .]{1,20}\\)?\\s*[,\\-\u2013\u2014:|]?\\s*)?$",
        RegexOptions.CultureInvariant | RegexOptions.NonBacktracking);

    // A label naming the publication date, at the end of the lead ("Published", "Date of publication", "Posted on").
    static readonly Regex s_label = new(
        "(?:^|\\s)(?:published|posted|date of publication|publication date|first published|last updated|updated|date|dateline|released)" +
        "(?:\\s+(?:on|at))?\\s*[:\\-]?\\s*$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.NonBacktracking);

    // A wire agency at the end of the lead ("... Monitor AFP", "(Reuters)", "SANA").
    static readonly Regex s_agency = new(
        "(?:^|[\\s(])(?:AFP|Reuters|AP|Associated Press|Agence France-Presse|Xinhua|SANA|Anadolu|Anadolu Agency|DPA|ANSA|TASS|" +
        "RIA Novosti|IRNA|UNB|PTI|IANS|WAM|KUNA|MENA|QNA|SPA|Petra|NNA|AA|Sputnik|EFE|Kyodo|Yonhap|BBC|CNN|Al Jazeera)\\)?\\s*[,\\-\u2013\u2014:|]?\\s*$",
        RegexOptions.CultureInvariant | RegexOptions.NonBacktracking);

    static readonly string[] s_prepositions =
        ["on", "in", "by", "since", "until", "till", "from", "before", "after", "between", "as", "at", "during", "through", "of", "to", "and"];

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

            if (lead.IsEmpty && IsDateOnlyRest(after))
            {
                // A lone date line above the headline is the page's crawl-date banner, not the article's date.
                if (i == 0 && lines.Count > 1 && !LooksLikeBody(text.AsSpan(lines[1].Start, lines[1].Length)))
                {
                    continue;
                }

                return new PublicationDate(dm.Date, DateSource.Dateline, i == 0 ? 0.6 : 0.75);
            }

            if (Judge(lead, after, dm, i) is { } confidence)
            {
                return new PublicationDate(dm.Date, DateSource.Dateline, confidence);
            }
        }

        return null;
    }

    /// <summary>The confidence that a date with this lead and tail is the dateline, or null when it is not one.</summary>
    static double? Judge(ReadOnlySpan<char> lead, ReadOnlySpan<char> after, DateMatch dm, int lineIndex)
    {
        var rest = after.TrimStart();
        var separated = rest.Length == 0 || rest[0] is '-' or '\u2013' or '\u2014' or ':' or '|' or '(' or '/' or ','
            || rest.StartsWith("at ", StringComparison.OrdinalIgnoreCase) || char.IsDigit(rest[0]);
        separated |= rest.StartsWith("by ", StringComparison.OrdinalIgnoreCase);
        var timed = rest.Length >= 4 && char.IsDigit(rest[0]) && (rest[1] == ':' || (rest.Length > 2 && rest[2] == ':'));

        // "Published July 12 2016 ...", "Date of publication 27 October 2016 ...", "Print this page Last updated 5 May 2016".
        if (lead.Length > 0 && s_label.IsMatch(lead))
        {
            return lead.Contains("updated", StringComparison.OrdinalIgnoreCase) ? 0.7 : 0.9;
        }

        if (StartsWithPreposition(lead) || EndsWithPreposition(lead))
        {
            return null;
        }

        // "... Monitor AFP Saturday 2 Jul 2016 Syrian ...": an agency credit right before the date.
        if (lead.Length > 0 && s_agency.IsMatch(lead))
        {
            return 0.85;
        }

        if (lead.Length > MaxPlainLead)
        {
            return null;
        }

        // "AFP, November 11, 2017 – ...", "DAMASCUS, 3 March 2018 (SANA) - ...".
        if (lead.Length > 0 && separated && s_placeLead.IsMatch(lead))
        {
            return 0.9;
        }

        // "Wed 05 Apr 2017 Syria attack ...", "Tuesday 19 July 2016 16:45 ...": a weekday or a time marks a dateline.
        if ((timed && CountWords(lead) <= 4) || (dm.HasWeekday && (lead.IsEmpty || s_placeLead.IsMatch(lead))))
        {
            return lead.IsEmpty ? 0.8 : 0.7;
        }

        // "31 October 2016 Three people killed ...", "11/11/2017 - ...": a date opening the text.
        if (lead.IsEmpty && lineIndex <= 1 && (separated || rest.Length > 0 && (char.IsUpper(rest[0]) || !char.IsLetter(rest[0]))))
        {
            return separated ? 0.8 : 0.7;
        }

        return null;
    }

    static bool StartsWithPreposition(ReadOnlySpan<char> lead)
    {
        var end = lead.IndexOfAny(' ', ',');
        return IsPreposition(end < 0 ? lead : lead[..end]);
    }

    static bool EndsWithPreposition(ReadOnlySpan<char> lead)
    {
        var start = lead.LastIndexOf(' ');
        return IsPreposition(start < 0 ? lead : lead[(start + 1)..]);
    }

    static bool IsPreposition(ReadOnlySpan<char> word)
    {
        foreach (var p in s_prepositions)
        {
            if (word.Equals(p, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

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

    static int CountWords(ReadOnlySpan<char> s)
    {
        var n = 0;
        var inWord = false;
        foreach (var c in s)
        {
            var w = !char.IsWhiteSpace(c);
            if (w && !inWord)
            {
                n++;
            }

            inWord = w;
        }

        return n;
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
