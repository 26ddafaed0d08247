using System.Collections.Immutable;

namespace Sitrep.Syntax;

/// <summary>
/// Greedy BIO named-entity recogniser (PER/ORG/LOC) with an averaged perceptron over word, shape, affix,
/// part-of-speech and previous-label features, decoding only BIO-consistent label sequences.
/// </summary>
internal sealed class EntityRecognizer
{
    const int MaxFeatures = 128;

    /// <summary>Domain of in-domain (Universal NER web text) training data.</summary>
    internal const int TargetDomain = 1;

    /// <summary>
    /// Run time uses only the shared copy of each feature: the domain copies absorb each corpus's span conventions
    /// (Universal NER's copy lets a name run on over "in Geneva on Tuesday" in news text, GUM's costs 6 F1 points on
    /// Universal NER test); the shared weights do best on both.
    /// </summary>
    const int RunTimeDomain = 0;

    /// <summary>Domain of the GUM-derived training names (other span conventions).</summary>
    internal const int GumDomain = 2;

    /// <summary>Labels: O, then B-/I- for each kind in <see cref="EntityKind"/> order.</summary>
    internal static readonly string[] Labels = ["O", "B-PER", "I-PER", "B-ORG", "I-ORG", "B-LOC", "I-LOC"];

    static readonly ulong[] LabelHash = [.. Labels.Select(l => FeatureHash.Of(l))];
    readonly IFeatureScorer _weights;

    EntityRecognizer(IFeatureScorer weights, NameLists? lists)
    {
        _weights = weights;
        Lists = lists;
    }

    /// <summary>The name lists whose matches are features (null in models of format 1).</summary>
    internal NameLists? Lists { get; }

    /// <summary>Name-list signatures of <paramref name="words"/> (all zero without lists).</summary>
    internal static ulong[] Signatures(NameLists? lists, ReadOnlySpan<WordInfo> words)
    {
        var sig = new ulong[words.Length];
        lists?.Match(words, sig);
        return sig;
    }

    /// <summary>One training sentence: words, tag hashes, gold label ids, and its domain (Daumé 2007 feature augmentation).</summary>
    internal sealed record Example(WordInfo[] Words, ulong[] Tags, int[] Gold, int Domain = TargetDomain, bool[]? Unlabeled = null);

    static bool Allowed(int prev, int label) =>
        label == 0 || label % 2 == 1 || (prev > 0 && (prev == label || prev == label - 1));

    /// <summary>Label ids for one sentence.</summary>
    public void Label(ReadOnlySpan<WordInfo> words, ReadOnlySpan<ulong> tags, Span<int> labels)
    {
        Span<uint> feats = stackalloc uint[MaxFeatures];
        Span<float> scores = stackalloc float[Labels.Length];
        var sig = Signatures(Lists, words);
        for (var i = 0; i < words.Length; i++)
        {
            var p1 = i > 0 ? labels[i - 1] : -1;
            var n = Features(words, tags, sig, Lists, i, p1, i > 1 ? labels[i - 2] : -1, RunTimeDomain, feats);
            _weights.Score(feats[..n], scores);
            labels[i] = Best(scores, p1);
        }
    }

    static int Best(ReadOnlySpan<float> scores, int prev)
    {
        var best = 0;
        for (var c = 1; c < scores.Length; c++)
        {
            if (Allowed(prev, c) && scores[c] > scores[best])
            {
                best = c;
            }
        }

        return best;
    }

    /// <summary>Entity spans of one sentence.</summary>
    public ImmutableArray<EntitySpan> Recognize(ReadOnlySpan<WordInfo> words, ReadOnlySpan<ulong> tags)
    {
        var labels = new int[words.Length];
        Label(words, tags, labels);
        return SpansOf(labels);
    }

