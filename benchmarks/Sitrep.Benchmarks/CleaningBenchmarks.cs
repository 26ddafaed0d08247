using BenchmarkDotNet.Attributes;
using Sitrep.Documents.Cleaning;
using Sitrep.Documents.Dates;

namespace Sitrep.Benchmarks;

/// <summary>
/// Junk removal and dateline search over the 760-article FA-KES corpus (one operation = the whole corpus):
/// articles/s = 760 / mean time. Skips (no work) when ../shared is absent.
/// </summary>
[MemoryDiagnoser]
[BenchmarkCategory("Documents")]
public class CleaningBenchmarks
{
    IReadOnlyList<string> _articles = [];
    readonly BoilerplateCleaner _cleaner = new();
    readonly DatelineDateFinder _dates = new();

    [GlobalSetup]
    public void Setup() => _articles = FakesCorpus.Load();

    [Benchmark]
    public int Clean()
    {
        var n = 0;
        foreach (var a in _articles)
        {
            n += _cleaner.Clean(a).Text.Length;
        }

        return n;
    }

    [Benchmark]
    public int CleanAndFindDateline()
    {
        var n = 0;
        foreach (var a in _articles)
        {
            var c = _cleaner.Clean(a);
            n += c.Text.Length + (_dates.Find(c.Text) is null ? 0 : 1);
        }

        return n;
    }
}
