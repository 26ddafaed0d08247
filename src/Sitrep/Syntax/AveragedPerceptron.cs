namespace Sitrep.Syntax;

/// <summary>
/// A multi-class averaged perceptron over hashed sparse features (Collins 2002; Honnibal's "A good POS tagger in
/// about 200 lines"). Training-only: weights live in a dictionary of per-feature class rows and are averaged
/// lazily with timestamps; <see cref="Freeze"/> turns them into a compact <see cref="PerceptronWeights"/>.
/// </summary>
internal sealed class AveragedPerceptron(int classes) : IFeatureScorer
{
    sealed class Row
    {
        public ushort[] Cls = new ushort[2];
        public float[] W = new float[2];
        public double[] Total = new double[2];
        public int[] Stamp = new int[2];
        public int Count;

        public int Find(int c)
        {
            for (var i = 0; i < Count; i++)
            {
                if (Cls[i] == c)
                {
                    return i;
                }
            }

            return -1;
        }

        public int Add(int c)
        {
            if (Count == Cls.Length)
            {
                var n = Count * 2;
                Array.Resize(ref Cls, n);
                Array.Resize(ref W, n);
                Array.Resize(ref Total, n);
                Array.Resize(ref Stamp, n);
            }

            Cls[Count] = (ushort)c;
            return Count++;
        }
    }

    readonly Dictionary<uint, Row> _rows = new(1 << 16);
    int _instances;

    /// <summary>Number of classes.</summary>
    public int Classes => classes;

    /// <summary>Number of distinct features with a weight.</summary>
    public int FeatureCount => _rows.Count;

    /// <summary>Adds the current weights of <paramref name="features"/> into <paramref name="scores"/> (cleared first).</summary>
    public void Score(ReadOnlySpan<uint> features, Span<float> scores)
    {
        scores.Clear();
        foreach (var f in features)
        {
            if (_rows.TryGetValue(f, out var row))
            {
                for (var i = 0; i < row.Count; i++)
                {
                    scores[row.Cls[i]] += row.W[i];
                }
            }
        }
    }

    /// <summary>Counts one training instance and, if <paramref name="truth"/> ≠ <paramref name="guess"/>, updates.</summary>
    public void Update(ReadOnlySpan<uint> features, int truth, int guess)
    {
        _instances++;
        if (truth == guess)
        {
            return;
        }

        foreach (var f in features)
        {
            if (!_rows.TryGetValue(f, out var row))
            {
                row = new Row();
                _rows[f] = row;
            }

            Bump(row, truth, 1f);
            Bump(row, guess, -1f);
        }
    }

    /// <summary>Counts one instance without an update (the averaging clock).</summary>
    public void Tick() => _instances++;

    void Bump(Row row, int c, float delta)
    {
        var i = row.Find(c);
        if (i < 0)
        {
            i = row.Add(c);
            row.Stamp[i] = _instances;
        }

        row.Total[i] += (double)(_instances - row.Stamp[i]) * row.W[i];
        row.Stamp[i] = _instances;
        row.W[i] += delta;
    }

    /// <summary>Averaged weights, dropping those with |w| below <paramref name="threshold"/>.</summary>
    public PerceptronWeights Freeze(float threshold)
    {
        var now = Math.Max(1, _instances);
        var keys = new List<uint>(_rows.Count);
        var starts = new List<int>(_rows.Count + 1);
        var cls = new List<ushort>();
        var ws = new List<float>();
        foreach (var (key, row) in _rows)
        {
            var start = cls.Count;
            for (var i = 0; i < row.Count; i++)
            {
                var total = row.Total[i] + ((double)(now - row.Stamp[i]) * row.W[i]);
                var avg = (float)(total / now);
                if (Math.Abs(avg) >= threshold && avg != 0f)
                {
                    cls.Add(row.Cls[i]);
                    ws.Add(avg);
                }
            }

            if (cls.Count > start)
            {
                keys.Add(key);
                starts.Add(start);
            }
        }

        starts.Add(cls.Count);
        return PerceptronWeights.Create(classes, keys, starts, cls, ws);
    }
}
