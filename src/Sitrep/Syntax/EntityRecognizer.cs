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

    /// <summary>Second-pass weights (features also read the first pass's labels of the document), or null.</summary>
    readonly IFeatureScorer? _second;

    EntityRecognizer(IFeatureScorer weights, NameLists? lists, int beamWidth, IFeatureScorer? second = null)
    {
        _weights = weights;
        Lists = lists;
        BeamWidth = beamWidth;
        _second = second;
    }

    /// <summary>Whether a second pass reads the first pass's labels of other occurrences of each word in the document.</summary>
    internal bool TwoPass => _second is not null;

    /// <summary>Label sequences kept while decoding (1 = greedy; models of format ≤ 3 are greedy).</summary>
    internal int BeamWidth { get; }

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
    /// <remarks><paramref name="Document"/> groups sentences for the two-pass recogniser (-1: a document of its own);
    /// <paramref name="Doc"/> holds the second pass's per-word document codes (<see cref="DocumentNames.Codes"/>).</remarks>
    internal sealed record Example(
        WordInfo[] Words, ulong[] Tags, int[] Gold, int Domain = TargetDomain, bool[]? Unlabeled = null, int Document = -1, ulong[]? Doc = null);

    static bool Allowed(int prev, int label) =>
        label == 0 || label % 2 == 1 || (prev > 0 && (prev == label || prev == label - 1));

    /// <summary>
    /// Label ids for one sentence. A two-pass model reads <paramref name="document"/> (built by <see cref="AddToDocument"/>
    /// from every sentence of the document, this one included); without it the sentence is its own document.
    /// </summary>
    public void Label(ReadOnlySpan<WordInfo> words, ReadOnlySpan<ulong> tags, Span<int> labels, DocumentNames? document = null)
    {
        var sig = Signatures(Lists, words);
        var beam = BeamWidth > 1 && words.Length > 0 ? new Beam(words.Length, BeamWidth) : null;
        Decode(_weights, words, tags, sig, [], labels, beam);
        if (_second is null || words.Length == 0)
        {
            return;
        }

        if (document is null)
        {
            document = new DocumentNames();
            document.Add(words, labels);
        }

        var codes = document.Codes(words, labels);
        Decode(_second, words, tags, sig, codes, labels, beam);
    }

    /// <summary>Adds one sentence's first-pass labels to <paramref name="document"/> (a two-pass model's context).</summary>
    internal void AddToDocument(DocumentNames document, ReadOnlySpan<WordInfo> words, ReadOnlySpan<ulong> tags)
    {
        var labels = new int[words.Length];
        Decode(_weights, words, tags, Signatures(Lists, words), [], labels);
        document.Add(words, labels);
    }

    /// <remarks><paramref name="beam"/>: a beam of the sentence's length to reuse (the two passes share one), or null.</remarks>
    void Decode(
        IFeatureScorer weights, ReadOnlySpan<WordInfo> words, ReadOnlySpan<ulong> tags, ReadOnlySpan<ulong> sig, ReadOnlySpan<ulong> doc, Span<int> labels,
        Beam? beam = null)
    {
        if (words.Length == 0)
        {
            return;
        }

        if (BeamWidth > 1)
        {
            beam ??= new Beam(words.Length, BeamWidth);
            beam.Run(weights, words, tags, sig, doc, Lists, RunTimeDomain, null, null);
            beam.Best(words.Length - 1, labels);
            return;
        }

        Span<uint> feats = stackalloc uint[MaxFeatures];
        Span<float> scores = stackalloc float[Labels.Length];
        for (var i = 0; i < words.Length; i++)
        {
            var p1 = i > 0 ? labels[i - 1] : -1;
            var n = Features(words, tags, sig, doc, Lists, i, p1, i > 1 ? labels[i - 2] : -1, RunTimeDomain, feats);
            weights.Score(feats[..n], scores);
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
    public ImmutableArray<EntitySpan> Recognize(ReadOnlySpan<WordInfo> words, ReadOnlySpan<ulong> tags, DocumentNames? document = null)
    {
        var labels = new int[words.Length];
        Label(words, tags, labels, document);
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

    /// <summary>
    /// The features of word <paramref name="i"/> that do not read the previous labels (scored once per word, shared by
    /// all beam items), each also in the copy of <paramref name="domain"/>.
    /// </summary>
    static int StaticFeatures(
        ReadOnlySpan<WordInfo> w, ReadOnlySpan<ulong> t, ReadOnlySpan<ulong> sig, ReadOnlySpan<ulong> doc, NameLists? lists, int i, int domain, Span<uint> f)
    {
        var n = 0;
        ref readonly var x = ref w[i];
        var start = WordInfo.Start;
        var end = WordInfo.End;
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
        f[n++] = FeatureHash.F(21, t[i], x.Shape);
        f[n++] = FeatureHash.F(22, wm1, x.Lower);
        f[n++] = FeatureHash.F(23, x.Lower, wp1);
        f[n++] = FeatureHash.F(24, i == 0 ? 1UL : 0UL, x.Shape);
        f[n++] = FeatureHash.F(26, shm1, x.Shape, shp1);
        f[n++] = FeatureHash.F(27, tm1, t[i], tp1);
        f[n++] = FeatureHash.F(29, x.Suf2);
        f[n++] = FeatureHash.F(30, wp1, shp1);
        if (x.HasClusters)
        {
            // Word clusters of the word and its neighbours, and with its capitalisation (Ratinov & Roth 2009).
            f[n++] = FeatureHash.F(70, x.ClusterFine);
            f[n++] = FeatureHash.F(71, x.ClusterMiddle);
            f[n++] = FeatureHash.F(72, x.ClusterCoarse);
            f[n++] = FeatureHash.F(73, i > 0 ? w[i - 1].ClusterFine : start);
            f[n++] = FeatureHash.F(74, i + 1 < w.Length ? w[i + 1].ClusterFine : end);
            f[n++] = FeatureHash.F(75, x.ClusterMiddle, Cap(x));
            f[n++] = FeatureHash.F(76, x.ClusterFine, Cap(x));
        }

        // Name-list matches: the token's place (begin/inside/end/single) in the longest entry of each list,
        // conjoined with its capitalisation (and, in HistoryFeatures, the previous label); the whole signature of
        // it and its neighbours.
        if (sig[i] != 0)
        {
            var cap = Cap(x);
            for (var k = 0; k < NameLists.KindCount; k++)
            {
                var code = (sig[i] >> (3 * k)) & 7;
                if (code != 0)
                {
                    var kc = ((ulong)k << 3) | code;
                    f[n++] = FeatureHash.F(40, kc);
                    f[n++] = FeatureHash.F(41, kc, cap);
                }
            }

            f[n++] = FeatureHash.F(43, sig[i], cap);
        }

        if (lists is not null)
        {
            var cc = (ulong)lists.CaseClass(x.Lower);
            f[n++] = FeatureHash.F(46, cc);
            f[n++] = FeatureHash.F(47, cc, Cap(x));
            f[n++] = FeatureHash.F(49, cc, i + 1 < w.Length ? lists.CaseClass(w[i + 1].Lower) : 99UL);
        }

        ulong sp = i > 0 ? sig[i - 1] : 1UL << 62, sn = i + 1 < w.Length ? sig[i + 1] : 1UL << 62;
        if ((sig[i] | sp | sn) != 0)
        {
            f[n++] = FeatureHash.F(44, sp, sig[i], sn);
            f[n++] = FeatureHash.F(45, sn, x.Shape);
        }

        // Second pass: the first pass's labels of this word and of the form's other occurrences in the document.
        if (!doc.IsEmpty)
        {
            var d = doc[i];
            ulong others = d & 15, own = (d >> 4) & 7, major = (d >> 8) & 3;
            ulong dp = i > 0 ? doc[i - 1] & 0x7f : 1UL << 10, dn = i + 1 < w.Length ? doc[i + 1] & 0x7f : 1UL << 10;
            f[n++] = FeatureHash.F(60, others);
            f[n++] = FeatureHash.F(61, others, own);
            f[n++] = FeatureHash.F(62, others, Cap(x));
            f[n++] = FeatureHash.F(63, own, Cap(x));
            f[n++] = FeatureHash.F(64, own);
            f[n++] = FeatureHash.F(65, major, Cap(x), own);
            f[n++] = FeatureHash.F(66, dp, own, dn);
        }

        return WithDomainCopies(f, n, domain);
    }

    /// <summary>The features of word <paramref name="i"/> that read the previous two labels <paramref name="p1"/>, <paramref name="p2"/> (-1 = none).</summary>
    static int HistoryFeatures(ReadOnlySpan<WordInfo> w, ReadOnlySpan<ulong> t, ReadOnlySpan<ulong> sig, NameLists? lists, int i, int p1, int p2, int domain, Span<uint> f)
    {
        var n = 0;
        ref readonly var x = ref w[i];
        var start = WordInfo.Start;
        ulong l1 = p1 < 0 ? start : LabelHash[p1], l2 = p2 < 0 ? start : LabelHash[p2];
        ulong wm1 = i > 0 ? w[i - 1].Lower : start;
        ulong tm1 = i > 0 ? t[i - 1] : start;
        f[n++] = FeatureHash.F(17, l1);
        f[n++] = FeatureHash.F(18, l1, l2);
        f[n++] = FeatureHash.F(19, l1, x.Shape);
        f[n++] = FeatureHash.F(20, l1, x.Lower);
        f[n++] = FeatureHash.F(25, l1, tm1, t[i]);
        f[n++] = FeatureHash.F(28, l1, wm1);
        if (x.HasClusters)
        {
            f[n++] = FeatureHash.F(77, l1, x.ClusterMiddle);
        }

        if (sig[i] != 0)
        {
            for (var k = 0; k < NameLists.KindCount; k++)
            {
                var code = (sig[i] >> (3 * k)) & 7;
                if (code != 0)
                {
                    f[n++] = FeatureHash.F(42, ((ulong)k << 3) | code, l1);
                }
            }
        }

        if (lists is not null)
        {
            f[n++] = FeatureHash.F(48, (ulong)lists.CaseClass(x.Lower), l1);
        }

        return WithDomainCopies(f, n, domain);
    }

    static ulong Cap(in WordInfo x) => (x.Flags & 32) == 0 ? 0UL : (x.Flags & 2) == 0 ? 2UL : 1UL;

    // Frustratingly easy domain adaptation: every feature also in a copy specific to the data's domain, so
    // GUM's span conventions need not fight Universal NER's (run time: RunTimeDomain, the shared copy only).
    // Run time (RunTimeDomain) skips the copies: no training data is in that domain, so they carry no weight.
    static int WithDomainCopies(Span<uint> f, int n, int domain)
    {
        if (domain == RunTimeDomain)
        {
            return n;
        }

        for (var k = 0; k < n; k++)
        {
            f[n + k] = FeatureHash.F(99, f[k], (ulong)domain);
        }

        return 2 * n;
    }

    /// <summary>All features of word <paramref name="i"/> given the previous labels (greedy decoding and training).</summary>
    static int Features(
        ReadOnlySpan<WordInfo> w, ReadOnlySpan<ulong> t, ReadOnlySpan<ulong> sig, ReadOnlySpan<ulong> doc, NameLists? lists, int i, int p1, int p2, int domain, Span<uint> f)
    {
        var n = StaticFeatures(w, t, sig, doc, lists, i, domain, f);
        return n + HistoryFeatures(w, t, sig, lists, i, p1, p2, domain, f[n..]);
    }

    /// <summary>Trains on <paramref name="data"/>.</summary>
    public static EntityRecognizer Train(
        IReadOnlyList<Example> data, NameLists? lists, int epochs, int seed, Action<string> log, int beamWidth = 1, bool twoPass = false)
    {
        var first = TrainWeights(data, lists, epochs, seed, log, beamWidth);
        if (!twoPass)
        {
            return new EntityRecognizer(first, lists, beamWidth);
        }

        // Stacking: the second pass trains on first-pass labels of models that never saw the document (4-fold
        // jackknife by document), so it learns how far to trust them, as at run time.
        const int folds = 4;
        var distinct = data.Distinct(ReferenceEqualityComparer.Instance).Cast<Example>().ToList();
        var docOf = new Dictionary<Example, int>(ReferenceEqualityComparer.Instance);
        var next = distinct.Count == 0 ? 0 : distinct.Max(e => e.Document) + 1;
        foreach (var e in distinct)
        {
            docOf[e] = e.Document >= 0 ? e.Document : next++;
        }

        var firstLabels = new Dictionary<Example, int[]>(ReferenceEqualityComparer.Instance);
        for (var k = 0; k < folds; k++)
        {
            var part = TrainWeights([.. data.Where(e => docOf[e] % folds != k)], lists, epochs, seed, _ => { }, beamWidth);
            var m = new EntityRecognizer(part, lists, beamWidth);
            foreach (var e in distinct.Where(e => docOf[e] % folds == k))
            {
                var labels = new int[e.Words.Length];
                m.Decode(part, e.Words, e.Tags, Signatures(lists, e.Words), [], labels);
                firstLabels[e] = labels;
            }

            log($"recogniser two-pass: jackknife fold {k + 1}/{folds} labelled");
        }

        var documents = new Dictionary<int, DocumentNames>();
        foreach (var e in distinct)
        {
            if (!documents.TryGetValue(docOf[e], out var d))
            {
                d = new DocumentNames();
                documents[docOf[e]] = d;
            }

            d.Add(e.Words, firstLabels[e]);
        }

        var withDoc = new Dictionary<Example, Example>(ReferenceEqualityComparer.Instance);
        foreach (var e in distinct)
        {
            withDoc[e] = e with { Doc = documents[docOf[e]].Codes(e.Words, firstLabels[e]) };
        }

        var second = TrainWeights([.. data.Select(e => withDoc[e])], lists, epochs, seed, log, beamWidth);
        return new EntityRecognizer(first, lists, beamWidth, second);
    }

    static PerceptronWeights TrainWeights(IReadOnlyList<Example> data, NameLists? lists, int epochs, int seed, Action<string> log, int beamWidth)
    {
        if (beamWidth > 1)
        {
            return TrainBeam(data, lists, epochs, seed, log, beamWidth);
        }

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
                    var n = Features(e.Words, e.Tags, sig, e.Doc ?? [], lists, i, p1, i > 1 ? pred[i - 2] : -1, e.Domain, feats);
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

        return model.Freeze(0.001f);
    }

    /// <summary>
    /// Structured perceptron training with beam search and max-violation updates (Huang, Fayong &amp; Guo 2012): the
    /// sentence is decoded with <paramref name="beamWidth"/> label sequences; at the step where the best sequence
    /// leads the gold prefix by the most, the gold prefix's features are promoted and the best sequence's demoted.
    /// Unlabeled words take, on the gold side, the label the model prefers given the gold history (and are not updated).
    /// </summary>
    static PerceptronWeights TrainBeam(IReadOnlyList<Example> data, NameLists? lists, int epochs, int seed, Action<string> log, int beamWidth)
    {
        var sigs = data.Select(e => Signatures(lists, e.Words)).ToArray();
        var model = new AveragedPerceptron(Labels.Length);
        var rng = new Random(seed);
        var order = Enumerable.Range(0, data.Count).ToArray();
        Span<uint> feats = stackalloc uint[MaxFeatures];
        for (var epoch = 0; epoch < epochs; epoch++)
        {
            rng.Shuffle(order);
            int correct = 0, total = 0, updates = 0;
            foreach (var ei in order)
            {
                var e = data[ei];
                var sig = sigs[ei];
                var n = e.Words.Length;
                if (n == 0)
                {
                    continue;
                }

                var beam = new Beam(n, beamWidth);
                var gold = (int[])e.Gold.Clone();
                var doc = e.Doc ?? [];
                beam.Run(model, e.Words, e.Tags, sig, doc, lists, e.Domain, gold, e.Unlabeled);
                var pred = new int[n];
                beam.Best(n - 1, pred);
                for (var i = 0; i < n; i++)
                {
                    correct += pred[i] == e.Gold[i] ? 1 : 0;
                }

                total += n;
                model.Tick(n);
                var at = beam.MaxViolation();
                if (at < 0)
                {
                    continue;
                }

                updates++;
                beam.Best(at, pred);
                for (var i = 0; i <= at; i++)
                {
                    if (e.Unlabeled is { } u && u[i])
                    {
                        continue;
                    }

                    int g1 = i > 0 ? gold[i - 1] : -1, g2 = i > 1 ? gold[i - 2] : -1;
                    int q1 = i > 0 ? pred[i - 1] : -1, q2 = i > 1 ? pred[i - 2] : -1;
                    if (gold[i] != pred[i])
                    {
                        var m = StaticFeatures(e.Words, e.Tags, sig, doc, lists, i, e.Domain, feats);
                        model.Add(feats[..m], gold[i], 1f);
                        model.Add(feats[..m], pred[i], -1f);
                    }

                    if (gold[i] != pred[i] || g1 != q1 || g2 != q2)
                    {
                        var m = HistoryFeatures(e.Words, e.Tags, sig, lists, i, g1, g2, e.Domain, feats);
                        model.Add(feats[..m], gold[i], 1f);
                        m = HistoryFeatures(e.Words, e.Tags, sig, lists, i, q1, q2, e.Domain, feats);
                        model.Add(feats[..m], pred[i], -1f);
                    }
                }
            }

            log($"recogniser epoch {epoch + 1}/{epochs} (beam {beamWidth}): train label accuracy {100.0 * correct / total:F2} %, {updates} updates, {model.FeatureCount} features");
        }

        return model.Freeze(0.001f);
    }

    /// <summary>
    /// Beam search over BIO label sequences. Step i holds up to Width items (label, parent item at step i - 1,
    /// cumulative score), best first; the label-independent features of a word are scored once for all items.
    /// </summary>
    sealed class Beam(int length, int width)
    {
        readonly int[] _label = new int[length * width];
        readonly int[] _parent = new int[length * width];
        readonly float[] _score = new float[length * width];
        readonly bool[] _isGold = new bool[length * width];
        readonly int[] _count = new int[length];
        readonly float[] _goldScore = new float[length];

        /// <summary>
        /// Decodes. With <paramref name="gold"/>, also follows the gold sequence (its unlabeled words are filled in
        /// with the model's choice given the gold history) and its cumulative score.
        /// </summary>
        public void Run(
            IFeatureScorer model, ReadOnlySpan<WordInfo> w, ReadOnlySpan<ulong> t, ReadOnlySpan<ulong> sig, ReadOnlySpan<ulong> doc, NameLists? lists, int domain,
            int[]? gold, bool[]? unlabeled)
        {
            Span<uint> feats = stackalloc uint[MaxFeatures];
            Span<float> stat = stackalloc float[Labels.Length];
            Span<float> hist = stackalloc float[Labels.Length];
            const int classes = 7;
            Span<float> memo = stackalloc float[64 * classes];
            Span<bool> known = stackalloc bool[64];
            Span<float> candScore = stackalloc float[width];
            Span<int> candItem = stackalloc int[width];
            Span<int> candLabel = stackalloc int[width];
            for (var i = 0; i < length; i++)
            {
                var n = StaticFeatures(w, t, sig, doc, lists, i, domain, feats);
                model.Score(feats[..n], stat);
                var kept = 0;
                var parents = i == 0 ? 1 : _count[i - 1];
                // Items sharing the previous two labels share the history scores: computed once per pair and step.
                known.Clear();
                for (var j = 0; j < parents; j++)
                {
                    var prev = (i - 1) * width;
                    int p1 = i > 0 ? _label[prev + j] : -1;
                    int p2 = i > 1 ? _label[((i - 2) * width) + _parent[prev + j]] : -1;
                    var baseScore = i > 0 ? _score[prev + j] : 0f;
                    var key = ((p1 + 1) * 8) + p2 + 1;
                    var h = memo.Slice(key * classes, classes);
                    if (!known[key])
                    {
                        n = HistoryFeatures(w, t, sig, lists, i, p1, p2, domain, feats);
                        model.Score(feats[..n], h);
                        known[key] = true;
                    }

                    for (var c = 0; c < classes; c++)
                    {
                        if (!Allowed(p1, c))
                        {
                            continue;
                        }

                        var sc = baseScore + stat[c] + h[c];
                        // Insert keeping the list sorted, best first; ties keep the earlier candidate first.
                        if (kept == width && sc <= candScore[kept - 1])
                        {
                            continue;
                        }

                        var pos = kept < width ? kept++ : kept - 1;
                        while (pos > 0 && candScore[pos - 1] < sc)
                        {
                            candScore[pos] = candScore[pos - 1];
                            candItem[pos] = candItem[pos - 1];
                            candLabel[pos] = candLabel[pos - 1];
                            pos--;
                        }

                        candScore[pos] = sc;
                        candItem[pos] = j;
                        candLabel[pos] = c;
                    }
                }

                var row = i * width;
                _count[i] = kept;
                for (var k = 0; k < kept; k++)
                {
                    _label[row + k] = candLabel[k];
                    _parent[row + k] = candItem[k];
                    _score[row + k] = candScore[k];
                    _isGold[row + k] = gold is not null && candLabel[k] == gold[i] && (i == 0 || _isGold[((i - 1) * width) + candItem[k]]);
                }

                if (gold is not null)
                {
                    int g1 = i > 0 ? gold[i - 1] : -1, g2 = i > 1 ? gold[i - 2] : -1;
                    n = HistoryFeatures(w, t, sig, lists, i, g1, g2, domain, feats);
                    model.Score(feats[..n], hist);
                    if (unlabeled is not null && unlabeled[i])
                    {
                        var best = 0;
                        for (var c = 1; c < classes; c++)
                        {
                            if (Allowed(g1, c) && stat[c] + hist[c] > stat[best] + hist[best])
                            {
                                best = c;
                            }
                        }

                        gold[i] = best;
                        for (var k = 0; k < kept; k++)
                        {
                            _isGold[row + k] = candLabel[k] == best && (i == 0 || _isGold[((i - 1) * width) + candItem[k]]);
                        }
                    }

                    _goldScore[i] = (i > 0 ? _goldScore[i - 1] : 0f) + stat[gold[i]] + hist[gold[i]];
                }
            }
        }

        /// <summary>Writes the labels of step <paramref name="step"/>'s best item and its ancestors into <paramref name="labels"/>[0 ..= step].</summary>
        public void Best(int step, Span<int> labels)
        {
            var item = 0;
            for (var i = step; i >= 0; i--)
            {
                labels[i] = _label[(i * width) + item];
                item = _parent[(i * width) + item];
            }
        }

        /// <summary>The step where the best item is not the gold prefix and leads it by the most, or -1 if the best sequence is gold throughout.</summary>
        public int MaxViolation()
        {
            var at = -1;
            var most = float.NegativeInfinity;
            for (var i = 0; i < length; i++)
            {
                if (!_isGold[i * width] && _score[i * width] - _goldScore[i] > most)
                {
                    most = _score[i * width] - _goldScore[i];
                    at = i;
                }
            }

            return at;
        }
    }

    /// <summary>Writes the weights, a flag and the name lists, then (format 4) the decoding beam width and the optional second pass.</summary>
    public void Write(BinaryWriter writer)
    {
        ((PerceptronWeights)_weights).Write(writer);
        writer.Write(Lists is not null);
        Lists?.Write(writer);
        writer.Write(BeamWidth);
        writer.Write(_second is not null);
        (_second as PerceptronWeights)?.Write(writer);
    }

    /// <summary>Reads a recogniser written by <see cref="Write"/>; format 1 and 2 have no name lists, format ≤ 3 decode greedily.</summary>
    public static EntityRecognizer Read(BinaryReader reader, int formatVersion)
    {
        var weights = PerceptronWeights.Read(reader);
        var lists = formatVersion >= 3 && reader.ReadBoolean() ? NameLists.Read(reader) : null;
        var beam = formatVersion >= 4 ? reader.ReadInt32() : 1;
        if (beam is < 1 or > 64)
        {
            throw new InvalidDataException($"recogniser beam width {beam} out of range");
        }

        var second = formatVersion >= 4 && reader.ReadBoolean() ? PerceptronWeights.Read(reader) : null;
        return new EntityRecognizer(weights, lists, beam, second);
    }
}