    /// <summary>Spans of a BIO label-id sequence.</summary>
    internal static ImmutableArray<EntitySpan> SpansOf(ReadOnlySpan<int> labels)
    {
        var result = ImmutableArray.CreateBuilder<EntitySpan>();
        var i = 0;
        while (i < labels.Length)
        {
            if (labels[i] == 0)
            {
                i++;
                continue;
            }

            var kind = (labels[i] - 1) / 2;
            var j = i + 1;
            while (j < labels.Length && labels[j] == (kind * 2) + 2)
            {
                j++;
            }

            result.Add(new EntitySpan(i, j, (EntityKind)kind));
            i = j;
        }

        return result.ToImmutable();
    }

    static int Features(ReadOnlySpan<WordInfo> w, ReadOnlySpan<ulong> t, ReadOnlySpan<ulong> sig, NameLists? lists, int i, int p1, int p2, int domain, Span<uint> f)
    {
        var n = 0;
        ref readonly var x = ref w[i];
        var start = WordInfo.Start;
        var end = WordInfo.End;
        ulong l1 = p1 < 0 ? start : LabelHash[p1], l2 = p2 < 0 ? start : LabelHash[p2];
        ulong wm1 = i > 0 ? w[i - 1].Lower : start, wm2 = i > 1 ? w[i - 2].Lower : start;
        ulong wp1 = i + 1 < w.Length ? w[i + 1].Lower : end, wp2 = i + 2 < w.Length ? w[i + 2].Lower : end;
        ulong shm1 = i > 0 ? w[i - 1].Shape : start, shp1 = i + 1 < w.Length ? w[i + 1].Shape : end;
        ulong tm1 = i > 0 ? t[i - 1] : start, tp1 = i + 1 < w.Length ? t[i + 1] : end;
        f[n++] = FeatureHash.F(0, 0);
        f[n++] = FeatureHash.F(1, x.Form);
        f[n++] = FeatureHash.F(2, x.Lower);
        f[n++] = FeatureHash.F(3, x.Shape);
        f[n++] = FeatureHash.F(4, x.Suf3);
        f[n++] = FeatureHash.F(5, x.Suf4);
        f[n++] = FeatureHash.F(6, x.Pre3);
        f[n++] = FeatureHash.F(7, t[i]);
        f[n++] = FeatureHash.F(8, x.Flags);
        f[n++] = FeatureHash.F(9, wm1);
        f[n++] = FeatureHash.F(10, wm2);
        f[n++] = FeatureHash.F(11, wp1);
        f[n++] = FeatureHash.F(12, wp2);
        f[n++] = FeatureHash.F(13, shm1);
        f[n++] = FeatureHash.F(14, shp1);
        f[n++] = FeatureHash.F(15, tm1);
        f[n++] = FeatureHash.F(16, tp1);
        f[n++] = FeatureHash.F(17, l1);
        f[n++] = FeatureHash.F(18, l1, l2);
        f[n++] = FeatureHash.F(19, l1, x.Shape);
        f[n++] = FeatureHash.F(20, l1, x.Lower);
        f[n++] = FeatureHash.F(21, t[i], x.Shape);
        f[n++] = FeatureHash.F(22, wm1, x.Lower);
        f[n++] = FeatureHash.F(23, x.Lower, wp1);
        f[n++] = FeatureHash.F(24, i == 0 ? 1UL : 0UL, x.Shape);
        f[n++] = FeatureHash.F(25, l1, tm1, t[i]);
        f[n++] = FeatureHash.F(26, shm1, x.Shape, shp1);
        f[n++] = FeatureHash.F(27, tm1, t[i], tp1);
        f[n++] = FeatureHash.F(28, l1, wm1);
        f[n++] = FeatureHash.F(29, x.Suf2);
        f[n++] = FeatureHash.F(30, wp1, shp1);

        // Name-list matches: the token's place (begin/inside/end/single) in the longest entry of each list,
        // conjoined with its capitalisation and the previous label; the whole signature of it and its neighbours.
        if (sig[i] != 0)
        {
            var cap = (x.Flags & 32) == 0 ? 0UL : (x.Flags & 2) == 0 ? 2UL : 1UL;
            for (var k = 0; k < NameLists.KindCount; k++)
            {
                var code = (sig[i] >> (3 * k)) & 7;
                if (code != 0)
                {
                    var kc = ((ulong)k << 3) | code;
                    f[n++] = FeatureHash.F(40, kc);
                    f[n++] = FeatureHash.F(41, kc, cap);
                    f[n++] = FeatureHash.F(42, kc, l1);
                }
            }

            f[n++] = FeatureHash.F(43, sig[i], cap);
        }

        if (lists is not null)
        {
            var cc = (ulong)lists.CaseClass(x.Lower);
            var capx = (x.Flags & 32) == 0 ? 0UL : (x.Flags & 2) == 0 ? 2UL : 1UL;
            f[n++] = FeatureHash.F(46, cc);
            f[n++] = FeatureHash.F(47, cc, capx);
            f[n++] = FeatureHash.F(48, cc, l1);
            f[n++] = FeatureHash.F(49, cc, i + 1 < w.Length ? lists.CaseClass(w[i + 1].Lower) : 99UL);
        }

        ulong sp = i > 0 ? sig[i - 1] : 1UL << 62, sn = i + 1 < w.Length ? sig[i + 1] : 1UL << 62;
        if ((sig[i] | sp | sn) != 0)
        {
            f[n++] = FeatureHash.F(44, sp, sig[i], sn);
            f[n++] = FeatureHash.F(45, sn, x.Shape);
        }

        // Frustratingly easy domain adaptation: every feature also in a copy specific to the data's domain, so
        // GUM's span conventions need not fight Universal NER's (run time: RunTimeDomain, the shared copy only).
        var shared = n;
        for (var k = 0; k < shared; k++)
        {
            f[n++] = FeatureHash.F(99, f[k], (ulong)domain);
        }

        return n;
    }

