using System.Collections.Immutable;
using Sitrep.Text;

namespace Sitrep.Syntax;

/// <summary>A sentence with its syntax layer: tagged, lemmatised, parsed tokens and named entities.</summary>
public sealed record ParsedSentence(Sentence Sentence, ImmutableArray<SyntaxToken> Tokens, ImmutableArray<EntitySpan> Entities);
