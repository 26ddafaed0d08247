using System.Collections.Immutable;

namespace Sitrep.Text;

/// <summary>
/// Rule-based sentence splitter for English news text. One left-to-right scan over the cleaned text:
/// a paragraph break (blank line) always ends a sentence; a single line break ends one unless the next line
/// continues it (starts lower-case, or the line ends with a comma, hyphen or opening bracket), so a headline
/// or dateline on its own line is its own sentence; <c>. ! ? …</c> (with any closing quotes or brackets after
/// them) end one when followed by white space and a word that can start a sentence. Abbreviations
/// (data/text/abbreviations.tsv), initials and dotted acronyms only end a sentence before a common sentence
/// starter (data/text/sentence-starters.txt).
/// </summary>
public sealed class SentenceSplitter : ISentenceSplitter
{
    readonly TextLexicon _lexicon;

    /// <summary>Creates a splitter with the lexicon shipped in <c>data/text</c>.</summary>
    public SentenceSplitter()
        : this(TextLexicon.Load())
    {
    }

    /// <summary>Creates a splitter with <paramref name="lexicon"/>.</summary>
    public SentenceSplitter(TextLexicon lexicon)
    {
        ArgumentNullException.ThrowIfNull(lexicon);
        _lexicon = lexicon;
    }

    /// <inheritdoc />
    public ImmutableArray<TextSpan> Split(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Split(text, new TextSpan(0, text.Length));
    }

    /// <summary>Sentence spans inside <paramref name="scope"/> of <paramref name="text"/>.</summary>
    public ImmutableArray<TextSpan> Split(string text, TextSpan scope)
    {
        ArgumentNullException.ThrowIfNull(text);
        var builder = ImmutableArray.CreateBuilder<TextSpan>();
        var n = scope.End;
        var start = SkipWhite(text, scope.Start, n);
        var i = start;
        while (i < n)
        {
            var c = text[i];
            if (c == '\n' || c == '\r' || c == '\u2029' || c == '\u2028')
            {
                var j = i;
                var breaks = 0;
                while (j < n && char.IsWhiteSpace(text[j]))
                {
                    if (text[j] == '\n' || text[j] == '\u2029' || text[j] == '\u2028' || (text[j] == '\r' && (j + 1 >= n || text[j + 1] != '\n')))
                    {
                        breaks++;
                    }

                    j++;
                }

                if (breaks >= 2 || j >= n || text[j] == '\u2029' || !ContinuesLine(text, start, i, j))
                {
                    Add(builder, text, start, i);
                    start = j;
                }

                i = j;
                continue;
            }

            if (c is '.' or '!' or '?' or '\u2026' or '\u203C' or '\u2047' or '\u2048' or '\u2049')
            {
                var k = i;
                var onlyPeriods = true;
                while (k < n && text[k] is '.' or '!' or '?' or '\u2026' or '\u203C' or '\u2047' or '\u2048' or '\u2049')
                {
                    onlyPeriods &= text[k] == '.';
                    k++;
                }

                var runEnd = k;
                while (k < n && IsCloser(text[k]))
                {
                    k++;
                }

                if (k >= n)
                {
                    break;
                }

                if (!char.IsWhiteSpace(text[k]))
                {
                    i = k;
                    continue;
                }

                var j = SkipWhite(text, k, n);
                if (j >= n)
                {
                    break;
                }

                if (IsBoundary(text, i, runEnd - i, onlyPeriods, k > runEnd, j, n))
                {
                    Add(builder, text, start, k);
                    start = j;
                }

                i = j;
                continue;
            }

            i++;
        }

        Add(builder, text, start, n);
        return builder.DrainToImmutable();
    }

    bool IsBoundary(string text, int punct, int runLength, bool onlyPeriods, bool closed, int next, int end)
    {
        var nx = text[next];
        if (!onlyPeriods && !closed && char.IsLower(nx) && !(next + 1 < end && text[next + 1] == ' ' && nx != 'i'))
        {
            // "what should i do? i need..." : a question or exclamation mark ends a sentence even before lower case.
            return true;
        }

        if (char.IsLower(nx) || nx is ',' or ';' or ':' or ')' or ']' or '}' or '%')
        {
            return false;
        }

        if (!onlyPeriods || runLength > 1)
        {
            return true;
        }

        // The word before the period.
        var ws = punct;
        while (ws > 0 && IsWordChar(text[ws - 1]))
        {
            ws--;
        }

        var word = text.AsSpan(ws, punct - ws);
        if (word.IsEmpty)
        {
            return true;
        }

        if (_lexicon.AbbreviationLookup.TryGetValue(word, out var kind))
        {
            return kind switch
            {
                AbbreviationKind.Title => false,
                AbbreviationKind.Number or AbbreviationKind.Month => !char.IsDigit(nx),
                _ => StartsWithStarter(text, next, end),
            };
        }

        // A single capital initial ("J. Smith") or a dotted acronym ("U.S.", "a.m.").
        if ((word.Length == 1 && char.IsUpper(word[0])) || IsDottedAcronym(word))
        {
            return StartsWithStarter(text, next, end);
        }

        return true;
    }

    bool StartsWithStarter(string text, int start, int end)
    {
        var e = start;
        while (e < end && char.IsLetter(text[e]))
        {
            e++;
        }

        return e > start && _lexicon.StarterLookup.Contains(text.AsSpan(start, e - start));
    }

    static bool IsDottedAcronym(ReadOnlySpan<char> word)
    {
        // letters separated by single periods: U.S, U.N, a.m, e.g
        if (word.Length < 3)
        {
            return false;
        }

        for (var i = 0; i < word.Length; i++)
        {
            var isLetterSlot = i % 2 == 0;
            if (isLetterSlot ? !char.IsLetter(word[i]) : word[i] != '.')
            {
                return false;
            }
        }

        return word.Length % 2 == 1;
    }

    static bool ContinuesLine(string text, int sentenceStart, int lineEnd, int nextLine)
    {
        var nx = text[nextLine];
        if (char.IsLower(nx))
        {
            return true;
        }

        var p = lineEnd - 1;
        while (p >= sentenceStart && char.IsWhiteSpace(text[p]))
        {
            p--;
        }

        if (p < sentenceStart)
        {
            return false;
        }

        return text[p] is ',' or '-' or '(' or '[' or '\u2013' or '&' or ';';
    }

    static bool IsWordChar(char c) => char.IsLetterOrDigit(c) || c == '.' || c == '\'' || c == '\u2019' || c == '-';

    static bool IsCloser(char c) => c is ')' or ']' or '}' or '"' or '\'' or '\u201D' or '\u2019' or '\u00BB' or '\u203A';

    static int SkipWhite(string text, int i, int end)
    {
        while (i < end && char.IsWhiteSpace(text[i]))
        {
            i++;
        }

        return i;
    }

    static void Add(ImmutableArray<TextSpan>.Builder builder, string text, int start, int end)
    {
        while (end > start && char.IsWhiteSpace(text[end - 1]))
        {
            end--;
        }

        if (end > start)
        {
            builder.Add(TextSpan.FromBounds(start, end));
        }
    }
}
