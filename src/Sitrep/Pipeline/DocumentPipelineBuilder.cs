using Sitrep.Documents;
using Sitrep.Documents.Ingest;
using Sitrep.Text;

namespace Sitrep.Pipeline;

/// <summary>
/// Builds the <see cref="DocumentPipeline"/> once: the default stages unless replaced with the <c>With…</c>
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
        var extractor = _extractor ?? DefaultStages.Extractor();
        var cleaner = _cleaner ?? DefaultStages.Cleaner();
        var dates = _dateFinder ?? DefaultStages.DateFinder();
        var splitter = _splitter ?? DefaultStages.Splitter();
        var tokenizer = _tokenizer ?? DefaultStages.Tokenizer();
        return new DocumentPipeline(new DocumentProcessor(extractor, cleaner, dates), _profiler, splitter, tokenizer);
    }
}
