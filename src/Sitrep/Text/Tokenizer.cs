using System.Collections.Immutable;
using System.Globalization;

namespace Sitrep.Text;

/// <summary>
/// Tokenizer following UD English (EWT/GUM) conventions, in one scan per sentence: punctuation is split off
/// (runs like "..." or "--" stay one token); clitics are split ("do|n't", "ca|n't", "John|'s", "we|'re",
/// data/text/clitics.tsv for "can|not", "gon|na"); hyphens between words are their own token except after
/// the prefixes in data/text/hyphen-prefixes.txt ("non-state", "e-mail"); numbers keep their inner commas,
/// periods, colons, slashes and hyphens ("1,300", "3.5", "10:30", "9/11", "2015-2016"); abbreviations,
/// initials and dotted acronyms keep their period ("Gen.", "J.", "U.S."); URLs and e-mail addresses are
/// single tokens. A token's text is its surface form; its span points into the cleaned text.
/// </summary>
public sealed class Tokenizer : ITokenizer
{
    readonly TextLexicon _lexicon;

    /// <summary>Creates a tokenizer with the lexicon shipped in <c>data/text</c>.</summary>
    public Tokenizer()
        : this(TextLexicon.Load())
    {
    }

    /// <summary>Creates a tokenizer with <paramref name="lexicon"/>.</summary>
    public Tokenizer(TextLexicon lexicon)
    {
        ArgumentNullException.ThrowIfNull(lexicon);
        _lexicon = lexicon;
    }

    /// <inheritdoc />
    public ImmutableArray<Token> Tokenize(string text, TextSpan sentence)
    {
        ArgumentNullException.ThrowIfNull(text);
        var builder = ImmutableArray.CreateBuilder<Token>(Math.Max(4, sentence.Length / 5));
        var i = sentence.Start;
        var end = sentence.End;
        while (i < end)
        {
            while (i < end && char.IsWhiteSpace(text[i]))
            {
                i++;
            }

            var j = i;
            while (j < end && !char.IsWhiteSpace(text[j]))
            {
                j++;
            }

            if (j > i)
            {
                TokenizeChunk(text, i, j, j == end || OnlyClosersUntil(text, j, end), builder);
            }

            i = j;
        }

        return builder.DrainToImmutable();
    }

    static bool OnlyClosersUntil(string text, int from, int end)
    {
        for (var k = from; k < end; k++)
        {
            if (!char.IsWhiteSpace(text[k]) && !char.IsPunctuation(text[k]))
            {
                return false;
            }
        }

        return true;
    }

    void TokenizeChunk(string text, int s, int e, bool sentenceFinal, ImmutableArray<Token>.Builder output)
    {
        if (IsUrlOrEmail(text.AsSpan(s, e - s)))
        {
            var ls = s;
            while (ls < e && IsOpener(text[ls]))
            {
                Emit(text, ls, ls + 1, output);
                ls++;
            }

            var le = e;
            while (le > ls && (text[le - 1] is '.' or ',' or ';' or ':' or '!' or '?' or ')' or ']' or '"' or '\'' or '\u201D' or '\u2019'))
            {
                le--;
            }

            Emit(text, ls, le, output);
            for (var k = le; k < e; k++)
            {
                Emit(text, k, k + 1, output);
            }

            return;
        }

        var wordStart = -1;
        var k0 = s;
        while (k0 < e)
        {
            var c = text[k0];
            if (IsCore(c))
            {
                if (wordStart < 0)
                {
                    // A leading apostrophe is an opening quote unless a digit follows ('90s).
                    if (c is '\'' or '\u2019' && !(k0 + 1 < e && char.IsDigit(text[k0 + 1])) && !IsCliticAt(text, k0, e))
                    {
                        Emit(text, k0, k0 + 1, output);
                        k0++;
                        continue;
                    }

                    wordStart = k0;
                }

                k0++;
                continue;
            }

            var prevAlnum = k0 > s && char.IsLetterOrDigit(text[k0 - 1]);
            var nextAlnum = k0 + 1 < e && char.IsLetterOrDigit(text[k0 + 1]);
            var prevDigit = k0 > s && char.IsDigit(text[k0 - 1]);
            var nextDigit = k0 + 1 < e && char.IsDigit(text[k0 + 1]);
            var inWord = wordStart >= 0;
            switch (c)
            {
                case '.' when inWord && nextAlnum:
                case ',' when inWord && prevDigit && nextDigit:
                case ':' when inWord && prevDigit && nextDigit:
                case '/' when inWord && prevDigit && nextDigit:
                    k0++;
                    continue;
                case '-' or '\u2011' when inWord && prevAlnum && nextAlnum
                                         && ((prevDigit && nextDigit) || IsPrefix(text, wordStart, k0)):
                    k0++;
                    continue;
                case '-' or '\u2011' when inWord && prevAlnum && !nextAlnum && !IsHyphenRunAt(text, k0, e):
                    // A word cut off by a hyphen keeps it: "pro- and anti-war", stutters "th- complete".
                    FlushWord(text, wordStart, k0 + 1, output);
                    wordStart = -1;
                    k0++;
                    continue;
                case '.' when inWord && KeepsPeriod(text, wordStart, k0, sentenceFinal && OnlyPunctuationAfter(text, k0 + 1, e)):
                    FlushWord(text, wordStart, k0 + 1, output);
                    wordStart = -1;
                    k0++;
                    continue;
            }

            if (inWord)
            {
                FlushWord(text, wordStart, k0, output);
                wordStart = -1;
            }

            // A run of the same punctuation character is one token ("...", "--", "!!").
            var r = k0 + 1;
            if (c is '.' or '-' or '!' or '?' or '*' or '=' or '_' or '~' or '$' or '+' or '#' or '>' or '<' or '/' or '\\')
            {
                while (r < e && text[r] == c)
                {
                    r++;
                }
            }

            Emit(text, k0, r, output);
            k0 = r;
        }

        if (wordStart >= 0)
        {
            FlushWord(text, wordStart, e, output);
        }
    }

