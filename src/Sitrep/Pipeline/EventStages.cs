using Sitrep.Documents.Cleaning;
using Sitrep.Documents.Dates;
using Sitrep.Documents.Html;
using Sitrep.Events;
using Sitrep.Text;

namespace Sitrep.Pipeline;

/// <summary>
/// Composes the production <see cref="ArticlePipeline"/> once, from the stages in this build: document stages,
/// the geoparser (when its gazetteer is built), the temporal tagger, the syntax parser, and the event coder
/// with the shipped actor registry and trigger lexicon.
/// </summary>
public static class EventStages
{
    /// <summary>The document stages used before event coding.</summary>
    public static DocumentPipeline Documents()
    {
        var lexicon = TextLexicon.Load();
        return new DocumentPipelineBuilder()
            .WithExtractor(new HtmlMainTextExtractor())
            .WithCleaner(new BoilerplateCleaner())
            .WithDateFinder(new DatelineDateFinder())
            .WithSplitter(new SentenceSplitter(lexicon))
            .WithTokenizer(new Tokenizer(lexicon))
            .Build();
    }

    /// <summary>The event coder over the shipped data.</summary>
    public static EventExtractor Extractor() => new(ActorRegistry.LoadDefault(), TriggerLexicon.LoadDefault());

    /// <summary>The whole pipeline; <paramref name="log"/> receives notes about optional stages that are unavailable.</summary>
    public static ArticlePipeline Create(TextWriter? log = null)
    {
        Geo.IGeoparser? geoparser = null;
        try
        {
            geoparser = Geo.Geoparser.Create(null, log);
        }
        catch (Exception ex) when (ex is IOException or InvalidOperationException or UnauthorizedAccessException or FileNotFoundException)
        {
            log?.WriteLine($"sitrep: no geoparser ({ex.Message}); run `npm ci && ./sitrep gazetteer build` once. Events will have no locations.");
        }

        Syntax.ISyntaxParser? parser = null;
        try
        {
            parser = Syntax.SyntaxParser.LoadDefault();
        }
        catch (Exception ex) when (ex is IOException or InvalidDataException or UnauthorizedAccessException)
        {
            log?.WriteLine($"sitrep: no syntax model ({ex.Message}); roles use positional rules only.");
        }

        return new ArticlePipeline(Documents(), Extractor(), geoparser, new Temporal.TemporalTagger(), parser);
    }
}
