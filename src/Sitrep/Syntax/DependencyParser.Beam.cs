using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Sitrep.Syntax;

/// <summary>
/// Fast beam decoding. The beam's items mostly share their buffer front and often their stack top (label variants of
/// the same arc, the same arc reached by different paths), so the feature templates are split into eight groups by
/// what they read: the buffer front (<see cref="BufferFeatures"/>); s0 and the buffer (<see cref="PairFeatures"/>);
/// s2, s1, s0 and b0 (<see cref="StackFeatures"/>); s0's subtree (<see cref="S0TreeFeatures"/>); b0's subtree
/// (<see cref="B0TreeFeatures"/>); s1's subtree with s0 (<see cref="S1TreeFeatures"/>); s0's subtree with s1 and b0
/// (<see cref="S0TreeCrossFeatures"/>); b0's subtree with s0 (<see cref="B0TreeCrossFeatures"/>). Each group's weight
/// sum is computed once per sentence for each distinct value of what it reads, and reused by every item and step that
/// has it. A subtree is identified by its token's attachment version (<see cref="State.Versions"/>): items that share
/// a version share the subtree. The groups are exactly the templates of <see cref="Features"/> (tests check that), and
/// weights are summed as integer quanta, so the scores, and with them the parses, are those of
/// <see cref="ReferenceBeamParse"/>.
/// </summary>
internal sealed partial class DependencyParser
{
    /// <summary>Sentences at least this long are decoded by <see cref="ReferenceBeamParse"/> (memo keys hold 16-bit positions).</summary>
    internal const int FastBeamMaxLength = 65535;

    /// <summary>Wider beams are decoded by <see cref="ReferenceBeamParse"/> (attachment versions, ≤ 2 × length × width, stay below 2^31 − 2^16).</summary>
    internal const int FastBeamMaxWidth = 16000;

    /// <summary>Templates that read only the buffer front (0, 4–11, 23, 31, 88; clusters 111–114; tag alternatives 125–127).</summary>
    static int BufferFeatures(int b0, int n, Lex x, Span<uint> f)
    {
        var (W, T, _, C, M, A) = x;
        var k = 0;
        int b1 = b0 + 1 <= n ? b0 + 1 : -1, b2 = b0 + 2 <= n ? b0 + 2 : -1;
        ulong b0w = W[b0], b0t = T[b0];
        ulong b1w = b1 < 0 ? None : W[b1], b1t = b1 < 0 ? None : T[b1];
        ulong b2w = b2 < 0 ? None : W[b2], b2t = b2 < 0 ? None : T[b2];
        ulong b0wt = P(b0w, b0t), b1wt = P(b1w, b1t);
        var bIsRoot = b0 == n ? 1UL : 0UL;
        f[k++] = FeatureHash.F(0, bIsRoot);
        f[k++] = FeatureHash.F(4, b0wt);
        f[k++] = FeatureHash.F(5, b0w);
        f[k++] = FeatureHash.F(6, b0t);
        f[k++] = FeatureHash.F(7, b1wt);
        f[k++] = FeatureHash.F(8, b1w);
        f[k++] = FeatureHash.F(9, b1t);
        f[k++] = FeatureHash.F(10, b2t);
        f[k++] = FeatureHash.F(11, b2w);
        f[k++] = FeatureHash.F(23, b0t, b1t);
        f[k++] = FeatureHash.F(31, b0t, b1t, b2t);
        f[k++] = FeatureHash.F(88, b0w, b1w);
        if (C is not null && M is not null)
        {
            f[k++] = FeatureHash.F(111, C[b0]);
            f[k++] = FeatureHash.F(112, M[b0], b0t);
            f[k++] = FeatureHash.F(113, b1 < 0 ? None : C[b1]);
            f[k++] = FeatureHash.F(114, M[b0], b1 < 0 ? None : M[b1]);
        }

        if (A is not null)
        {
            f[k++] = FeatureHash.F(125, A[b0]);
            f[k++] = FeatureHash.F(126, A[b0], b1t);
            f[k++] = FeatureHash.F(127, b1 < 0 ? None : A[b1]);
        }

        return k;
    }

