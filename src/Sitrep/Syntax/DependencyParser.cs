namespace Sitrep.Syntax;

/// <summary>
/// Greedy labelled arc-hybrid dependency parser (Kuhlmann et al. 2011) with the root token at the end of the
/// buffer (Ballesteros &amp; Nivre 2013), an averaged perceptron over Zhang &amp; Nivre (2011)-style rich
/// non-local features (distance, valency, second-order children, label sets), trained with the dynamic oracle
/// and error exploration of Goldberg &amp; Nivre (2013); optionally refined with beam search and global
/// structured-perceptron training with max-violation updates (Zhang &amp; Nivre 2011; Huang, Fayong &amp; Guo 2012),
/// in which case <see cref="Parse"/> decodes with a beam too.
/// </summary>
internal sealed partial class DependencyParser
{
    internal const int MaxFeatures = 144;
    static readonly ulong None = FeatureHash.Of("-NONE-");
    static readonly ulong RootWord = FeatureHash.Of("-ROOT-");
    readonly IFeatureScorer _weights;
    readonly ulong[] _labelHash;

    DependencyParser(string[] labels, IFeatureScorer weights, int beamWidth = 1, float tagMargin = 0)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(beamWidth, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(tagMargin);
        Labels = labels;
        BeamWidth = beamWidth;
        TagMargin = tagMargin;
        RootLabel = Array.IndexOf(labels, "root");
        _weights = weights;
        _labelHash = [.. labels.Select(l => FeatureHash.Of(l))];
    }

    /// <summary>Dependency relations, indexed by label id.</summary>
    public string[] Labels { get; }

    /// <summary>Index of "root" in <see cref="Labels"/>.</summary>
    public int RootLabel { get; }

    /// <summary>Configurations kept by <see cref="Parse"/> (1 = greedy).</summary>
    public int BeamWidth { get; }

    /// <summary>
    /// Tagger score margin below which the parser reads a word's runner-up tag (<see cref="PosTagger.TagWithAlternatives"/>);
    /// 0 = the parser reads the best tags only.
    /// </summary>
    public float TagMargin { get; }

    /// <summary>The same weights decoding with another beam width (speed against accuracy).</summary>
    public DependencyParser WithBeam(int beamWidth) => new(Labels, _weights, beamWidth, TagMargin);

    int L => Labels.Length;

    int ClassCount => 1 + (2 * L);

    /// <summary>Parser configuration: stack, buffer front, partial tree with child and valency bookkeeping.</summary>
    internal sealed class State
    {
        /// <summary>Sentence length; the arrays may be longer (pooled states, see <see cref="Reset"/>).</summary>
        public int N;
        public readonly int[] Stack;
        public int Sp;
        public int B;
        public readonly int[] Heads, Labels, Lc1, Lc2, Rc1, Rc2, Nl, Nr;
        public readonly ulong[] Ls, Rs;

        /// <summary>
        /// Fast beam decoding only (else null): per token, the id of the attachment that last gave it a dependent (0 =
        /// none yet). Ids are unique within a sentence's search, so two items with the same token and id have the same
        /// subtree under it (children, valencies, label sets), whatever else differs.
        /// </summary>
        public readonly int[]? Versions;

        public State(int n, bool versions = false)
            : this(n, n, versions)
        {
        }

        /// <summary>An initial state for <paramref name="n"/> words with room for up to <paramref name="capacity"/>.</summary>
        public State(int n, int capacity, bool versions)
        {
            var c = capacity + 1;
            Versions = versions ? new int[c] : null;
            Stack = new int[c];
            Heads = new int[c];
            Labels = new int[c];
            Lc1 = new int[c];
            Lc2 = new int[c];
            Rc1 = new int[c];
            Rc2 = new int[c];
            Nl = new int[c];
            Nr = new int[c];
            Ls = new ulong[c];
            Rs = new ulong[c];
            Reset(n);
        }

        /// <summary>Makes this the initial state of a sentence of <paramref name="n"/> words (n ≤ capacity).</summary>
        public State Reset(int n)
        {
            N = n;
            Sp = 0;
            B = 0;
            var c = n + 1;
            Heads.AsSpan(0, c).Fill(-1);
            Labels.AsSpan(0, c).Fill(-1);
            Lc1.AsSpan(0, c).Fill(-1);
            Lc2.AsSpan(0, c).Fill(-1);
            Rc1.AsSpan(0, c).Fill(-1);
            Rc2.AsSpan(0, c).Fill(-1);
            Nl.AsSpan(0, c).Clear();
            Nr.AsSpan(0, c).Clear();
            Ls.AsSpan(0, c).Clear();
            Rs.AsSpan(0, c).Clear();
            Versions?.AsSpan(0, c).Clear();
            return this;
        }

        /// <summary>Room for sentences of up to this many words.</summary>
        public int Capacity => Heads.Length - 1;

        public bool Terminal => Sp == 0 && B == N;

        /// <summary>Makes this state a copy of <paramref name="o"/> (whose length must fit this state's capacity).</summary>
        public void CopyFrom(State o)
        {
            var c = o.N + 1;
            N = o.N;
            Array.Copy(o.Stack, Stack, o.Sp);
            Sp = o.Sp;
            B = o.B;
            Array.Copy(o.Heads, Heads, c);
            Array.Copy(o.Labels, Labels, c);
            Array.Copy(o.Lc1, Lc1, c);
            Array.Copy(o.Lc2, Lc2, c);
            Array.Copy(o.Rc1, Rc1, c);
            Array.Copy(o.Rc2, Rc2, c);
            Array.Copy(o.Nl, Nl, c);
            Array.Copy(o.Nr, Nr, c);
            Array.Copy(o.Ls, Ls, c);
            Array.Copy(o.Rs, Rs, c);
            if (o.Versions is not null)
            {
                Array.Copy(o.Versions, Versions!, c);
            }
        }

        public int S(int i) => Sp > i ? Stack[Sp - 1 - i] : -1;

