using System.Collections.Immutable;

namespace Sitrep.Fusion;

/// <summary>
/// MinHash signatures over word shingles (Broder 1997): k consecutive lower-cased words hashed with 64-bit
/// FNV-1a, then <see cref="Size"/> universal hash functions <c>(a·x + b) mod p</c> with fixed seeds. The fraction
/// of equal signature slots estimates the Jaccard similarity of the two shingle sets.
/// </summary>
public sealed class MinHasher
{
    const ulong Prime = (1UL << 61) - 1;
    readonly ulong[] _a;
    readonly ulong[] _b;

    /// <summary>Creates a hasher with <paramref name="size"/> functions over <paramref name="shingleWords"/>-word shingles.</summary>
    public MinHasher(int size = 128, int shingleWords = 4, int seed = 20171111)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(size, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(shingleWords, 1);
        Size = size;
        ShingleWords = shingleWords;
        var rng = new Random(seed);
        _a = new ulong[size];
        _b = new ulong[size];
        for (var i = 0; i < size; i++)
        {
            _a[i] = ((ulong)rng.NextInt64(1, long.MaxValue) % (Prime - 1)) + 1;
            _b[i] = (ulong)rng.NextInt64(0, long.MaxValue) % Prime;
        }
    }

    /// <summary>Number of hash functions (signature length).</summary>
    public int Size { get; }

    /// <summary>Words per shingle.</summary>
    public int ShingleWords { get; }

    /// <summary>The lower-cased words of <paramref name="text"/> (letters and digits).</summary>
    public static List<string> Words(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var words = new List<string>();
        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            var isWord = i < text.Length && char.IsLetterOrDigit(text[i]);
            if (isWord && start < 0)
            {
                start = i;
            }
            else if (!isWord && start >= 0)
            {
                words.Add(text[start..i].ToLowerInvariant());
                start = -1;
            }
        }

        return words;
    }

    /// <summary>The distinct shingle hashes of <paramref name="text"/>.</summary>
    public HashSet<ulong> Shingles(string text)
    {
        var words = Words(text);
        var set = new HashSet<ulong>();
        var k = Math.Min(ShingleWords, Math.Max(1, words.Count));
        for (var i = 0; i + k <= words.Count; i++)
        {
            var h = 14695981039346656037UL;
            for (var w = i; w < i + k; w++)
            {
                foreach (var ch in words[w])
                {
                    h = unchecked((h ^ ch) * 1099511628211UL);
                }

                h = unchecked((h ^ ' ') * 1099511628211UL);
            }

            set.Add(h);
        }

        return set;
    }

    /// <summary>The MinHash signature of <paramref name="text"/>; all slots are <see cref="ulong.MaxValue"/> for empty text.</summary>
    public ImmutableArray<ulong> Signature(string text)
    {
        var sig = new ulong[Size];
        Array.Fill(sig, ulong.MaxValue);
        foreach (var x in Shingles(text))
        {
            var xr = x % Prime;
            for (var i = 0; i < Size; i++)
            {
                var h = MulAddModPrime(_a[i], xr, _b[i]);
                if (h < sig[i])
                {
                    sig[i] = h;
                }
            }
        }

        return ImmutableArray.Create(sig);
    }

    // (a·x + b) mod 2^61 − 1 without division: fold the 122-bit product on the Mersenne prime.
    static ulong MulAddModPrime(ulong a, ulong x, ulong b)
    {
        var prod = ((UInt128)a * x) + b;
        var folded = (ulong)(prod & Prime) + (ulong)(prod >> 61);
        folded = (folded & Prime) + (folded >> 61);
        return folded >= Prime ? folded - Prime : folded;
    }

    /// <summary>Estimated Jaccard similarity of two signatures.</summary>
    public static double Similarity(ImmutableArray<ulong> a, ImmutableArray<ulong> b)
    {
        if (a.Length != b.Length || a.Length == 0)
        {
            throw new ArgumentException("Signatures must have the same, non-zero length.");
        }

        var same = 0;
        for (var i = 0; i < a.Length; i++)
        {
            if (a[i] == b[i] && a[i] != ulong.MaxValue)
            {
                same++;
            }
        }

        return (double)same / a.Length;
    }
}
