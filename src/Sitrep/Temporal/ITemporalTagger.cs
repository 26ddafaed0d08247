using System.Collections.Immutable;
using Sitrep.Text;

namespace Sitrep.Temporal;

/// <summary>Finds and resolves temporal expressions, in news mode, against a reference (publication) date.</summary>
public interface ITemporalTagger
{
    /// <summary>Expressions inside <paramref name="scope"/> of <paramref name="text"/>, resolved against <paramref name="reference"/>.</summary>
    ImmutableArray<TemporalExpression> Tag(string text, TextSpan scope, DateOnly reference);
}
