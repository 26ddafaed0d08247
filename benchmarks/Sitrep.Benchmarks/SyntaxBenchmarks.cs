using BenchmarkDotNet.Attributes;
using Sitrep.Syntax;
using Sitrep.Text;

namespace Sitrep.Benchmarks;

/// <summary>
/// Tagging + parsing with the shipped model over 400 sentences of the FA-KES news corpus, tokenised by the
/// project's tokenizer (one operation = all of them, on one thread). Tokens/s = <see cref="TokenCount"/> / mean
/// time. Falls back to the three issue sentences repeated when ../shared is absent.
/// </summary>
[MemoryDiagnoser]
[BenchmarkCategory("Syntax")]
public class SyntaxBenchmarks
{
    SyntaxParser _parser = null!;
    List<Sentence> _sentences = [];
    List<string[]> _words = [];

    /// <summary>Tokens per operation (printed at setup).</summary>
    public int TokenCount { get; private set; }

    /// <summary>A model file to load instead of the shipped one (null = shipped).</summary>
    public string? ModelPath { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _parser = ModelPath is null ? SyntaxParser.LoadDefault() : SyntaxParser.Load(ModelPath);
        var lexicon = TextLexicon.Load();
        var splitter = new SentenceSplitter(lexicon);
        var tokenizer = new Tokenizer(lexicon);
        var articles = FakesCorpus.Load();
        if (articles.Count == 0)
        {
            articles = [.. Enumerable.Repeat(
                "Syrian government forces and their allies scored an important victory by recapturing areas in southwestern Aleppo "
                + "which rebels had seized last month, the Syrian Observatory for Human Rights reported. Those Syrian rebels, backed "
                + "by some 30 Turkish tanks and coalition air support, quickly liberated that border town from Islamic State.", 200)];
        }

        foreach (var a in articles)
        {
            foreach (var span in splitter.Split(a))
            {
                var tokens = tokenizer.Tokenize(a, span);
                if (tokens.Length is > 0 and <= 120 && _sentences.Count < 400)
                {
                    _sentences.Add(new Sentence(_sentences.Count, span, tokens));
                    _words.Add([.. tokens.Select(t => t.Text)]);
                }
            }
        }

        TokenCount = _words.Sum(w => w.Length);
        Console.WriteLine($"// {_sentences.Count} sentences, {TokenCount} tokens per operation");
    }

    /// <summary>Part-of-speech tagging only (both passes): the tagger's share of <see cref="TagAndParse"/>.</summary>
    [Benchmark]
    public int Tag()
    {
        var n = 0;
        foreach (var w in _words)
        {
            n += _parser.TagOnly(w).Length;
        }

        return n;
    }

    /// <summary>The whole syntax layer as the pipeline calls it: tags, lemmas, parse, names and the result records.</summary>
    [Benchmark]
    public int Full()
    {
        var n = 0;
        foreach (var s in _sentences)
        {
            n += _parser.Parse(s).Tokens.Length;
        }

        return n;
    }

    /// <summary>Part-of-speech tagging and dependency parsing only (the speed floor: ≥ 30,000 tokens/s).</summary>
    [Benchmark]
    public int TagAndParse()
    {
        var n = 0;
        foreach (var w in _words)
        {
            n += _parser.TagAndParse(w).Length;
        }

        return n;
    }

    /// <summary>FNV-1a digest of every token's tags, lemma, head and relation, and every name (order-sensitive).</summary>
    public ulong Digest()
    {
        var h = 14695981039346656037UL;
        using var dump = Environment.GetEnvironmentVariable("SITREP_DIGEST_DUMP") is { Length: > 0 } path ? new StreamWriter(path) : null;
        void Add(string s)
        {
            dump?.WriteLine(s);
            foreach (var c in s)
            {
                h = (h ^ c) * 1099511628211UL;
            }

            h = (h ^ 0xFFFF) * 1099511628211UL;
        }

        foreach (var s in _sentences)
        {
            var p = _parser.Parse(s);
            foreach (var t in p.Tokens)
            {
                Add(FormattableString.Invariant($"{t.Upos} {t.Xpos} {t.Lemma} {t.Head} {t.DepRel}"));
            }

            foreach (var e in p.Entities)
            {
                Add(e.ToString());
            }
        }

        return h;
    }

    /// <summary>The whole syntax layer: tags, lemmas, parse, names, records.</summary>
    [Benchmark]
    public int ParseSentence()
    {
        var n = 0;
        foreach (var s in _sentences)
        {
            n += _parser.Parse(s).Entities.Length;
        }

        return n;
    }
}

/// <summary>Loading the shipped syntax model (decompress + build the weight tables); the issue asks for &lt; 1 s.</summary>
[MemoryDiagnoser]
[BenchmarkCategory("Syntax")]
public class SyntaxModelLoadBenchmarks
{
    [Benchmark]
    public object Load() => SyntaxParser.LoadDefault();
}
