namespace Sitrep.Syntax;

/// <summary>
/// Greedy left-to-right averaged-perceptron tagger predicting a joint UPOS+XPOS class per word, with Honnibal's
/// feature set extended by affixes, shapes and the ambiguity classes of the following words. Optionally two-pass:
/// a second left-to-right pass sees the first pass's tags of the following words too ("that border town": the
/// nouns after "that" make it a determiner), trained on jackknifed first-pass tags.
/// </summary>
internal sealed class PosTagger
{
    const int MaxFeatures = 64;
    readonly IFeatureScorer _weights;
    readonly IFeatureScorer? _second;
    readonly Dictionary<ulong, ulong> _ambiguity;

    PosTagger(string[] classes, IFeatureScorer weights, Dictionary<ulong, ulong> ambiguity, IFeatureScorer? second = null)
    {
        Classes = classes;
        _second = second;
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

    /// <summary>True when the tagger has a second pass.</summary>
    public bool TwoPass => _second is not null;

    /// <summary>Tags one sentence; <paramref name="tags"/> receives class indexes.</summary>
    public void Tag(ReadOnlySpan<WordInfo> words, Span<int> tags) => Tag(words, tags, default, default);

    /// <summary>
    /// Tags one sentence and gives, for each word, the final pass's runner-up class and how far below the chosen class
    /// it scored (the parser reads the runner-up of close calls: a k-best tag interface).
    /// </summary>
    public void Tag(ReadOnlySpan<WordInfo> words, Span<int> tags, Span<int> runnerUp, Span<float> margin)
    {
        var amb = AmbiguityOf(words);
        if (_second is null)
        {
            Pass(_weights, words, amb, default, tags, runnerUp, margin);
            return;
        }

        Pass(_weights, words, amb, default, tags, default, default);
        Span<ulong> first = words.Length <= 256 ? stackalloc ulong[words.Length] : new ulong[words.Length];
        for (var i = 0; i < words.Length; i++)
        {
            first[i] = ClassHash[tags[i]];
        }

        Pass(_second, words, amb, first, tags, runnerUp, margin);
    }

    /// <summary>The alternative of a word whose runner-up tag is not close (see <see cref="TagWithAlternatives"/>).</summary>
    public static readonly ulong Sure = FeatureHash.Of("-SURE-");

    /// <summary>
    /// Tags one sentence into <paramref name="tags"/> and returns each word's alternative for the parser: the hash of
    /// its tag with the runner-up when that scored less than <paramref name="threshold"/> below, else <see cref="Sure"/>.
    /// </summary>
    public ulong[] TagWithAlternatives(ReadOnlySpan<WordInfo> words, Span<int> tags, float threshold)
    {
        var runnerUp = new int[words.Length];
        var margin = new float[words.Length];
        Tag(words, tags, runnerUp, margin);
        return Alternatives(tags, runnerUp, margin, threshold);
    }

    /// <summary>The alternatives of <see cref="TagWithAlternatives"/> from a tagging's runner-ups and margins.</summary>
    public ulong[] Alternatives(ReadOnlySpan<int> tags, ReadOnlySpan<int> runnerUp, ReadOnlySpan<float> margin, float threshold)
    {
        var alternatives = new ulong[tags.Length];
        for (var i = 0; i < tags.Length; i++)
        {
            alternatives[i] = runnerUp[i] >= 0 && margin[i] < threshold
                ? FeatureHash.Mix(unchecked((ClassHash[tags[i]] * 31) ^ ClassHash[runnerUp[i]]))
                : Sure;
        }

        return alternatives;
    }

    /// <summary>First-pass tag hashes only (the second pass's input), for jackknifing.</summary>
    public ulong[] FirstPass(ReadOnlySpan<WordInfo> words)
    {
        var tags = new int[words.Length];
        Pass(_weights, words, AmbiguityOf(words), default, tags, default, default);
        return [.. tags.Select(t => ClassHash[t])];
    }

    void Pass(IFeatureScorer weights, ReadOnlySpan<WordInfo> words, ulong[] amb, ReadOnlySpan<ulong> first, Span<int> tags, Span<int> runnerUp, Span<float> margin)
    {
        Span<uint> feats = stackalloc uint[MaxFeatures];
        Span<float> scores = stackalloc float[Classes.Length];
        for (var i = 0; i < words.Length; i++)
        {
            var n = Features(words, amb, i, i > 0 ? tags[i - 1] : -1, i > 1 ? tags[i - 2] : -1, first, feats);
            weights.Score(feats[..n], scores);
            tags[i] = ArgMax(scores);
            if (!runnerUp.IsEmpty)
            {
                var second = -1;
                for (var c = 0; c < scores.Length; c++)
                {
                    if (c != tags[i] && (second < 0 || scores[c] > scores[second]))
                    {
                        second = c;
                    }
                }

                runnerUp[i] = second;
                margin[i] = second < 0 ? float.PositiveInfinity : scores[tags[i]] - scores[second];
            }
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

    int Features(ReadOnlySpan<WordInfo> w, ulong[] amb, int i, int p1, int p2, ReadOnlySpan<ulong> first, Span<uint> f)
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
        if (x.HasClusters)
        {
            // Distributional classes of the word and its neighbours (Koo et al. 2008; Owoputi et al. 2013).
            ulong cm1 = i > 0 ? w[i - 1].ClusterFine : WordInfo.Start, cp1 = i + 1 < w.Length ? w[i + 1].ClusterFine : WordInfo.End;
            ulong mp1 = i + 1 < w.Length ? w[i + 1].ClusterMiddle : WordInfo.End, mm1 = i > 0 ? w[i - 1].ClusterMiddle : WordInfo.Start;
            f[n++] = FeatureHash.F(50, x.ClusterFine);
            f[n++] = FeatureHash.F(51, x.ClusterMiddle);
            f[n++] = FeatureHash.F(52, x.ClusterCoarse);
            f[n++] = FeatureHash.F(53, cm1);
            f[n++] = FeatureHash.F(54, cp1);
            f[n++] = FeatureHash.F(55, t1, x.ClusterMiddle);
            f[n++] = FeatureHash.F(56, x.ClusterMiddle, mp1);
            f[n++] = FeatureHash.F(57, mm1, x.ClusterMiddle);
            f[n++] = FeatureHash.F(58, x.ClusterFine, x.Suf3);
        }

        if (!first.IsEmpty)
        {
            // Second pass: the first pass's tags of this word and the next two.
            ulong f0 = first[i], f1 = i + 1 < w.Length ? first[i + 1] : WordInfo.End, f2 = i + 2 < w.Length ? first[i + 2] : WordInfo.End;
            f[n++] = FeatureHash.F(40, f0);
            f[n++] = FeatureHash.F(41, f1);
            f[n++] = FeatureHash.F(42, f1, f2);
            f[n++] = FeatureHash.F(43, x.Lower, f1);
            f[n++] = FeatureHash.F(44, t1, f1);
            f[n++] = FeatureHash.F(45, f0, f1);
            f[n++] = FeatureHash.F(46, x.Suf3, f1);
            f[n++] = FeatureHash.F(47, x.Lower, f1, f2);
        }

        return n;
    }

    /// <summary>Trains a one-pass tagger on <paramref name="data"/> for <paramref name="epochs"/> passes.</summary>
    public static PosTagger Train(IReadOnlyList<ConlluSentence> data, int epochs, int seed, Action<string> log, WordClusters? clusters = null) =>
        Train(data, epochs, seed, log, null, clusters);

    /// <summary>
    /// Trains a two-pass tagger: <paramref name="firstPass"/> is the one-pass tagger (trained on all of
    /// <paramref name="data"/>), <paramref name="firstTags"/> the jackknifed first-pass tag hashes of each sentence.
    /// </summary>
    public static PosTagger TrainSecondPass(
        PosTagger firstPass, IReadOnlyList<ConlluSentence> data, ulong[][] firstTags, int epochs, int seed, Action<string> log, WordClusters? clusters = null)
    {
        ArgumentNullException.ThrowIfNull(firstPass);
        var second = Train(data, epochs, seed, log, firstTags, clusters);

        // The second pass's classes are indexed in the same data order as the first pass's when trained on the same data.
        if (!second.Classes.SequenceEqual(firstPass.Classes))
        {
            throw new InvalidOperationException("first and second tagger passes disagree on the class list");
        }

        return new PosTagger(firstPass.Classes, firstPass._weights, firstPass._ambiguity, second._weights);
    }

    static PosTagger Train(IReadOnlyList<ConlluSentence> data, int epochs, int seed, Action<string> log, ulong[][]? firstTags, WordClusters? clusters)
    {
        var classIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        var wordTags = new Dictionary<ulong, Dictionary<int, int>>();
        var sents = new List<(WordInfo[] Words, int[] Gold)>(data.Count);
        foreach (var s in data)
        {
            var words = WordInfo.Of([.. s.Words.Select(w => w.Form)], clusters);
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
                ReadOnlySpan<ulong> first = firstTags is null ? default : firstTags[si];
                for (var i = 0; i < words.Length; i++)
                {
                    var n = tagger.Features(words, amb, i, i > 0 ? pred[i - 1] : -1, i > 1 ? pred[i - 2] : -1, first, feats);
                    model.Score(feats[..n], scores);
                    var guess = ArgMax(scores);
                    model.Update(feats[..n], gold[i], guess);
                    pred[i] = guess;
                    correct += guess == gold[i] ? 1 : 0;
                    total++;
                }
            }

            log($"tagger{(firstTags is null ? "" : " (second pass)")} epoch {epoch + 1}/{epochs}: train accuracy {100.0 * correct / total:F2} %, {model.FeatureCount} features");
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
        writer.Write(_second is not null);
        if (_second is PerceptronWeights second)
        {
            second.Write(writer);
        }
    }

    /// <summary>Reads a tagger written by <see cref="Write"/> (format 1 files have no second pass).</summary>
    public static PosTagger Read(BinaryReader reader, int formatVersion)
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

        var weights = PerceptronWeights.Read(reader);
        var second = formatVersion >= 2 && reader.ReadBoolean() ? PerceptronWeights.Read(reader) : null;
        return new PosTagger(classes, weights, amb, second);
    }
}
