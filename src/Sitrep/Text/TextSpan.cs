namespace Sitrep.Text;

/// <summary>Half-open range [Start, End) of UTF-16 code units in a document's cleaned text.</summary>
public readonly record struct TextSpan(int Start, int Length)
{
    /// <summary>First offset past the span.</summary>
    public int End => Start + Length;

    /// <summary>Creates a span from its start and end offsets.</summary>
    public static TextSpan FromBounds(int start, int end) => new(start, end - start);

    /// <summary>True when the two spans share at least one code unit.</summary>
    public bool Overlaps(TextSpan other) => Start < other.End && other.Start < End;

    /// <summary>True when <paramref name="other"/> lies wholly inside this span.</summary>
    public bool Contains(TextSpan other) => Start <= other.Start && other.End <= End;

    /// <summary>The characters of this span in <paramref name="text"/>.</summary>
    public ReadOnlySpan<char> In(string text) => text.AsSpan(Start, Length);

    /// <summary>The characters of this span in <paramref name="text"/>, as a string.</summary>
    public string Of(string text) => text.Substring(Start, Length);
}
