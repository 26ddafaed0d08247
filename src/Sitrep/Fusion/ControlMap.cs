using System.Collections.Immutable;
using Sitrep.Events;

namespace Sitrep.Fusion;

/// <summary>A place with its control state on one date.</summary>
public sealed record ControlSnapshotEntry(ControlTimeline Timeline, ControlPeriod Period);

/// <summary>
/// Per-place control timelines built from control changes, ordered by event date so that a later report of an
/// earlier event lands where it happened. Build with <see cref="Build"/>; immutable afterwards.
/// </summary>
public sealed class ControlMap
{
    ControlMap(ImmutableArray<ControlTimeline> timelines) => Timelines = timelines;

    /// <summary>Every place's timeline, ordered by key.</summary>
    public ImmutableArray<ControlTimeline> Timelines { get; }

    /// <summary>The change of control an event states, or null. Territory events without an explicit change are read from their sub-type and actors.</summary>
    public static TerritoryChange? ChangeOf(ConflictEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        if (e.Territory is { } t)
        {
            return t;
        }

        if (e.Location is null || e.Location.GeoPrecision >= 3)
        {
            return null;
        }

        return e.SubEventType switch
        {
            AcledSubEventType.GovernmentRegainsTerritory or AcledSubEventType.NonStateActorOvertakesTerritory when e.Actor1 is not null =>
                new TerritoryChange(e.Location, e.Actor2, e.Actor1, e.EventDate),
            AcledSubEventType.NonViolentTransferOfTerritory when e.Actor1 is not null =>
                new TerritoryChange(e.Location, e.Actor2, e.Actor1, e.EventDate) { Kind = TerritoryChangeKind.Transfer },
            _ => null,
        };
    }

    /// <summary>Builds timelines from events (raw or fused); only asserted and claimed statements count.</summary>
    public static ControlMap Build(IEnumerable<ConflictEvent> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        var changes = new List<(string Key, TerritoryChange Change, ConflictEvent Event)>();
        foreach (var e in events)
        {
            if (e.Factuality is not (Factuality.Asserted or Factuality.Claimed) || ChangeOf(e) is not { } c)
            {
                continue;
            }

            changes.Add((PlaceKey(c.Place), c, e));
        }

        var timelines = changes.GroupBy(x => x.Key, StringComparer.Ordinal)
            .Select(g => BuildTimeline(g.Key, [.. g.Select(x => (x.Change, x.Event))]))
            .OrderBy(t => t.Key, StringComparer.Ordinal)
            .ToImmutableArray();
        return new ControlMap(timelines);
    }

    /// <summary>Key of a place: its gazetteer id, else its normalised name.</summary>
    public static string PlaceKey(EventLocation place)
    {
        ArgumentNullException.ThrowIfNull(place);
        return place.PlaceId.Length > 0 ? place.PlaceId : "name:" + PlaceNames.Key(place.Name);
    }

    static ControlEvidence Evidence(TerritoryChange c, ConflictEvent e) =>
        new(e.Id, c.Date, c.Kind, c.From, c.To, e.Summary, e.Sources);

    static bool SameActor(ActorRef? a, ActorRef? b) =>
        a is not null && b is not null
        && (string.Equals(a.Id, b.Id, StringComparison.OrdinalIgnoreCase) || string.Equals(PlaceNames.Key(a.Name), PlaceNames.Key(b.Name), StringComparison.Ordinal));