        public void AddArc(int h, int d, int l)
        {
            Heads[d] = h;
            Labels[d] = l;
            if (d < h)
            {
                if (Lc1[h] < 0 || d < Lc1[h])
                {
                    Lc2[h] = Lc1[h];
                    Lc1[h] = d;
                }
                else if (Lc2[h] < 0 || d < Lc2[h])
                {
                    Lc2[h] = d;
                }

                Nl[h]++;
                Ls[h] |= 1UL << (l & 63);
            }
            else
            {
                if (Rc1[h] < 0 || d > Rc1[h])
                {
                    Rc2[h] = Rc1[h];
                    Rc1[h] = d;
                }
                else if (Rc2[h] < 0 || d > Rc2[h])
                {
                    Rc2[h] = d;
                }

                Nr[h]++;
                Rs[h] |= 1UL << (l & 63);
            }
        }
    }

    internal bool Valid(State s, int cls)
    {
        if (cls == 0)
        {
            return s.B < s.N;
        }

        var left = cls <= L;
        var label = left ? cls - 1 : cls - 1 - L;
        if (left)
        {
            return s.Sp >= 1 && (s.B < s.N ? label != RootLabel : s.Sp == 1 && label == RootLabel);
        }

        return s.Sp >= 2 && label != RootLabel;
    }

    internal void Apply(State s, int cls)
    {
        if (cls == 0)
        {
            s.Stack[s.Sp++] = s.B++;
            return;
        }

        var d = s.Stack[--s.Sp];
        if (cls <= L)
        {
            s.AddArc(s.B, d, cls - 1);
        }
        else
        {
            s.AddArc(s.Stack[s.Sp - 1], d, cls - 1 - L);
        }
    }

    int Best(State s, ReadOnlySpan<float> scores)
    {
        // Valid moves by block: SHIFT, LEFT-l (root label only, and only, when the buffer front is the root), RIGHT-l (non-root).
        var best = -1;
        var bestScore = float.NegativeInfinity;
        if (s.B < s.N)
        {
            best = 0;
            bestScore = scores[0];
        }

        if (s.Sp >= 1)
        {
            if (s.B == s.N)
            {
                if (s.Sp == 1 && scores[1 + RootLabel] > bestScore)
                {
                    best = 1 + RootLabel;
                    bestScore = scores[best];
                }
            }
            else
            {
                for (var l = 0; l < L; l++)
                {
                    if (l != RootLabel && scores[1 + l] > bestScore)
                    {
                        best = 1 + l;
                        bestScore = scores[best];
                    }
                }
            }
        }

        if (s.Sp >= 2)
        {
            for (var l = 0; l < L; l++)
            {
                if (l != RootLabel && scores[1 + L + l] > bestScore)
                {
                    best = 1 + L + l;
                    bestScore = scores[best];
                }
            }
        }

        return best;
    }

    /// <summary>The only valid move, when there is one (SHIFT on an empty stack, LEFT-root at the end), else -1.</summary>
    int Forced(State s) => s.Sp == 0 ? 0 : s.B == s.N && s.Sp == 1 ? 1 + RootLabel : -1;

    /// <summary>Parses one sentence: <paramref name="heads"/> get 0-based heads (-1 root), <paramref name="labels"/> label ids.</summary>
    /// <remarks>
    /// <paramref name="alternatives"/>: the tagger's alternatives (<see cref="PosTagger.TagWithAlternatives"/> at
    /// <see cref="TagMargin"/>), read only when the parser was trained with them.
    /// </remarks>
    public void Parse(ReadOnlySpan<WordInfo> words, ReadOnlySpan<ulong> tags, Span<int> heads, Span<int> labels, ReadOnlySpan<ulong> alternatives = default)
    {
        if (TagMargin > 0 && alternatives.Length < words.Length)
        {
            throw new ArgumentException("this parser reads the tagger's alternatives (PosTagger.TagWithAlternatives)", nameof(alternatives));
        }

        if (BeamWidth > 1)
        {
            if (_weights is PerceptronWeights frozen && words.Length < FastBeamMaxLength && BeamWidth <= FastBeamMaxWidth)
            {
                FastBeamParse(frozen, words, tags, heads, labels, alternatives);
            }
            else
            {
                ReferenceBeamParse(words, tags, heads, labels, alternatives);
            }

            return;
        }

        var n = words.Length;
        var lx = LexicalFor(words, tags, alternatives);
        var s = new State(n);
        Span<uint> feats = stackalloc uint[MaxFeatures];
        Span<float> scores = stackalloc float[ClassCount];
        while (!s.Terminal)
        {
            // Forced moves need no scoring: SHIFT on an empty stack, LEFT-root when only the root is left to attach.
            if (s.Sp == 0)
            {
                Apply(s, 0);
                continue;
            }

            if (s.B == s.N && s.Sp == 1)
            {
                Apply(s, 1 + RootLabel);
                continue;
            }

            var k = Features(s, lx, feats);
            _weights.Score(feats[..k], scores);
            Apply(s, Best(s, scores));
        }

        for (var i = 0; i < n; i++)
        {
            heads[i] = s.Heads[i] == n ? -1 : s.Heads[i];
            labels[i] = s.Labels[i];
        }
    }

    /// <summary>A scored expansion of a beam item: the item, the move, the total score after it.</summary>
    struct Candidate
    {
        public float Score;
        public int Item;
        public int Class;
    }

    /// <summary>Inserts a candidate into <paramref name="top"/> (sorted by descending score, at most k long).</summary>
    static void Offer(Span<Candidate> top, ref int count, float score, int item, int cls)
    {
        var k = top.Length;
        if (count == k && score <= top[k - 1].Score)
        {
            return;
        }

        var i = count < k ? count++ : k - 1;
        while (i > 0 && top[i - 1].Score < score)
        {
            top[i] = top[i - 1];
            i--;
        }

        top[i] = new Candidate { Score = score, Item = item, Class = cls };
    }