    static bool IsHyphenRunAt(string text, int k, int e) => k + 1 < e && text[k + 1] is '-' or '\u2011';

    static bool OnlyPunctuationAfter(string text, int from, int end)
    {
        for (var k = from; k < end; k++)
        {
            if (char.IsLetterOrDigit(text[k]))
            {
                return false;
            }
        }

        return true;
    }

    bool IsPrefix(string text, int wordStart, int hyphen)
    {
        var ps = hyphen;
        while (ps > wordStart && char.IsLetter(text[ps - 1]))
        {
            ps--;
        }

        return ps < hyphen && _lexicon.PrefixLookup.Contains(text.AsSpan(ps, hyphen - ps));
    }

    bool KeepsPeriod(string text, int wordStart, int period, bool sentenceFinal)
    {
        var word = text.AsSpan(wordStart, period - wordStart);
        if (_lexicon.AbbreviationLookup.TryGetValue(word, out var kind))
        {
            return !sentenceFinal || word.Contains('.');
        }

        if (word.Contains('.'))
        {
            // dotted acronym: U.S, a.m, e.g
            foreach (var ch in word)
            {
                if (!char.IsLetter(ch) && ch != '.')
                {
                    return false;
                }
            }

            return true;
        }

        return word.Length == 1 && char.IsUpper(word[0]) && !sentenceFinal;
    }

    void FlushWord(string text, int s, int e, ImmutableArray<Token>.Builder output)
    {
        // A trailing apostrophe is a possessive marker or closing quote: its own token (soldiers ').
        var trailingApostrophe = e - s > 1 && text[e - 1] is '\'' or '\u2019';
        var we = trailingApostrophe ? e - 1 : e;
        var word = text.AsSpan(s, we - s);

        if (_lexicon.SplitLookup.TryGetValue(word, out var parts))
        {
            var p = s;
            foreach (var part in parts)
            {
                Emit(text, p, p + part.Length, output);
                p += part.Length;
            }
        }
        else
        {
            var split = CliticSplit(word);
            if (split > 0)
            {
                Emit(text, s, s + split, output);
                Emit(text, s + split, we, output);
            }
            else
            {
                Emit(text, s, we, output);
            }
        }

        if (trailingApostrophe)
        {
            Emit(text, e - 1, e, output);
        }
    }

    /// <summary>Offset inside <paramref name="word"/> where a final clitic starts, or 0.</summary>
    internal static int CliticSplit(ReadOnlySpan<char> word)
    {
        var n = word.Length;
        if (n >= 4 && (word[n - 1] is 't' or 'T') && (word[n - 2] is '\'' or '\u2019') && (word[n - 3] is 'n' or 'N'))
        {
            return n - 3;
        }

        if (n >= 3 && word[n - 2] is '\'' or '\u2019' && (word[n - 1] is 's' or 'S' or 'd' or 'D' or 'm' or 'M'))
        {
            return n - 2;
        }

        if (n >= 4 && word[n - 3] is '\'' or '\u2019')
        {
            var tail = word[(n - 2)..];
            if (tail.Equals("re", StringComparison.OrdinalIgnoreCase) || tail.Equals("ve", StringComparison.OrdinalIgnoreCase)
                || tail.Equals("ll", StringComparison.OrdinalIgnoreCase))
            {
                return n - 3;
            }
        }

        return 0;
    }

    static bool IsCliticAt(string text, int k, int e)
    {
        // "'s" written apart from its host ("the U.S. 's"): keep it as a word.
        var rest = text.AsSpan(k + 1, e - k - 1);
        return rest.Equals("s", StringComparison.OrdinalIgnoreCase) || rest.Equals("re", StringComparison.OrdinalIgnoreCase)
            || rest.Equals("ve", StringComparison.OrdinalIgnoreCase) || rest.Equals("ll", StringComparison.OrdinalIgnoreCase)
            || rest.Equals("d", StringComparison.OrdinalIgnoreCase) || rest.Equals("m", StringComparison.OrdinalIgnoreCase);
    }

    static bool IsCore(char c)
    {
        if (char.IsLetterOrDigit(c) || c is '\'' or '\u2019' or '&' or '_' or '@')
        {
            return true;
        }

        var cat = CharUnicodeInfo.GetUnicodeCategory(c);
        return cat is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.Format;
    }

    static bool IsOpener(char c) => c is '(' or '[' or '{' or '"' or '\'' or '\u201C' or '\u2018' or '\u00AB' or '<';

    static bool IsUrlOrEmail(ReadOnlySpan<char> chunk)
    {
        if (chunk.Contains("://", StringComparison.Ordinal) || chunk.StartsWith("www.", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        var at = chunk.IndexOf('@');
        return at > 0 && chunk[(at + 1)..].Contains('.') && char.IsLetterOrDigit(chunk[at - 1]);
    }

    static void Emit(string text, int s, int e, ImmutableArray<Token>.Builder output)
    {
        if (e > s)
        {
            output.Add(new Token(TextSpan.FromBounds(s, e), text.Substring(s, e - s)));
        }
    }
}
