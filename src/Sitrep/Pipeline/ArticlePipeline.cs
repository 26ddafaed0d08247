using System.Collections.Immutable;
using Sitrep.Documents;
using Sitrep.Documents.Ingest;
using Sitrep.Events;
using Sitrep.Geo;
using Sitrep.Syntax;
using Sitrep.Temporal;
using Sitrep.Text;

namespace Sitrep.Pipeline;

/// <summary>
/// The whole analysis of one article, composed once and shared across threads: document stages (extract, clean,
/// date, split, tokenize), geoparsing, temporal tagging, then event coding, with the syntax parser called lazily
/// only for sentences that hold trigger candidates. Stages are injected; missing optional stages (geoparser,
/// temporal tagger, syntax parser) leave their layer empty rather than failing.
/// </summary>
public sealed class ArticlePipeline(
    DocumentPipeline documents,
    EventExtractor extractor,
    IGeoparser? geoparser = null,
    ITemporalTagger? temporalTagger = null,
    ISyntaxParser? syntaxParser = null)
{
    /// <summary>The document stages.</summary>
    public DocumentPipeline Documents { get; } = documents;

    /// <summary>The event coder.</summary>
    public EventExtractor Extractor { get; } = extractor;

    /// <summary>Reads, cleans and segments <paramref name="raw"/>, then analyses it; null (and a problem) when it has no text.</summary>
    public ArticleEvents? Run(RawDocument raw, DocumentOverrides overrides, out IngestProblem? problem)
    {
        var segmented = Documents.Run(raw, overrides, out problem);
        return segmented is null ? null : Analyze(segmented);
    }

    /// <summary>Analyses a segmented article.</summary>
    public ArticleEvents Analyze(SegmentedArticle segmented)
    {
        ArgumentNullException.ThrowIfNull(segmented);
        var article = segmented.Article;
        var text = article.Text;
        var places = geoparser?.Parse(text, segmented.Sentences) ?? [];
        var published = article.Published?.Date;
        var times = ImmutableArray<TemporalExpression>.Empty;
        if (temporalTagger is not null && published is { } reference && text.Length > 0)
        {
            // Lazy: only sentences holding a trigger candidate need their dates.
            var builder = ImmutableArray.CreateBuilder<TemporalExpression>();
            foreach (var s in segmented.Sentences)
            {
                if (Extractor.HasTriggerCandidate(s))
                {
                    builder.AddRange(temporalTagger.Tag(text, s.Span, reference));
                }
            }

            times = builder.ToImmutable();
        }

        var parsed = 0;
        Func<Sentence, ParsedSentence?>? parse = null;
        if (syntaxParser is not null)
        {
            parse = s =>
            {
                Interlocked.Increment(ref parsed);
                return syntaxParser.Parse(s);
            };
        }

        var doc = new EventDocument(article.Id, text, segmented.Sentences, places, times, published, article.Outlet, article.Url, parse);
        var events = Extractor.Extract(doc);
        return new ArticleEvents(segmented, places, events, parsed);
    }
}
