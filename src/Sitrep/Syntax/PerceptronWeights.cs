namespace Sitrep.Syntax;

/// <summary>
/// Frozen, averaged perceptron weights: an open-addressing table from hashed feature keys to short lists of
/// (class, weight) pairs. Serialised with 16-bit quantised weights.
/// </summary>
internal sealed class PerceptronWeights : IFeatureScorer
{
    /// <summary>One table slot; key, start and length share a cache line so a lookup costs one miss.</summary>
    readonly record struct Slot(uint Key, int Start, int Length);

    /// <summary>One (class, weight) pair.</summary>
    readonly record struct Entry(int Class, float Weight);

    readonly Slot[] _slots;
    readonly Entry[] _entries;
    readonly int _mask;

    PerceptronWeights(int classes, Slot[] slots, Entry[] entries)
    {
        Classes = classes;
        _slots = slots;
        _entries = entries;
        _mask = slots.Length - 1;
    }

    /// <summary>Number of classes.</summary>
    public int Classes { get; }

    /// <summary>Number of features.</summary>
    public int FeatureCount { get; private init; }

    /// <summary>Number of stored (feature, class) weights.</summary>
    public int WeightCount => _entries.Length;

    /// <summary>Builds the table from parallel lists (<paramref name="starts"/> has one extra end element).</summary>
    public static PerceptronWeights Create(int classes, List<uint> keys, List<int> starts, List<ushort> cls, List<float> w)
    {
        var cap = 16;
        while (cap < keys.Count * 2)
        {
            cap <<= 1;
        }

        var slots = new Slot[cap];
        var entries = new Entry[cls.Count];
        var pos = 0;
        for (var k = 0; k < keys.Count; k++)
        {
            var n = starts[k + 1] - starts[k];
            var slot = (int)(keys[k] & (uint)(cap - 1));
            while (slots[slot].Key != 0)
            {
                slot = (slot + 1) & (cap - 1);
            }

            slots[slot] = new Slot(keys[k], pos, n);
            for (var i = 0; i < n; i++)
            {
                entries[pos++] = new Entry(cls[starts[k] + i], w[starts[k] + i]);
            }
        }

        return new PerceptronWeights(classes, slots, entries) { FeatureCount = keys.Count };
    }

    /// <summary>Adds the weights of <paramref name="features"/> into <paramref name="scores"/> (cleared first).</summary>
    public void Score(ReadOnlySpan<uint> features, Span<float> scores)
    {
        scores.Clear();
        var slots = _slots;
        var entries = _entries;
        foreach (var f in features)
        {
            var slot = (int)(f & (uint)_mask);
            while (true)
            {
                ref readonly var s = ref slots[slot];
                if (s.Key == f)
                {
                    foreach (ref readonly var e in entries.AsSpan(s.Start, s.Length))
                    {
                        scores[e.Class] += e.Weight;
                    }

                    break;
                }

                if (s.Key == 0)
                {
                    break;
                }

                slot = (slot + 1) & _mask;
            }
        }
    }

    /// <summary>A copy without the weights whose magnitude is below <paramref name="threshold"/>.</summary>
    public PerceptronWeights Prune(float threshold)
    {
        var keys = new List<uint>();
        var starts = new List<int>();
        var cls = new List<ushort>();
        var ws = new List<float>();
        foreach (var s in _slots)
        {
            if (s.Key == 0)
            {
                continue;
            }

            var start = cls.Count;
            foreach (var e in _entries.AsSpan(s.Start, s.Length))
            {
                if (Math.Abs(e.Weight) >= threshold)
                {
                    cls.Add((ushort)e.Class);
                    ws.Add(e.Weight);
                }
            }

            if (cls.Count > start)
            {
                keys.Add(s.Key);
                starts.Add(start);
            }
        }

        starts.Add(cls.Count);
        return Create(Classes, keys, starts, cls, ws);
    }

    /// <summary>Writes the table: classes, feature count, then per feature its key and quantised weights.</summary>
    public void Write(BinaryWriter writer)
    {
        var max = 0f;
        foreach (var e in _entries)
        {
            max = Math.Max(max, Math.Abs(e.Weight));
        }

        var scale = max > 0 ? max / 32000f : 1f;
        writer.Write(Classes);
        writer.Write(scale);
        writer.Write(FeatureCount);
        // Keys sorted so that the compressed stream sees small deltas.
        var used = _slots.Where(s => s.Key != 0).OrderBy(s => s.Key).ToList();
        uint prev = 0;
        foreach (var s in used)
        {
            writer.Write7BitEncodedInt(unchecked((int)(s.Key - prev)));
            prev = s.Key;
            writer.Write7BitEncodedInt(s.Length);
            foreach (var e in _entries.AsSpan(s.Start, s.Length))
            {
                writer.Write7BitEncodedInt(e.Class);
                writer.Write((short)Math.Clamp(MathF.Round(e.Weight / scale), -32767f, 32767f));
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
