using Sitrep.Documents;
using Sitrep.Documents.Cleaning;
using Sitrep.Documents.Dates;
using Sitrep.Documents.Html;
using Sitrep.Documents.Ingest;
using Sitrep.Text;

namespace Sitrep.Pipeline;

/// <summary>
/// Builds the <see cref="DocumentPipeline"/> once: the default stages (<see cref="HtmlMainTextExtractor"/>,
/// <see cref="BoilerplateCleaner"/>, <see cref="DatelineDateFinder"/>, <see cref="SentenceSplitter"/>,
/// <see cref="Tokenizer"/>, data loaded once) unless replaced with the <c>With…</c>
/// methods (tests, benchmarks, other front ends). Used by <c>sitrep ingest</c> and by later verbs that ingest
/// before they analyse.
/// </summary>
public sealed class DocumentPipelineBuilder
{
    IMainTextExtractor? _extractor;
    ITextCleaner? _cleaner;
    IPublicationDateFinder? _dateFinder;
    ISentenceSplitter? _splitter;
    ITokenizer? _tokenizer;
    OutletProfiler _profiler = new();

    /// <summary>Replaces the HTML main-text extractor.</summary>
    public DocumentPipelineBuilder WithExtractor(IMainTextExtractor extractor)
    {
        _extractor = extractor;
        return this;
    }

    /// <summary>Replaces the boilerplate cleaner.</summary>
    public DocumentPipelineBuilder WithCleaner(ITextCleaner cleaner)
    {
        _cleaner = cleaner;
        return this;
    }

    /// <summary>Replaces the dateline finder.</summary>
    public DocumentPipelineBuilder WithDateFinder(IPublicationDateFinder dateFinder)
    {
        _dateFinder = dateFinder;
        return this;
    }

    /// <summary>Replaces the sentence splitter.</summary>
    public DocumentPipelineBuilder WithSplitter(ISentenceSplitter splitter)
    {
        _splitter = splitter;
        return this;
    }

    /// <summary>Replaces the tokenizer.</summary>
    public DocumentPipelineBuilder WithTokenizer(ITokenizer tokenizer)
    {
        _tokenizer = tokenizer;
        return this;
    }

    /// <summary>Replaces the outlet profiler (thresholds).</summary>
    public DocumentPipelineBuilder WithProfiler(OutletProfiler profiler)
    {
        _profiler = profiler;
        return this;
    }

    /// <summary>The pipeline, with default stages for those not replaced.</summary>
    public DocumentPipeline Build()
    {
        var extractor = _extractor ?? new HtmlMainTextExtractor();
        var cleaner = _cleaner ?? new BoilerplateCleaner();
        var dates = _dateFinder ?? new DatelineDateFinder();
        var lexicon = _splitter is null || _tokenizer is null ? TextLexicon.Load() : null;
        var splitter = _splitter ?? new SentenceSplitter(lexicon!);
        var tokenizer = _tokenizer ?? new Tokenizer(lexicon!);
        return new DocumentPipeline(new DocumentProcessor(extractor, cleaner, dates), _profiler, splitter, tokenizer);
    }
}
