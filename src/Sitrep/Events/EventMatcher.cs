using System.Collections.Immutable;
using Sitrep.Temporal;

namespace Sitrep.Events;

/// <summary>Tolerances of <see cref="EventMatcher"/>.</summary>
/// <param name="MaxDistanceKm">Largest distance between two point locations that still counts as the same place.</param>
/// <param name="DateWindowDays">Days of slack added on each side of the reference date interval.</param>
public sealed record EventMatchOptions(double MaxDistanceKm = 25, int DateWindowDays = 1)
{
    /// <summary>The rule used by <c>sitrep eval events</c> and <c>sitrep compare acled</c>.</summary>
    public static EventMatchOptions Default { get; } = new();
}

/// <summary>A one-to-one alignment of reference events with candidate events.</summary>
/// <param name="Matches">Pairs (reference, candidate) that matched.</param>
/// <param name="Misses">Reference events with no candidate.</param>
/// <param name="Extras">Candidates matching no reference event.</param>
public sealed record EventAlignment(
    ImmutableArray<(ConflictEvent Reference, ConflictEvent Candidate)> Matches,
    ImmutableArray<ConflictEvent> Misses,
    ImmutableArray<ConflictEvent> Extras);

/// <summary>
/// The one rule deciding whether two coded events are the same occurrence for evaluation and comparison:
/// compatible type, place within <see cref="EventMatchOptions.MaxDistanceKm"/> (or the same admin1 when either
/// side is province-level, geo precision 3), and the candidate's date interval meeting the reference's widened
/// by <see cref="EventMatchOptions.DateWindowDays"/>. Used by <c>sitrep eval events</c>, <c>sitrep compare acled</c>
/// and, with actor checks and precision-dependent distances on top, by event fusion.
/// </summary>
public static class EventMatcher
{
    const double EarthRadiusKm = 6371.0088;

    /// <summary>True when the two sub-event types can describe the same occurrence.</summary>
    /// <remarks>
    /// Same sub-type; or the same family: fighting and territory changes (clash, government regains, non-state
    /// overtakes, non-violent transfer); remote violence from the air or artillery (air/drone strike, shelling,
    /// chemical weapon, grenade); bombs (suicide bomb, remote explosive); protests and riots.
    /// </remarks>
    public static bool TypesCompatible(AcledSubEventType a, AcledSubEventType b) =>
        a == b || (Family(a) is { } fa && fa == Family(b));

    static int? Family(AcledSubEventType t) => t switch
    {
        AcledSubEventType.ArmedClash or AcledSubEventType.GovernmentRegainsTerritory
            or AcledSubEventType.NonStateActorOvertakesTerritory or AcledSubEventType.NonViolentTransferOfTerritory => 1,
        AcledSubEventType.AirDroneStrike or AcledSubEventType.ShellingArtilleryMissileAttack
            or AcledSubEventType.ChemicalWeapon or AcledSubEventType.Grenade => 2,
        AcledSubEventType.SuicideBomb or AcledSubEventType.RemoteExplosiveLandmineIed => 3,
        AcledSubEventType.PeacefulProtest or AcledSubEventType.ProtestWithIntervention
            or AcledSubEventType.ExcessiveForceAgainstProtesters or AcledSubEventType.ViolentDemonstration
            or AcledSubEventType.MobViolence => 4,
        _ => null,
    };

    /// <summary>Great-circle distance in kilometres.</summary>
    public static double DistanceKm(double lat1, double lon1, double lat2, double lon2)
    {
        static double Rad(double d) => d * Math.PI / 180;
        var dLat = Rad(lat2 - lat1);
        var dLon = Rad(lon2 - lon1);
        var h = (Math.Sin(dLat / 2) * Math.Sin(dLat / 2))
            + (Math.Cos(Rad(lat1)) * Math.Cos(Rad(lat2)) * Math.Sin(dLon / 2) * Math.Sin(dLon / 2));
        return 2 * EarthRadiusKm * Math.Asin(Math.Min(1, Math.Sqrt(h)));
    }

    /// <summary>Distance between two locations in kilometres.</summary>
    public static double DistanceKm(EventLocation a, EventLocation b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        return DistanceKm(a.Latitude, a.Longitude, b.Latitude, b.Longitude);
    }

