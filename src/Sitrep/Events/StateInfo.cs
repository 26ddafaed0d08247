using System.Collections.Immutable;

namespace Sitrep.Events;

/// <summary>One state of data/actors/states.tsv.</summary>
/// <param name="Iso2">ISO 3166-1 alpha-2 code.</param>
/// <param name="Name">Name used in ACLED actor names.</param>
/// <param name="Aliases">Other names of the country.</param>
/// <param name="Demonyms">Adjectives, the first one used in generated names.</param>
/// <param name="Seats">Capitals and seats of power, metonyms for the government.</param>
/// <param name="Qid">Wikidata QID.</param>
/// <param name="IsoNumeric">ISO 3166-1 numeric code, ACLED's <c>iso</c> column.</param>
/// <param name="Region">ACLED region ("Middle East").</param>
public sealed record StateInfo(string Iso2, string Name, ImmutableArray<string> Aliases, ImmutableArray<string> Demonyms,
    ImmutableArray<string> Seats, string? Qid, int? IsoNumeric = null, string? Region = null)
{
    /// <summary>"Military Forces of the United States" needs the article.</summary>
    public string NameInActorNames => Iso2 is "US" or "GB" or "AE" or "NL" or "PH" or "CD" or "CG" or "CF" ? "the " + Name : Name;

    /// <summary>The main demonym.</summary>
    public string Demonym => Demonyms.IsDefaultOrEmpty ? Name : Demonyms[0];
}