    /// <summary>Offers every valid move of <paramref name="s"/> (the same moves <see cref="Best"/> considers).</summary>
    void OfferMoves(State s, ReadOnlySpan<float> scores, float baseScore, int item, Span<Candidate> top, ref int count)
    {
        if (s.B < s.N)
        {
            Offer(top, ref count, baseScore + scores[0], item, 0);
        }

        if (s.Sp >= 1 && s.B < s.N)
        {
            for (var l = 0; l < L; l++)
            {
                if (l != RootLabel)
                {
                    Offer(top, ref count, baseScore + scores[1 + l], item, 1 + l);
                }
            }
        }

        if (s.Sp >= 2)
        {
            for (var l = 0; l < L; l++)
            {
                if (l != RootLabel)
                {
                    Offer(top, ref count, baseScore + scores[1 + L + l], item, 1 + L + l);
                }
            }
        }
    }

    /// <summary>
    /// One step of beam search: expands the <paramref name="m"/> items of <paramref name="beam"/> (scores in
    /// <paramref name="score"/>) into the best <c>top.Length</c> candidates; returns how many there are. Forced moves add
    /// nothing to the score (as in greedy decoding). Every complete parse takes 2n moves, so the items stay in step.
    /// </summary>
    int Expand(State[] beam, float[] score, int m, Lex lx, IFeatureScorer weights, Span<Candidate> top, Span<uint> feats, Span<float> scores)
    {
        var count = 0;
        for (var i = 0; i < m; i++)
        {
            var s = beam[i];
            var forced = Forced(s);
            if (forced >= 0)
            {
                Offer(top, ref count, score[i], i, forced);
                continue;
            }

            var k = Features(s, lx, feats);
            weights.Score(feats[..k], scores);
            OfferMoves(s, scores, score[i], i, top, ref count);
        }

        return count;
    }

    /// <summary>
    /// Beam decoding by the definition: every item's full feature list scored on its own (the training search). The
    /// shipped decoder is <see cref="FastBeamParse"/>, which must return the same trees; tests compare the two.
    /// </summary>
    internal void ReferenceBeamParse(ReadOnlySpan<WordInfo> words, ReadOnlySpan<ulong> tags, Span<int> heads, Span<int> labels, ReadOnlySpan<ulong> alternatives = default)
    {
        var n = words.Length;
        var k = BeamWidth;
        var lx = LexicalFor(words, tags, alternatives);
        var beam = new State[k];
        var next = new State[k];
        beam[0] = new State(n);
        var score = new float[k];
        var nextScore = new float[k];
        var m = 1;
        Span<uint> feats = stackalloc uint[MaxFeatures];
        Span<float> scores = stackalloc float[ClassCount];
        Span<Candidate> top = stackalloc Candidate[k];
        while (!beam[0].Terminal)
        {
            var c = Expand(beam, score, m, lx, _weights, top, feats, scores);
            for (var j = 0; j < c; j++)
            {
                next[j] ??= new State(n);
                next[j].CopyFrom(beam[top[j].Item]);
                Apply(next[j], top[j].Class);
                nextScore[j] = top[j].Score;
            }

            (beam, next) = (next, beam);
            (score, nextScore) = (nextScore, score);
            m = c;
        }

        WriteTree(beam[0], n, heads, labels);
    }

    /// <summary>The heads (root = -1) and labels of a finished state.</summary>
    static void WriteTree(State best, int n, Span<int> heads, Span<int> labels)
    {
        for (var i = 0; i < n; i++)
        {
            heads[i] = best.Heads[i] == n ? -1 : best.Heads[i];
            labels[i] = best.Labels[i];
        }
    }

    /// <summary>
    /// A sentence's per-token inputs to the feature templates, the root appended: word and tag hashes, the running count
    /// of punctuation tokens before each position, the fine and middle cluster hashes (null when the model has no
    /// clusters) and the tagger's close-call alternatives (null when the parser does not read them, see
    /// <see cref="TagMargin"/>).
    /// </summary>
    internal sealed record Lex(ulong[] W, ulong[] T, int[] Pc, ulong[]? C, ulong[]? M, ulong[]? A);

    /// <summary>The feature inputs of a sentence (<paramref name="alternatives"/> empty: no alternative features).</summary>
    internal static Lex Lexical(ReadOnlySpan<WordInfo> words, ReadOnlySpan<ulong> tags, ReadOnlySpan<ulong> alternatives = default)
    {
        var n = words.Length;
        var w = new ulong[n + 1];
        var t = new ulong[n + 1];
        var pc = new int[n + 2];
        var clustered = n > 0 && words[0].HasClusters;
        var c = clustered ? new ulong[n + 1] : null;
        var m = clustered ? new ulong[n + 1] : null;
        var a = alternatives.IsEmpty ? null : new ulong[n + 1];
        for (var i = 0; i < n; i++)
        {
            w[i] = words[i].Lower;
            t[i] = tags[i];
            pc[i + 1] = pc[i] + (words[i].IsPunctuation ? 1 : 0);
            if (clustered)
            {
                c![i] = words[i].ClusterFine;
                m![i] = words[i].ClusterMiddle;
            }
        }

        w[n] = RootWord;
        t[n] = RootWord;
        pc[n + 1] = pc[n];
        if (clustered)
        {
            c![n] = RootWord;
            m![n] = RootWord;
        }

        if (a is not null)
        {
            alternatives[..n].CopyTo(a);
            a[n] = RootWord;
        }

        return new Lex(w, t, pc, c, m, a);
    }

    /// <summary>The feature inputs a decoder reads: the alternatives only when this parser was trained with them.</summary>
    Lex LexicalFor(ReadOnlySpan<WordInfo> words, ReadOnlySpan<ulong> tags, ReadOnlySpan<ulong> alternatives) =>
        Lexical(words, tags, TagMargin > 0 ? alternatives : default);

    static ulong P(ulong a, ulong b) => FeatureHash.Mix(unchecked((a * 31) ^ b));