    /// <summary>
    /// True when the locations are the same place: same place id, or within <paramref name="maxDistanceKm"/>,
    /// or — when either is province-level (geo precision 3) — in the same admin1 of the same country.
    /// A missing location on either side never matches.
    /// </summary>
    public static bool PlacesCompatible(EventLocation? a, EventLocation? b, double maxDistanceKm)
    {
        if (a is null || b is null)
        {
            return false;
        }

        if (a.PlaceId.Length > 0 && string.Equals(a.PlaceId, b.PlaceId, StringComparison.Ordinal))
        {
            return true;
        }

        if (a.GeoPrecision >= 3 || b.GeoPrecision >= 3)
        {
            if (a.Admin1 is { Length: > 0 } x && b.Admin1 is { Length: > 0 } y)
            {
                return string.Equals(a.Country, b.Country, StringComparison.OrdinalIgnoreCase) && SameAdmin1(x, y);
            }
        }

        return DistanceKm(a, b) <= maxDistanceKm;
    }

    /// <summary>Admin1 names compare case-, accent- and "Governorate/Province"-insensitively, spellings per data/geo/admin1-names.tsv.</summary>
    public static bool SameAdmin1(string a, string b) =>
        string.Equals(Admin1Names.Default.Key(a), Admin1Names.Default.Key(b), StringComparison.Ordinal);

    /// <summary>True when <paramref name="candidate"/> meets <paramref name="reference"/> widened by <paramref name="windowDays"/> on each side.</summary>
    public static bool DatesCompatible(DateInterval reference, DateInterval candidate, int windowDays) =>
        new DateInterval(reference.Start.AddDays(-windowDays), reference.End.AddDays(windowDays)).Overlaps(candidate);

    /// <summary>The evaluation rule: compatible type, compatible place, compatible date (see the class remarks).</summary>
    public static bool Matches(ConflictEvent reference, ConflictEvent candidate, EventMatchOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentNullException.ThrowIfNull(candidate);
        options ??= EventMatchOptions.Default;
        return TypesCompatible(reference.SubEventType, candidate.SubEventType)
            && PlacesCompatible(reference.Location, candidate.Location, options.MaxDistanceKm)
            && DatesCompatible(reference.DateInterval, candidate.DateInterval, options.DateWindowDays);
    }

    /// <summary>
    /// Aligns reference and candidate events one to one: every matching pair is scored (same sub-type first,
    /// then smaller distance, then smaller date gap) and taken greedily best-first, so the result does not
    /// depend on input order. <paramref name="sameScope"/> optionally restricts pairs (e.g. same document).
    /// </summary>
    public static EventAlignment Align(
        IReadOnlyList<ConflictEvent> reference,
        IReadOnlyList<ConflictEvent> candidates,
        EventMatchOptions? options = null,
        Func<ConflictEvent, ConflictEvent, bool>? sameScope = null)
    {
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentNullException.ThrowIfNull(candidates);
        options ??= EventMatchOptions.Default;
        var pairs = new List<(int R, int C, double Score)>();
        for (var r = 0; r < reference.Count; r++)
        {
            for (var c = 0; c < candidates.Count; c++)
            {
                var re = reference[r];
                var ce = candidates[c];
                if ((sameScope is null || sameScope(re, ce)) && Matches(re, ce, options))
                {
                    var dist = re.Location is { } a && ce.Location is { } b ? DistanceKm(a, b) : 0;
                    var gap = Math.Abs(re.EventDate.DayNumber - ce.EventDate.DayNumber);
                    var score = (re.SubEventType == ce.SubEventType ? 0 : 1000) + dist + gap;
                    pairs.Add((r, c, score));
                }
            }
        }

        // Ties are broken by ids, not positions, so the alignment does not depend on input order.
        pairs.Sort((x, y) => x.Score != y.Score ? x.Score.CompareTo(y.Score)
            : string.CompareOrdinal(reference[x.R].Id.Value, reference[y.R].Id.Value) is var r && r != 0 ? r
            : string.CompareOrdinal(candidates[x.C].Id.Value, candidates[y.C].Id.Value) is var c && c != 0 ? c
            : x.R != y.R ? x.R.CompareTo(y.R) : x.C.CompareTo(y.C));
        var usedR = new bool[reference.Count];
        var usedC = new bool[candidates.Count];
        var matches = ImmutableArray.CreateBuilder<(ConflictEvent, ConflictEvent)>();
        foreach (var (r, c, _) in pairs)
        {
            if (!usedR[r] && !usedC[c])
            {
                usedR[r] = usedC[c] = true;
                matches.Add((reference[r], candidates[c]));
            }
        }

        return new EventAlignment(
            matches.ToImmutable(),
            [.. reference.Where((_, i) => !usedR[i])],
            [.. candidates.Where((_, i) => !usedC[i])]);
    }
}
