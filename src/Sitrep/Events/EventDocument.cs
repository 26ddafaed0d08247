using System.Collections.Immutable;
using Sitrep.Documents;
using Sitrep.Geo;
using Sitrep.Syntax;
using Sitrep.Temporal;
using Sitrep.Text;

namespace Sitrep.Events;

/// <summary>
/// Everything the event coder reads about one document: cleaned text, sentences with tokens, place mentions,
/// temporal expressions, publication date and provenance. <see cref="Parse"/> parses a sentence on demand
/// (null when no parser is composed); the coder calls it only for sentences holding trigger candidates.
/// </summary>
public sealed record EventDocument(
    DocumentId Id,
    string Text,
    ImmutableArray<Sentence> Sentences,
    ImmutableArray<PlaceMention> Places,
    ImmutableArray<TemporalExpression> Times,
    DateOnly? Published,
    string? Outlet = null,
    string? Url = null,
    Func<Sentence, ParsedSentence?>? Parse = null);