    /// <summary>Templates that read s0 (≥ 0) and the buffer, not the tree (1–3, 16–22, 32, 39–44, 86, 89, 102, 104; clusters 115–120; tag alternatives 128–131).</summary>
    static int PairFeatures(int s0, int b0, int n, Lex x, Span<uint> f)
    {
        var (W, T, Pc, C, M, A) = x;
        var k = 0;
        var b1 = b0 + 1 <= n ? b0 + 1 : -1;
        ulong s0w = W[s0], s0t = T[s0], b0w = W[b0], b0t = T[b0], b1t = b1 < 0 ? None : T[b1];
        ulong s0wt = P(s0w, s0t), b0wt = P(b0w, b0t);
        var d = (ulong)Math.Min(b0 - s0, 6);
        var bIsRoot = b0 == n ? 1UL : 0UL;
        var p0 = (ulong)Math.Min(3, Pc[b0] - Pc[s0 + 1]);
        f[k++] = FeatureHash.F(1, s0wt);
        f[k++] = FeatureHash.F(2, s0w);
        f[k++] = FeatureHash.F(3, s0t);
        f[k++] = FeatureHash.F(16, s0wt, b0wt);
        f[k++] = FeatureHash.F(17, s0wt, b0w);
        f[k++] = FeatureHash.F(18, s0w, b0wt);
        f[k++] = FeatureHash.F(19, s0wt, b0t);
        f[k++] = FeatureHash.F(20, s0t, b0wt);
        f[k++] = FeatureHash.F(21, s0w, b0w);
        f[k++] = FeatureHash.F(22, s0t, b0t);
        f[k++] = FeatureHash.F(32, s0t, b0t, b1t);
        f[k++] = FeatureHash.F(39, s0w, d);
        f[k++] = FeatureHash.F(40, s0t, d);
        f[k++] = FeatureHash.F(41, b0w, d);
        f[k++] = FeatureHash.F(42, b0t, d);
        f[k++] = FeatureHash.F(43, s0w, b0w, d);
        f[k++] = FeatureHash.F(44, s0t, b0t, d);
        f[k++] = FeatureHash.F(86, s0t, b0t, bIsRoot);
        f[k++] = FeatureHash.F(89, s0w, b0t, b1t);
        f[k++] = FeatureHash.F(102, s0t, b0t, p0);
        f[k++] = FeatureHash.F(104, s0w, p0, d);
        if (C is not null && M is not null)
        {
            f[k++] = FeatureHash.F(115, C[s0]);
            f[k++] = FeatureHash.F(116, M[s0], M[b0]);
            f[k++] = FeatureHash.F(117, C[s0], b0t);
            f[k++] = FeatureHash.F(118, s0t, C[b0]);
            f[k++] = FeatureHash.F(119, M[s0], M[b0], d);
            f[k++] = FeatureHash.F(120, C[s0], C[b0]);
        }

        if (A is not null)
        {
            f[k++] = FeatureHash.F(128, A[s0]);
            f[k++] = FeatureHash.F(129, A[s0], b0t);
            f[k++] = FeatureHash.F(130, s0t, A[b0]);
            f[k++] = FeatureHash.F(131, A[s0], A[b0]);
        }

        return k;
    }

