using System.Collections.Immutable;

namespace Sitrep.Events;

/// <summary>One actor of the registry (see docs/events.md for the data format).</summary>
/// <param name="Id">Wikidata QID or project slug.</param>
/// <param name="Name">Canonical name; may hold "{demonym}" / "{country}" placeholders (generic sides).</param>
/// <param name="Kind">Coarse kind driving the type rules.</param>
/// <param name="Inter">ACLED inter code; 0 for sources.</param>
/// <param name="Country">ISO2 home country or null.</param>
/// <param name="ValidFrom">First day the name applies, or null.</param>
/// <param name="ValidTo">Last day the name applies, or null.</param>
/// <param name="Successor">Id of the actor the group became after <paramref name="ValidTo"/>.</param>
/// <param name="Affiliations">Ids of the actors this one is backed by or part of.</param>
/// <param name="Tags">Free tags: jihadist, air, template.</param>
/// <param name="Aliases">Surface forms.</param>
public sealed record ActorDefinition(
    string Id,
    string Name,
    ActorKind Kind,
    int Inter,
    string? Country,
    DateOnly? ValidFrom,
    DateOnly? ValidTo,
    string? Successor,
    ImmutableArray<string> Affiliations,
    ImmutableArray<string> Tags,
    ImmutableArray<string> Aliases)
{
    /// <summary>True for sources (monitors, media): they become reported_by, never actors.</summary>
    public bool IsSource => Kind is ActorKind.Monitor or ActorKind.Media;

    /// <summary>True when the name holds a placeholder to fill from the event's country.</summary>
    public bool IsTemplate => Name.Contains('{', StringComparison.Ordinal);

    /// <summary>True for armed actors.</summary>
    public bool IsArmed => Kind is ActorKind.StateForces or ActorKind.RebelGroup or ActorKind.Militia
        or ActorKind.ExternalForce or ActorKind.Unidentified;

    /// <summary>True when tagged <paramref name="tag"/>.</summary>
    public bool Has(string tag) => Tags.Contains(tag, StringComparer.Ordinal);
}
