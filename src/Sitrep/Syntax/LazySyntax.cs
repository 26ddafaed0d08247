using System.Collections.Concurrent;
using System.Collections.Immutable;
using Sitrep.Text;

namespace Sitrep.Syntax;

/// <summary>
/// Per-document lazy syntax: a sentence is parsed the first time a later stage asks for it (the event coder asks
/// only for sentences holding a trigger candidate), then cached for the document's lifetime.
/// </summary>
public sealed class LazySyntax
{
    readonly ISyntaxParser _parser;
    readonly ImmutableArray<Sentence> _sentences;
    readonly ConcurrentDictionary<int, ParsedSentence> _cache = new();

    /// <summary>Creates a lazy layer over <paramref name="sentences"/>.</summary>
    public LazySyntax(ISyntaxParser parser, ImmutableArray<Sentence> sentences)
    {
        _parser = parser;
        _sentences = sentences;
    }

    /// <summary>Number of sentences.</summary>
    public int Count => _sentences.Length;

    /// <summary>Number of sentences parsed so far.</summary>
    public int ParsedCount => _cache.Count;

    /// <summary>The parsed sentence at position <paramref name="index"/> in the document's sentence list.</summary>
    public ParsedSentence this[int index] => _cache.GetOrAdd(index, i => _parser.Parse(_sentences[i]));
}