    /// <summary>Templates that read s1 and s2 (either may be -1) with s0 (≥ 0) and b0, not the tree (12–15, 24–30, 45, 46, 90–93, 103; clusters 121–124; tag alternative 132).</summary>
    static int StackFeatures(int s2, int s1, int s0, int b0, Lex x, Span<uint> f)
    {
        var (W, T, Pc, C, M, A) = x;
        var k = 0;
        ulong s0w = W[s0], s0t = T[s0], b0w = W[b0], b0t = T[b0];
        ulong s1w = s1 < 0 ? None : W[s1], s1t = s1 < 0 ? None : T[s1], s2t = s2 < 0 ? None : T[s2];
        ulong s0wt = P(s0w, s0t), b0wt = P(b0w, b0t), s1wt = P(s1w, s1t);
        var d = (ulong)Math.Min(b0 - s0, 6);
        var d1 = s1 < 0 ? 0UL : (ulong)Math.Min(s0 - s1, 6);
        var p1 = s1 < 0 ? 9UL : (ulong)Math.Min(3, Pc[s0] - Pc[s1 + 1]);
        f[k++] = FeatureHash.F(12, s1wt);
        f[k++] = FeatureHash.F(13, s1w);
        f[k++] = FeatureHash.F(14, s1t);
        f[k++] = FeatureHash.F(15, s2t);
        f[k++] = FeatureHash.F(24, s1t, s0t);
        f[k++] = FeatureHash.F(25, s1w, s0w);
        f[k++] = FeatureHash.F(26, s1wt, s0wt);
        f[k++] = FeatureHash.F(27, s1t, s0t, b0t);
        f[k++] = FeatureHash.F(28, s2t, s1t, s0t);
        f[k++] = FeatureHash.F(29, s1wt, s0t);
        f[k++] = FeatureHash.F(30, s1t, s0wt);
        f[k++] = FeatureHash.F(45, s1t, s0t, d1);
        f[k++] = FeatureHash.F(46, s1w, s0w, d1);
        f[k++] = FeatureHash.F(90, s1t, b0t);
        f[k++] = FeatureHash.F(91, s1w, b0w);
        f[k++] = FeatureHash.F(92, s1t, s0t, b0t, d);
        f[k++] = FeatureHash.F(93, s1wt, b0wt);
        f[k++] = FeatureHash.F(103, s1t, s0t, p1);
        if (C is not null && M is not null)
        {
            ulong s1c = s1 < 0 ? None : C[s1], s1m = s1 < 0 ? None : M[s1];
            f[k++] = FeatureHash.F(121, s1c);
            f[k++] = FeatureHash.F(122, s1m, M[s0]);
            f[k++] = FeatureHash.F(123, s1m, s0t, b0t);
            f[k++] = FeatureHash.F(124, s1c, C[s0]);
        }

        if (A is not null)
        {
            f[k++] = FeatureHash.F(132, s1 < 0 ? None : A[s1], s0t);
        }

        return k;
    }

    /// <summary>Templates that read s0 (≥ 0) and its subtree only (47–50, 53–58, 66–71, 75, 76, 78–81).</summary>
    int S0TreeFeatures(State s, ulong[] W, ulong[] T, Span<uint> f)
    {
        var k = 0;
        var s0 = s.S(0);
        int s0l = s.Lc1[s0], s0l2 = s.Lc2[s0], s0r = s.Rc1[s0], s0r2 = s.Rc2[s0];
        var labels = s.Labels;
        var labelHash = _labelHash;
        ulong Wd(int x) => x < 0 ? None : W[x];
        ulong Tg(int x) => x < 0 ? None : T[x];
        ulong Lb(int x) => x < 0 || labels[x] < 0 ? None : labelHash[labels[x]];
        ulong s0w = W[s0], s0t = T[s0];
        ulong s0vl = (ulong)s.Nl[s0], s0vr = (ulong)s.Nr[s0];
        ulong s0sl = s.Ls[s0], s0sr = s.Rs[s0];
        ulong s0lt = Tg(s0l), s0rt = Tg(s0r);
        f[k++] = FeatureHash.F(47, s0w, s0vr);
        f[k++] = FeatureHash.F(48, s0t, s0vr);
        f[k++] = FeatureHash.F(49, s0w, s0vl);
        f[k++] = FeatureHash.F(50, s0t, s0vl);
        f[k++] = FeatureHash.F(53, Wd(s0l));
        f[k++] = FeatureHash.F(54, s0lt);
        f[k++] = FeatureHash.F(55, Lb(s0l));
        f[k++] = FeatureHash.F(56, Wd(s0r));
        f[k++] = FeatureHash.F(57, s0rt);
        f[k++] = FeatureHash.F(58, Lb(s0r));
        f[k++] = FeatureHash.F(66, Wd(s0l2));
        f[k++] = FeatureHash.F(67, Tg(s0l2));
        f[k++] = FeatureHash.F(68, Lb(s0l2));
        f[k++] = FeatureHash.F(69, Wd(s0r2));
        f[k++] = FeatureHash.F(70, Tg(s0r2));
        f[k++] = FeatureHash.F(71, Lb(s0r2));
        f[k++] = FeatureHash.F(75, s0t, s0lt, Tg(s0l2));
        f[k++] = FeatureHash.F(76, s0t, s0rt, Tg(s0r2));
        f[k++] = FeatureHash.F(78, s0w, s0sr);
        f[k++] = FeatureHash.F(79, s0t, s0sr);
        f[k++] = FeatureHash.F(80, s0w, s0sl);
        f[k++] = FeatureHash.F(81, s0t, s0sl);
        return k;
    }

