using System.Buffers.Binary;
using System.Numerics;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Sitrep.Syntax;

/// <summary>
/// Frozen, averaged perceptron weights: an open-addressing table from hashed feature keys to short lists of
/// (class, weight) pairs, held as 16-bit quantised weights (one scale per table), as they are serialised.
/// A slot is 16 bytes and carries up to two (class, weight) pairs inline, so most features cost one cache miss;
/// longer lists live in one flat array, and lists covering a large share of the classes (the frequent tag and
/// label features of a parser with ~100 moves) are held in memory as dense rows of 16-bit weights that are added with
/// SIMD. Scoring looks up every feature's slot first and only then reads the weights, so the independent memory loads
/// overlap instead of queueing behind each other. Weights are summed as integers (quanta) and scaled once at the end,
/// so the scores do not depend on the order in which features or pairs are added.
/// </summary>
internal sealed class PerceptronWeights : IFeatureScorer
{
    /// <summary>
    /// One table slot: key, then either (Info = -1 or -2) -Info pairs inline in E0/E1, or (Info ≥ 0) the index in the
    /// flat pair array where the list starts (its first element is the list length), or (Info ≤ -3) dense row
    /// -Info - 3 of the dense weight array.
    /// </summary>
    struct Slot
    {
        public uint Key;
        public int Info;
        public uint E0;
        public uint E1;
    }

    /// <summary>Longest feature list <see cref="Score"/> handles without a heap buffer.</summary>
    const int MaxScoredFeatures = 256;

    readonly Slot[] _slots;
    readonly uint[] _pairs;
    readonly short[] _dense;
    readonly int _stride;
    readonly int _mask;
    readonly int _shift;
    readonly float _scale;

    PerceptronWeights(int classes, Slot[] slots, uint[] pairs, short[] dense, int stride, float scale, int features, int weights)
    {
        Classes = classes;
        _slots = slots;
        _pairs = pairs;
        _dense = dense;
        _stride = stride;
        _mask = slots.Length - 1;
        _shift = HomeShift(slots.Length);
        _scale = scale;
        FeatureCount = features;
        WeightCount = weights;
    }

    /// <summary>Length of a dense row: the class count rounded up to whole 256-bit vectors of 16-bit weights.</summary>
    static int Stride(int classes) => (classes + 15) & ~15;

    /// <summary>A list is held as a dense row when it has at least this many pairs (the row is then at most 2× the list's bytes).</summary>
    static int DenseFrom(int classes) => Math.Max(3, Stride(classes) / 4);

    /// <summary>Number of classes.</summary>
    public int Classes { get; }

    /// <summary>Number of features.</summary>
    public int FeatureCount { get; }

    /// <summary>Number of stored (feature, class) weights.</summary>
    public int WeightCount { get; }

    /// <summary>The weight quantum: stored weights are multiples of it.</summary>
    public float Scale => _scale;

    /// <summary>
    /// A key's home slot is its top bits (the keys are hashes, so every bit is as good as any other): a table built from
    /// keys in ascending order, as they are stored, is then filled front to back instead of at random, which makes
    /// loading a multi-million-feature model several times faster.
    /// </summary>
    static int HomeShift(int capacity) => 32 - BitOperations.Log2((uint)capacity);

    static uint Pack(int cls, short q) => ((uint)cls << 16) | (ushort)q;

    /// <summary>Builds the table from parallel lists (<paramref name="starts"/> has one extra end element).</summary>
    public static PerceptronWeights Create(int classes, List<uint> keys, List<int> starts, List<ushort> cls, List<float> w) =>
        Create(classes, CollectionsMarshal.AsSpan(keys), CollectionsMarshal.AsSpan(starts), CollectionsMarshal.AsSpan(cls), CollectionsMarshal.AsSpan(w));