    /// <summary>The feature keys of a configuration (training, greedy and reference beam decoding).</summary>
    internal int Features(State s, Lex x, Span<uint> f)
    {
        var (W, T, Pc, C, M, A) = x;
        var n = 0;
        int s0 = s.S(0), s1 = s.S(1), s2 = s.S(2), b0 = s.B;
        int b1 = b0 + 1 <= s.N ? b0 + 1 : -1, b2 = b0 + 2 <= s.N ? b0 + 2 : -1;
        int s0l = s0 >= 0 ? s.Lc1[s0] : -1, s0l2 = s0 >= 0 ? s.Lc2[s0] : -1;
        int s0r = s0 >= 0 ? s.Rc1[s0] : -1, s0r2 = s0 >= 0 ? s.Rc2[s0] : -1;
        int b0l = s.Lc1[b0], b0l2 = s.Lc2[b0];
        int s1r = s1 >= 0 ? s.Rc1[s1] : -1, s1l = s1 >= 0 ? s.Lc1[s1] : -1;
        ulong Wd(int x) => x < 0 ? None : W[x];
        ulong Tg(int x) => x < 0 ? None : T[x];
        ulong Lb(int x) => x < 0 || s.Labels[x] < 0 ? None : _labelHash[s.Labels[x]];
        ulong s0w = Wd(s0), s0t = Tg(s0), b0w = Wd(b0), b0t = Tg(b0), b1w = Wd(b1), b1t = Tg(b1), b2w = Wd(b2), b2t = Tg(b2);
        ulong s1w = Wd(s1), s1t = Tg(s1), s2t = Tg(s2);
        ulong s0wt = P(s0w, s0t), b0wt = P(b0w, b0t), s1wt = P(s1w, s1t), b1wt = P(b1w, b1t);
        var d = s0 < 0 ? 0UL : (ulong)Math.Min(b0 - s0, 6);
        var d1 = s1 < 0 ? 0UL : (ulong)Math.Min(s0 - s1, 6);
        ulong s0vl = s0 < 0 ? 99 : (ulong)s.Nl[s0], s0vr = s0 < 0 ? 99 : (ulong)s.Nr[s0], b0vl = (ulong)s.Nl[b0];
        ulong s0sl = s0 < 0 ? None : s.Ls[s0], s0sr = s0 < 0 ? None : s.Rs[s0], b0sl = s.Ls[b0];
        var bIsRoot = b0 == s.N ? 1UL : 0UL;

        f[n++] = FeatureHash.F(0, bIsRoot);
        // Single positions.
        f[n++] = FeatureHash.F(1, s0wt);
        f[n++] = FeatureHash.F(2, s0w);
        f[n++] = FeatureHash.F(3, s0t);
        f[n++] = FeatureHash.F(4, b0wt);
        f[n++] = FeatureHash.F(5, b0w);
        f[n++] = FeatureHash.F(6, b0t);
        f[n++] = FeatureHash.F(7, b1wt);
        f[n++] = FeatureHash.F(8, b1w);
        f[n++] = FeatureHash.F(9, b1t);
        f[n++] = FeatureHash.F(10, b2t);
        f[n++] = FeatureHash.F(11, b2w);
        f[n++] = FeatureHash.F(12, s1wt);
        f[n++] = FeatureHash.F(13, s1w);
        f[n++] = FeatureHash.F(14, s1t);
        f[n++] = FeatureHash.F(15, s2t);
        // Pairs.
        f[n++] = FeatureHash.F(16, s0wt, b0wt);
        f[n++] = FeatureHash.F(17, s0wt, b0w);
        f[n++] = FeatureHash.F(18, s0w, b0wt);
        f[n++] = FeatureHash.F(19, s0wt, b0t);
        f[n++] = FeatureHash.F(20, s0t, b0wt);
        f[n++] = FeatureHash.F(21, s0w, b0w);
        f[n++] = FeatureHash.F(22, s0t, b0t);
        f[n++] = FeatureHash.F(23, b0t, b1t);
        f[n++] = FeatureHash.F(24, s1t, s0t);
        f[n++] = FeatureHash.F(25, s1w, s0w);
        f[n++] = FeatureHash.F(26, s1wt, s0wt);
        f[n++] = FeatureHash.F(27, s1t, s0t, b0t);
        f[n++] = FeatureHash.F(28, s2t, s1t, s0t);
        f[n++] = FeatureHash.F(29, s1wt, s0t);
        f[n++] = FeatureHash.F(30, s1t, s0wt);
        // Triples of tags.
        f[n++] = FeatureHash.F(31, b0t, b1t, b2t);
        f[n++] = FeatureHash.F(32, s0t, b0t, b1t);
        f[n++] = FeatureHash.F(33, s0t, Tg(s0l), b0t);
        f[n++] = FeatureHash.F(34, s0t, Tg(s0r), b0t);
        f[n++] = FeatureHash.F(35, s0t, b0t, Tg(b0l));
        f[n++] = FeatureHash.F(36, s1t, Tg(s1r), s0t);
        f[n++] = FeatureHash.F(37, s1t, s0t, Tg(s0l));
        f[n++] = FeatureHash.F(38, s1t, Tg(s1l), s0t);
        // Distance.
        f[n++] = FeatureHash.F(39, s0w, d);
        f[n++] = FeatureHash.F(40, s0t, d);
        f[n++] = FeatureHash.F(41, b0w, d);
        f[n++] = FeatureHash.F(42, b0t, d);
        f[n++] = FeatureHash.F(43, s0w, b0w, d);
        f[n++] = FeatureHash.F(44, s0t, b0t, d);
        f[n++] = FeatureHash.F(45, s1t, s0t, d1);
        f[n++] = FeatureHash.F(46, s1w, s0w, d1);
        // Valency.
        f[n++] = FeatureHash.F(47, s0w, s0vr);
        f[n++] = FeatureHash.F(48, s0t, s0vr);
        f[n++] = FeatureHash.F(49, s0w, s0vl);
        f[n++] = FeatureHash.F(50, s0t, s0vl);
        f[n++] = FeatureHash.F(51, b0w, b0vl);
        f[n++] = FeatureHash.F(52, b0t, b0vl);
        // Children.
        f[n++] = FeatureHash.F(53, Wd(s0l));
        f[n++] = FeatureHash.F(54, Tg(s0l));
        f[n++] = FeatureHash.F(55, Lb(s0l));
        f[n++] = FeatureHash.F(56, Wd(s0r));
        f[n++] = FeatureHash.F(57, Tg(s0r));
        f[n++] = FeatureHash.F(58, Lb(s0r));
        f[n++] = FeatureHash.F(59, Wd(b0l));
        f[n++] = FeatureHash.F(60, Tg(b0l));
        f[n++] = FeatureHash.F(61, Lb(b0l));
        f[n++] = FeatureHash.F(62, Wd(s1r));
        f[n++] = FeatureHash.F(63, Tg(s1r));
        f[n++] = FeatureHash.F(64, Lb(s1r));
        f[n++] = FeatureHash.F(65, Lb(s1l));
        // Second-order children.
        f[n++] = FeatureHash.F(66, Wd(s0l2));
        f[n++] = FeatureHash.F(67, Tg(s0l2));
        f[n++] = FeatureHash.F(68, Lb(s0l2));
        f[n++] = FeatureHash.F(69, Wd(s0r2));
        f[n++] = FeatureHash.F(70, Tg(s0r2));
        f[n++] = FeatureHash.F(71, Lb(s0r2));
        f[n++] = FeatureHash.F(72, Wd(b0l2));
        f[n++] = FeatureHash.F(73, Tg(b0l2));
        f[n++] = FeatureHash.F(74, Lb(b0l2));
        f[n++] = FeatureHash.F(75, s0t, Tg(s0l), Tg(s0l2));
        f[n++] = FeatureHash.F(76, s0t, Tg(s0r), Tg(s0r2));
        f[n++] = FeatureHash.F(77, b0t, Tg(b0l), Tg(b0l2));
        // Label sets.
        f[n++] = FeatureHash.F(78, s0w, s0sr);
        f[n++] = FeatureHash.F(79, s0t, s0sr);
        f[n++] = FeatureHash.F(80, s0w, s0sl);
        f[n++] = FeatureHash.F(81, s0t, s0sl);
        f[n++] = FeatureHash.F(82, b0w, b0sl);
        f[n++] = FeatureHash.F(83, b0t, b0sl);
        // Lexicalised children pairs.
        f[n++] = FeatureHash.F(84, s0w, Lb(s0l), b0t);
        f[n++] = FeatureHash.F(85, b0w, Lb(b0l), s0t);
        f[n++] = FeatureHash.F(86, s0t, b0t, bIsRoot);
        // s1 against b0: the two competing heads of s0.
        f[n++] = FeatureHash.F(87, s1t, s0t, Lb(s0r));
        f[n++] = FeatureHash.F(88, b0w, b1w);
        f[n++] = FeatureHash.F(89, s0w, b0t, b1t);
        f[n++] = FeatureHash.F(90, s1t, b0t);
        f[n++] = FeatureHash.F(91, s1w, b0w);
        f[n++] = FeatureHash.F(92, s1t, s0t, b0t, d);
        f[n++] = FeatureHash.F(93, s1wt, b0wt);
        // The function word opening a phrase (its leftmost dependent: "in" of "in southwestern Aleppo") against
        // the candidate heads: prepositional attachment.
        ulong s0lw = Wd(s0l), b0lw = Wd(b0l);
        f[n++] = FeatureHash.F(94, s0lw, s1w);
        f[n++] = FeatureHash.F(95, s0lw, s1t);
        f[n++] = FeatureHash.F(96, s0lw, b0w);
        f[n++] = FeatureHash.F(97, s0lw, b0t);
        f[n++] = FeatureHash.F(98, s0lw, s0t, s1t);
        f[n++] = FeatureHash.F(99, b0lw, s0w);
        f[n++] = FeatureHash.F(100, b0lw, s0t);
        f[n++] = FeatureHash.F(101, b0lw, b0t, s0t);
        // Punctuation between the candidates (appositions, parataxis, coordination), capped at 3.
        var p0 = s0 < 0 ? 9UL : (ulong)Math.Min(3, Pc[b0] - Pc[s0 + 1]);
        var p1 = s1 < 0 ? 9UL : (ulong)Math.Min(3, Pc[s0] - Pc[s1 + 1]);
        f[n++] = FeatureHash.F(102, s0t, b0t, p0);
        f[n++] = FeatureHash.F(103, s1t, s0t, p1);
        f[n++] = FeatureHash.F(104, s0w, p0, d);
        // s1's subtree as a head for s0 (RIGHT arcs): its valencies and label sets ("already has an obj").
        ulong s1vl = s1 < 0 ? 99 : (ulong)s.Nl[s1], s1vr = s1 < 0 ? 99 : (ulong)s.Nr[s1];
        ulong s1sl = s1 < 0 ? None : s.Ls[s1], s1sr = s1 < 0 ? None : s.Rs[s1];
        f[n++] = FeatureHash.F(105, s1w, s1vr);
        f[n++] = FeatureHash.F(106, s1t, s1vr);
        f[n++] = FeatureHash.F(107, s1t, s1vl);
        f[n++] = FeatureHash.F(108, s1t, s1sr);
        f[n++] = FeatureHash.F(109, s1t, s1sl);
        f[n++] = FeatureHash.F(110, s1t, s0t, s1sr);
        if (C is not null && M is not null)
        {
            // Word clusters (Koo, Carreras & Collins 2008): the buffer group, the s0–buffer group and the stack group.
            ulong Cf(int x) => x < 0 ? None : C[x];
            ulong Cm(int x) => x < 0 ? None : M[x];
            f[n++] = FeatureHash.F(111, Cf(b0));
            f[n++] = FeatureHash.F(112, Cm(b0), b0t);
            f[n++] = FeatureHash.F(113, Cf(b1));
            f[n++] = FeatureHash.F(114, Cm(b0), Cm(b1));
            if (s0 >= 0)
            {
                f[n++] = FeatureHash.F(115, Cf(s0));
                f[n++] = FeatureHash.F(116, Cm(s0), Cm(b0));
                f[n++] = FeatureHash.F(117, Cf(s0), b0t);
                f[n++] = FeatureHash.F(118, s0t, Cf(b0));
                f[n++] = FeatureHash.F(119, Cm(s0), Cm(b0), d);
                f[n++] = FeatureHash.F(120, Cf(s0), Cf(b0));
                f[n++] = FeatureHash.F(121, Cf(s1));
                f[n++] = FeatureHash.F(122, Cm(s1), Cm(s0));
                f[n++] = FeatureHash.F(123, Cm(s1), s0t, b0t);
                f[n++] = FeatureHash.F(124, Cf(s1), Cf(s0));
            }
        }

        if (A is not null)
        {
            // The tagger's close calls (tag + runner-up, or "sure"): a k-best tag interface for the words that decide
            // the next move, so a doubtful NOUN/VERB or SCONJ/DET can still be parsed as the other.
            ulong Al(int x) => x < 0 ? None : A[x];
            f[n++] = FeatureHash.F(125, Al(b0));
            f[n++] = FeatureHash.F(126, Al(b0), b1t);
            f[n++] = FeatureHash.F(127, Al(b1));
            if (s0 >= 0)
            {
                f[n++] = FeatureHash.F(128, Al(s0));
                f[n++] = FeatureHash.F(129, Al(s0), b0t);
                f[n++] = FeatureHash.F(130, s0t, Al(b0));
                f[n++] = FeatureHash.F(131, Al(s0), Al(b0));
                f[n++] = FeatureHash.F(132, Al(s1), s0t);
            }
        }

        return n;
    }

