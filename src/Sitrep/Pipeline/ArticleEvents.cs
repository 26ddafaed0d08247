using System.Collections.Immutable;
using Sitrep.Events;

namespace Sitrep.Pipeline;

/// <summary>An article after the whole pipeline: its segmentation, its place mentions and every coded statement.</summary>
/// <param name="Article">The segmented article.</param>
/// <param name="Places">Toponym mentions.</param>
/// <param name="Events">Every coded statement, asserted or not (see <see cref="ConflictEvent.Factuality"/>).</param>
/// <param name="ParsedSentences">How many sentences the syntax parser was asked for (lazy parsing).</param>
public sealed record ArticleEvents(SegmentedArticle Article, ImmutableArray<Geo.PlaceMention> Places, ImmutableArray<ConflictEvent> Events, int ParsedSentences)
{
    /// <summary>The events reported as fact.</summary>
    public IEnumerable<ConflictEvent> Asserted => Events.Where(e => e.Factuality == Factuality.Asserted);
}