    /// <summary>Builds the table from parallel spans (<paramref name="starts"/> has one extra end element).</summary>
    static PerceptronWeights Create(int classes, ReadOnlySpan<uint> keys, ReadOnlySpan<int> starts, ReadOnlySpan<ushort> cls, ReadOnlySpan<float> w)
    {
        var max = 0f;
        foreach (var x in w)
        {
            max = Math.Max(max, Math.Abs(x));
        }

        var scale = max > 0 ? max / 32000f : 1f;
        // At most half full: many looked-up features are absent (unseen conjunctions), and an absent key's linear probe
        // grows as 1/(1-load)²; with a 5.2M-feature parser at 63 % load the decoder ran ≈ 15 % slower than at 31 %.
        var cap = 16;
        while (cap < keys.Length * 2)
        {
            cap <<= 1;
        }

        var slots = new Slot[cap];
        var stride = Stride(classes);
        var denseFrom = DenseFrom(classes);
        var longPairs = 0;
        var denseRows = 0;
        for (var k = 0; k < keys.Length; k++)
        {
            var n = starts[k + 1] - starts[k];
            longPairs += n > 2 && n < denseFrom ? n + 1 : 0;
            denseRows += n >= denseFrom ? 1 : 0;
        }

        var pairs = new uint[longPairs];
        var dense = new short[denseRows * stride];
        var pos = 0;
        var row = 0;
        var shift = HomeShift(cap);
        for (var k = 0; k < keys.Length; k++)
        {
            var first = starts[k];
            var n = starts[k + 1] - first;
            var slot = (int)(keys[k] >> shift);
            while (slots[slot].Key != 0)
            {
                slot = (slot + 1) & (cap - 1);
            }

            ref var s = ref slots[slot];
            s.Key = keys[k];
            if (n <= 2)
            {
                s.Info = -n;
                s.E0 = n > 0 ? Quantise(cls[first], w[first], scale) : 0;
                s.E1 = n > 1 ? Quantise(cls[first + 1], w[first + 1], scale) : 0;
            }
            else if (n >= denseFrom)
            {
                s.Info = -3 - row;
                for (var i = first; i < first + n; i++)
                {
                    var q = Quantise(cls[i], w[i], scale);
                    dense[(row * stride) + (int)(q >> 16)] += (short)q;
                }

                row++;
            }
            else
            {
                s.Info = pos;
                pairs[pos++] = (uint)n;
                for (var i = first; i < first + n; i++)
                {
                    pairs[pos++] = Quantise(cls[i], w[i], scale);
                }
            }
        }

        return new PerceptronWeights(classes, slots, pairs, dense, stride, scale, keys.Length, cls.Length);
    }

    static uint Quantise(ushort cls, float weight, float scale) => Pack(cls, (short)Math.Clamp(MathF.Round(weight / scale), -32767f, 32767f));

    /// <summary>Adds the weights of <paramref name="features"/> into <paramref name="scores"/> (cleared first).</summary>
    public void Score(ReadOnlySpan<uint> features, Span<float> scores)
    {
        if (features.Length > MaxScoredFeatures)
        {
            Score(features[..MaxScoredFeatures], scores);
            Span<float> rest = stackalloc float[scores.Length];
            Score(features[MaxScoredFeatures..], rest);
            for (var c = 0; c < scores.Length; c++)
            {
                scores[c] += rest[c];
            }

            return;
        }

        Span<int> sums = stackalloc int[_stride];
        Accumulate(features, sums);
        var scale = _scale;
        for (var c = 0; c < scores.Length; c++)
        {
            scores[c] = sums[c] * scale;
        }
    }