    /// <summary>
    /// Pseudo-projective lifting without label encoding (Nivre &amp; Nilsson 2005): while the tree (0-based heads, -1 =
    /// root) is non-projective, the shortest non-projective arc (leftmost on ties) is lifted — its dependent is attached
    /// to its head's head — so a transition system that builds only projective trees can learn from the sentence
    /// (every other arc unchanged). An arc h → d is projective when h dominates every token between them; the root sits
    /// after the last word (as in the parser) and dominates everything. Returns the lifted heads and the number of lifts
    /// (0: the tree was projective; a copy either way).
    /// </summary>
    internal static (int[] Heads, int Lifts) Lift(ReadOnlySpan<int> heads)
    {
        var n = heads.Length;
        var h = new int[n];
        for (var i = 0; i < n; i++)
        {
            h[i] = heads[i] < 0 ? n : heads[i];
        }

        bool Dominates(int a, int k)
        {
            // Walks up from k (at most n steps: the input is a tree, so every path ends at the root n).
            for (var steps = 0; k != n && steps <= n; steps++)
            {
                k = h[k];
                if (k == a)
                {
                    return true;
                }
            }

            return a == n;
        }

        var lifts = 0;
        while (true)
        {
            int best = -1, bestLength = int.MaxValue;
            for (var d = 0; d < n; d++)
            {
                var a = h[d];
                if (a == n)
                {
                    continue;
                }

                int lo = Math.Min(a, d), hi = Math.Max(a, d), length = hi - lo;
                if (length >= bestLength)
                {
                    continue;
                }

                for (var k = lo + 1; k < hi; k++)
                {
                    if (!Dominates(a, k))
                    {
                        best = d;
                        bestLength = length;
                        break;
                    }
                }
            }

            if (best < 0)
            {
                break;
            }

            h[best] = h[h[best]];
            lifts++;
        }

        for (var i = 0; i < n; i++)
        {
            h[i] = h[i] == n ? -1 : h[i];
        }

        return (h, lifts);
    }