    /// <summary>Templates that read b0 and its (left) subtree only (51, 52, 59–61, 72–74, 77, 82, 83).</summary>
    int B0TreeFeatures(State s, ulong[] W, ulong[] T, Span<uint> f)
    {
        var k = 0;
        var b0 = s.B;
        int b0l = s.Lc1[b0], b0l2 = s.Lc2[b0];
        var labels = s.Labels;
        var labelHash = _labelHash;
        ulong Wd(int x) => x < 0 ? None : W[x];
        ulong Tg(int x) => x < 0 ? None : T[x];
        ulong Lb(int x) => x < 0 || labels[x] < 0 ? None : labelHash[labels[x]];
        ulong b0w = W[b0], b0t = T[b0];
        ulong b0vl = (ulong)s.Nl[b0], b0sl = s.Ls[b0], b0lt = Tg(b0l);
        f[k++] = FeatureHash.F(51, b0w, b0vl);
        f[k++] = FeatureHash.F(52, b0t, b0vl);
        f[k++] = FeatureHash.F(59, Wd(b0l));
        f[k++] = FeatureHash.F(60, b0lt);
        f[k++] = FeatureHash.F(61, Lb(b0l));
        f[k++] = FeatureHash.F(72, Wd(b0l2));
        f[k++] = FeatureHash.F(73, Tg(b0l2));
        f[k++] = FeatureHash.F(74, Lb(b0l2));
        f[k++] = FeatureHash.F(77, b0t, b0lt, Tg(b0l2));
        f[k++] = FeatureHash.F(82, b0w, b0sl);
        f[k++] = FeatureHash.F(83, b0t, b0sl);
        return k;
    }

    /// <summary>Templates that read s1's subtree (s1 may be -1) with s0 (36, 38, 62–65, 105–110).</summary>
    int S1TreeFeatures(State s, ulong[] W, ulong[] T, Span<uint> f)
    {
        var k = 0;
        int s0 = s.S(0), s1 = s.S(1);
        int s1r = s1 >= 0 ? s.Rc1[s1] : -1, s1l = s1 >= 0 ? s.Lc1[s1] : -1;
        var labels = s.Labels;
        var labelHash = _labelHash;
        ulong Wd(int x) => x < 0 ? None : W[x];
        ulong Tg(int x) => x < 0 ? None : T[x];
        ulong Lb(int x) => x < 0 || labels[x] < 0 ? None : labelHash[labels[x]];
        ulong s0t = T[s0], s1t = Tg(s1);
        f[k++] = FeatureHash.F(36, s1t, Tg(s1r), s0t);
        f[k++] = FeatureHash.F(38, s1t, Tg(s1l), s0t);
        f[k++] = FeatureHash.F(62, Wd(s1r));
        f[k++] = FeatureHash.F(63, Tg(s1r));
        f[k++] = FeatureHash.F(64, Lb(s1r));
        f[k++] = FeatureHash.F(65, Lb(s1l));
        ulong s1w = Wd(s1);
        ulong s1vl = s1 < 0 ? 99 : (ulong)s.Nl[s1], s1vr = s1 < 0 ? 99 : (ulong)s.Nr[s1];
        ulong s1sl = s1 < 0 ? None : s.Ls[s1], s1sr = s1 < 0 ? None : s.Rs[s1];
        f[k++] = FeatureHash.F(105, s1w, s1vr);
        f[k++] = FeatureHash.F(106, s1t, s1vr);
        f[k++] = FeatureHash.F(107, s1t, s1vl);
        f[k++] = FeatureHash.F(108, s1t, s1sr);
        f[k++] = FeatureHash.F(109, s1t, s1sl);
        f[k++] = FeatureHash.F(110, s1t, s0t, s1sr);
        return k;
    }

