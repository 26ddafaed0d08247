using System.Collections.Immutable;

namespace Sitrep.Geo;

/// <summary>Settings of the <see cref="Geoparser"/>.</summary>
public sealed record GeoparserOptions
{
    /// <summary>Users' supplement files (same format as data/geo/supplement.tsv), merged into the gazetteer.</summary>
    public ImmutableArray<string> PlacesFiles { get; init; } = [];

    /// <summary>Emit part-of-name mentions whose place is minor (a village inside a person's name); off by default.</summary>
    public bool KeepMinorPartOfName { get; init; }

    /// <summary>Allow the bounded fuzzy fallback (edit distance 1–2) inside the document's focus countries.</summary>
    public bool Fuzzy { get; init; } = true;

    /// <summary>When set, the resolver writes each mention's top-scored candidates here (error analysis).</summary>
    public TextWriter? Trace { get; init; }
}