    /// <summary>True when no two arcs of the gold tree cross (root arcs included).</summary>
    static bool Projective(int[] gold)
    {
        var n = gold.Length;
        for (var i = 0; i < n; i++)
        {
            int a = Math.Min(i, gold[i]), b = Math.Max(i, gold[i]);
            for (var j = 0; j < n; j++)
            {
                int c = Math.Min(j, gold[j]), e = Math.Max(j, gold[j]);
                if ((a < c && c < b && b < e) || (c < a && a < e && e < b))
                {
                    return false;
                }
            }
        }

        return true;
    }

    void Costs(State s, int[] gold, int[] goldLabel, Span<int> costs)
    {
        int s0 = s.S(0), s1 = s.S(1), b = s.B, n = s.N;
        var shift = 0;
        if (b < n)
        {
            for (var i = 0; i < s.Sp; i++)
            {
                var k = s.Stack[i];
                if (gold[k] == b)
                {
                    shift++;
                }

                if (gold[b] == k && k != s0)
                {
                    shift++;
                }
            }
        }

        int left = 0, right = 0;
        if (s0 >= 0)
        {
            var kids = 0;
            for (var k = b; k < n; k++)
            {
                if (gold[k] == s0)
                {
                    kids++;
                }
            }

            left = kids + (gold[s0] != b && ((s1 >= 0 && gold[s0] == s1) || gold[s0] > b) ? 1 : 0);
            right = kids + (gold[s0] != s1 && gold[s0] >= b ? 1 : 0);
        }

        costs[0] = shift;
        for (var l = 0; l < L; l++)
        {
            costs[1 + l] = left + (s0 >= 0 && gold[s0] == b && goldLabel[s0] != l ? 1 : 0);
            costs[1 + L + l] = right + (s0 >= 0 && s1 >= 0 && gold[s0] == s1 && goldLabel[s0] != l ? 1 : 0);
        }
    }

    /// <summary>One training sentence: words, (predicted) tag hashes, gold heads (root = -1) and gold label ids.</summary>
    internal sealed record Example(WordInfo[] Words, ulong[] Tags, int[] Heads, int[] Labels, ulong[]? Alternatives = null);