    /// <summary>Templates that read s0's subtree with s1 (may be -1) and b0 (33, 34, 37, 84, 87, 94–98).</summary>
    int S0TreeCrossFeatures(State s, ulong[] W, ulong[] T, Span<uint> f)
    {
        var k = 0;
        int s0 = s.S(0), s1 = s.S(1), b0 = s.B;
        int s0l = s.Lc1[s0], s0r = s.Rc1[s0];
        var labels = s.Labels;
        var labelHash = _labelHash;
        ulong Wd(int x) => x < 0 ? None : W[x];
        ulong Tg(int x) => x < 0 ? None : T[x];
        ulong Lb(int x) => x < 0 || labels[x] < 0 ? None : labelHash[labels[x]];
        ulong s0w = W[s0], s0t = T[s0], b0w = W[b0], b0t = T[b0];
        ulong s1w = Wd(s1), s1t = Tg(s1);
        ulong s0lt = Tg(s0l), s0rt = Tg(s0r), s0lw = Wd(s0l);
        f[k++] = FeatureHash.F(33, s0t, s0lt, b0t);
        f[k++] = FeatureHash.F(34, s0t, s0rt, b0t);
        f[k++] = FeatureHash.F(37, s1t, s0t, s0lt);
        f[k++] = FeatureHash.F(84, s0w, Lb(s0l), b0t);
        f[k++] = FeatureHash.F(87, s1t, s0t, Lb(s0r));
        f[k++] = FeatureHash.F(94, s0lw, s1w);
        f[k++] = FeatureHash.F(95, s0lw, s1t);
        f[k++] = FeatureHash.F(96, s0lw, b0w);
        f[k++] = FeatureHash.F(97, s0lw, b0t);
        f[k++] = FeatureHash.F(98, s0lw, s0t, s1t);
        return k;
    }

    /// <summary>Templates that read b0's subtree with s0 (35, 85, 99–101).</summary>
    int B0TreeCrossFeatures(State s, ulong[] W, ulong[] T, Span<uint> f)
    {
        var k = 0;
        int s0 = s.S(0), b0 = s.B;
        var b0l = s.Lc1[b0];
        var labels = s.Labels;
        ulong s0w = W[s0], s0t = T[s0], b0w = W[b0], b0t = T[b0];
        ulong b0lt = b0l < 0 ? None : T[b0l], b0lw = b0l < 0 ? None : W[b0l];
        var b0lLabel = b0l < 0 || labels[b0l] < 0 ? None : _labelHash[labels[b0l]];
        f[k++] = FeatureHash.F(35, s0t, b0t, b0lt);
        f[k++] = FeatureHash.F(85, b0w, b0lLabel, s0t);
        f[k++] = FeatureHash.F(99, b0lw, s0w);
        f[k++] = FeatureHash.F(100, b0lw, s0t);
        f[k++] = FeatureHash.F(101, b0lw, b0t, s0t);
        return k;
    }

    /// <summary>
    /// The feature keys of a configuration with a non-empty stack, group by group as <see cref="FastBeamParse"/> scores
    /// them (for tests: the same multiset as <see cref="Features"/>).
    /// </summary>
    internal int GroupedFeatures(State s, Lex x, Span<uint> f)
    {
        int s0 = s.S(0), s1 = s.S(1), s2 = s.S(2), b0 = s.B;
        var k = BufferFeatures(b0, s.N, x, f);
        k += PairFeatures(s0, b0, s.N, x, f[k..]);
        k += StackFeatures(s2, s1, s0, b0, x, f[k..]);
        k += S0TreeFeatures(s, x.W, x.T, f[k..]);
        k += B0TreeFeatures(s, x.W, x.T, f[k..]);
        k += S1TreeFeatures(s, x.W, x.T, f[k..]);
        k += S0TreeCrossFeatures(s, x.W, x.T, f[k..]);
        k += B0TreeCrossFeatures(s, x.W, x.T, f[k..]);
        return k;
    }

