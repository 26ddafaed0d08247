using BenchmarkDotNet.Attributes;
using Sitrep.Temporal;
using Sitrep.Text;

namespace Sitrep.Benchmarks;

/// <summary>
/// Temporal tagging of every sentence of the 760-article FA-KES corpus (one operation = the whole corpus),
/// in news mode against a fixed reference date. Articles/s = 760 / mean time. Skips (no work) when ../shared is absent.
/// </summary>
[MemoryDiagnoser]
[BenchmarkCategory("Temporal")]
public class TemporalBenchmarks
{
    readonly List<(string Text, TextSpan[] Sentences)> _articles = [];
    TemporalTagger _tagger = null!;

    [GlobalSetup]
    public void Setup()
    {
        var splitter = new SentenceSplitter();
        foreach (var a in FakesCorpus.Load())
        {
            _articles.Add((a, [.. splitter.Split(a)]));
        }

        _tagger = new TemporalTagger();
    }

    [Benchmark]
    public int TagSentences()
    {
        var n = 0;
        var reference = new DateOnly(2017, 11, 11);
        foreach (var (text, sentences) in _articles)
        {
            foreach (var s in sentences)
            {
                n += _tagger.Tag(text, s, reference).Length;
            }
        }

        return n;
    }
}
