using Sitrep.Events;
using static Sitrep.Tests.Fusion.FusionSome;

namespace Sitrep.Tests.Fusion;

public sealed class EventMatcherTests
{
    [Theory]
    [InlineData(AcledSubEventType.AirDroneStrike, AcledSubEventType.ShellingArtilleryMissileAttack, true)]   // "bombardment" is told both ways
    [InlineData(AcledSubEventType.ArmedClash, AcledSubEventType.GovernmentRegainsTerritory, true)]           // a capture is a battle
    [InlineData(AcledSubEventType.SuicideBomb, AcledSubEventType.RemoteExplosiveLandmineIed, true)]          // car bomb vs suicide car bomb
    [InlineData(AcledSubEventType.AirDroneStrike, AcledSubEventType.ArmedClash, false)]
    [InlineData(AcledSubEventType.Agreement, AcledSubEventType.Arrests, false)]                              // strategic developments need the same sub-type
    public void TypesCompatible_follows_families(AcledSubEventType a, AcledSubEventType b, bool expected) =>
        Assert.Equal(expected, EventMatcher.TypesCompatible(a, b));

    [Fact]
    public void PlacesCompatible_province_level_matches_same_admin1_far_away()
    {
        var town = Place("Far town", 36.5, 39.9, "Arnor Governorate");
        Assert.True(EventMatcher.PlacesCompatible(ArnorProvince, town, 25));
        Assert.False(EventMatcher.PlacesCompatible(Arnor, town, 25));
    }

    [Fact]
    public void Align_is_one_to_one_and_order_independent()
    {
        var gold = new[] { Event("g1", date: "2016-10-05"), Event("g2", at: Gondor, date: "2016-10-06") };
        var ours = new[] { Event("o1", date: "2016-10-05"), Event("o2", date: "2016-10-05"), Event("o3", at: Gondor, date: "2016-10-20") };
        var a = EventMatcher.Align(gold, ours);
        var b = EventMatcher.Align(gold.Reverse().ToArray(), ours.Reverse().ToArray());
        Assert.Single(a.Matches);
        Assert.Equal("g2", Assert.Single(a.Misses).Id.Value);
        Assert.Equal(2, a.Extras.Length);
        Assert.Equal(a.Matches.Select(m => m.Candidate.Id.Value).Order(), b.Matches.Select(m => m.Candidate.Id.Value).Order());
    }
}
