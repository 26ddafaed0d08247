using System.Collections.Immutable;

namespace Sitrep.Events;

/// <summary>One state of data/actors/states.tsv.</summary>
public sealed record StateInfo(string Iso2, string Name, ImmutableArray<string> Aliases, ImmutableArray<string> Demonyms,
    ImmutableArray<string> Seats, string? Qid)
{
    /// <summary>"Military Forces of the United States" needs the article.</summary>
    public string NameInActorNames => Iso2 is "US" or "GB" or "AE" or "NL" or "PH" or "CD" or "CG" or "CF" ? "the " + Name : Name;

    /// <summary>The main demonym.</summary>
    public string Demonym => Demonyms.IsDefaultOrEmpty ? Name : Demonyms[0];
}
