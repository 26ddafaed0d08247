using System.Collections.Frozen;
using System.Collections.Immutable;
using Sitrep.Documents.Dates;
using Sitrep.Text;

namespace Sitrep.Events;

/// <summary>Where an event mention sits in its article; decides how much the mention may create on its own.</summary>
public enum MentionKind
{
    /// <summary>Running text of the article, in the outlet's voice.</summary>
    Body,

    /// <summary>The headline (title-case words, or the words before a mid-sentence dateline): a summary of the body.</summary>
    Headline,

    /// <summary>Inside quotation marks: a speaker's words (opinions, claims, recollections).</summary>
    Quoted,

    /// <summary>A related-article headline, a "READ MORE" teaser or a tag list: not the article.</summary>
    Related,
}

/// <summary>
/// Classifies each matching unit of a sentence as body, headline, quotation or related-article text, from surface
/// cues only: a dateline printed after the first words of the article ("... rocket attack Monitor Reuters Friday 6 Feb
/// 2015 Syrian air force ...") ends a glued headline; runs of capitalised words ("Twin Bomb Attacks Kill 50 in Homs")
/// are headlines, and after "Related", "READ MORE" or "Tags" they are teasers; quotation marks open and close quotes.
/// </summary>
internal static class MentionZones
{
    /// <summary>How far into the text a glued headline may end.</summary>
    const int MaxHeadlineChars = 260;

    static readonly FrozenSet<string> FunctionWords = new[]
    {
        "in", "of", "for", "at", "on", "to", "the", "a", "an", "and", "as", "after", "by", "with", "from", "against", "over",
        "near", "into", "amid", "&", "vs", "or", "is", "are", "its", "his", "her", "their", "up", "out", "off",
        "al", "el", "ez", "ad", "as", "ar", "ash", "at", "bin", "ibn", "de", "s",
    }.ToFrozenSet(StringComparer.Ordinal);

    static readonly FrozenSet<string> TeaserCues = new[] { "related", "tags", "more", "watch", "also", "see", "recommended", "trending" }
        .ToFrozenSet(StringComparer.Ordinal);

    /// <summary>
    /// The character offset where a headline glued to the lede ends: the start of a dated dateline that follows the
    /// first words of the text within its first sentence ("Syrian air strikes kill 70 people after rebel rocket attack
    /// Monitor Reuters Friday 6 Feb 2015 ..."), else 0 (no glued headline).
    /// </summary>
    public static int GluedHeadlineEnd(EventDocument doc)
    {
        if (doc.Sentences.Length == 0)
        {
            return 0;
        }

        var first = doc.Sentences[0].Span;
        var window = Math.Min(first.Length, MaxHeadlineChars + 40);
        if (DateText.FindFirst(doc.Text, first.Start, window) is not { } dm || dm.Index - first.Start > MaxHeadlineChars)
        {
            return CreditEnd(doc.Text, first);
        }

        // At least three words of headline before the date, and the date printed as a dateline (weekday or agency before it).
        var lead = doc.Text.AsSpan(first.Start, dm.Index - first.Start).Trim();
        var words = 0;
        foreach (var part in lead.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (part.Any(char.IsLetter))
            {
                words++;
            }
        }

        if (words >= 3 && (dm.HasWeekday || EndsWithCredit(lead)))
        {
            return dm.Index;
        }

        return CreditEnd(doc.Text, first);
    }

    /// <summary>
    /// A short first sentence printed right after the dateline ("Thu Aug 28 2014 ISIL terrorists massacre 250 Syrian troops in
    /// Raqqa."), followed by more text: the headline. Returns its span, or null.
    /// </summary>
    public static TextSpan? DatelineHeadline(EventDocument doc)
    {
        if (doc.Sentences.Length < 3)
        {
            return null;
        }

        var first = doc.Sentences[0].Span;
        if (DateText.FindFirst(doc.Text, first.Start, Math.Min(first.Length, 40)) is not { } dm || dm.Index - first.Start > 12)
        {
            return null;
        }

        var rest = doc.Text.AsSpan(dm.Index + dm.Length, first.End - dm.Index - dm.Length).ToString();
        var words = rest.Split(' ', StringSplitOptions.RemoveEmptyEntries).Count(w => w.Any(char.IsLetter));
        return words is >= 3 and <= 14 ? TextSpan.FromBounds(dm.Index + dm.Length, first.End) : null;
    }

    /// <summary>"Air strikes in Syria kill at least 20 Islamic State fighters Monitor US-led air strikes killed ...": a headline
    /// credited to a monitor or NGO, then the lede (capitalised) in the same sentence; the offset after the credit, or 0.</summary>
    static int CreditEnd(string text, TextSpan first)
    {
        var limit = Math.Min(first.End, first.Start + MaxHeadlineChars);
        foreach (var credit in (ReadOnlySpan<string>)[" Monitor ", " monitor ", " NGO "])
        {
            var at = text.IndexOf(credit, first.Start, limit - first.Start, StringComparison.Ordinal);
            var next = at + credit.Length;
            if (at > first.Start + 15 && next < text.Length && char.IsUpper(text[next]))
            {
                return at;
            }
        }

        return 0;
    }

