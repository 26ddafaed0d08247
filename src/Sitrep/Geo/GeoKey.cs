using System.Globalization;
using System.Text;

namespace Sitrep.Geo;

/// <summary>
/// Normalisation keys for place names. The <em>loose</em> key lowercases, folds diacritics, drops hyphens,
/// spaces, apostrophes and dots, and drops Arabic articles (al-, el-, ad-, ar-, as-, az-, ...) at word starts.
/// The <em>skeleton</em> key further drops vowels (and y, w), folds q to k and kh/sh/th/dh/gh/zh to their first
/// letter, and collapses doubled letters, so "Raqa"/"Raqqa", "Deir Ezzor"/"Dayr az Zawr", "Kobani"/"Kobane" meet.
/// Both are written into caller buffers: no allocation on the hot path.
/// </summary>
internal static class GeoKey
{
    /// <summary>Longest key in chars; longer names are truncated.</summary>
    public const int MaxLength = 96;

    private static readonly char[] Fold = BuildFold();

    private static char[] BuildFold()
    {
        var map = new char[0x2000];
        for (var c = 0; c < map.Length; c++)
        {
            var ch = (char)c;
            if (c < 128)
            {
                map[c] = char.IsAsciiLetterOrDigit(ch) ? char.ToLowerInvariant(ch) : '\0';
                continue;
            }

            if (!char.IsLetterOrDigit(ch) || char.IsSurrogate(ch))
            {
                map[c] = '\0';
                continue;
            }

            var d = ch.ToString().Normalize(NormalizationForm.FormD);
            var b = d.Length > 0 ? d[0] : ch;
            b = char.ToLowerInvariant(b);
            map[c] = b switch
            {
                'ß' => 's',
                'ø' => 'o',
                'æ' => 'a',
                'œ' => 'o',
                'ł' => 'l',
                'đ' => 'd',
                'ı' => 'i',
                'ħ' => 'h',
                'þ' => 't',
                _ => b < 128 ? b : (char.IsLetter(b) ? '\u0001' : '\0'),
            };
        }

        return map;
    }

    private static char FoldChar(char c) => c < Fold.Length ? Fold[c] : (char.IsLetter(c) ? '\u0001' : '\0');

    private static bool IsArticle(ReadOnlySpan<char> w) => w switch
    {
        "al" or "el" or "ad" or "ar" or "as" or "az" or "at" or "an" or "ash" or "ath" or "adh" or "ez" or "es" or "er" or "ed" or "et" or "en" => true,
        _ => false,
    };

    private static bool IsSeparator(char c) => c is ' ' or '-' or '\u2010' or '\u2011' or '\u2013' or '\'' or '\u2019' or '\u2018' or '\u02BF' or '\u02BE' or '`' or '.' or '\t';

    /// <summary>
    /// Writes the loose key of <paramref name="name"/> into <paramref name="dest"/>; returns its length (0 when
    /// the name has no Latin letters or digits). Non-Latin letters make the whole key empty.
    /// </summary>
    public static int Loose(ReadOnlySpan<char> name, Span<char> dest)
    {
        var n = 0;
        var i = 0;
        var words = 0;
        Span<char> low = stackalloc char[3];
        while (i < name.Length)
        {
            while (i < name.Length && IsSeparator(name[i]))
            {
                i++;
            }

            if (i >= name.Length)
            {
                break;
            }

            var start = i;
            while (i < name.Length && !IsSeparator(name[i]))
            {
                i++;
            }

            var word = name[start..i];
            // Article: a short word followed by a separator and more text ("al-Qaim", "Dayr az Zawr", "ad Dana").
            if (word.Length <= 3 && i < name.Length && HasMoreLetters(name[i..]))
            {
                var ok = true;
                for (var k = 0; k < word.Length; k++)
                {
                    var f = FoldChar(word[k]);
                    if (f is '\0' or '\u0001')
                    {
                        ok = false;
                        break;
                    }

                    low[k] = f;
                }

                if (ok && IsArticle(low[..word.Length]))
                {
                    words++;
                    continue;
                }
            }

            foreach (var ch in word)
            {
                var f = FoldChar(ch);
                if (f == '\0')
                {
                    continue;
                }

                if (f == '\u0001')
                {
                    return 0;
                }

                if (n < dest.Length)
                {
                    dest[n++] = f;
                }
            }

            words++;
        }

        return n;
    }

    private static bool HasMoreLetters(ReadOnlySpan<char> rest)
    {
        foreach (var c in rest)
        {
            if (char.IsLetterOrDigit(c))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Writes the consonant skeleton of a loose key into <paramref name="dest"/>; returns its length.</summary>
    public static int Skeleton(ReadOnlySpan<char> loose, Span<char> dest)
    {
        var n = 0;
        for (var i = 0; i < loose.Length; i++)
        {
            var c = loose[i];
            if (c is 'a' or 'e' or 'i' or 'o' or 'u' or 'y' or 'w')
            {
                continue;
            }

            if (c == 'h' && i > 0 && loose[i - 1] is 'k' or 's' or 't' or 'd' or 'g' or 'z' or 'c')
            {
                continue;
            }

            if (c == 'q')
            {
                c = 'k';
            }

            if (n > 0 && dest[n - 1] == c)
            {
                continue;
            }

            if (n < dest.Length)
            {
                dest[n++] = c;
            }
        }

        return n;
    }

    /// <summary>The loose key as a string (build time and tests).</summary>
    public static string LooseString(string name)
    {
        Span<char> buf = stackalloc char[MaxLength];
        return new string(buf[..Loose(name, buf)]);
    }

    /// <summary>The skeleton key of a name as a string (build time and tests).</summary>
    public static string SkeletonString(string name)
    {
        Span<char> buf = stackalloc char[MaxLength];
        Span<char> sk = stackalloc char[MaxLength];
        var n = Loose(name, buf);
        return new string(sk[..Skeleton(buf[..n], sk)]);
    }

    /// <summary>FNV-1a hash of a key: stable across processes, so it can be stored in the index file.</summary>
    public static uint Hash(ReadOnlySpan<char> key)
    {
        var h = 2166136261u;
        foreach (var c in key)
        {
            h = unchecked((h ^ c) * 16777619u);
        }

        return h;
    }

    /// <summary>Bounded Damerau-Levenshtein distance; returns max+1 when it exceeds <paramref name="max"/>.</summary>
    public static int Distance(ReadOnlySpan<char> a, ReadOnlySpan<char> b, int max)
    {
        if (Math.Abs(a.Length - b.Length) > max)
        {
            return max + 1;
        }

        if (a.Length > 40 || b.Length > 40)
        {
            return max + 1;
        }

        Span<int> prev2 = stackalloc int[b.Length + 1];
        Span<int> prev = stackalloc int[b.Length + 1];
        Span<int> cur = stackalloc int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            prev[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            cur[0] = i;
            var best = cur[0];
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                var v = Math.Min(Math.Min(prev[j] + 1, cur[j - 1] + 1), prev[j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    v = Math.Min(v, prev2[j - 2] + 1);
                }

                cur[j] = v;
                best = Math.Min(best, v);
            }

            if (best > max)
            {
                return max + 1;
            }

            var t = prev2;
            prev2 = prev;
            prev = cur;
            cur = t;
        }

        return prev[b.Length];
    }

    internal static string Invariant(double v) => v.ToString("0.#####", CultureInfo.InvariantCulture);
}
