using System.Collections.Immutable;
using Sitrep.Documents;

namespace Sitrep.Fusion;

/// <summary>
/// Incremental near-duplicate detection: MinHash signatures of each article's text split into
/// <see cref="Bands"/> bands of <c>Size/Bands</c> rows (locality-sensitive hashing); articles sharing a band
/// bucket are candidates, confirmed when the estimated Jaccard similarity of their shingle sets reaches
/// <see cref="Threshold"/>. Confirmed pairs are unioned, so a wire story republished by several outlets forms one
/// group: one independent source. Groups are keyed by their smallest document id, independent of insertion order.
/// </summary>
public sealed class NearDuplicateIndex
{
    readonly MinHasher _hasher;
    readonly Dictionary<DocumentId, ImmutableArray<ulong>> _signatures = [];
    readonly Dictionary<(int Band, ulong Hash), List<DocumentId>> _buckets = [];
    readonly Dictionary<DocumentId, DocumentId> _parent = [];

    /// <summary>Creates an index. With 128 functions and 32 bands of 4 rows, pairs at Jaccard 0.5 are found with probability ≈ 0.87 and pairs at 0.8 with ≈ 1.</summary>
    public NearDuplicateIndex(MinHasher? hasher = null, int bands = 32, double threshold = 0.5)
    {
        _hasher = hasher ?? new MinHasher();
        if (_hasher.Size % bands != 0)
        {
            throw new ArgumentException("Signature size must be a multiple of the band count.", nameof(bands));
        }

        Bands = bands;
        Threshold = threshold;
    }

    /// <summary>LSH bands.</summary>
    public int Bands { get; }

    /// <summary>Jaccard estimate from which two articles are near-duplicates.</summary>
    public double Threshold { get; }

    /// <summary>Adds an article's text; returns the ids it was found to duplicate (may be empty).</summary>
    public ImmutableArray<DocumentId> Add(DocumentId id, string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (_signatures.ContainsKey(id))
        {
            return [];
        }

        var sig = _hasher.Signature(text);
        _signatures[id] = sig;
        _parent[id] = id;
        var rows = _hasher.Size / Bands;
        var candidates = new HashSet<DocumentId>();
        for (var b = 0; b < Bands; b++)
        {
            var h = 14695981039346656037UL;
            var empty = true;
            for (var r = 0; r < rows; r++)
            {
                var v = sig[(b * rows) + r];
                empty &= v == ulong.MaxValue;
                h = unchecked((h ^ v) * 1099511628211UL);
            }

            if (empty)
            {
                continue;
            }

            if (!_buckets.TryGetValue((b, h), out var list))
            {
                _buckets[(b, h)] = list = [];
            }

            candidates.UnionWith(list);
            list.Add(id);
        }

        var dups = ImmutableArray.CreateBuilder<DocumentId>();
        foreach (var c in candidates.OrderBy(c => c.Value, StringComparer.Ordinal))
        {
            if (MinHasher.Similarity(sig, _signatures[c]) >= Threshold)
            {
                dups.Add(c);
                Union(id, c);
            }
        }

        return dups.ToImmutable();
    }

    /// <summary>Estimated similarity of two added documents.</summary>
    public double Similarity(DocumentId a, DocumentId b) => MinHasher.Similarity(_signatures[a], _signatures[b]);

    /// <summary>The group key of <paramref name="id"/>: the smallest document id of its near-duplicate group (itself when alone or unknown).</summary>
    public string GroupOf(DocumentId id) => _parent.ContainsKey(id) ? Root(id).Value : id.Value;

    /// <summary>Groups with more than one member, each ordered by id.</summary>
    public ImmutableArray<ImmutableArray<DocumentId>> Groups() =>
        [.. _parent.Keys.GroupBy(Root)
            .Where(g => g.Count() > 1)
            .Select(g => g.OrderBy(d => d.Value, StringComparer.Ordinal).ToImmutableArray())
            .OrderBy(g => g[0].Value, StringComparer.Ordinal)];

    DocumentId Root(DocumentId id)
    {
        while (_parent[id] != id)
        {
            _parent[id] = _parent[_parent[id]];
            id = _parent[id];
        }

        return id;
    }

    void Union(DocumentId a, DocumentId b)
    {
        var ra = Root(a);
        var rb = Root(b);
        if (ra == rb)
        {
            return;
        }

        if (string.CompareOrdinal(ra.Value, rb.Value) < 0)
        {
            _parent[rb] = ra;
        }
        else
        {
            _parent[ra] = rb;
        }
    }
}
