namespace Sitrep.Syntax;

/// <summary>
/// A multi-class averaged perceptron over hashed sparse features (Collins 2002; Honnibal's "A good POS tagger in
/// about 200 lines"). Training-only: an open-addressing table maps each feature to a row of (class, weight) pairs
/// kept in one flat pool (the hot class/weight pairs apart from the cold averaging totals, so scoring touches two
/// cache lines per feature); weights are averaged lazily with timestamps; <see cref="Freeze"/> turns them into a
/// compact <see cref="PerceptronWeights"/>.
/// </summary>
internal sealed class AveragedPerceptron(int classes) : IFeatureScorer
{
    /// <summary>A class and its current weight.</summary>
    struct Hot
    {
        public int Class;
        public float Weight;
    }

    /// <summary>A feature's pairs: pool[Start .. Start + Count), room for Capacity.</summary>
    struct Row
    {
        public int Start;
        public int Count;
        public int Capacity;
    }

    uint[] _keys = new uint[1 << 16];
    int[] _rowOf = new int[1 << 16];
    Row[] _rows = new Row[1 << 15];
    int _rowCount;
    Hot[] _hot = new Hot[1 << 17];
    double[] _total = new double[1 << 17];
    int[] _stamp = new int[1 << 17];
    int _poolUsed;
    int _instances;

    /// <summary>Number of classes.</summary>
    public int Classes => classes;

    /// <summary>Number of distinct features with a weight.</summary>
    public int FeatureCount => _rowCount;

    // The slot holding f, else the empty slot where f would go (linear probing; key 0 marks an empty slot).
    int Probe(uint f)
    {
        var mask = _keys.Length - 1;
        var slot = (int)(f & (uint)mask);
        while (_keys[slot] != f && _keys[slot] != 0)
        {
            slot = (slot + 1) & mask;
        }

        return slot;
    }

    int Find(uint f)
    {
        var slot = Probe(f);
        return _keys[slot] == f ? _rowOf[slot] : -1;
    }

    int FindOrAdd(uint f)
    {
        if ((_rowCount + 1) * 2 > _keys.Length)
        {
            Grow();
        }

        var slot = Probe(f);
        if (_keys[slot] == f)
        {
            return _rowOf[slot];
        }

        if (_rowCount == _rows.Length)
        {
            Array.Resize(ref _rows, _rows.Length * 2);
        }

        var row = _rowCount++;
        _keys[slot] = f;
        _rowOf[slot] = row;
        _rows[row] = new Row { Start = Reserve(2), Capacity = 2 };
        return row;
    }

    void Grow()
    {
        var keys = _keys;
        var rowOf = _rowOf;
        _keys = new uint[keys.Length * 2];
        _rowOf = new int[keys.Length * 2];
        var mask = _keys.Length - 1;
        for (var i = 0; i < keys.Length; i++)
        {
            if (keys[i] == 0)
            {
                continue;
            }

            var slot = (int)(keys[i] & (uint)mask);
            while (_keys[slot] != 0)
            {
                slot = (slot + 1) & mask;
            }

            _keys[slot] = keys[i];
            _rowOf[slot] = rowOf[i];
        }
    }

    int Reserve(int n)
    {
        if (_poolUsed + n > _hot.Length)
        {
            var cap = Math.Max(_hot.Length * 2, _poolUsed + n);
            Array.Resize(ref _hot, cap);
            Array.Resize(ref _total, cap);
            Array.Resize(ref _stamp, cap);
        }

        var start = _poolUsed;
        _poolUsed += n;
        return start;
    }

    /// <summary>Adds the current weights of <paramref name="features"/> into <paramref name="scores"/> (cleared first).</summary>
    public void Score(ReadOnlySpan<uint> features, Span<float> scores)
    {
        scores.Clear();
        var hot = _hot;
        foreach (var f in features)
        {
            var r = Find(f);
            if (r < 0)
            {
                continue;
            }

            var row = _rows[r];
            foreach (ref readonly var e in hot.AsSpan(row.Start, row.Count))
            {
                scores[e.Class] += e.Weight;
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
            var r = FindOrAdd(f);
            Bump(r, truth, 1f);
            Bump(r, guess, -1f);
        }
    }

    /// <summary>Counts one instance without an update (the averaging clock).</summary>
    public void Tick() => _instances++;

    /// <summary>Advances the averaging clock by <paramref name="count"/> instances (one structured update covers many moves).</summary>
    public void Tick(int count) => _instances += count;

    /// <summary>Adds <paramref name="delta"/> to the weight of <paramref name="cls"/> for every feature, without ticking the clock.</summary>
    public void Add(ReadOnlySpan<uint> features, int cls, float delta)
    {
        foreach (var f in features)
        {
            Bump(FindOrAdd(f), cls, delta);
        }
    }

    void Bump(int r, int c, float delta)
    {
        ref var row = ref _rows[r];
        var i = -1;
        for (var k = 0; k < row.Count; k++)
        {
            if (_hot[row.Start + k].Class == c)
            {
                i = row.Start + k;
                break;
            }
        }

        if (i < 0)
        {
            if (row.Count == row.Capacity)
            {
                // Move the row to a larger region at the end of the pool (the old region is abandoned).
                var cap = row.Capacity * 2;
                var start = Reserve(cap);
                Array.Copy(_hot, row.Start, _hot, start, row.Count);
                Array.Copy(_total, row.Start, _total, start, row.Count);
                Array.Copy(_stamp, row.Start, _stamp, start, row.Count);
                row.Start = start;
                row.Capacity = cap;
            }

            i = row.Start + row.Count++;
            _hot[i] = new Hot { Class = c, Weight = 0f };
            _total[i] = 0;
            _stamp[i] = _instances;
        }

        _total[i] += (double)(_instances - _stamp[i]) * _hot[i].Weight;
        _stamp[i] = _instances;
        _hot[i].Weight += delta;
    }

    /// <summary>Averaged weights, dropping those with |w| below <paramref name="threshold"/>.</summary>
    public PerceptronWeights Freeze(float threshold)
    {
        var now = Math.Max(1, _instances);
        var keys = new List<uint>(_rowCount);
        var starts = new List<int>(_rowCount + 1);
        var cls = new List<ushort>();
        var ws = new List<float>();
        for (var slot = 0; slot < _keys.Length; slot++)
        {
            if (_keys[slot] == 0)
            {
                continue;
            }

            var row = _rows[_rowOf[slot]];
            var start = cls.Count;
            for (var i = row.Start; i < row.Start + row.Count; i++)
            {
                var total = _total[i] + ((double)(now - _stamp[i]) * _hot[i].Weight);
                var avg = (float)(total / now);
                if (Math.Abs(avg) >= threshold && avg != 0f)
                {
                    cls.Add((ushort)_hot[i].Class);
                    ws.Add(avg);
                }
            }

            if (cls.Count > start)
            {
                keys.Add(_keys[slot]);
                starts.Add(start);
            }
        }

        starts.Add(cls.Count);
        return PerceptronWeights.Create(classes, keys, starts, cls, ws);
    }
}
