using BenchmarkDotNet.Attributes;
using Sitrep.Text;

namespace Sitrep.Benchmarks;

/// <summary>
/// Sentence splitting + tokenisation over the 760-article FA-KES corpus (one operation = the whole corpus).
/// Sentences/s = <see cref="SentenceCount"/> / mean time; articles/s = 760 / mean time. Skips (no work) when
/// ../shared is absent.
/// </summary>
[MemoryDiagnoser]
[BenchmarkCategory("Text")]
public class SegmentationBenchmarks
{
    IReadOnlyList<string> _articles = [];
    SentenceSplitter _splitter = null!;
    Tokenizer _tokenizer = null!;

    /// <summary>Sentences in the corpus (printed at setup).</summary>
    public int SentenceCount { get; private set; }

    [GlobalSetup]
    public void Setup()
    {
        _articles = FakesCorpus.Load();
        var lexicon = TextLexicon.Load();
        _splitter = new SentenceSplitter(lexicon);
        _tokenizer = new Tokenizer(lexicon);
        SentenceCount = _articles.Sum(a => _splitter.Split(a).Length);
        Console.WriteLine(_articles.Count == 0
            ? "// fakes-dev.csv absent: nothing to measure"
            : $"// {_articles.Count} articles, {SentenceCount} sentences, {_articles.Sum(a => a.Length) / 1e6:0.00} M chars");
    }

    [Benchmark]
    public int Split()
    {
        var n = 0;
        foreach (var a in _articles)
        {
            n += _splitter.Split(a).Length;
        }

        return n;
    }

    [Benchmark]
    public int SplitAndTokenize()
    {
        var n = 0;
        foreach (var a in _articles)
        {
            foreach (var s in _splitter.Split(a))
            {
                n += _tokenizer.Tokenize(a, s).Length;
            }
        }

        return n;
    }
}
