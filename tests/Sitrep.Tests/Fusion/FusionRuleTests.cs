using Sitrep.Events;
using Sitrep.Fusion;
using static Sitrep.Tests.Fusion.FusionSome;

namespace Sitrep.Tests.Fusion;

public sealed class FusionRuleTests
{
    static readonly FusionRule Rule = FusionRule.Default;

    [Fact]
    public void Decide_same_place_day_and_type_is_same() =>
        Assert.True(Rule.Same(Event("a", actor1: Army, actor2: Civilians), Event("b", at: ArnorSuburb, actor1: AirForce, actor2: Civilians, doc: "d2")));

    [Fact]
    public void Decide_consecutive_days_are_different() =>
        Assert.False(Rule.Same(Event("a", actor1: Army), Event("b", date: "2016-10-06", actor1: Army, doc: "d2")));

    [Fact]
    public void Decide_places_50km_apart_are_different() =>
        Assert.False(Rule.Same(Event("a"), Event("b", at: Place("Rohan", 35.45, 38.0), doc: "d2")));

    [Fact]
    public void Decide_province_level_report_joins_town_in_that_province() =>
        Assert.True(Rule.Same(Event("a", actor1: Army), Event("b", at: ArnorProvince, actor1: Army, doc: "d2")));

    [Fact]
    public void Decide_generic_side_matches_named_group() =>
        Assert.True(Rule.Same(
            Event("a", AcledSubEventType.ShellingArtilleryMissileAttack, actor1: Rebels, actor2: Civilians),
            Event("b", AcledSubEventType.ShellingArtilleryMissileAttack, actor1: JaishAlIslam, actor2: Civilians, doc: "d2")));

    [Fact]
    public void Decide_different_named_attackers_are_different() =>
        Assert.False(Rule.Same(
            Event("a", AcledSubEventType.ShellingArtilleryMissileAttack, actor1: IslamicState, actor2: Army),
            Event("b", AcledSubEventType.ShellingArtilleryMissileAttack, actor1: JaishAlIslam, actor2: Army, doc: "d2")));

    [Fact]
    public void Decide_battle_with_sides_reversed_is_same() =>
        Assert.True(Rule.Same(
            Event("a", AcledSubEventType.ArmedClash, actor1: IslamicState, actor2: Army),
            Event("b", AcledSubEventType.ArmedClash, actor1: Army, actor2: IslamicState, doc: "d2")));

    [Fact]
    public void Decide_denied_statement_never_fuses() =>
        Assert.False(Rule.Same(Event("a", actor1: Army), Event("b", actor1: Army, doc: "d2", factuality: Factuality.Denied)));

    [Fact]
    public void Decide_other_country_forces_differ() =>
        Assert.False(Rule.Same(
            Event("a", AcledSubEventType.ArmedClash, actor1: Army, actor2: IslamicState),
            Event("b", AcledSubEventType.ArmedClash, actor1: IraqiArmy, actor2: IslamicState, doc: "d2")));
}
