namespace Sitrep.Syntax;

/// <summary>
/// Frozen, averaged perceptron weights: an open-addressing table from hashed feature keys to short lists of
/// (class, weight) pairs, held as 16-bit quantised weights (one scale per table), as they are serialised.
/// A slot is 16 bytes and carries up to two (class, weight) pairs inline, so most features cost one cache miss;
/// longer lists live in one flat array. Scoring looks up every feature's slot first and only then reads the
/// weights, so the independent memory loads overlap instead of queueing behind each other.
/// </summary>
internal sealed class PerceptronWeights : IFeatureScorer
{
    /// <summary>
    /// One table slot: key, then either (Info &lt; 0) -Info pairs inline in E0/E1, or (Info ≥ 0) the index in the
    /// flat pair array where the list starts (its first element is the list length).
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
    readonly int _mask;
    readonly float _scale;

    PerceptronWeights(int classes, Slot[] slots, uint[] pairs, float scale, int features, int weights)
    {
        Classes = classes;
        _slots = slots;
        _pairs = pairs;
        _mask = slots.Length - 1;
        _scale = scale;
        FeatureCount = features;
        WeightCount = weights;
    }

    /// <summary>Number of classes.</summary>
    public int Classes { get; }

    /// <summary>Number of features.</summary>
    public int FeatureCount { get; }

    /// <summary>Number of stored (feature, class) weights.</summary>
    public int WeightCount { get; }

    /// <summary>The weight quantum: stored weights are multiples of it.</summary>
    public float Scale => _scale;

    static uint Pack(int cls, short q) => ((uint)cls << 16) | (ushort)q;

    /// <summary>Builds the table from parallel lists (<paramref name="starts"/> has one extra end element).</summary>
    public static PerceptronWeights Create(int classes, List<uint> keys, List<int> starts, List<ushort> cls, List<float> w)
    {
        var max = 0f;
        foreach (var x in w)
        {
            max = Math.Max(max, Math.Abs(x));
        }

        var scale = max > 0 ? max / 32000f : 1f;
        var cap = 16;
        while (cap < keys.Count * 3 / 2)
        {
            cap <<= 1;
        }

        var slots = new Slot[cap];
        var longPairs = 0;
        for (var k = 0; k < keys.Count; k++)
        {
            var n = starts[k + 1] - starts[k];
            longPairs += n > 2 ? n + 1 : 0;
        }

        var pairs = new uint[longPairs];
        var pos = 0;
        for (var k = 0; k < keys.Count; k++)
        {
            var n = starts[k + 1] - starts[k];
            var slot = (int)(keys[k] & (uint)(cap - 1));
            while (slots[slot].Key != 0)
            {
                slot = (slot + 1) & (cap - 1);
            }

            ref var s = ref slots[slot];
            s.Key = keys[k];
            uint Q(int i) => Pack(cls[starts[k] + i], (short)Math.Clamp(MathF.Round(w[starts[k] + i] / scale), -32767f, 32767f));
            if (n <= 2)
            {
                s.Info = -n;
                s.E0 = n > 0 ? Q(0) : 0;
                s.E1 = n > 1 ? Q(1) : 0;
            }
            else
            {
                s.Info = pos;
                pairs[pos++] = (uint)n;
                for (var i = 0; i < n; i++)
                {
                    pairs[pos++] = Q(i);
                }
            }
        }

        return new PerceptronWeights(classes, slots, pairs, scale, keys.Count, cls.Count);
    }

    /// <summary>Adds the weights of <paramref name="features"/> into <paramref name="scores"/> (cleared first).</summary>
    public void Score(ReadOnlySpan<uint> features, Span<float> scores)
    {
        scores.Clear();
        var slots = _slots;
        var pairs = _pairs;
        var mask = _mask;
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

        // Pass 0: touch every home slot without branching on what is there, so the cache misses overlap instead of
        // waiting behind mispredicted probe branches. Pass 1 then probes in cache.
        Span<int> at = stackalloc int[features.Length];
        for (var i = 0; i < features.Length; i++)
        {
            at[i] = (int)slots[(int)(features[i] & (uint)mask)].Key;
        }

        for (var i = 0; i < features.Length; i++)
        {
            var f = features[i];
            var slot = (int)(f & (uint)mask);
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

        // Pass 2: inline pairs; long lists are touched, then read in pass 3.
        var longLists = 0;
        for (var i = 0; i < at.Length; i++)
        {
            if (at[i] < 0)
            {
                continue;
            }

            ref readonly var s = ref slots[at[i]];
            if (s.Info < 0)
            {
                var e0 = s.E0;
                scores[(int)(e0 >> 16)] += (short)e0;
                if (s.Info == -2)
                {
                    var e1 = s.E1;
                    scores[(int)(e1 >> 16)] += (short)e1;
                }
            }
            else
            {
                at[longLists++] = s.Info;
            }
        }

        var touch = 0u;
        for (var i = 0; i < longLists; i++)
        {
            touch |= pairs[at[i]];
        }

        for (var i = 0; touch != 0 && i < longLists; i++)
        {
            var start = at[i];
            var n = (int)pairs[start];
            foreach (var e in pairs.AsSpan(start + 1, n))
            {
                scores[(int)(e >> 16)] += (short)e;
            }
        }

        var scale = _scale;
        for (var c = 0; c < scores.Length; c++)
        {
            scores[c] *= scale;
        }
    }

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
            if (s.Info < 0)
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

    /// <summary>Reads a table written by <see cref="Write"/>.</summary>
    public static PerceptronWeights Read(BinaryReader reader)
    {
        var classes = reader.ReadInt32();
        var scale = reader.ReadSingle();
        var count = reader.ReadInt32();
        var keys = new List<uint>(count);
        var starts = new List<int>(count + 1);
        var cls = new List<ushort>(count * 3);
        var w = new List<float>(count * 3);
        uint prev = 0;
        for (var k = 0; k < count; k++)
        {
            prev = unchecked(prev + (uint)reader.Read7BitEncodedInt());
            keys.Add(prev);
            starts.Add(cls.Count);
            var n = reader.Read7BitEncodedInt();
            for (var i = 0; i < n; i++)
            {
                cls.Add((ushort)reader.Read7BitEncodedInt());
                w.Add(reader.ReadInt16() * scale);
            }
        }

        starts.Add(cls.Count);
        return Create(classes, keys, starts, cls, w);
    }
}
