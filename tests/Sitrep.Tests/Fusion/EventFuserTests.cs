using Sitrep.Documents;
using Sitrep.Events;
using Sitrep.Fusion;
using static Sitrep.Tests.Fusion.FusionSome;

namespace Sitrep.Tests.Fusion;

public sealed class EventFuserTests
{
    [Fact]
    public void Add_keeps_every_report_and_takes_lowest_fatalities_with_range()
    {
        var fuser = EventFuser.CreateDefault();
        fuser.Add([Event("a", actor1: Army, fatalities: 28, doc: "d1"), Event("b", actor1: Army, fatalities: 35, doc: "d2"), Event("c", actor1: Army, doc: "d3")]);
        var f = Assert.Single(fuser.Snapshot());
        Assert.Equal(3, f.Reports.Length);
        Assert.Equal(28, f.Event.Fatalities);
        Assert.Equal((28, 35), (f.FatalitiesLow!.Value, f.FatalitiesHigh!.Value));
        Assert.Equal(3, f.Event.Sources.Length);
        Assert.Contains(f.Conflicts, c => c.Field == "fatalities" && c.Claims.Length == 2);
    }

    [Fact]
    public void Add_republications_count_as_one_source()
    {
        var events = new[] { Event("a", actor1: Army, doc: "wire"), Event("b", actor1: Army, doc: "copy"), Event("c", actor1: Army, doc: "other") };
        var independent = EventFuser.CreateDefault();
        independent.Add(events);
        var grouped = EventFuser.CreateDefault(d => d.Value == "copy" ? "wire" : d.Value);
        grouped.Add(events);
        var i = Assert.Single(independent.Snapshot());
        var g = Assert.Single(grouped.Snapshot());
        Assert.Equal(3, i.IndependentSources);
        Assert.Equal(2, g.IndependentSources);
        Assert.True(i.Event.Confidence > g.Event.Confidence);
    }

    [Fact]
    public void Add_returns_only_the_fused_events_it_touched()
    {
        var fuser = EventFuser.CreateDefault();
        fuser.Add([Event("a", actor1: Army), Event("g", at: Gondor, actor1: Army)]);
        var changed = fuser.Add([Event("b", actor1: Army, doc: "d2", fatalities: 4)]);
        var f = Assert.Single(changed);
        Assert.Equal(["a", "b"], f.Reports.Select(r => r.Id.Value));
        Assert.Equal(2, fuser.Snapshot().Length);
    }

    [Fact]
    public void Add_coarse_report_attaches_but_does_not_bridge()
    {
        var fuser = EventFuser.CreateDefault();
        fuser.Add([
            Event("p1", actor1: Army, date: "2016-10-05"),
            Event("p2", actor1: Army, date: "2016-10-20", doc: "d2"),
            Event("m", actor1: Army, date: "2016-10-01", end: "2016-10-31", doc: "d3"),
        ]);
        var snap = fuser.Snapshot();
        Assert.Equal(2, snap.Length);
        Assert.Contains(snap, f => f.Reports.Select(r => r.Id.Value).SequenceEqual(["m", "p1"]));
    }

    [Fact]
    public void Add_conflicting_attribution_stays_visible()
    {
        var fuser = EventFuser.CreateDefault();
        fuser.Add([Event("a", actor1: Army, actor2: Civilians), Event("b", actor1: Russia, actor2: Civilians, doc: "d2")]);
        var f = Assert.Single(fuser.Snapshot());
        var conflict = Assert.Single(f.Conflicts, c => c.Field == "actor1");
        Assert.Equal(2, conflict.Claims.Length);
    }

    [Fact]
    public void Add_any_ingest_order_gives_the_same_fused_set()
    {
        var events = Corpus();
        var expected = Canonical(Fuse(events));
        Assert.True(expected.Count < events.Count); // something fused
        for (var seed = 1; seed <= 25; seed++)
        {
            var rng = new Random(seed);
            var shuffled = events.OrderBy(_ => rng.Next()).ToList();
            // Feed in random batch sizes too: incremental ingest.
            var fuser = EventFuser.CreateDefault();
            for (var i = 0; i < shuffled.Count;)
            {
                var n = rng.Next(1, 6);
                fuser.Add(shuffled.Skip(i).Take(n));
                i += n;
            }

            Assert.Equal(expected, Canonical(fuser.Snapshot()));
        }

        var bulk = EventFuser.CreateDefault();
        Assert.Equal(events.Count, bulk.AddMany(events.AsEnumerable().Reverse()));
        Assert.Equal(expected, Canonical(bulk.Snapshot()));
    }

    static List<ConflictEvent> Corpus()
    {
        // Clusters of reports of strikes and clashes over ten days in three places, with chains that single-link
        // fusion must resolve the same way whatever the order, plus coarse "this month" reports.
        var rng = new Random(7);
        var places = new[] { Arnor, ArnorSuburb, Gondor, Place("Rohan", 35.45, 38.0, "Rohan") };
        var actors = new[] { Army, AirForce, Russia, IslamicState, Rebels, JaishAlIslam };
        var types = new[] { AcledSubEventType.AirDroneStrike, AcledSubEventType.ShellingArtilleryMissileAttack, AcledSubEventType.ArmedClash };
        var list = new List<ConflictEvent>();
        for (var i = 0; i < 70; i++)
        {
            var day = 1 + rng.Next(10);
            var coarse = rng.Next(10) == 0;
            list.Add(Event(
                $"e{i:000}",
                types[rng.Next(types.Length)],
                places[rng.Next(places.Length)],
                coarse ? "2016-10-01" : $"2016-10-{day:00}",
                coarse ? "2016-10-31" : null,
                actors[rng.Next(actors.Length)],
                rng.Next(2) == 0 ? Civilians : actors[rng.Next(actors.Length)],
                rng.Next(3) == 0 ? null : rng.Next(1, 40),
                doc: $"d{rng.Next(30)}"));
        }

        return list;
    }

    static System.Collections.Immutable.ImmutableArray<FusedEvent> Fuse(IEnumerable<ConflictEvent> events)
    {
        var fuser = EventFuser.CreateDefault();
        fuser.Add(events);
        return fuser.Snapshot();
    }

    static List<string> Canonical(IEnumerable<FusedEvent> fused) =>
        [.. fused.Select(f => $"{f.Id}:{string.Join(",", f.Reports.Select(r => r.Id.Value))}:{f.Event.Fatalities}:{f.Event.SubEventType}:{f.Event.Location?.Name}:{f.Event.Actor1?.Name}").Order(StringComparer.Ordinal)];

    [Fact]
    public void Find_returns_the_fused_event_of_a_report()
    {
        var fuser = EventFuser.CreateDefault();
        fuser.Add([Event("a", actor1: Army), Event("b", actor1: Army, doc: "d2")]);
        Assert.Equal(2, fuser.Find(new EventId("b"))!.Reports.Length);
        Assert.Null(fuser.Find(new EventId("zzz")));
        Assert.Equal(new DocumentId("d1"), fuser.Find(new EventId("a"))!.Event.Sources[0].DocumentId);
    }
}
