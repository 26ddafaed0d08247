namespace Sitrep.Syntax;

/// <summary>
/// Greedy left-to-right averaged-perceptron tagger predicting a joint UPOS+XPOS class per word, with Honnibal's
/// feature set extended by affixes, shapes and the ambiguity classes of the following words.
/// </summary>
internal sealed class PosTagger
{
    const int MaxFeatures = 40;
    readonly IFeatureScorer _weights;
    readonly Dictionary<ulong, ulong> _ambiguity;

    PosTagger(string[] classes, IFeatureScorer weights, Dictionary<ulong, ulong> ambiguity)
    {
        Classes = classes;
        Upos = [.. classes.Select(c => c[..c.IndexOf('\t', StringComparison.Ordinal)])];
        Xpos = [.. classes.Select(c => c[(c.IndexOf('\t', StringComparison.Ordinal) + 1)..])];
        _weights = weights;
        _ambiguity = ambiguity;
        ClassHash = [.. classes.Select(c => FeatureHash.Of(c))];
    }

    /// <summary>Joint classes, "UPOS\tXPOS".</summary>
    public string[] Classes { get; }

    /// <summary>UPOS of each class.</summary>
    public string[] Upos { get; }

    /// <summary>XPOS of each class.</summary>
    public string[] Xpos { get; }

    /// <summary>Hash of each class, used as the tag feature by the parser and the recogniser.</summary>
    public ulong[] ClassHash { get; }

    /// <summary>Tags one sentence; <paramref name="tags"/> receives class indexes.</summary>
    public void Tag(ReadOnlySpan<WordInfo> words, Span<int> tags)
    {
        Span<uint> feats = stackalloc uint[MaxFeatures];
        Span<float> scores = stackalloc float[Classes.Length];
        var amb = AmbiguityOf(words);
        for (var i = 0; i < words.Length; i++)
        {
            var n = Features(words, amb, i, i > 0 ? tags[i - 1] : -1, i > 1 ? tags[i - 2] : -1, feats);
            _weights.Score(feats[..n], scores);
            tags[i] = ArgMax(scores);
        }
    }

    ulong[] AmbiguityOf(ReadOnlySpan<WordInfo> words)
    {
        var amb = new ulong[words.Length];
        for (var i = 0; i < words.Length; i++)
        {
            amb[i] = _ambiguity.TryGetValue(words[i].Lower, out var a) ? a : words[i].Shape;
        }

        return amb;
    }

    internal static int ArgMax(ReadOnlySpan<float> scores)
    {
        var best = 0;
        for (var i = 1; i < scores.Length; i++)
        {
            if (scores[i] > scores[best])
            {
                best = i;
            }
        }

        return best;
    }

    int Features(ReadOnlySpan<WordInfo> w, ulong[] amb, int i, int p1, int p2, Span<uint> f)
    {
        var n = 0;
        ref readonly var x = ref w[i];
        ulong t1 = p1 < 0 ? WordInfo.Start : ClassHash[p1], t2 = p2 < 0 ? WordInfo.Start : ClassHash[p2];
        ulong lm1 = i > 0 ? w[i - 1].Lower : WordInfo.Start, lm2 = i > 1 ? w[i - 2].Lower : WordInfo.Start;
        ulong lp1 = i + 1 < w.Length ? w[i + 1].Lower : WordInfo.End, lp2 = i + 2 < w.Length ? w[i + 2].Lower : WordInfo.End;
        ulong ap1 = i + 1 < w.Length ? amb[i + 1] : WordInfo.End, ap2 = i + 2 < w.Length ? amb[i + 2] : WordInfo.End;
        ulong sm1 = i > 0 ? w[i - 1].Suf3 : WordInfo.Start, sp1 = i + 1 < w.Length ? w[i + 1].Suf3 : WordInfo.End;
        ulong shm1 = i > 0 ? w[i - 1].Shape : WordInfo.Start, shp1 = i + 1 < w.Length ? w[i + 1].Shape : WordInfo.End;
        f[n++] = FeatureHash.F(0, 0);
        f[n++] = FeatureHash.F(1, x.Form);
        f[n++] = FeatureHash.F(2, x.Lower);
        f[n++] = FeatureHash.F(3, x.Suf1);
        f[n++] = FeatureHash.F(4, x.Suf2);
        f[n++] = FeatureHash.F(5, x.Suf3);
        f[n++] = FeatureHash.F(6, x.Suf4);
        f[n++] = FeatureHash.F(7, x.Pre1);
        f[n++] = FeatureHash.F(8, x.Pre2);
        f[n++] = FeatureHash.F(9, x.Pre3);
        f[n++] = FeatureHash.F(10, x.Shape);
        f[n++] = FeatureHash.F(11, t1);
        f[n++] = FeatureHash.F(12, t1, t2);
        f[n++] = FeatureHash.F(13, t1, x.Lower);
        f[n++] = FeatureHash.F(14, lm1);
        f[n++] = FeatureHash.F(15, sm1);
        f[n++] = FeatureHash.F(16, lm2);
        f[n++] = FeatureHash.F(17, lp1);
        f[n++] = FeatureHash.F(18, sp1);
        f[n++] = FeatureHash.F(19, lp2);
        f[n++] = FeatureHash.F(20, shp1);
        f[n++] = FeatureHash.F(21, shm1);
        f[n++] = FeatureHash.F(22, ap1);
        f[n++] = FeatureHash.F(23, ap2);
        f[n++] = FeatureHash.F(24, amb[i]);
        f[n++] = FeatureHash.F(25, t1, ap1);
        f[n++] = FeatureHash.F(26, i == 0 ? 1UL : 0UL, x.Shape);
        f[n++] = FeatureHash.F(27, lm1, x.Lower);
        f[n++] = FeatureHash.F(28, x.Lower, lp1);
        f[n++] = FeatureHash.F(29, t1, x.Suf3);
        f[n++] = FeatureHash.F(30, amb[i], ap1);
        f[n++] = FeatureHash.F(31, t1, amb[i]);
        f[n++] = FeatureHash.F(32, x.Flags);
        f[n++] = FeatureHash.F(33, t1, x.Shape);
        return n;
    }