    /// <summary>
    /// Trains with the dynamic oracle for <paramref name="epochs"/> passes, then, when <paramref name="beamEpochs"/> &gt; 0,
    /// continues the same weights with <paramref name="beamEpochs"/> passes of beam search (width <paramref name="beamWidth"/>)
    /// and max-violation updates; non-projective trees are trained on their pseudo-projective lifts (<see cref="Lift"/>). The result decodes with <paramref name="beamWidth"/>.
    /// </summary>
    public static DependencyParser Train(
        string[] labels, IReadOnlyList<Example> data, int epochs, int seed, float threshold, Action<string> log,
        Action<int, DependencyParser>? afterEpoch = null, int beamWidth = 1, int beamEpochs = 0, float tagMargin = 0)
    {
        var totalEpochs = epochs + beamEpochs;
        var decodeWidth = beamEpochs > 0 ? beamWidth : 1;
        var model = new AveragedPerceptron(1 + (2 * labels.Length));
        var parser = new DependencyParser(labels, model, 1, tagMargin);
        var examples = new List<Example>(data.Count);
        int liftedSentences = 0, liftedArcs = 0;
        foreach (var e in data)
        {
            if (Projective([.. e.Heads.Select(h => h < 0 ? e.Heads.Length : h)]))
            {
                examples.Add(e);
                continue;
            }

            // Non-projective: trained on its lifted (projective) tree, labels unchanged.
            var (lifted, lifts) = Lift(e.Heads);
            liftedSentences++;
            liftedArcs += lifts;
            examples.Add(e with { Heads = lifted });
        }

        log($"parser: {data.Count - liftedSentences} of {data.Count} training sentences are projective; {liftedSentences} lifted to projective trees ({liftedArcs} arcs lifted)");
        var rng = new Random(seed);
        var order = Enumerable.Range(0, examples.Count).ToArray();
        var classes = parser.ClassCount;
        Span<uint> feats = stackalloc uint[MaxFeatures];
        Span<float> scores = stackalloc float[classes];
        Span<int> costs = stackalloc int[classes];
        for (var epoch = 0; epoch < epochs; epoch++)
        {
            rng.Shuffle(order);
            long moves = 0, errors = 0;
            foreach (var ei in order)
            {
                var e = examples[ei];
                var n = e.Words.Length;
                var gold = e.Heads.Select(h => h < 0 ? n : h).ToArray();
                var lx = Lexical(e.Words, e.Tags, e.Alternatives);
                var s = new State(n);
                while (!s.Terminal)
                {
                    var k = parser.Features(s, lx, feats);
                    model.Score(feats[..k], scores);
                    parser.Costs(s, gold, e.Labels, costs);
                    int guess = -1, best = -1;
                    for (var c = 0; c < classes; c++)
                    {
                        if (!parser.Valid(s, c))
                        {
                            continue;
                        }

                        if (guess < 0 || scores[c] > scores[guess])
                        {
                            guess = c;
                        }

                        if (best < 0 || costs[c] < costs[best] || (costs[c] == costs[best] && scores[c] > scores[best]))
                        {
                            best = c;
                        }
                    }

                    moves++;
                    if (costs[guess] > costs[best])
                    {
                        errors++;
                        model.Update(feats[..k], best, guess);
                    }
                    else
                    {
                        model.Tick();
                    }

                    var next = epoch > 0 && rng.NextDouble() < 0.9 ? guess : best;
                    parser.Apply(s, next);
                }
            }

            log($"parser epoch {epoch + 1}/{totalEpochs}: {100.0 * (moves - errors) / moves:F2} % moves correct, {model.FeatureCount} features");
            if (afterEpoch is not null && epoch + 1 < totalEpochs)
            {
                afterEpoch(epoch + 1, new DependencyParser(labels, model.Freeze(threshold), 1, tagMargin));
            }
        }

        var trainer = new BeamTrainer(parser, model, beamWidth);
        for (var epoch = epochs; epoch < totalEpochs; epoch++)
        {
            rng.Shuffle(order);
            int updates = 0, skipped = 0;
            foreach (var ei in order)
            {
                switch (trainer.Train(examples[ei]))
                {
                    case true:
                        updates++;
                        break;
                    case null:
                        skipped++;
                        break;
                }
            }

            log($"parser epoch {epoch + 1}/{totalEpochs} (beam {beamWidth}, max-violation): {100.0 * (examples.Count - updates - skipped) / examples.Count:F2} % sentences without update, {skipped} without a static oracle, {model.FeatureCount} features");
            if (afterEpoch is not null && epoch + 1 < totalEpochs)
            {
                afterEpoch(epoch + 1, new DependencyParser(labels, model.Freeze(threshold), beamWidth, tagMargin));
            }
        }

        var final = new DependencyParser(labels, model.Freeze(threshold), decodeWidth, tagMargin);
        afterEpoch?.Invoke(totalEpochs, final);
        return final;
    }

    /// <summary>
    /// Global training of one sentence at a time: beam search along the whole move sequence, compared with the
    /// static-oracle gold sequence; the update is at the prefix where the best item outscores gold by the most
    /// (max-violation, Huang, Fayong &amp; Guo 2012): + gold moves' features, − the best item's, from where they diverge.
    /// </summary>
    sealed class BeamTrainer(DependencyParser parser, AveragedPerceptron model, int width)
    {
        readonly uint[] _feats = new uint[MaxFeatures];
        readonly float[] _scores = new float[parser.ClassCount];
        readonly int[] _costs = new int[parser.ClassCount];
        readonly Candidate[] _top = new Candidate[width];

        /// <summary>The static-oracle move sequence (arcs as soon as they cost nothing, else SHIFT), or null if there is none.</summary>
        int[]? GoldMoves(int[] gold, int[] goldLabels)
        {
            var n = gold.Length;
            var s = new State(n);
            var moves = new int[2 * n];
            for (var step = 0; step < moves.Length; step++)
            {
                parser.Costs(s, gold, goldLabels, _costs);
                var move = -1;
                for (var c = 1; c < parser.ClassCount && move < 0; c++)
                {
                    if (_costs[c] == 0 && parser.Valid(s, c))
                    {
                        move = c;
                    }
                }

                if (move < 0)
                {
                    if (_costs[0] != 0 || !parser.Valid(s, 0))
                    {
                        return null;
                    }

                    move = 0;
                }

                moves[step] = move;
                parser.Apply(s, move);
            }

            return s.Terminal ? moves : null;
        }

        float MoveScore(State s, int move, Lex lx)
        {
            if (parser.Forced(s) >= 0)
            {
                return 0f;
            }

            var k = parser.Features(s, lx, _feats);
            model.Score(_feats.AsSpan(0, k), _scores);
            return _scores[move];
        }