    /// <summary>
    /// Adds the quantised weights of <paramref name="features"/> (at most <see cref="MaxScoredFeatures"/>) into
    /// <paramref name="sums"/> (length <see cref="RowLength"/>, not cleared): exact integer sums, so that scores
    /// assembled from partial sums in any order equal <see cref="Score"/>'s. Scale with <see cref="Scale"/>.
    /// </summary>
    public void Accumulate(ReadOnlySpan<uint> features, Span<int> sums)
    {
        var slots = _slots;
        var pairs = _pairs;
        var mask = _mask;
        var shift = _shift;

        // Pass 0: touch every home slot without branching on what is there, so the cache misses overlap instead of
        // waiting behind mispredicted probe branches. Pass 1 then probes in cache.
        Span<int> at = stackalloc int[features.Length];
        for (var i = 0; i < features.Length; i++)
        {
            at[i] = (int)slots[(int)(features[i] >> shift)].Key;
        }

        for (var i = 0; i < features.Length; i++)
        {
            var f = features[i];
            var slot = (int)(f >> shift);
            while (true)
            {
                var key = slots[slot].Key;
                if (key == f)
                {
                    break;
                }

                if (key == 0)
                {
                    slot = -1;
                    break;
                }

                slot = (slot + 1) & mask;
            }

            at[i] = slot;
        }

        // Pass 2: inline pairs; long lists (in the front of `at`, behind the reading position) and dense rows are
        // collected, then read in passes 3 and 4.
        var longLists = 0;
        var rows = 0;
        Span<int> dense = stackalloc int[features.Length];
        for (var i = 0; i < at.Length; i++)
        {
            if (at[i] < 0)
            {
                continue;
            }

            ref readonly var s = ref slots[at[i]];
            var info = s.Info;
            if (info >= 0)
            {
                at[longLists++] = info;
            }
            else if (info >= -2)
            {
                var e0 = s.E0;
                sums[(int)(e0 >> 16)] += (short)e0;
                if (info == -2)
                {
                    var e1 = s.E1;
                    sums[(int)(e1 >> 16)] += (short)e1;
                }
            }
            else
            {
                dense[rows++] = -3 - info;
            }
        }

        // Pass 3: touch every list and row before reading any, so that their cache misses overlap too.
        var touch = 0;
        for (var i = 0; i < longLists; i++)
        {
            touch |= (int)pairs[at[i]];
        }

        var stride = _stride;
        var denseWeights = _dense;
        for (var i = 0; i < rows; i++)
        {
            touch |= (ushort)denseWeights[dense[i] * stride];
        }

        sums[0] += touch & 0;
        for (var i = 0; i < longLists; i++)
        {
            var start = at[i];
            var n = (int)pairs[start];
            foreach (var e in pairs.AsSpan(start + 1, n))
            {
                sums[(int)(e >> 16)] += (short)e;
            }
        }

        foreach (var row in dense[..rows])
        {
            AddRow(denseWeights.AsSpan(row * stride, stride), sums);
        }
    }

    /// <summary>Adds a dense row of 16-bit weights to 32-bit sums, 16 classes at a time.</summary>
    static void AddRow(ReadOnlySpan<short> row, Span<int> sums)
    {
        ref var r = ref MemoryMarshal.GetReference(row);
        ref var o = ref MemoryMarshal.GetReference(sums);
        for (var c = 0; c < row.Length; c += 16)
        {
            var (lo, hi) = Vector256.Widen(Vector256.LoadUnsafe(ref r, (nuint)c));
            (Vector256.LoadUnsafe(ref o, (nuint)c) + lo).StoreUnsafe(ref o, (nuint)c);
            (Vector256.LoadUnsafe(ref o, (nuint)(c + 8)) + hi).StoreUnsafe(ref o, (nuint)(c + 8));
        }
    }

    /// <summary>Length of the sum buffers <see cref="Accumulate"/> takes (the class count rounded up to 16).</summary>
    public int RowLength => _stride;

    /// <summary>Every feature with its (class, weight) pairs.</summary>
    IEnumerable<(uint Key, List<(int Class, float Weight)> Pairs)> Features()
    {
        foreach (var s in _slots)
        {
            if (s.Key == 0)
            {
                continue;
            }

            var list = new List<(int, float)>();
            if (s.Info <= -3)
            {
                // Dense rows keep no record of pairs whose weight quantised to zero; they add nothing to any score.
                var row = _dense.AsSpan((-3 - s.Info) * _stride, Classes);
                for (var c = 0; c < row.Length; c++)
                {
                    if (row[c] != 0)
                    {
                        list.Add((c, row[c] * _scale));
                    }
                }
            }
            else if (s.Info < 0)
            {
                if (s.Info <= -1)
                {
                    list.Add(((int)(s.E0 >> 16), (short)s.E0 * _scale));
                }

                if (s.Info == -2)
                {
                    list.Add(((int)(s.E1 >> 16), (short)s.E1 * _scale));
                }
            }
            else
            {
                var n = (int)_pairs[s.Info];
                foreach (var e in _pairs.AsSpan(s.Info + 1, n))
                {
                    list.Add(((int)(e >> 16), (short)e * _scale));
                }
            }

            yield return (s.Key, list);
        }
    }