    /// <summary>Per-thread buffers of <see cref="FastBeamParse"/>: memoised group sums for the current sentence.</summary>
    sealed class BeamScratch
    {
        int[] _rows = new int[64 * 128];
        int _rowCount;
        int _stride;
        int[] _bufferRow = new int[128];
        public readonly RowMap Pairs = new();
        public readonly RowMap Stacks = new();
        public readonly RowMap S0Trees = new();
        public readonly RowMap B0Trees = new();
        public readonly RowMap S1Trees = new();
        public readonly RowMap S0Crosses = new();
        public readonly RowMap B0Crosses = new();

        State[] _beam = [];
        State[] _next = [];

        /// <summary>Two beams of <paramref name="width"/> pooled states with room for <paramref name="n"/> words; the first state reset.</summary>
        public (State[] Beam, State[] Next) States(int n, int width)
        {
            if (_beam.Length != width || _beam[0].Capacity < n)
            {
                var capacity = Math.Max(n, _beam.Length > 0 ? _beam[0].Capacity : 64);
                _beam = new State[width];
                _next = new State[width];
                for (var i = 0; i < width; i++)
                {
                    _beam[i] = new State(0, capacity, versions: true);
                    _next[i] = new State(0, capacity, versions: true);
                }
            }

            _beam[0].Reset(n);
            return (_beam, _next);
        }

        public void Reset(int n, int stride)
        {
            _stride = stride;
            _rowCount = 0;
            if (_bufferRow.Length < n + 1)
            {
                _bufferRow = new int[Math.Max(n + 1, 2 * _bufferRow.Length)];
            }

            _bufferRow.AsSpan(0, n + 1).Fill(-1);
            Pairs.Clear();
            Stacks.Clear();
            S0Trees.Clear();
            B0Trees.Clear();
            S1Trees.Clear();
            S0Crosses.Clear();
            B0Crosses.Clear();
        }

        public ref int BufferRow(int b0) => ref _bufferRow[b0];

        /// <summary>A new zeroed row; earlier <see cref="Row"/> spans are invalid afterwards.</summary>
        public int NewRow()
        {
            var start = _rowCount * _stride;
            if (start + _stride > _rows.Length)
            {
                Array.Resize(ref _rows, Math.Max(2 * _rows.Length, start + _stride));
            }

            _rows.AsSpan(start, _stride).Clear();
            return _rowCount++;
        }

        public Span<int> Row(int row) => _rows.AsSpan(row * _stride, _stride);
    }

    /// <summary>Open-addressing map from a non-zero 64-bit key to a row index.</summary>
    sealed class RowMap
    {
        ulong[] _keys = new ulong[256];
        int[] _values = new int[256];
        int _count;

        public void Clear()
        {
            if (_count > 0)
            {
                Array.Clear(_keys);
                _count = 0;
            }
        }

        /// <summary>The row stored for <paramref name="key"/>, or -1.</summary>
        public int Get(ulong key)
        {
            var mask = _keys.Length - 1;
            for (var i = (int)FeatureHash.Mix(key) & mask; ; i = (i + 1) & mask)
            {
                var k = _keys[i];
                if (k == key)
                {
                    return _values[i];
                }

                if (k == 0)
                {
                    return -1;
                }
            }
        }

        public void Add(ulong key, int value)
        {
            if (2 * (_count + 1) > _keys.Length)
            {
                var (keys, values) = (_keys, _values);
                _keys = new ulong[2 * keys.Length];
                _values = new int[2 * keys.Length];
                _count = 0;
                for (var j = 0; j < keys.Length; j++)
                {
                    if (keys[j] != 0)
                    {
                        Add(keys[j], values[j]);
                    }
                }
            }

            var mask = _keys.Length - 1;
            var i = (int)FeatureHash.Mix(key) & mask;
            while (_keys[i] != 0)
            {
                i = (i + 1) & mask;
            }

            _keys[i] = key;
            _values[i] = value;
            _count++;
        }
    }

    /// <summary>Per-thread decoding buffers of this parser (a parser is shared by the threads of a batch).</summary>
    readonly ThreadLocal<BeamScratch> _scratch = new(() => new BeamScratch());

