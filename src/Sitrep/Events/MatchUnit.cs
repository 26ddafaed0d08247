using System.Collections.Immutable;
using System.Text;
using Sitrep.Text;

namespace Sitrep.Events;

/// <summary>
/// A matching unit: a token (or a hyphen-separated part of one) normalised for lexicon lookup: lower-cased,
/// apostrophes removed, possessive clitics dropped. <see cref="Token"/> is the index of the token it came from.
/// </summary>
internal readonly record struct MatchUnit(string Key, string Surface, int Token, TextSpan Span)
{
    /// <summary>The units of a token sequence.</summary>
    public static ImmutableArray<MatchUnit> Of(IReadOnlyList<Token> tokens)
    {
        var units = ImmutableArray.CreateBuilder<MatchUnit>(tokens.Count + 4);
        for (var i = 0; i < tokens.Count; i++)
        {
            var t = tokens[i];
            if (t.Text is "-" or "\u2013" && i > 0 && i + 1 < tokens.Count && tokens[i - 1].Span.End == t.Span.Start && tokens[i + 1].Span.Start == t.Span.End)
            {
                continue; // "US-led" tokenized as US / - / led: the glued hyphen is an inner hyphen, as inside one token.
            }

            var start = 0;
            var s = t.Text;
            for (var j = 0; j <= s.Length; j++)
            {
                if (j == s.Length || ((s[j] == '-' || s[j] == '\u2013') && j > 0 && j < s.Length - 1))
                {
                    Add(units, s[start..j], i, new TextSpan(t.Span.Start + start, j - start));
                    start = j + 1;
                }
            }
        }

        return units.ToImmutable();
    }

    static void Add(ImmutableArray<MatchUnit>.Builder units, string surface, int token, TextSpan span)
    {
        var key = Normalize(surface);
        if (key.Length == 0 || key == "s")
        {
            return;
        }

        units.Add(new MatchUnit(key, surface, token, span));
    }

    /// <summary>Lexicon key of a surface form.</summary>
    public static string Normalize(string surface)
    {
        var sb = new StringBuilder(surface.Length);
        foreach (var c in surface)
        {
            if (c is '\'' or '\u2019' or '\u2018' or '`')
            {
                continue;
            }

            sb.Append(char.ToLowerInvariant(c));
        }

        return sb.ToString();
    }

    /// <summary>Units of a lexicon phrase, split on spaces and inner hyphens like text tokens.</summary>
    public static ImmutableArray<MatchUnit> OfPhrase(string phrase)
    {
        var tokens = new List<Token>();
        var pos = 0;
        foreach (var part in phrase.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            // "Assad's" → "Assad" + "'s" as the tokenizer does; the clitic is dropped by Add.
            if (part.Length > 2 && (part.EndsWith("'s", StringComparison.Ordinal) || part.EndsWith("\u2019s", StringComparison.Ordinal)))
            {
                tokens.Add(new Token(new TextSpan(pos, part.Length - 2), part[..^2]));
                tokens.Add(new Token(new TextSpan(pos + part.Length - 2, 2), part[^2..]));
            }
            else
            {
                tokens.Add(new Token(new TextSpan(pos, part.Length), part));
            }

            pos += part.Length + 1;
        }

        return Of(tokens);
    }

    /// <summary>True when an alias unit must match case-sensitively (an acronym like "IS", "SDF").</summary>
    public static bool IsAcronym(string surface) =>
        surface.Length >= 2 && surface.All(c => !char.IsLetter(c) || char.IsUpper(c)) && surface.Any(char.IsLetter);
}
