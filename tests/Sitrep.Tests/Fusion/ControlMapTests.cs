using Sitrep.Events;
using Sitrep.Fusion;
using static Sitrep.Tests.Fusion.FusionSome;

namespace Sitrep.Tests.Fusion;

public sealed class ControlMapTests
{
    static readonly EventLocation Kamal = Place("Abu Kamal", 34.45, 40.92, "Deir ez-Zor", id: "G1");

    static ConflictEvent Change(string id, string date, ActorRef? from, ActorRef? to, TerritoryChangeKind kind = TerritoryChangeKind.Capture, string? published = null, string outlet = "AFP") =>
        Event(id, kind == TerritoryChangeKind.Encirclement ? AcledSubEventType.ArmedClash : AcledSubEventType.NonStateActorOvertakesTerritory,
            Kamal, date, actor1: to, actor2: from, doc: id, outlet: outlet, published: published,
            territory: new TerritoryChange(Kamal, from, to, DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture)) { Kind = kind });

    [Fact]
    public void At_follows_captures_and_infers_earlier_holder()
    {
        var map = ControlMap.Build([
            Change("c1", "2017-11-09", IslamicState, Army),
            Change("c2", "2017-11-11", Army, IslamicState),
        ]);
        var t = Assert.Single(map.Timelines);
        Assert.Equal(3, t.Periods.Length);
        Assert.Equal("Islamic State", t.At(new DateOnly(2017, 11, 1))!.Controller!.Name);   // inferred from c1's "from"
        Assert.Equal("Military Forces of Syria", t.At(new DateOnly(2017, 11, 10))!.Controller!.Name);
        var now = t.At(new DateOnly(2017, 11, 12))!;
        Assert.Equal("Islamic State", now.Controller!.Name);
        Assert.Equal("AFP", now.Evidence[0].Sources[0].Outlet);
    }

    [Fact]
    public void Build_places_late_report_by_event_date()
    {
        // Reported in 2017 about 2015: it must become the early period, not the latest.
        var map = ControlMap.Build([
            Change("late", "2015-05-20", IraqiArmy, IslamicState, published: "2017-06-01"),
            Change("recent", "2017-06-01", IslamicState, IraqiArmy),
        ]);
        var t = Assert.Single(map.Timelines);
        Assert.Equal("Islamic State", t.At(new DateOnly(2016, 1, 1))!.Controller!.Name);
        Assert.Equal("Military Forces of Iraq", t.Periods[^1].Controller!.Name);
    }

    [Fact]
    public void Build_encirclement_is_contested_and_keeps_holder()
    {
        var map = ControlMap.Build([
            Change("c1", "2017-09-01", null, IslamicState),
            Change("e1", "2017-10-01", IslamicState, Army, TerritoryChangeKind.Encirclement),
        ]);
        var p = map.Timelines[0].At(new DateOnly(2017, 10, 5))!;
        Assert.Equal(ControlState.Contested, p.State);
        Assert.Equal("Islamic State", p.Controller!.Name);
    }

    [Fact]
    public void Build_conflicting_claims_same_day_are_contested_with_both_evidences()
    {
        var map = ControlMap.Build([
            Change("is", "2017-11-11", Army, IslamicState, outlet: "Amaq"),
            Change("army", "2017-11-11", null, Army, TerritoryChangeKind.Claim, outlet: "SANA"),
        ]);
        var p = map.Timelines[0].At(new DateOnly(2017, 11, 11))!;
        Assert.Equal(ControlState.Contested, p.State);
        Assert.Equal(2, p.Evidence.Length);
    }

    [Fact]
    public void Build_same_date_hand_overs_that_chain_follow_each_other_instead_of_contesting()
    {
        // A coarse date ("in 2015") shared by two changes: IS took it, then the army took it from IS.
        var map = ControlMap.Build([
            Change("later", "2015-01-01", IslamicState, IraqiArmy),
            Change("earlier", "2015-01-01", null, IslamicState),
        ]);
        var t = Assert.Single(map.Timelines);
        Assert.Equal(["Islamic State", "Military Forces of Iraq"], t.Periods.Select(p => p.Controller!.Name));
        Assert.Equal(ControlState.Held, t.Periods[^1].State);
    }

    [Fact]
    public void Find_tolerates_spelling_variants()
    {
        var map = ControlMap.Build([Change("c1", "2017-11-09", IslamicState, Army)]);
        Assert.Single(map.Find("Abu Kamal"));
        Assert.Single(map.Find("Albu Kamal"));
        Assert.Empty(map.Find("Gondor"));
    }

    [Fact]
    public void At_snapshot_filters_by_country_and_bbox()
    {
        var map = ControlMap.Build([Change("c1", "2017-11-09", IslamicState, Army)]);
        Assert.Single(map.At(new DateOnly(2017, 11, 10), "SY"));
        Assert.Empty(map.At(new DateOnly(2017, 11, 10), "IQ"));
        Assert.Empty(map.At(new DateOnly(2017, 11, 10), null, (35, 32, 38, 35)));
    }
}
