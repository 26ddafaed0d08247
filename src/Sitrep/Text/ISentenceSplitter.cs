using System.Collections.Immutable;

namespace Sitrep.Text;

/// <summary>Splits cleaned text into sentence spans.</summary>
public interface ISentenceSplitter
{
    /// <summary>Sentence spans of <paramref name="text"/>, in order, never overlapping.</summary>
    ImmutableArray<TextSpan> Split(string text);
}
