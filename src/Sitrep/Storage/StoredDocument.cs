using System.Collections.Immutable;
using Sitrep.Documents;
using Sitrep.Text;

namespace Sitrep.Storage;

/// <summary>A stored document: the article, its sentence spans (tokens are not stored) and when it was ingested.</summary>
public sealed record StoredDocument(Article Article, ImmutableArray<TextSpan> Sentences, DateTimeOffset IngestedAt);
