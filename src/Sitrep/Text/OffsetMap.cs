using System.Collections.Immutable;

namespace Sitrep.Text;

/// <summary>
/// Maps offsets in a cleaned text back to offsets in the text it was cut from. The cleaned text is a
/// concatenation of kept pieces of the source; each piece is recorded as (clean start, source start, length).
/// </summary>
public sealed record OffsetMap(ImmutableArray<OffsetMap.Piece> Pieces)
{
    /// <summary>One kept piece: <see cref="Length"/> code units copied from <see cref="SourceStart"/> to <see cref="CleanStart"/>.</summary>
    public readonly record struct Piece(int CleanStart, int SourceStart, int Length);

    /// <summary>The identity map of a text of <paramref name="length"/> code units.</summary>
    public static OffsetMap Identity(int length) => new([new Piece(0, 0, length)]);

    /// <summary>The source offset of clean offset <paramref name="cleanOffset"/>.</summary>
    public int ToSource(int cleanOffset)
    {
        if (Pieces.IsDefaultOrEmpty)
        {
            return cleanOffset;
        }

        int lo = 0, hi = Pieces.Length - 1;
        while (lo < hi)
        {
            var mid = (lo + hi + 1) / 2;
            if (Pieces[mid].CleanStart <= cleanOffset)
            {
                lo = mid;
            }
            else
            {
                hi = mid - 1;
            }
        }

        var p = Pieces[lo];
        return p.SourceStart + Math.Min(Math.Max(cleanOffset - p.CleanStart, 0), p.Length);
    }

    /// <summary>The source span of clean span <paramref name="span"/>.</summary>
    public TextSpan ToSource(TextSpan span)
    {
        var start = ToSource(span.Start);
        var end = span.Length == 0 ? start : ToSource(span.End - 1) + 1;
        return TextSpan.FromBounds(start, Math.Max(start, end));
    }
}
