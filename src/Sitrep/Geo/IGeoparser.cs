using System.Collections.Immutable;
using Sitrep.Text;

namespace Sitrep.Geo;

/// <summary>Finds toponyms in a document, classifies their role and resolves them to gazetteer places.</summary>
public interface IGeoparser
{
    /// <summary>All toponym mentions of <paramref name="text"/>, in text order.</summary>
    ImmutableArray<PlaceMention> Parse(string text, IReadOnlyList<Sentence> sentences);
}