    /// <summary>
    /// The mean of several tables over the same classes (a feature or class missing from a table counts as 0): parameter
    /// averaging of models trained with different shuffles (McDonald, Hall &amp; Mann 2010).
    /// </summary>
    public static PerceptronWeights Average(IReadOnlyList<PerceptronWeights> tables)
    {
        ArgumentOutOfRangeException.ThrowIfZero(tables.Count);
        var classes = tables[0].Classes;
        if (tables.Any(t => t.Classes != classes))
        {
            throw new ArgumentException("tables with different class counts cannot be averaged", nameof(tables));
        }

        // Every (key, class, table) weight as one sortable number, so that averaging millions of features (unpruned seed
        // models) costs one sort and one pass instead of a dictionary per feature. The table index in the low bits keeps
        // the order of summation fixed (table order), so the mean does not depend on the sort.
        if (tables.Count > ushort.MaxValue)
        {
            throw new ArgumentException($"at most {ushort.MaxValue} tables can be averaged", nameof(tables));
        }

        // WeightCount bounds what Features yields (dense rows skip the weights that quantised to zero).
        long total = 0;
        foreach (var table in tables)
        {
            total += table.WeightCount;
        }

        var order = new ulong[total];
        var weights = new float[total];
        var n = 0;
        for (var t = 0; t < tables.Count; t++)
        {
            foreach (var (key, list) in tables[t].Features())
            {
                foreach (var (c, w) in list)
                {
                    order[n] = ((ulong)key << 32) | ((ulong)(ushort)c << 16) | (ushort)t;
                    weights[n++] = w;
                }
            }
        }

        order.AsSpan(0, n).Sort(weights.AsSpan(0, n));
        var keys = new List<uint>();
        var starts = new List<int>();
        var cls = new List<ushort>();
        var ws = new List<float>();
        for (var i = 0; i < n;)
        {
            var key = (uint)(order[i] >> 32);
            var c = (ushort)(order[i] >> 16);
            var sum = 0d;
            var j = i;
            for (; j < n && order[j] >> 16 == order[i] >> 16; j++)
            {
                sum += weights[j];
            }

            if (keys.Count == 0 || keys[^1] != key)
            {
                keys.Add(key);
                starts.Add(cls.Count);
            }

            cls.Add(c);
            ws.Add((float)(sum / tables.Count));
            i = j;
        }

        starts.Add(cls.Count);
        return Create(classes, keys, starts, cls, ws);
    }

    /// <summary>A copy without the weights whose magnitude is below <paramref name="threshold"/>.</summary>
    public PerceptronWeights Prune(float threshold)
    {
        var keys = new List<uint>();
        var starts = new List<int>();
        var cls = new List<ushort>();
        var ws = new List<float>();
        foreach (var (key, list) in Features())
        {
            var start = cls.Count;
            foreach (var (c, w) in list)
            {
                if (Math.Abs(w) >= threshold)
                {
                    cls.Add((ushort)c);
                    ws.Add(w);
                }
            }

            if (cls.Count > start)
            {
                keys.Add(key);
                starts.Add(start);
            }
        }

        starts.Add(cls.Count);
        return Create(Classes, keys, starts, cls, ws);
    }

    /// <summary>Writes the table: classes, scale, feature count, then per feature its key and quantised weights.</summary>
    public void Write(BinaryWriter writer)
    {
        writer.Write(Classes);
        writer.Write(_scale);
        writer.Write(FeatureCount);
        // Keys sorted so that the compressed stream sees small deltas.
        uint prev = 0;
        foreach (var (key, list) in Features().OrderBy(f => f.Key))
        {
            writer.Write7BitEncodedInt(unchecked((int)(key - prev)));
            prev = key;
            writer.Write7BitEncodedInt(list.Count);
            foreach (var (c, w) in list)
            {
                writer.Write7BitEncodedInt(c);
                writer.Write((short)Math.Clamp(MathF.Round(w / _scale), -32767f, 32767f));
            }
        }
    }

