using System.Collections.Immutable;
using Sitrep.Documents;
using Sitrep.Text;

namespace Sitrep.Pipeline;

/// <summary>An article with its sentences (and their tokens), offsets into <see cref="Article.Text"/>.</summary>
public sealed record SegmentedArticle(Article Article, ImmutableArray<Sentence> Sentences);
