using System.Collections.Immutable;
using Sitrep.Documents;
using Sitrep.Documents.Ingest;
using Sitrep.Text;

namespace Sitrep.Pipeline;

/// <summary>
/// The document stages, built once (<see cref="DocumentPipelineBuilder"/>) and shared across threads: reading
/// is done by <see cref="DocumentReader"/>, then <see cref="Processor"/> (extract, clean, date),
/// <see cref="Profiler"/> (outlet boilerplate per batch) and <see cref="Segment"/> (sentences and tokens).
/// </summary>
public sealed class DocumentPipeline(
    DocumentProcessor processor, OutletProfiler profiler, ISentenceSplitter splitter, ITokenizer tokenizer)
{
    /// <summary>Extraction, cleaning and dating.</summary>
    public DocumentProcessor Processor { get; } = processor;

    /// <summary>Per-batch outlet boilerplate.</summary>
    public OutletProfiler Profiler { get; } = profiler;

    /// <summary>Sentence splitter.</summary>
    public ISentenceSplitter Splitter { get; } = splitter;

    /// <summary>Tokenizer.</summary>
    public ITokenizer Tokenizer { get; } = tokenizer;

    /// <summary>Splits the article's cleaned text into sentences and tokens.</summary>
    public SegmentedArticle Segment(Article article)
    {
        ArgumentNullException.ThrowIfNull(article);
        var spans = Splitter.Split(article.Text);
        var sentences = ImmutableArray.CreateBuilder<Sentence>(spans.Length);
        for (var i = 0; i < spans.Length; i++)
        {
            sentences.Add(new Sentence(i, spans[i], Tokenizer.Tokenize(article.Text, spans[i])));
        }

        return new SegmentedArticle(article, sentences.MoveToImmutable());
    }

    /// <summary>Processes and segments one document on its own (no outlet profile); null and a problem when it has no text.</summary>
    public SegmentedArticle? Run(RawDocument raw, DocumentOverrides overrides, out IngestProblem? problem)
    {
        var article = Processor.Process(raw, overrides, out problem);
        return article is null ? null : Segment(article);
    }
}