    /// <summary>Trains a tagger on <paramref name="data"/> for <paramref name="epochs"/> passes.</summary>
    public static PosTagger Train(IReadOnlyList<ConlluSentence> data, int epochs, int seed, Action<string> log)
    {
        var classIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        var wordTags = new Dictionary<ulong, Dictionary<int, int>>();
        var sents = new List<(WordInfo[] Words, int[] Gold)>(data.Count);
        foreach (var s in data)
        {
            var words = WordInfo.Of([.. s.Words.Select(w => w.Form)]);
            var gold = new int[words.Length];
            for (var i = 0; i < words.Length; i++)
            {
                var key = s.Words[i].Upos + "\t" + s.Words[i].Xpos;
                if (!classIndex.TryGetValue(key, out var c))
                {
                    c = classIndex.Count;
                    classIndex[key] = c;
                }

                gold[i] = c;
                if (!wordTags.TryGetValue(words[i].Lower, out var counts))
                {
                    counts = [];
                    wordTags[words[i].Lower] = counts;
                }

                counts[c] = counts.GetValueOrDefault(c) + 1;
            }

            sents.Add((words, gold));
        }

        var classes = new string[classIndex.Count];
        foreach (var (k, v) in classIndex)
        {
            classes[v] = k;
        }

        // Ambiguity class of a word: the set of tags it takes at least 5 % of the time (words seen ≥ 3 times).
        var ambiguity = new Dictionary<ulong, ulong>();
        foreach (var (word, counts) in wordTags)
        {
            var total = counts.Values.Sum();
            if (total < 3)
            {
                continue;
            }

            var h = 0x5bd1e995UL;
            foreach (var c in counts.Where(kv => kv.Value * 20 >= total).Select(kv => kv.Key).Order())
            {
                h = FeatureHash.Mix(h ^ (ulong)(c + 1));
            }

            ambiguity[word] = h;
        }

        var model = new AveragedPerceptron(classes.Length);
        var tagger = new PosTagger(classes, model, ambiguity);
        var rng = new Random(seed);
        var order = Enumerable.Range(0, sents.Count).ToArray();
        Span<uint> feats = stackalloc uint[MaxFeatures];
        Span<float> scores = stackalloc float[classes.Length];
        for (var epoch = 0; epoch < epochs; epoch++)
        {
            rng.Shuffle(order);
            int correct = 0, total = 0;
            foreach (var si in order)
            {
                var (words, gold) = sents[si];
                var amb = tagger.AmbiguityOf(words);
                var pred = new int[words.Length];
                for (var i = 0; i < words.Length; i++)
                {
                    var n = tagger.Features(words, amb, i, i > 0 ? pred[i - 1] : -1, i > 1 ? pred[i - 2] : -1, feats);
                    model.Score(feats[..n], scores);
                    var guess = ArgMax(scores);
                    model.Update(feats[..n], gold[i], guess);
                    pred[i] = guess;
                    correct += guess == gold[i] ? 1 : 0;
                    total++;
                }
            }

            log($"tagger epoch {epoch + 1}/{epochs}: train accuracy {100.0 * correct / total:F2} %, {model.FeatureCount} features");
        }

        return new PosTagger(classes, model.Freeze(0.001f), ambiguity);
    }

    /// <summary>Writes the classes, ambiguity classes and weights.</summary>
    public void Write(BinaryWriter writer)
    {
        writer.Write(Classes.Length);
        foreach (var c in Classes)
        {
            writer.Write(c);
        }

        writer.Write(_ambiguity.Count);
        foreach (var (k, v) in _ambiguity.OrderBy(kv => kv.Key))
        {
            writer.Write(k);
            writer.Write(v);
        }

        ((PerceptronWeights)_weights).Write(writer);
    }

    /// <summary>Reads a tagger written by <see cref="Write"/>.</summary>
    public static PosTagger Read(BinaryReader reader)
    {
        var classes = new string[reader.ReadInt32()];
        for (var i = 0; i < classes.Length; i++)
        {
            classes[i] = reader.ReadString();
        }

        var n = reader.ReadInt32();
        var amb = new Dictionary<ulong, ulong>(n);
        for (var i = 0; i < n; i++)
        {
            var k = reader.ReadUInt64();
            amb[k] = reader.ReadUInt64();
        }

        return new PosTagger(classes, PerceptronWeights.Read(reader), amb);
    }
}