        /// <summary>Trains on one sentence: true if it updated, false if gold stayed best, null without a static oracle.</summary>
        public bool? Train(Example e)
        {
            var n = e.Words.Length;
            var gold = e.Heads.Select(h => h < 0 ? n : h).ToArray();
            if (GoldMoves(gold, e.Labels) is not { } g)
            {
                model.Tick();
                return null;
            }

            var lx = Lexical(e.Words, e.Tags, e.Alternatives);
            var steps = g.Length;
            var beam = new State[width];
            var next = new State[width];
            beam[0] = new State(n);
            var score = new float[width];
            var nextScore = new float[width];
            var isGold = new bool[width];
            var nextGold = new bool[width];
            isGold[0] = true;
            var parent = new int[steps * width];
            var move = new int[steps * width];
            var goldState = new State(n);
            var goldScore = 0f;
            var goldInBeam = true;
            var m = 1;
            var maxViolation = float.NegativeInfinity;
            int worstStep = -1, worstItem = -1;
            for (var step = 0; step < steps; step++)
            {
                var c = parser.Expand(beam, score, m, lx, model, _top, _feats, _scores);
                // The gold sequence's score after this move (it may have just fallen off the beam).
                goldScore += MoveScore(goldState, g[step], lx);
                goldInBeam = false;
                for (var j = 0; j < c; j++)
                {
                    var item = _top[j].Item;
                    next[j] ??= new State(n);
                    next[j].CopyFrom(beam[item]);
                    parser.Apply(next[j], _top[j].Class);
                    nextScore[j] = _top[j].Score;
                    nextGold[j] = isGold[item] && _top[j].Class == g[step];
                    goldInBeam |= nextGold[j];
                    parent[(step * width) + j] = item;
                    move[(step * width) + j] = _top[j].Class;
                }

                parser.Apply(goldState, g[step]);
                (beam, next) = (next, beam);
                (score, nextScore) = (nextScore, score);
                (isGold, nextGold) = (nextGold, isGold);
                m = c;
                if (!isGold[0] && score[0] - goldScore > maxViolation)
                {
                    maxViolation = score[0] - goldScore;
                    worstStep = step;
                    worstItem = 0;
                }
            }

            if (worstStep < 0)
            {
                model.Tick(steps);
                return false;
            }

            var predicted = new int[worstStep + 1];
            for (int step = worstStep, j = worstItem; step >= 0; step--)
            {
                predicted[step] = move[(step * width) + j];
                j = parent[(step * width) + j];
            }

            var a = new State(n);
            var b = new State(n);
            var diverged = false;
            for (var step = 0; step <= worstStep; step++)
            {
                diverged |= predicted[step] != g[step];
                if (diverged)
                {
                    Reward(a, g[step], 1f, lx);
                    Reward(b, predicted[step], -1f, lx);
                }

                parser.Apply(a, g[step]);
                parser.Apply(b, predicted[step]);
            }

            model.Tick(steps);
            return true;
        }

        void Reward(State s, int move, float delta, Lex lx)
        {
            if (parser.Forced(s) >= 0)
            {
                return;
            }

            var k = parser.Features(s, lx, _feats);
            model.Add(_feats.AsSpan(0, k), move, delta);
        }
    }

    /// <summary>Number of weighted features.</summary>
    public int FeatureCount => ((PerceptronWeights)_weights).FeatureCount;

    /// <summary>The 16-bit weight quantum (largest weight / 32000).</summary>
    public float WeightQuantum => ((PerceptronWeights)_weights).Scale;

    /// <summary>
    /// The parser whose weights are the mean of <paramref name="parsers"/>' weights (same labels; models trained with
    /// different shuffling seeds), decoding with the first one's beam width.
    /// </summary>
    public static DependencyParser Average(IReadOnlyList<DependencyParser> parsers)
    {
        ArgumentOutOfRangeException.ThrowIfZero(parsers.Count);
        var labels = parsers[0].Labels;
        if (parsers.Any(p => !p.Labels.SequenceEqual(labels)))
        {
            throw new ArgumentException("parsers with different label sets cannot be averaged", nameof(parsers));
        }

        if (parsers.Any(p => p.TagMargin != parsers[0].TagMargin))
        {
            throw new ArgumentException("parsers that read different tag alternatives cannot be averaged", nameof(parsers));
        }

        return new(labels, PerceptronWeights.Average([.. parsers.Select(p => (PerceptronWeights)p._weights)]), parsers[0].BeamWidth, parsers[0].TagMargin);
    }

    /// <summary>A copy without the weights below <paramref name="threshold"/> (smaller model file).</summary>
    public DependencyParser Prune(float threshold) => new(Labels, ((PerceptronWeights)_weights).Prune(threshold), BeamWidth, TagMargin);

    /// <summary>
    /// Writes labels and weights. Settings come first as (negative marker, value) pairs: a beam parser writes -1 and its
    /// beam width, a parser that reads tag alternatives -2 and its <see cref="TagMargin"/> (older readers saw the label
    /// count first, which is never negative, so greedy parsers keep the old layout).
    /// </summary>
    public void Write(BinaryWriter writer)
    {
        if (BeamWidth > 1)
        {
            writer.Write(-1);
            writer.Write(BeamWidth);
        }

        if (TagMargin > 0)
        {
            writer.Write(-2);
            writer.Write(TagMargin);
        }

        writer.Write(Labels.Length);
        foreach (var l in Labels)
        {
            writer.Write(l);
        }

        ((PerceptronWeights)_weights).Write(writer);
    }

    /// <summary>Reads a parser written by <see cref="Write"/>.</summary>
    public static DependencyParser Read(BinaryReader reader)
    {
        var count = reader.ReadInt32();
        var beam = 1;
        var margin = 0f;
        while (count < 0)
        {
            switch (count)
            {
                case -1:
                    beam = reader.ReadInt32();
                    break;
                case -2:
                    margin = reader.ReadSingle();
                    break;
                default:
                    throw new InvalidDataException($"unknown parser setting {count}");
            }

            count = reader.ReadInt32();
        }

        var labels = new string[count];
        for (var i = 0; i < labels.Length; i++)
        {
            labels[i] = reader.ReadString();
        }

        return new DependencyParser(labels, PerceptronWeights.Read(reader), beam, margin);
    }
}