    /// <summary>Trains on <paramref name="data"/>.</summary>
    public static EntityRecognizer Train(IReadOnlyList<Example> data, NameLists? lists, int epochs, int seed, Action<string> log)
    {
        var sigs = data.Select(e => Signatures(lists, e.Words)).ToArray();
        var model = new AveragedPerceptron(Labels.Length);
        var rng = new Random(seed);
        var order = Enumerable.Range(0, data.Count).ToArray();
        Span<uint> feats = stackalloc uint[MaxFeatures];
        Span<float> scores = stackalloc float[Labels.Length];
        for (var epoch = 0; epoch < epochs; epoch++)
        {
            rng.Shuffle(order);
            int correct = 0, total = 0;
            foreach (var ei in order)
            {
                var e = data[ei];
                var sig = sigs[ei];
                var pred = new int[e.Words.Length];
                for (var i = 0; i < e.Words.Length; i++)
                {
                    var p1 = i > 0 ? pred[i - 1] : -1;
                    var n = Features(e.Words, e.Tags, sig, lists, i, p1, i > 1 ? pred[i - 2] : -1, e.Domain, feats);
                    model.Score(feats[..n], scores);
                    var guess = Best(scores, p1);
                    if (e.Unlabeled is { } u && u[i])
                    {
                        model.Tick();
                    }
                    else
                    {
                        model.Update(feats[..n], e.Gold[i], guess);
                    }

                    pred[i] = guess;
                    correct += guess == e.Gold[i] ? 1 : 0;
                    total++;
                }
            }

            log($"recogniser epoch {epoch + 1}/{epochs}: train label accuracy {100.0 * correct / total:F2} %, {model.FeatureCount} features");
        }

        return new EntityRecognizer(model.Freeze(0.001f), lists);
    }

    /// <summary>Writes the weights, then (format 2) a flag and the name lists.</summary>
    public void Write(BinaryWriter writer)
    {
        ((PerceptronWeights)_weights).Write(writer);
        writer.Write(Lists is not null);
        Lists?.Write(writer);
    }

    /// <summary>Reads a recogniser written by <see cref="Write"/>; format 1 has no name lists.</summary>
    public static EntityRecognizer Read(BinaryReader reader, int formatVersion)
    {
        var weights = PerceptronWeights.Read(reader);
        var lists = formatVersion >= 3 && reader.ReadBoolean() ? NameLists.Read(reader) : null;
        return new EntityRecognizer(weights, lists);
    }
}