    /// <summary>
    /// Beam decoding with the group sums memoised per sentence (see the class remarks); the same search, candidates and
    /// tie-breaking as <see cref="ReferenceBeamParse"/>.
    /// </summary>
    void FastBeamParse(PerceptronWeights weights, ReadOnlySpan<WordInfo> words, ReadOnlySpan<ulong> tags, Span<int> heads, Span<int> labels, ReadOnlySpan<ulong> alternatives)
    {
        var n = words.Length;
        var k = BeamWidth;
        var lx = LexicalFor(words, tags, alternatives);
        var scratch = _scratch.Value!;
        var stride = weights.RowLength;
        scratch.Reset(n, stride);
        var (beam, next) = scratch.States(n, k);
        var score = new float[k];
        var nextScore = new float[k];
        var m = 1;
        var attachments = 0;
        Span<uint> feats = stackalloc uint[MaxFeatures];
        Span<float> scores = stackalloc float[ClassCount];
        Span<int> sums = stackalloc int[stride];
        Span<Candidate> top = stackalloc Candidate[k];
        while (!beam[0].Terminal)
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

                GroupScores(weights, scratch, s, lx, feats, sums, scores);
                OfferMoves(s, scores, score[i], i, top, ref count);
            }

            for (var j = 0; j < count; j++)
            {
                var s = next[j];
                var cls = top[j].Class;
                s.CopyFrom(beam[top[j].Item]);
                var head = cls == 0 ? -1 : cls <= L ? s.B : s.Stack[s.Sp - 2];
                Apply(s, cls);
                if (head >= 0)
                {
                    s.Versions![head] = ++attachments;
                }

                nextScore[j] = top[j].Score;
            }