    static ControlTimeline BuildTimeline(string key, List<(TerritoryChange Change, ConflictEvent Event)> items)
    {
        items.Sort((x, y) => x.Change.Date != y.Change.Date ? x.Change.Date.CompareTo(y.Change.Date)
            : x.Change.Kind != y.Change.Kind ? x.Change.Kind.CompareTo(y.Change.Kind)
            : string.CompareOrdinal(x.Event.Id.Value, y.Event.Id.Value));
        var place = items.Select(i => i.Change.Place).OrderBy(p => p.GeoPrecision).ThenBy(p => p.Name, StringComparer.Ordinal).First();
        var periods = new List<ControlPeriod>();
        var first = items[0].Change;
        if (first.From is not null && first.Kind != TerritoryChangeKind.Claim)
        {
            periods.Add(new ControlPeriod(place, first.From, null, first.Date, ControlState.Held, [Evidence(first, items[0].Event)]));
        }

        foreach (var dayGroup in items.GroupBy(i => i.Change.Date))
        {
            var date = dayGroup.Key;
            var current = periods.Count > 0 ? periods[^1] : null;
            var day = dayGroup.ToArray();
            var evidence = day.Select(i => Evidence(i.Change, i.Event)).ToImmutableArray();
            var transfers = day.Where(i => i.Change.Kind is TerritoryChangeKind.Capture or TerritoryChangeKind.Transfer
                || (i.Change.Kind == TerritoryChangeKind.Withdrawal && i.Change.To is not null)).ToArray();
            var chained = false;
            if (ChainOf(transfers) is { } chain)
            {
                // Changes dated alike (a coarse date) that hand the place on one to the next happened in that
                // order: "fell to IS in 2015" ... "Iraqi forces took it from IS". Each link holds it in turn.
                foreach (var link in chain[..^1])
                {
                    if (current is not null)
                    {
                        periods[^1] = current with { Until = date };
                    }

                    current = new ControlPeriod(place, link.Change.To, date, date, ControlState.Held, [Evidence(link.Change, link.Event)]);
                    periods.Add(current);
                }

                transfers = [chain[^1]];
                day = [.. day.Where(i => !chain[..^1].Contains(i))];
                evidence = [.. day.Select(i => Evidence(i.Change, i.Event))];
                chained = true;
            }

            ControlPeriod next;
            if (transfers.Length > 0)
            {
                // The most reported new holder wins; any other claimed holder the same day makes it contested.
                var winner = transfers.GroupBy(t => t.Change.To?.Name ?? string.Empty, StringComparer.OrdinalIgnoreCase)
                    .OrderByDescending(g => g.Sum(t => Math.Max(1, t.Event.Sources.Length)))
                    .ThenByDescending(g => g.Max(t => t.Event.Id.Value), StringComparer.Ordinal)
                    .First().First().Change.To;
                var disputed = day.Any(i => i.Change.Kind is not TerritoryChangeKind.Withdrawal && i.Change.To is not null && !SameActor(i.Change.To, winner))
                    || day.Any(i => i.Change.Kind == TerritoryChangeKind.Encirclement);
                next = new ControlPeriod(place, winner, date, null, winner is null ? ControlState.Unknown : disputed ? ControlState.Contested : ControlState.Held, evidence);
            }
            else if (day.Any(i => i.Change.Kind == TerritoryChangeKind.Encirclement))
            {
                var holder = current?.Controller ?? day.Select(i => i.Change.From).FirstOrDefault(a => a is not null);
                next = new ControlPeriod(place, holder, date, null, ControlState.Contested, evidence);
            }
            else if (day.Any(i => i.Change.Kind == TerritoryChangeKind.Withdrawal))
            {
                next = new ControlPeriod(place, null, date, null, ControlState.Unknown, evidence);
            }
            else
            {
                // Claims of holding: confirm the current holder, or contest it.
                var claimed = day.Select(i => i.Change.To).FirstOrDefault(a => a is not null);
                if (current is not null && (current.Controller is null ? claimed is null : day.All(i => SameActor(i.Change.To, current.Controller))))
                {
                    periods[^1] = current with { Evidence = current.Evidence.AddRange(evidence) };
                    continue;
                }

                next = current is null
                    ? new ControlPeriod(place, claimed, date, null, ControlState.Held, evidence)
                    : new ControlPeriod(place, current.Controller, date, null, ControlState.Contested, evidence);
            }

            if (current is not null && current.From == date && !chained)
            {
                // Several statements about one day: merge into one period.
                periods[^1] = next with { Evidence = current.Evidence.AddRange(evidence), State = current.Controller is not null && next.Controller is not null && !SameActor(current.Controller, next.Controller) ? ControlState.Contested : next.State };
                continue;
            }

            if (current is not null)
            {
                periods[^1] = current with { Until = date };
            }

            periods.Add(next);
        }

        return new ControlTimeline(key, place, [.. periods]);
    }

    // The transfers of one day in hand-over order when they form one chain (each new holder is the next one's
    // loser), else null.
    static (TerritoryChange Change, ConflictEvent Event)[]? ChainOf((TerritoryChange Change, ConflictEvent Event)[] transfers)
    {
        if (transfers.Length < 2)
        {
            return null;
        }

        var start = transfers.Where(t => !transfers.Any(o => !ReferenceEquals(o.Change, t.Change) && SameActor(o.Change.To, t.Change.From))).ToArray();
        if (start.Length != 1)
        {
            return null;
        }

        var chain = new List<(TerritoryChange Change, ConflictEvent Event)> { start[0] };
        while (chain.Count < transfers.Length)
        {
            var last = chain[^1];
            var nexts = transfers.Where(t => !chain.Contains(t) && SameActor(last.Change.To, t.Change.From)).ToArray();
            if (nexts.Length != 1)
            {
                return null;
            }

            chain.Add(nexts[0]);
        }

        return [.. chain];
    }

    /// <summary>Timelines whose place name matches <paramref name="name"/> (normalised; one edit allowed per eight letters).</summary>
    public ImmutableArray<ControlTimeline> Find(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var key = PlaceNames.Key(name);
        var exact = Timelines.Where(t => string.Equals(PlaceNames.Key(t.Place.Name), key, StringComparison.Ordinal)).ToImmutableArray();
        if (!exact.IsEmpty)
        {
            return exact;
        }

        var budget = Math.Max(1, key.Length / 8);
        return [.. Timelines.Where(t => PlaceNames.Key(t.Place.Name) is var n && (n.StartsWith(key, StringComparison.Ordinal) || Levenshtein(n, key) <= budget))];
    }

    /// <summary>Every place known on <paramref name="date"/>, optionally filtered by country (ISO2) and bounding box.</summary>
    public ImmutableArray<ControlSnapshotEntry> At(DateOnly date, string? country = null, (double MinLon, double MinLat, double MaxLon, double MaxLat)? bbox = null) =>
        [.. Timelines
            .Where(t => country is null || string.Equals(t.Place.Country, country, StringComparison.OrdinalIgnoreCase))
            .Where(t => bbox is not { } b || (t.Place.Longitude >= b.MinLon && t.Place.Longitude <= b.MaxLon && t.Place.Latitude >= b.MinLat && t.Place.Latitude <= b.MaxLat))
            .Select(t => t.At(date) is { } p ? new ControlSnapshotEntry(t, p) : null)
            .OfType<ControlSnapshotEntry>()];

    /// <summary>Periods starting within [<paramref name="from"/>, <paramref name="to"/>], by date: the control changes of a period.</summary>
    public ImmutableArray<ControlPeriod> ChangesBetween(DateOnly from, DateOnly to) =>
        [.. Timelines.SelectMany(t => t.Periods).Where(p => p.From is { } f && f >= from && f <= to).OrderBy(p => p.From).ThenBy(p => p.Place.Name, StringComparer.Ordinal)];

    static int Levenshtein(string a, string b)
    {
        var prev = new int[b.Length + 1];
        var cur = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            prev[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            cur[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                cur[j] = Math.Min(Math.Min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            }

            (prev, cur) = (cur, prev);
        }

        return prev[b.Length];
    }
}