    static bool EndsWithCredit(ReadOnlySpan<char> lead)
    {
        var last = lead.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries).LastOrDefault() ?? "";
        return last.Trim('(', ')', ',', '-') is "Reuters" or "AFP" or "AP" or "REUTERS" or "Monitor" or "Observatory" or "NGO" or "Sputnik" or "SANA";
    }

    /// <summary>Longest quotation considered; an opening mark without a close within it is a stray mark.</summary>
    const int MaxQuoteChars = 700;

    /// <summary>
    /// The quotations of a text: from an opening mark to the next closing mark in the same paragraph (straight
    /// quotes alternate), at most <see cref="MaxQuoteChars"/> long; an opening mark never closed is ignored.
    /// </summary>
    public static List<TextSpan> Quotations(string text)
    {
        var list = new List<TextSpan>();
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c is not ('"' or '\u201c' or '\u00ab'))
            {
                continue;
            }

            for (var j = i + 1; j < text.Length && j - i <= MaxQuoteChars; j++)
            {
                if (text[j] == '\n')
                {
                    break;
                }

                if (text[j] is '"' or '\u201d' or '\u00bb')
                {
                    list.Add(TextSpan.FromBounds(i + 1, j));
                    i = j;
                    break;
                }
            }
        }

        return list;
    }

    /// <summary>The kind of every unit of sentence <paramref name="si"/>.</summary>
    public static MentionKind[] Of(int si, ImmutableArray<MatchUnit> units, int gluedHeadlineEnd, TextSpan? datelineHeadline, IReadOnlyList<TextSpan> quotes)
    {
        var kinds = new MentionKind[units.Length];
        _ = si;
        foreach (var q in quotes)
        {
            for (var i = 0; i < units.Length; i++)
            {
                if (units[i].Span.Start >= q.Start && units[i].Span.End <= q.End)
                {
                    kinds[i] = MentionKind.Quoted;
                }
            }
        }

        for (var i = 0; i < units.Length; i++)
        {
            if (units[i].Span.End <= gluedHeadlineEnd || (datelineHeadline is { } dh && dh.Contains(units[i].Span)))
            {
                kinds[i] = MentionKind.Headline;
            }
        }

        // Runs of capitalised words: headlines (and teasers after "Related" / "READ MORE" / "Tags").
        var start = 0;
        while (start < units.Length)
        {
            var end = start;
            var caps = 0;
            while (end < units.Length && (IsCapitalised(units[end].Surface) || FunctionWords.Contains(units[end].Surface) || IsNumber(units[end].Surface)))
            {
                caps += IsCapitalised(units[end].Surface) ? 1 : 0;
                end++;
            }

            if (end > start && caps >= 4)
            {
                var teaser = false;
                for (var j = Math.Max(0, start - 2); j < Math.Min(end, start + 3); j++)
                {
                    teaser |= TeaserCues.Contains(units[j].Key) && (units[j].Surface.All(c => !char.IsLetter(c) || char.IsUpper(c)) || units[j].Key is "related" or "tags");
                }

                for (var j = start; j < end; j++)
                {
                    kinds[j] = teaser ? MentionKind.Related : kinds[j] == MentionKind.Quoted ? MentionKind.Quoted : MentionKind.Headline;
                }
            }

            start = Math.Max(end, start + 1);
        }

        // An embedded tweet ("... Kill Scores of Terrorists in Hama pic.twitter.com/cfDtDjMvkz (YaZeynab)"): not the article (guideline §5).
        if (units.Any(x => x.Key.Contains("pic.twitter.com", StringComparison.Ordinal) || x.Key.Contains("twitter.com/", StringComparison.Ordinal))
            || Enumerable.Range(0, Math.Max(0, units.Length - 2)).Any(i => units[i].Key == "pic" && units[i + 1].Key == "." && units[i + 2].Key.StartsWith("twitter", StringComparison.Ordinal)))
        {
            Array.Fill(kinds, MentionKind.Related);
            return kinds;
        }

        // "Source AFP Related News Suicide car bomb kills eight ...", "110 Related Syrian Army Destroys ...", "... Tags terrorists
        // liberation Daesh ...": a related-articles list or a tag list printed after the article's text runs to the end of
        // the sentence whatever its case. (A tag list at the very start of a sentence precedes the lede, so it is left alone.)
        for (var i = 1; i + 1 < units.Length; i++)
        {
            if (units[i].Surface is "Related" or "Tags" && (units[i + 1].Surface.Length > 0 && char.IsUpper(units[i + 1].Surface[0]) || units[i].Surface == "Tags"))
            {
                for (var j = i; j < units.Length; j++)
                {
                    kinds[j] = MentionKind.Related;
                }

                break;
            }
        }

        return kinds;
    }

    static bool IsCapitalised(string s) => s.Length > 0 && char.IsUpper(s[0]) && s.Any(char.IsLetter);

    static bool IsNumber(string s) => s.Length > 0 && s.All(c => char.IsDigit(c) || c is ',' or '.');
}
