using Sitrep.Events;

namespace Sitrep.Fusion;

/// <summary>Tolerances of the fusion rule.</summary>
/// <param name="PointKm">Largest distance when both places are points (geo precision 1).</param>
/// <param name="NearKm">Largest distance when either place is only "near" a point (geo precision 2).</param>
/// <param name="RegionKm">Largest distance when either place is province-level and admin1 names are missing.</param>
/// <param name="DateSlackDays">Days of slack on each side of the date intervals. Zero by default: a report's own interval already carries its uncertainty, and one day of slack merged consecutive days of bombardment on the dev pairs.</param>
/// <param name="CoarseDays">Date intervals longer than this many days are "coarse": they attach to a precise event but never bridge two (one day: "overnight" stays precise; an extractor's three-day "shortly before publication" window does not, as it chained a city's events of a fortnight on the corpus).</param>
public sealed record FusionOptions(double PointKm = 10, double NearKm = 25, double RegionKm = 60, int DateSlackDays = 0, int CoarseDays = 1)
{
    /// <summary>The defaults.</summary>
    public static FusionOptions Default { get; } = new();
}

/// <summary>The decision whether two reports describe the same occurrence, and why.</summary>
public sealed record FusionDecision(bool Same, string Reason);

/// <summary>
/// Pairwise rule of event fusion: compatible types (<see cref="EventMatcher.TypesCompatible"/>), same place or
/// within a distance depending on geo precision (same admin1 when either is province-level), overlapping date
/// intervals (with a day of slack), compatible actors (alias, generic side, same state's forces, either order for
/// battles). Only asserted or claimed statements fuse.
/// </summary>
public sealed class FusionRule(ActorCompatibility actors, FusionOptions options)
{
    /// <summary>The rule with shipped data and default tolerances.</summary>
    public static FusionRule Default { get; } = new(ActorCompatibility.Default, FusionOptions.Default);

    /// <summary>Tolerances in use.</summary>
    public FusionOptions Options => options;

    /// <summary>True when <paramref name="e"/> has a long date interval (see <see cref="FusionOptions.CoarseDays"/>).</summary>
    public bool IsCoarse(ConflictEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        return e.DateInterval.End.DayNumber - e.DateInterval.Start.DayNumber > options.CoarseDays;
    }

    /// <summary>Whether the two reports describe the same occurrence.</summary>
    public bool Same(ConflictEvent a, ConflictEvent b) => Decide(a, b).Same;

    /// <summary>The decision with a short reason.</summary>
    public FusionDecision Decide(ConflictEvent a, ConflictEvent b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (a.Factuality is not (Factuality.Asserted or Factuality.Claimed) || b.Factuality is not (Factuality.Asserted or Factuality.Claimed))
        {
            return new(false, "not asserted");
        }

        if (!EventMatcher.TypesCompatible(a.SubEventType, b.SubEventType))
        {
            return new(false, "incompatible types");
        }

        if (!EventMatcher.DatesCompatible(a.DateInterval, b.DateInterval, options.DateSlackDays))
        {
            return new(false, "dates apart");
        }

        if (a.Location is not { } la || b.Location is not { } lb)
        {
            return new(false, "no place");
        }

        if (!PlacesCompatible(la, lb))
        {
            return new(false, "places apart");
        }

        if (!ActorsCompatible(a, b))
        {
            return new(false, "actors differ");
        }

        return new(true, "compatible type, place, date and actors");
    }

    bool PlacesCompatible(EventLocation a, EventLocation b)
    {
        if (a.PlaceId.Length > 0 && string.Equals(a.PlaceId, b.PlaceId, StringComparison.Ordinal))
        {
            return true;
        }

        if (!string.Equals(a.Country, b.Country, StringComparison.OrdinalIgnoreCase) && a.Country.Length > 0 && b.Country.Length > 0)
        {
            return false;
        }

        var precision = Math.Max(a.GeoPrecision, b.GeoPrecision);
        if (precision >= 3)
        {
            return a.Admin1 is { Length: > 0 } x && b.Admin1 is { Length: > 0 } y
                ? EventMatcher.SameAdmin1(x, y)
                : EventMatcher.DistanceKm(a, b) <= options.RegionKm;
        }

        return EventMatcher.DistanceKm(a, b) <= (precision == 2 ? options.NearKm : options.PointKm);
    }

    bool ActorsCompatible(ConflictEvent a, ConflictEvent b)
    {
        var remote = a.EventType == AcledEventType.ExplosionsRemoteViolence && b.EventType == AcledEventType.ExplosionsRemoteViolence;
        // A strike's victims are often reported as "civilians" by one outlet and as the targeted force by another.
        var targets = actors.Compatible(a.Actor2, b.Actor2)
            || (remote && (a.Actor2?.Kind == ActorKind.Civilians || b.Actor2?.Kind == ActorKind.Civilians));
        var straight = actors.Compatible(a.Actor1, b.Actor1) && targets;
        if (straight)
        {
            return true;
        }

        // Fighting is symmetric: "IS attacked the army" and "the army clashed with IS" are one battle.
        if (a.EventType == AcledEventType.Battles || b.EventType == AcledEventType.Battles)
        {
            if (actors.Compatible(a.Actor1, b.Actor2) && actors.Compatible(a.Actor2, b.Actor1))
            {
                return true;
            }
        }

        // Remote violence: outlets often disagree whose jets struck (Syrian or Russian); the target decides,
        // and the disagreement stays visible as a conflicting claim on the fused event.
        return remote
            && a.Actor1?.Kind is ActorKind.StateForces or ActorKind.ExternalForce
            && b.Actor1?.Kind is ActorKind.StateForces or ActorKind.ExternalForce
            && targets;
    }
}
