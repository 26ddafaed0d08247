namespace Sitrep.Syntax;

/// <summary>Stable (not per-process randomised) 64-bit hashing of strings and feature tuples.</summary>
internal static class FeatureHash
{
    const ulong Seed = 0x9E3779B97F4A7C15UL;

    /// <summary>FNV-1a over the UTF-16 code units of <paramref name="s"/>, finalised.</summary>
    public static ulong Of(ReadOnlySpan<char> s)
    {
        var h = 14695981039346656037UL;
        foreach (var c in s)
        {
            h ^= c;
            h *= 1099511628211UL;
        }

        return Mix(h);
    }

    /// <summary>Hash of <paramref name="s"/> lower-cased (invariant).</summary>
    public static ulong OfLower(ReadOnlySpan<char> s)
    {
        var h = 14695981039346656037UL;
        foreach (var c in s)
        {
            h ^= char.ToLowerInvariant(c);
            h *= 1099511628211UL;
        }

        return Mix(h);
    }

    /// <summary>The murmur3 64-bit finaliser.</summary>
    public static ulong Mix(ulong x)
    {
        unchecked
        {
            x ^= x >> 33;
            x *= 0xff51afd7ed558ccdUL;
            x ^= x >> 33;
            x *= 0xc4ceb9fe1a85ec53UL;
            x ^= x >> 33;
            return x;
        }
    }

    /// <summary>Feature key of template <paramref name="t"/> with one value.</summary>
    public static uint F(int t, ulong a) => Fold(Mix(unchecked(((ulong)t * Seed) ^ a)));

    /// <summary>Feature key of template <paramref name="t"/> with two values.</summary>
    public static uint F(int t, ulong a, ulong b) => Fold(Mix(unchecked((Mix(((ulong)t * Seed) ^ a) * 31) ^ b)));

    /// <summary>Feature key of template <paramref name="t"/> with three values.</summary>
    public static uint F(int t, ulong a, ulong b, ulong c) =>
        Fold(Mix(unchecked((Mix((Mix(((ulong)t * Seed) ^ a) * 31) ^ b) * 31) ^ c)));

    /// <summary>Feature key of template <paramref name="t"/> with four values.</summary>
    public static uint F(int t, ulong a, ulong b, ulong c, ulong d) =>
        Fold(Mix(unchecked((Mix((Mix((Mix(((ulong)t * Seed) ^ a) * 31) ^ b) * 31) ^ c) * 31) ^ d)));

    static uint Fold(ulong h)
    {
        var k = (uint)(h ^ (h >> 32));
        return k == 0 ? 1u : k;
    }
}
