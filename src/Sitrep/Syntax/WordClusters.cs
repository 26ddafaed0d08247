namespace Sitrep.Syntax;

/// <summary>
/// Distributional word classes at three nested granularities (fine, middle, coarse), learned from unlabeled text by
/// <see cref="ClusterTrainer"/>: words that occur in similar contexts ("Aleppo", "Mosul", "Raqqa") share a class, so
/// the tagger, parser and recogniser generalise from the treebanks' words to words they never saw annotated. Keyed
/// by the hash of the lower-cased word with digits folded to 0 (<see cref="WordInfo.Lower"/>).
/// </summary>
internal sealed class WordClusters
{
    /// <summary>Bits of the packed value holding the fine class.</summary>
    const int FineBits = 12;

    /// <summary>Bits holding the middle class (above the fine class).</summary>
    const int MiddleBits = 10;

    readonly Dictionary<ulong, uint> _classes;

    /// <summary>Creates the table from packed classes (see <see cref="Pack"/>).</summary>
    public WordClusters(Dictionary<ulong, uint> classes, int fine, int middle, int coarse)
    {
        ArgumentNullException.ThrowIfNull(classes);
        if (fine > 1 << FineBits || middle > 1 << MiddleBits)
        {
            throw new ArgumentOutOfRangeException(nameof(fine), "too many classes for the packed layout");
        }

        _classes = classes;
        Fine = fine;
        Middle = middle;
        Coarse = coarse;
    }

    /// <summary>Number of fine classes.</summary>
    public int Fine { get; }

    /// <summary>Number of middle classes.</summary>
    public int Middle { get; }

    /// <summary>Number of coarse classes.</summary>
    public int Coarse { get; }

    /// <summary>Words with a class.</summary>
    public int Count => _classes.Count;

    /// <summary>Hash values of the three classes of a word that has none (rare or unseen in the unlabeled text).</summary>
    public static readonly (ulong Fine, ulong Middle, ulong Coarse) Unknown =
        (FeatureHash.Of("-NOCLUSTER-1-"), FeatureHash.Of("-NOCLUSTER-2-"), FeatureHash.Of("-NOCLUSTER-3-"));

    /// <summary>Packs the three class numbers of a word.</summary>
    public static uint Pack(int fine, int middle, int coarse) =>
        (uint)fine | ((uint)middle << FineBits) | ((uint)coarse << (FineBits + MiddleBits));

    /// <summary>The hashed classes of the word whose <see cref="WordInfo.Lower"/> is <paramref name="lower"/>.</summary>
    public (ulong Fine, ulong Middle, ulong Coarse) Of(ulong lower)
    {
        if (!_classes.TryGetValue(lower, out var p))
        {
            return Unknown;
        }

        var fine = p & ((1u << FineBits) - 1);
        var middle = (p >> FineBits) & ((1u << MiddleBits) - 1);
        var coarse = p >> (FineBits + MiddleBits);
        return (FeatureHash.Mix(0x1000000UL + fine), FeatureHash.Mix(0x2000000UL + middle), FeatureHash.Mix(0x3000000UL + coarse));
    }

    /// <summary>The packed classes of a word, if it has any (tests, inspection).</summary>
    public bool TryGetPacked(ulong lower, out uint packed) => _classes.TryGetValue(lower, out packed);

    /// <summary>Writes the table: sizes, then (key delta, packed class) pairs in key order.</summary>
    public void Write(BinaryWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.Write(Fine);
        writer.Write(Middle);
        writer.Write(Coarse);
        writer.Write(_classes.Count);
        var last = 0UL;
        foreach (var (k, v) in _classes.OrderBy(kv => kv.Key))
        {
            writer.Write7BitEncodedInt64((long)(k - last));
            writer.Write7BitEncodedInt((int)v);
            last = k;
        }
    }

    /// <summary>Reads a table written by <see cref="Write"/>.</summary>
    public static WordClusters Read(BinaryReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        int fine = reader.ReadInt32(), middle = reader.ReadInt32(), coarse = reader.ReadInt32();
        var n = reader.ReadInt32();
        var classes = new Dictionary<ulong, uint>(n);
        var key = 0UL;
        for (var i = 0; i < n; i++)
        {
            key += (ulong)reader.Read7BitEncodedInt64();
            classes[key] = (uint)reader.Read7BitEncodedInt();
        }

        return new WordClusters(classes, fine, middle, coarse);
    }
}
