using System.Collections.Immutable;
using System.Text;
using System.Text.RegularExpressions;
using Sitrep.Documents.Dates;
using Sitrep.Text;

namespace Sitrep.Documents.Cleaning;

/// <summary>
/// Line-level junk removal for every input (plain text and HTML-extracted text): vocabulary lines (share,
/// advertisement, related, comments, newsletter, navigation, cookie, byline), unrendered shortcodes, glued
/// navigation residue, repeated photo captions, section labels and crawl-date banners above the headline,
/// lone separators, related-article teasers at the end, and the outlet's recurring lines. Kept lines are
/// copied verbatim (no-break spaces become spaces); every cut is recorded with its source span and reason.
/// </summary>
public sealed class BoilerplateCleaner : ITextCleaner
{
    /// <summary>Reason recorded for lines listed in <see cref="OutletProfile.RecurringLines"/>.</summary>
    public const string OutletRecurringReason = "outlet-recurring";

    static readonly Regex s_shortcode = new(
        "^\\[/?[a-z][a-z0-9_\\-]*(?:\\s[^\\]]*)?\\]$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.NonBacktracking);

    readonly BoilerplateVocabulary _vocabulary;

    /// <summary>A cleaner using the vocabulary shipped in <c>data/cleaning/boilerplate.txt</c>.</summary>
    public BoilerplateCleaner()
        : this(BoilerplateVocabulary.Default)
    {
    }

    /// <summary>A cleaner using <paramref name="vocabulary"/>.</summary>
    public BoilerplateCleaner(BoilerplateVocabulary vocabulary)
    {
        ArgumentNullException.ThrowIfNull(vocabulary);
        _vocabulary = vocabulary;
    }

    /// <inheritdoc />
    public CleanedText Clean(string text, OutletProfile? outletProfile = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        var lines = SplitLines(text);
        var n = lines.Count;
        var reasons = new string?[n];
        var keys = new string?[n];

        // Pass 1: each line on its own.
        for (var i = 0; i < n; i++)
        {
            var l = lines[i];
            if (l.IsBlank)
            {
                continue;
            }

            var span = text.AsSpan(l.Start, l.Length);
            if (l.Length <= 400)
            {
                keys[i] = BoilerplateVocabulary.Key(span);
            }

            if (outletProfile is not null && outletProfile.RecurringLines.Count > 0
                && outletProfile.RecurringLines.Contains(span.ToString()))
            {
                reasons[i] = OutletRecurringReason;
            }
            else if (!HasLetterOrDigit(span))
            {
                reasons[i] = "separator";
            }
            else if (_vocabulary.Match(span) is { } r)
            {
                reasons[i] = r;
            }
            else if (l.Length <= 300 && s_shortcode.IsMatch(span))
            {
                reasons[i] = "shortcode";
            }
            else if (IsGluedNavigation(span) || IsBreadcrumb(span))
            {
                reasons[i] = "navigation";
            }
        }

        // Pass 2: the leading block before the first body paragraph: headline, banners, labels, breadcrumbs.
        var headline = MarkLeadingBlock(text, lines, reasons, keys);

        // Pass 3: captions repeated verbatim (adjacent copies) and short lines duplicated further down.
        MarkDuplicates(lines, reasons, keys, headline);

        // Pass 4: related-article teasers after the last body paragraph.
        MarkTail(text, lines, reasons);

        return Build(text, lines, reasons, headline);
    }

    int MarkLeadingBlock(string text, List<Line> lines, string?[] reasons, string?[] keys)
    {
        var firstBody = -1;
        for (var i = 0; i < lines.Count; i++)
        {
            if (!lines[i].IsBlank && reasons[i] is null && IsBodyParagraph(text.AsSpan(lines[i].Start, lines[i].Length)))
            {
                firstBody = i;
                break;
            }
        }

        var limit = firstBody < 0 ? lines.Count : firstBody;
        var headline = -1;
        var bestWords = 0;
        for (var i = 0; i < limit; i++)
        {
            if (lines[i].IsBlank || reasons[i] is not null)
            {
                continue;
            }

            var span = text.AsSpan(lines[i].Start, lines[i].Length);
            if (IsDateOnly(text, lines[i]))
            {
                continue;
            }

            var words = CountWords(span);
            if (words >= 3 && words <= 40 && words > bestWords && span.Length <= 300)
            {
                headline = i;
                bestWords = words;
            }

            if (headline >= 0 && headline != i && bestWords >= 3)
            {
                // The first good title-like line wins unless a later one is clearly the title (label before it).
                break;
            }
        }

        for (var i = 0; i < limit; i++)
        {
            if (lines[i].IsBlank || reasons[i] is not null || i == headline)
            {
                continue;
            }

            var span = text.AsSpan(lines[i].Start, lines[i].Length);
            var before = headline < 0 || i < headline;
            if (before && IsDateOnly(text, lines[i]))
            {
                reasons[i] = "date-banner";
            }
            else if (before && headline >= 0 && keys[i] is { } k && keys[headline] is { } hk && k.Length > hk.Length
                     && k.EndsWith(hk, StringComparison.Ordinal))
            {
                reasons[i] = "navigation";
            }
            else if (before && headline >= 0 && span.Length <= 30 && CountWords(span) <= 3 && !EndsSentence(span))
            {
                reasons[i] = "section-label";
            }
        }

        return headline;
    }

    static void MarkDuplicates(List<Line> lines, string?[] reasons, string?[] keys, int headline)
    {
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var prev = -1;
        for (var i = 0; i < lines.Count; i++)
        {
            if (lines[i].IsBlank || reasons[i] == "separator" || keys[i] is not { Length: > 0 } k)
            {
                continue;
            }

            if (prev >= 0 && keys[prev] == k && i != headline)
            {
                if (prev != headline)
                {
                    reasons[prev] ??= "repeated-caption";
                }

                reasons[i] ??= "repeated-caption";
            }
            else if (seen.TryGetValue(k, out var first) && first != i && CountWords(k) <= 15)
            {
                reasons[i] ??= "duplicate";
            }

            seen.TryAdd(k, i);
            prev = i;
        }
    }

    static void MarkTail(string text, List<Line> lines, string?[] reasons)
    {
        var kept = 0;
        var lastBody = -1;
        for (var i = 0; i < lines.Count; i++)
        {
            if (!lines[i].IsBlank && reasons[i] is null)
            {
                kept++;
                if (EndsSentence(text.AsSpan(lines[i].Start, lines[i].Length)))
                {
                    lastBody = i;
                }
            }
        }

        if (kept < 3 || lastBody < 0)
        {
            return;
        }

        // After a "Related articles" / "Most viewed" / comments header below the body, every short line is a teaser.
        var afterHeader = false;
        var tail = new List<int>();
        for (var i = lastBody + 1; i < lines.Count; i++)
        {
            if (lines[i].IsBlank)
            {
                continue;
            }

            if (reasons[i] is "related" or "comments" or "newsletter")
            {
                afterHeader = true;
                continue;
            }

            if (reasons[i] is not null)
            {
                continue;
            }

            var span = text.AsSpan(lines[i].Start, lines[i].Length);
            if (afterHeader && CountWords(span) <= 30 && !EndsSentence(span))
            {
                reasons[i] = "related-teaser";
            }
            else
            {
                tail.Add(i);
            }
        }

        // Without a header, one or two headline-shaped lines left dangling after the last paragraph are teasers;
        // a longer run of short lines is content (a list, a schedule, a table).
        if (tail.Count is 0 or > 2)
        {
            return;
        }

        foreach (var i in tail)
        {
            if (!IsHeadlineShaped(text.AsSpan(lines[i].Start, lines[i].Length)))
            {
                return;
            }
        }

        foreach (var i in tail)
        {
            reasons[i] = "related-teaser";
        }
    }

    /// <summary>5–25 words, capitalised, no sentence end, no contact/credit/list punctuation.</summary>
    static bool IsHeadlineShaped(ReadOnlySpan<char> line)
    {
        var words = CountWords(line);
        if (words is < 5 or > 25 || !char.IsUpper(line[0]) || EndsSentence(line))
        {
            return false;
        }

        foreach (var c in line)
        {
            if (c is '@' or '\u00A9' or ':' or '|' or '[' or '<' or '\u2013' or '\u2014' or '/' || (c > '\u2E7F' && char.IsLetter(c)))
            {
                return false;
            }
        }

        return !HasFiniteAuxiliary(line);
    }

    // Headlinese drops auxiliaries ("Turkey kills 28 militants"); a line with "has killed" or "were shot" is a
    // sentence of the article that lost its final full stop in scraping, not a teaser.
    static bool HasFiniteAuxiliary(ReadOnlySpan<char> line)
    {
        foreach (var range in line.Split(' '))
        {
            var word = line[range].Trim(".,;\"'\u201C\u201D");
            if (word.Equals("has", StringComparison.OrdinalIgnoreCase) || word.Equals("have", StringComparison.OrdinalIgnoreCase)
                || word.Equals("had", StringComparison.OrdinalIgnoreCase) || word.Equals("was", StringComparison.OrdinalIgnoreCase)
                || word.Equals("were", StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    static CleanedText Build(string text, List<Line> lines, string?[] reasons, int headlineIndex)
    {
        var sb = new StringBuilder(text.Length);
        var pieces = ImmutableArray.CreateBuilder<OffsetMap.Piece>();
        var removed = ImmutableArray.CreateBuilder<RemovedSpan>();
        string? headline = null;
        var lastKept = -1;
        var blankSince = false;
        for (var i = 0; i < lines.Count; i++)
        {
            var l = lines[i];
            if (l.IsBlank)
            {
                blankSince = true;
                continue;
            }

            if (reasons[i] is { } r)
            {
                removed.Add(new RemovedSpan(new TextSpan(l.Start, l.Length), r));
                blankSince = true;
                continue;
            }

            if (lastKept >= 0)
            {
                // Separator: the kept line's own newline, plus a second one when a blank or cut line intervened.
                var nl = lines[lastKept].NewlineAt;
                AddPiece(pieces, sb.Length, nl, 1);
                sb.Append('\n');
                if (blankSince)
                {
                    AddPiece(pieces, sb.Length, nl, 1);
                    sb.Append('\n');
                }
            }

            AddPiece(pieces, sb.Length, l.Start, l.Length);
            var from = sb.Length;
            sb.Append(text, l.Start, l.Length);
            if (text.AsSpan(l.Start, l.Length).Contains('\u00A0'))
            {
                sb.Replace('\u00A0', ' ', from, l.Length);
            }

            if (i == headlineIndex)
            {
                headline = sb.ToString(from, sb.Length - from);
            }

            lastKept = i;
            blankSince = false;
        }

        return new CleanedText(sb.ToString(), new OffsetMap(pieces.ToImmutable()), removed.ToImmutable(), headline);
    }

    static void AddPiece(ImmutableArray<OffsetMap.Piece>.Builder pieces, int cleanStart, int sourceStart, int length)
    {
        if (pieces.Count > 0)
        {
            var p = pieces[^1];
            if (p.CleanStart + p.Length == cleanStart && p.SourceStart + p.Length == sourceStart)
            {
                pieces[^1] = p with { Length = p.Length + length };
                return;
            }
        }

        pieces.Add(new OffsetMap.Piece(cleanStart, sourceStart, length));
    }

    /// <summary>"HomeNEWSWORLD NEWS...": menu words glued together by a scraper that dropped the separators.</summary>
    internal static bool IsGluedNavigation(ReadOnlySpan<char> line)
    {
        if (line.Length < 6)
        {
            return false;
        }

        // The first token, ASCII letters only, running from a lower-case letter into an upper-case one
        // ("HomeNEWSWORLD", "HomeWorldMiddle"): menu items whose separators the scraper dropped.
        var end = line.IndexOfAny(' ', '\u00A0');
        var first = end < 0 ? line : line[..end];
        var glue = 0;
        for (var i = 0; i < first.Length; i++)
        {
            if (!char.IsAsciiLetter(first[i]))
            {
                return false;
            }

            if (i + 1 < first.Length && char.IsLower(first[i]) && char.IsUpper(first[i + 1]))
            {
                glue++;
            }
        }

        return glue >= 1 && first.StartsWith("Home", StringComparison.Ordinal) || (glue >= 3 && first.Length >= 15);
    }

    /// <summary>"Home › News › World": three or more short items joined by spaced breadcrumb separators.</summary>
    internal static bool IsBreadcrumb(ReadOnlySpan<char> line)
    {
        if (line.Length > 200)
        {
            return false;
        }

        var seps = 0;
        for (var i = 1; i + 1 < line.Length; i++)
        {
            var c = line[i];
            if (c is '\u203A' or '\u00BB' or '>' or '|' or '/' or '\u2192' && line[i - 1] == ' ' && line[i + 1] == ' ')
            {
                seps++;
            }
        }

        return seps >= 2 && CountWords(line) <= 3 * (seps + 1) + seps && !EndsSentence(line);
    }

    static bool IsDateOnly(string text, Line l)
    {
        if (l.Length > 60)
        {
            return false;
        }

        if (DateText.FindFirst(text, l.Start, l.Length) is not { } dm)
        {
            return false;
        }

        var lead = text.AsSpan(l.Start, dm.Index - l.Start).Trim();
        var rest = text.AsSpan(dm.Index + dm.Length, l.Start + l.Length - dm.Index - dm.Length).Trim();
        return lead.IsEmpty && rest.Length <= 20 && !HasLowerWord(rest);
    }

    static bool HasLowerWord(ReadOnlySpan<char> s)
    {
        var letters = 0;
        foreach (var c in s)
        {
            if (char.IsLower(c))
            {
                letters++;
            }
        }

        return letters > 2;
    }

    static bool IsBodyParagraph(ReadOnlySpan<char> line) =>
        (EndsSentence(line) && CountWords(line) >= 12) || CountWords(line) > 40;

    static bool EndsSentence(ReadOnlySpan<char> line)
    {
        line = line.TrimEnd();
        if (line.IsEmpty)
        {
            return false;
        }

        var c = line[^1];
        if (c is '"' or '\u201D' or '\u2019' or '\'' or ')' && line.Length > 1)
        {
            c = line[^2];
        }

        return c is '.' or '!' or '?' or ':' or ';' or '\u2026' or ')';
    }

    static bool HasLetterOrDigit(ReadOnlySpan<char> s)
    {
        foreach (var c in s)
        {
            if (char.IsLetterOrDigit(c))
            {
                return true;
            }
        }

        return false;
    }

    static int CountWords(ReadOnlySpan<char> s)
    {
        var n = 0;
        var inWord = false;
        foreach (var c in s)
        {
            var w = !(char.IsWhiteSpace(c) || c == '\u00A0');
            if (w && !inWord)
            {
                n++;
            }

            inWord = w;
        }

        return n;
    }

    static List<Line> SplitLines(string text)
    {
        var lines = new List<Line>();
        var pos = 0;
        while (pos <= text.Length)
        {
            var nl = text.IndexOf('\n', pos);
            var end = nl < 0 ? text.Length : nl;
            int s = pos, e = end;
            while (s < e && IsSpace(text[s]))
            {
                s++;
            }

            while (e > s && IsSpace(text[e - 1]))
            {
                e--;
            }

            lines.Add(new Line(s, e - s, nl < 0 ? Math.Max(0, text.Length - 1) : nl));
            if (nl < 0)
            {
                break;
            }

            pos = nl + 1;
        }

        return lines;
    }

    static bool IsSpace(char c) => char.IsWhiteSpace(c) || c is '\u00A0' or '\u200B' or '\uFEFF';

    readonly record struct Line(int Start, int Length, int NewlineAt)
    {
        public bool IsBlank => Length == 0;
    }
}
