namespace Sitrep.Syntax;

/// <summary>Hashed surface properties of one word, computed once per sentence and shared by every model.</summary>
internal readonly record struct WordInfo(
    ulong Form, ulong Lower, ulong Shape, ulong Suf1, ulong Suf2, ulong Suf3, ulong Suf4, ulong Pre1, ulong Pre2, ulong Pre3,
    ulong Flags)
{
    /// <summary>Hash of the word's fine distributional class (<see cref="WordClusters"/>); 0 when the model has no clusters.</summary>
    public ulong ClusterFine { get; init; }

    /// <summary>Hash of the word's middle class; 0 when the model has no clusters.</summary>
    public ulong ClusterMiddle { get; init; }

    /// <summary>Hash of the word's coarse class; 0 when the model has no clusters.</summary>
    public ulong ClusterCoarse { get; init; }

    /// <summary>True when the model has clusters (so cluster features are emitted).</summary>
    public bool HasClusters => ClusterFine != 0;

    /// <summary>True when the word has no letter or digit (punctuation, symbols).</summary>
    public bool IsPunctuation => (Flags & 0b111) == 0 && (Flags & 0b11000) != 0;

    /// <summary>Hash of the padding word before the sentence start.</summary>
    public static readonly ulong Start = FeatureHash.Of("-START-");

    /// <summary>Hash of the padding word past the sentence end.</summary>
    public static readonly ulong End = FeatureHash.Of("-END-");

    /// <summary>Word infos of <paramref name="words"/>, with their classes when <paramref name="clusters"/> is given.</summary>
    public static WordInfo[] Of(IReadOnlyList<string> words, WordClusters? clusters = null)
    {
        var result = new WordInfo[words.Count];
        Span<char> buf = stackalloc char[64];
        for (var i = 0; i < words.Count; i++)
        {
            result[i] = Of(words[i], buf);
            if (clusters is not null)
            {
                var (fine, middle, coarse) = clusters.Of(result[i].Lower);
                result[i] = result[i] with { ClusterFine = fine, ClusterMiddle = middle, ClusterCoarse = coarse };
            }
        }

        return result;
    }

    /// <summary>The <see cref="Lower"/> hash of <paramref name="w"/> alone (lower-cased, digits as 0, first 64 characters).</summary>
    public static ulong LowerHash(string w)
    {
        ArgumentNullException.ThrowIfNull(w);
        Span<char> buf = stackalloc char[64];
        var n = Math.Min(w.Length, buf.Length);
        for (var i = 0; i < n; i++)
        {
            var c = w[i];
            buf[i] = char.IsDigit(c) ? '0' : char.ToLowerInvariant(c);
        }

        return FeatureHash.Of(buf[..n]);
    }

    static WordInfo Of(string w, Span<char> buf)
    {
        var n = Math.Min(w.Length, buf.Length);
        var low = buf[..n];
        bool upper = false, lower = false, digit = false, hyphen = false, other = false;
        for (var i = 0; i < n; i++)
        {
            var c = w[i];
            if (char.IsDigit(c))
            {
                digit = true;
                low[i] = '0';
            }
            else
            {
                upper |= char.IsUpper(c);
                lower |= char.IsLower(c);
                hyphen |= c == '-';
                other |= !char.IsLetter(c) && c != '-';
                low[i] = char.ToLowerInvariant(c);
            }
        }

        ReadOnlySpan<char> l = low;
        var flags = (upper ? 1UL : 0) | (lower ? 2UL : 0) | (digit ? 4UL : 0) | (hyphen ? 8UL : 0) | (other ? 16UL : 0)
            | (w.Length > 0 && char.IsUpper(w[0]) ? 32UL : 0) | ((ulong)Math.Min(w.Length, 8) << 6);
        return new WordInfo(
            FeatureHash.Of(w),
            FeatureHash.Of(l),
            ShapeOf(w),
            Affix(l[Math.Max(0, n - 1)..], 1),
            Affix(l[Math.Max(0, n - 2)..], 2),
            Affix(l[Math.Max(0, n - 3)..], 3),
            Affix(l[Math.Max(0, n - 4)..], 4),
            Affix(l[..Math.Min(1, n)], 5),
            Affix(l[..Math.Min(2, n)], 6),
            Affix(l[..Math.Min(3, n)], 7),
            flags);
    }

    static ulong Affix(ReadOnlySpan<char> s, int kind) => FeatureHash.Mix(FeatureHash.Of(s) + (ulong)kind);

    /// <summary>Word shape with runs collapsed: "Aleppo" → "Xx", "2015" → "d", "al-Bab" → "x-Xx".</summary>
    static ulong ShapeOf(string w)
    {
        Span<char> s = stackalloc char[32];
        var n = 0;
        var last = '\0';
        foreach (var c in w)
        {
            var k = char.IsUpper(c) ? 'X' : char.IsLower(c) ? 'x' : char.IsDigit(c) ? 'd' : c;
            if (k != last && n < s.Length)
            {
                s[n++] = k;
            }

            last = k;
        }

        return FeatureHash.Of(s[..n]);
    }
}
