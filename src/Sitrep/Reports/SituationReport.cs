using System.Collections.Immutable;
using Sitrep.Events;
using Sitrep.Fusion;

namespace Sitrep.Reports;

/// <summary>What a situation report covers: a date range and optionally a country, an admin1 or a place with a radius.</summary>
/// <param name="From">First day.</param>
/// <param name="To">Last day.</param>
/// <param name="Country">ISO alpha-2, or null.</param>
/// <param name="Admin1">Admin1 name, or null.</param>
/// <param name="Place">Centre (name, latitude, longitude) for a radius filter, or null.</param>
/// <param name="RadiusKm">Radius around <paramref name="Place"/>.</param>
public sealed record ReportScope(DateOnly From, DateOnly To, string? Country = null, string? Admin1 = null, (string Name, double Lat, double Lon)? Place = null, double RadiusKm = 25)
{
    /// <summary>True when the event falls inside the scope.</summary>
    public bool Contains(ConflictEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        if (e.EventDate < From || e.EventDate > To)
        {
            return false;
        }

        var l = e.Location;
        if (Country is not null && (l is null || !string.Equals(l.Country, Country, StringComparison.OrdinalIgnoreCase)))
        {
            return false;
        }

        if (Admin1 is not null && (l?.Admin1 is null || !EventMatcher.SameAdmin1(l.Admin1, Admin1)))
        {
            return false;
        }

        return Place is not { } p || (l is not null && EventMatcher.DistanceKm(p.Lat, p.Lon, l.Latitude, l.Longitude) <= RadiusKm);
    }

    /// <summary>A short description ("Aleppo, 2016-10-01 to 2016-10-31").</summary>
    public string Describe() =>
        $"{(Place is { } p ? $"within {RadiusKm:0} km of {p.Name}, " : Admin1 is not null ? Admin1 + ", " : Country is not null ? Country + ", " : string.Empty)}{From:yyyy-MM-dd} to {To:yyyy-MM-dd}";
}

/// <summary>The content of a situation report, before rendering.</summary>
public sealed record SituationReport(
    ReportScope Scope,
    ImmutableArray<FusedEvent> Events,
    ImmutableArray<(AcledEventType Type, int Events, int Fatalities)> ByType,
    ImmutableArray<(string Actor, int Events, int Fatalities)> ByActor,
    ImmutableArray<(string Admin1, int Events, int Fatalities)> ByAdmin1,
    ImmutableDictionary<DateOnly, double> EventsPerDay,
    ImmutableDictionary<DateOnly, double> FatalitiesPerDay,
    ImmutableArray<ControlPeriod> ControlChanges,
    ImmutableArray<FusedEvent> KeyEvents)
{
    /// <summary>Total fatalities (ACLED rule: each fused event's lowest credible figure).</summary>
    public int Fatalities => Events.Sum(e => e.Event.Fatalities ?? 0);

    /// <summary>Builds the report content from fused events and a control map.</summary>
    public static SituationReport Build(ReportScope scope, IEnumerable<FusedEvent> fused, ControlMap control, int maxKeyEvents = 40)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(fused);
        ArgumentNullException.ThrowIfNull(control);
        var events = fused.Where(f => scope.Contains(f.Event))
            .OrderBy(f => f.Event.EventDate).ThenBy(f => f.Id.Value, StringComparer.Ordinal).ToImmutableArray();
        var byType = events.GroupBy(e => e.Event.EventType).OrderBy(g => g.Key)
            .Select(g => (g.Key, g.Count(), g.Sum(e => e.Event.Fatalities ?? 0))).ToImmutableArray();
        var byActor = events.Where(e => e.Event.Actor1 is not null).GroupBy(e => e.Event.Actor1!.Name, StringComparer.OrdinalIgnoreCase)
            .Select(g => (g.Key, g.Count(), g.Sum(e => e.Event.Fatalities ?? 0)))
            .OrderByDescending(x => x.Item2).ThenBy(x => x.Key, StringComparer.Ordinal).Take(12).ToImmutableArray();
        var byAdmin1 = events.GroupBy(e => e.Event.Location?.Admin1 ?? "(unknown)", StringComparer.OrdinalIgnoreCase)
            .Select(g => (g.Key, g.Count(), g.Sum(e => e.Event.Fatalities ?? 0)))
            .OrderByDescending(x => x.Item2).ThenBy(x => x.Key, StringComparer.Ordinal).ToImmutableArray();
        var perDay = events.GroupBy(e => e.Event.EventDate).ToImmutableDictionary(g => g.Key, g => (double)g.Count());
        var fatalPerDay = events.GroupBy(e => e.Event.EventDate).ToImmutableDictionary(g => g.Key, g => (double)g.Sum(e => e.Event.Fatalities ?? 0));
        var changes = control.ChangesBetween(scope.From, scope.To)
            .Where(p => scope.Contains(Probe(p))).ToImmutableArray();
        var key = events
            .OrderByDescending(e => (e.Event.Fatalities ?? 0) + (e.Event.Territory is null ? 0 : 50) + (5 * e.IndependentSources))
            .ThenBy(e => e.Id.Value, StringComparer.Ordinal)
            .Take(maxKeyEvents)
            .OrderBy(e => e.Event.EventDate).ThenBy(e => e.Id.Value, StringComparer.Ordinal)
            .ToImmutableArray();
        return new SituationReport(scope, events, byType, byActor, byAdmin1, perDay, fatalPerDay, changes, key);
    }

    // A stand-in event at the period's place and start date, so the scope test is the same as for events.
    static ConflictEvent Probe(ControlPeriod p) => new()
    {
        Id = new EventId("probe"),
        EventDate = p.From ?? DateOnly.MinValue,
        TimePrecision = Temporal.TimePrecision.Day,
        DateInterval = new Temporal.DateInterval(p.From ?? DateOnly.MinValue, p.From ?? DateOnly.MinValue),
        SubEventType = AcledSubEventType.Other,
        Plover = new PloverCode(string.Empty, null),
        Cameo = string.Empty,
        Location = p.Place,
    };
}