            (beam, next) = (next, beam);
            (score, nextScore) = (nextScore, score);
            m = count;
        }

        WriteTree(beam[0], n, heads, labels);
    }

    /// <summary>The move scores of a configuration with a non-empty stack: memoised group sums plus its own tree features.</summary>
    void GroupScores(
        PerceptronWeights weights, BeamScratch scratch, State s, Lex lx, Span<uint> feats, Span<int> sums, Span<float> scores)
    {
        int s0 = s.S(0), s1 = s.S(1), s2 = s.S(2), b0 = s.B, n = s.N;
        var bufferRow = scratch.BufferRow(b0);
        if (bufferRow < 0)
        {
            bufferRow = scratch.NewRow();
            scratch.BufferRow(b0) = bufferRow;
            weights.Accumulate(feats[..BufferFeatures(b0, n, lx, feats)], scratch.Row(bufferRow));
        }

        var pairKey = ((ulong)(s0 + 1) << 16) | (uint)b0;
        var pairRow = scratch.Pairs.Get(pairKey);
        if (pairRow < 0)
        {
            pairRow = scratch.NewRow();
            scratch.Pairs.Add(pairKey, pairRow);
            weights.Accumulate(feats[..PairFeatures(s0, b0, n, lx, feats)], scratch.Row(pairRow));
        }

        var stackKey = ((ulong)(uint)(s2 + 1) << 48) | ((ulong)(uint)(s1 + 1) << 32) | pairKey;
        var stackRow = scratch.Stacks.Get(stackKey);
        if (stackRow < 0)
        {
            stackRow = scratch.NewRow();
            scratch.Stacks.Add(stackKey, stackRow);
            weights.Accumulate(feats[..StackFeatures(s2, s1, s0, b0, lx, feats)], scratch.Row(stackRow));
        }

        var versions = s.Versions!;
        var s0TreeKey = ((ulong)(uint)versions[s0] << 16) | (uint)(s0 + 1);
        var s0TreeRow = scratch.S0Trees.Get(s0TreeKey);
        if (s0TreeRow < 0)
        {
            s0TreeRow = scratch.NewRow();
            scratch.S0Trees.Add(s0TreeKey, s0TreeRow);
            weights.Accumulate(feats[..S0TreeFeatures(s, lx.W, lx.T, feats)], scratch.Row(s0TreeRow));
        }

        var b0TreeKey = ((ulong)(uint)versions[b0] << 16) | (uint)(b0 + 1);
        var b0TreeRow = scratch.B0Trees.Get(b0TreeKey);
        if (b0TreeRow < 0)
        {
            b0TreeRow = scratch.NewRow();
            scratch.B0Trees.Add(b0TreeKey, b0TreeRow);
            weights.Accumulate(feats[..B0TreeFeatures(s, lx.W, lx.T, feats)], scratch.Row(b0TreeRow));
        }

        // A token with its subtree as one 32-bit id: its attachment version (unique to the token) after the n + 1 ids of
        // tokens without dependents; 0 for none.
        ulong Tree(int x) => x < 0 ? 0 : versions[x] > 0 ? (ulong)(n + 1) + (uint)versions[x] : (uint)(x + 1);
        var s1TreeKey = (Tree(s1) << 16) | (uint)(s0 + 1);
        var s1TreeRow = scratch.S1Trees.Get(s1TreeKey);
        if (s1TreeRow < 0)
        {
            s1TreeRow = scratch.NewRow();
            scratch.S1Trees.Add(s1TreeKey, s1TreeRow);
            weights.Accumulate(feats[..S1TreeFeatures(s, lx.W, lx.T, feats)], scratch.Row(s1TreeRow));
        }

        var s0CrossKey = (Tree(s0) << 32) | ((ulong)(uint)(s1 + 1) << 16) | (uint)b0;
        var s0CrossRow = scratch.S0Crosses.Get(s0CrossKey);
        if (s0CrossRow < 0)
        {
            s0CrossRow = scratch.NewRow();
            scratch.S0Crosses.Add(s0CrossKey, s0CrossRow);
            weights.Accumulate(feats[..S0TreeCrossFeatures(s, lx.W, lx.T, feats)], scratch.Row(s0CrossRow));
        }

        var b0CrossKey = (Tree(b0) << 16) | (uint)(s0 + 1);
        var b0CrossRow = scratch.B0Crosses.Get(b0CrossKey);
        if (b0CrossRow < 0)
        {
            b0CrossRow = scratch.NewRow();
            scratch.B0Crosses.Add(b0CrossKey, b0CrossRow);
            weights.Accumulate(feats[..B0TreeCrossFeatures(s, lx.W, lx.T, feats)], scratch.Row(b0CrossRow));
        }

        sums.Clear();
        AddRows(scratch.Row(bufferRow), scratch.Row(pairRow), scratch.Row(stackRow), sums);
        AddRows(scratch.Row(s0TreeRow), scratch.Row(b0TreeRow), sums);
        AddRows(scratch.Row(s1TreeRow), scratch.Row(s0CrossRow), scratch.Row(b0CrossRow), sums);
        var scale = weights.Scale;
        for (var c = 0; c < scores.Length; c++)
        {
            scores[c] = sums[c] * scale;
        }
    }

    /// <summary><paramref name="sums"/> += <paramref name="a"/> + <paramref name="b"/> (lengths a multiple of 8).</summary>
    static void AddRows(ReadOnlySpan<int> a, ReadOnlySpan<int> b, Span<int> sums)
    {
        ref var ra = ref MemoryMarshal.GetReference(a);
        ref var rb = ref MemoryMarshal.GetReference(b);
        ref var o = ref MemoryMarshal.GetReference(sums);
        for (nuint i = 0; i < (nuint)sums.Length; i += 8)
        {
            (Vector256.LoadUnsafe(ref o, i) + Vector256.LoadUnsafe(ref ra, i) + Vector256.LoadUnsafe(ref rb, i)).StoreUnsafe(ref o, i);
        }
    }

    /// <summary><paramref name="sums"/> += <paramref name="a"/> + <paramref name="b"/> + <paramref name="c"/> (lengths a multiple of 8).</summary>
    static void AddRows(ReadOnlySpan<int> a, ReadOnlySpan<int> b, ReadOnlySpan<int> c, Span<int> sums)
    {
        ref var ra = ref MemoryMarshal.GetReference(a);
        ref var rb = ref MemoryMarshal.GetReference(b);
        ref var rc = ref MemoryMarshal.GetReference(c);
        ref var o = ref MemoryMarshal.GetReference(sums);
        for (nuint i = 0; i < (nuint)sums.Length; i += 8)
        {
            (Vector256.LoadUnsafe(ref o, i) + Vector256.LoadUnsafe(ref ra, i) + Vector256.LoadUnsafe(ref rb, i) + Vector256.LoadUnsafe(ref rc, i))
                .StoreUnsafe(ref o, i);
        }
    }
}
