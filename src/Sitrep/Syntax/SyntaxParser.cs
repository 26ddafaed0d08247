using System.Collections.Immutable;
using Sitrep.Text;

namespace Sitrep.Syntax;

/// <summary>
/// The syntax layer: tags (UPOS + Penn XPOS), lemmatises, dependency-parses and finds PER/ORG/LOC names in one
/// sentence at a time, from the trained model shipped as <c>data/syntax/en-syntax.bin</c>. Thread-safe: the
/// loaded model is immutable and every call works on its own buffers.
/// </summary>
public sealed class SyntaxParser : ISyntaxParser
{
    /// <summary>The shipped model's path relative to the application base directory.</summary>
    public const string DefaultModelRelativePath = "data/syntax/en-syntax.bin";

    readonly SyntaxModel _model;

    /// <summary>Whether a word is in the word clusters' vocabulary (the lemmatiser's check on its suffix rules), or null.</summary>
    readonly Func<string, bool>? _isWord;

    SyntaxParser(SyntaxModel model)
    {
        _model = model;
        if (model.Clusters is { } clusters)
        {
            _isWord = w => clusters.TryGetPacked(WordInfo.LowerHash(w), out _);
        }
    }

    /// <summary>Loads the model shipped beside the binaries.</summary>
    public static SyntaxParser LoadDefault() => Load(Path.Combine(AppContext.BaseDirectory, DefaultModelRelativePath));

    /// <summary>Loads a model file written by <c>sitrep train syntax</c>.</summary>
    public static SyntaxParser Load(string path) => new(SyntaxModel.Load(path));

    internal SyntaxModel Model => _model;

    /// <inheritdoc />
    public ParsedSentence Parse(Sentence sentence)
    {
        ArgumentNullException.ThrowIfNull(sentence);
        var words = new string[sentence.Tokens.Length];
        for (var i = 0; i < words.Length; i++)
        {
            words[i] = sentence.Tokens[i].Text;
        }

        var a = Analyze(words);
        var tokens = ImmutableArray.CreateBuilder<SyntaxToken>(words.Length);
        for (var i = 0; i < words.Length; i++)
        {
            tokens.Add(new SyntaxToken(i, words[i], a.Lemmas[i], a.Upos[i], a.Xpos[i], a.Heads[i], a.DepRels[i]));
        }

        return new ParsedSentence(sentence, tokens.MoveToImmutable(), a.Entities);
    }

    /// <summary>Tags only (both tagger passes); returns the class indexes.</summary>
    internal int[] TagOnly(IReadOnlyList<string> words)
    {
        var tagIds = new int[words.Count];
        _model.Tagger.Tag(WordInfo.Of(words, _model.Clusters), tagIds);
        return tagIds;
    }

    /// <summary>Tags and parses only (no lemmas, no names); returns the heads.</summary>
    internal int[] TagAndParse(IReadOnlyList<string> words)
    {
        var n = words.Count;
        var info = WordInfo.Of(words, _model.Clusters);
        var tagIds = new int[n];
        var alternatives = TagForParser(info, tagIds);
        var tags = new ulong[n];
        for (var i = 0; i < n; i++)
        {
            tags[i] = _model.Tagger.ClassHash[tagIds[i]];
        }

        var heads = new int[n];
        _model.Parser.Parse(info, tags, heads, new int[n], alternatives);
        return heads;
    }

    /// <summary>Tags into <paramref name="tagIds"/>; returns the runner-up tags the parser reads (null if it reads none).</summary>
    internal ulong[]? TagForParser(WordInfo[] info, int[] tagIds)
    {
        var margin = _model.Parser.TagMargin;
        if (margin > 0)
        {
            return _model.Tagger.TagWithAlternatives(info, tagIds, margin);
        }

        _model.Tagger.Tag(info, tagIds);
        return null;
    }

    /// <summary>
    /// Parses the sentences of one document. With a two-pass name recogniser, each sentence's names also depend on
    /// how the first pass labelled the same words elsewhere in the document (<see cref="Parse(Sentence)"/> reads the
    /// sentence alone).
    /// </summary>
    public ImmutableArray<ParsedSentence> ParseDocument(IReadOnlyList<Sentence> sentences)
    {
        ArgumentNullException.ThrowIfNull(sentences);
        var words = sentences.Select(s => (IReadOnlyList<string>)[.. s.Tokens.Select(t => t.Text)]).ToList();
        var document = NamesOf(words);
        var result = ImmutableArray.CreateBuilder<ParsedSentence>(sentences.Count);
        for (var k = 0; k < sentences.Count; k++)
        {
            var a = Analyze(words[k], document: document);
            var tokens = ImmutableArray.CreateBuilder<SyntaxToken>(words[k].Count);
            for (var i = 0; i < words[k].Count; i++)
            {
                tokens.Add(new SyntaxToken(i, words[k][i], a.Lemmas[i], a.Upos[i], a.Xpos[i], a.Heads[i], a.DepRels[i]));
            }

            result.Add(new ParsedSentence(sentences[k], tokens.MoveToImmutable(), a.Entities));
        }

        return result.MoveToImmutable();
    }

    /// <summary>The first recogniser pass over a document's sentences (null unless the model's recogniser has two passes).</summary>
    internal DocumentNames? NamesOf(IEnumerable<IReadOnlyList<string>> sentences)
    {
        if (_model.Recognizer is not { TwoPass: true } r)
        {
            return null;
        }

        var document = new DocumentNames();
        foreach (var words in sentences)
        {
            var info = WordInfo.Of(words, _model.Clusters);
            var tagIds = new int[info.Length];
            _model.Tagger.Tag(info, tagIds);
            r.AddToDocument(document, info, [.. tagIds.Select(c => _model.Tagger.ClassHash[c])]);
        }

        return document;
    }

    /// <summary>Full analysis of pre-tokenised words (names in the context of <paramref name="document"/>, which must include them).</summary>
    internal Analysis Analyze(IReadOnlyList<string> words, bool entities = true, DocumentNames? document = null)
    {
        var n = words.Count;
        var info = WordInfo.Of(words, _model.Clusters);
        var tagIds = new int[n];
        var tagger = _model.Tagger;
        var alternatives = TagForParser(info, tagIds);
        var tags = new ulong[n];
        var upos = new string[n];
        var xpos = new string[n];
        var lemmas = new string[n];
        for (var i = 0; i < n; i++)
        {
            tags[i] = tagger.ClassHash[tagIds[i]];
            upos[i] = tagger.Upos[tagIds[i]];
            xpos[i] = tagger.Xpos[tagIds[i]];
            lemmas[i] = _model.Lemmatizer.Lemmatize(words[i], upos[i], xpos[i], _isWord);
        }

        var heads = new int[n];
        var labels = new int[n];
        _model.Parser.Parse(info, tags, heads, labels, alternatives);
        var rels = new string[n];
        for (var i = 0; i < n; i++)
        {
            rels[i] = _model.Parser.Labels[labels[i]];
        }

        _model.Attachment?.Apply(lemmas, upos, heads, rels);

        var spans = entities && _model.Recognizer is { } r ? r.Recognize(info, tags, document) : [];
        return new Analysis(upos, xpos, lemmas, heads, rels, spans);
    }

    /// <summary>Parallel per-word results of <see cref="Analyze"/>.</summary>
    internal sealed record Analysis(string[] Upos, string[] Xpos, string[] Lemmas, int[] Heads, string[] DepRels, ImmutableArray<EntitySpan> Entities);
}