    /// <summary>
    /// Reads a table written by <see cref="Write"/>. From a <see cref="MemoryStream"/> with an accessible buffer, or from
    /// the <see cref="DecompressedBody"/> that <see cref="SyntaxModel.Load"/> gives, the table is decoded straight from the
    /// bytes, which is several times faster for a parser's millions of features than reading them one call at a time.
    /// </summary>
    public static PerceptronWeights Read(BinaryReader reader)
    {
        var classes = reader.ReadInt32();
        var scale = reader.ReadSingle();
        var count = reader.ReadInt32();
        if (reader.BaseStream is MemoryStream memory && memory.TryGetBuffer(out var buffer))
        {
            var bytes = new SpanBytes(buffer.AsSpan((int)memory.Position));
            var table = ReadBody(ref bytes, classes, scale, count);
            memory.Position += bytes.Position;
            return table;
        }

        if (reader.BaseStream is DecompressedBody body)
        {
            var piped = new BodyBytes(body);
            return ReadBody(ref piped, classes, scale, count);
        }

        var stream = new ReaderBytes(reader);
        return ReadBody(ref stream, classes, scale, count);
    }

    static PerceptronWeights ReadBody<TBytes>(ref TBytes bytes, int classes, float scale, int count)
        where TBytes : IBytes, allows ref struct
    {
        var keys = new uint[count];
        var starts = new int[count + 1];
        var cls = new ushort[Math.Max(16, count * 3)];
        var w = new float[cls.Length];
        var used = 0;
        uint prev = 0;
        for (var k = 0; k < count; k++)
        {
            prev = unchecked(prev + (uint)bytes.Read7BitEncodedInt());
            keys[k] = prev;
            starts[k] = used;
            var n = bytes.Read7BitEncodedInt();
            if (used + n > cls.Length)
            {
                var size = Math.Max(used + n, cls.Length * 2);
                Array.Resize(ref cls, size);
                Array.Resize(ref w, size);
            }

            for (var i = 0; i < n; i++)
            {
                cls[used] = (ushort)bytes.Read7BitEncodedInt();
                w[used++] = bytes.ReadInt16() * scale;
            }
        }

        starts[count] = used;
        return Create(classes, keys, starts, cls.AsSpan(0, used), w.AsSpan(0, used));
    }

    /// <summary>The two primitives a table body is made of, read from a span or a stream.</summary>
    interface IBytes
    {
        int Read7BitEncodedInt();

        short ReadInt16();
    }

    ref struct SpanBytes(ReadOnlySpan<byte> data) : IBytes
    {
        readonly ReadOnlySpan<byte> _data = data;

        public int Position;

        public int Read7BitEncodedInt()
        {
            var result = 0;
            for (var shift = 0; shift < 35; shift += 7)
            {
                if (Position >= _data.Length)
                {
                    throw new EndOfStreamException("weight table cut short: the model file is truncated");
                }

                var b = _data[Position++];
                result |= (b & 0x7F) << shift;
                if (b < 0x80)
                {
                    return result;
                }
            }

            throw new InvalidDataException("bad 7-bit encoded integer in a weight table");
        }

        public short ReadInt16()
        {
            if (Position + 2 > _data.Length)
            {
                throw new EndOfStreamException("weight table cut short: the model file is truncated");
            }

            var value = BinaryPrimitives.ReadInt16LittleEndian(_data[Position..]);
            Position += 2;
            return value;
        }
    }

    readonly struct BodyBytes(DecompressedBody body) : IBytes
    {
        public int Read7BitEncodedInt()
        {
            var result = 0;
            for (var shift = 0; shift < 35; shift += 7)
            {
                var b = Next();
                result |= (b & 0x7F) << shift;
                if (b < 0x80)
                {
                    return result;
                }
            }

            throw new InvalidDataException("bad 7-bit encoded integer in a weight table");
        }

        public short ReadInt16() => (short)(Next() | (Next() << 8));

        int Next()
        {
            var b = body.NextByte();
            return b >= 0 ? b : throw new EndOfStreamException("weight table cut short: the model file is truncated");
        }
    }

    readonly struct ReaderBytes(BinaryReader reader) : IBytes
    {
        public int Read7BitEncodedInt() => reader.Read7BitEncodedInt();

        public short ReadInt16() => reader.ReadInt16();
    }
}
