using Sitrep.Events;
using Sitrep.Syntax;

namespace Sitrep.Tests.Events;

/// <summary>The three sentences of issue 4, coded with the shipped syntax model: the right actor1/actor2 at the event level.</summary>
public sealed class SyntacticRolesTests
{
    static readonly Lazy<SyntaxParser> Parser = new(SyntaxParser.LoadDefault);

    static readonly DateOnly Pub = new(2016, 9, 4);

    static EventDocument Parsed(EventDocument doc) => doc with { Parse = s => Parser.Value.Parse(s) };

    [Fact]
    public void Extract_recapture_of_areas_rebels_had_seized_codes_both_sides()
    {
        var aleppo = EventTestText.Place("Aleppo", 36.2, 37.16, admin1: "Aleppo");
        var doc = Parsed(EventTestText.Doc(
            "Syrian government forces and their allies scored an important victory by recapturing areas in southwestern Aleppo which rebels had seized last month , the Syrian Observatory for Human Rights reported .",
            Pub, [aleppo]));
        var events = EventTestText.Extractor.Extract(doc).Where(e => e.Factuality == Factuality.Asserted).ToList();
        var regain = Assert.Single(events, e => e.SubEventType == AcledSubEventType.GovernmentRegainsTerritory);
        Assert.Equal("Military Forces of Syria", regain.Actor1!.Name);
        Assert.Equal("Syrian rebels", regain.Actor2!.Name);
        var seize = Assert.Single(events, e => e.SubEventType == AcledSubEventType.NonStateActorOvertakesTerritory);
        Assert.Equal("Syrian rebels", seize.Actor1!.Name);
        Assert.Equal("Military Forces of Syria", seize.Actor2!.Name);
        Assert.Equal(RoleRule.OtherSide, seize.Roles!.Actor2);
        Assert.Contains("Syrian Observatory for Human Rights", regain.ReportedBy);
    }

    [Fact]
    public void Extract_place_fell_to_group_codes_group_as_captor_and_place_as_location()
    {
        var waleed = EventTestText.Place("Al-Waleed", 33.42, 38.75, "IQ", Sitrep.Geo.PlaceKind.Crossing);
        var doc = Parsed(EventTestText.Doc("Al-Waleed , in the far west of Iraq , fell to the IS group in 2015 .", Pub, [waleed]));
        var e = Assert.Single(EventTestText.Extractor.Extract(doc), x => x.Factuality == Factuality.Asserted);
        Assert.Equal(AcledSubEventType.NonStateActorOvertakesTerritory, e.SubEventType);
        Assert.Equal("Islamic State", e.Actor1!.Name);
        Assert.Null(e.Actor2);
        Assert.Equal("Al-Waleed", e.Location!.Name);
        Assert.Equal(RoleRule.CapturedPlace, e.Roles!.Place);
    }

    [Fact]
    public void Extract_rebels_backed_by_tanks_liberated_town_from_group()
    {
        var jarabulus = EventTestText.Place("Jarabulus", 36.82, 38.01, admin1: "Aleppo");
        var doc = Parsed(EventTestText.Doc(
            "Turkish tanks crossed into Syria towards Jarabulus on Wednesday .\n"
            + "Those Syrian rebels , backed by some 30 Turkish tanks and coalition air support , quickly liberated that border town from Islamic State .",
            Pub, [jarabulus]));
        var e = Assert.Single(EventTestText.Extractor.Extract(doc), x => x.Territory is not null && x.Factuality == Factuality.Asserted);
        Assert.Equal(AcledSubEventType.NonStateActorOvertakesTerritory, e.SubEventType);
        Assert.Equal("Syrian rebels", e.Actor1!.Name);
        Assert.Equal(RoleRule.Subject, e.Roles!.Actor1);
        Assert.Equal("Islamic State", e.Actor2!.Name);
        Assert.Equal(RoleRule.FromPhrase, e.Roles!.Actor2);
        Assert.Equal("Jarabulus", e.Location!.Name);
        Assert.Contains(e.AssocActor1, a => a.Name == "Military Forces of Turkey");
    }

    [Fact]
    public void Extract_bomb_as_subject_leaves_no_positional_actor()
    {
        var ariha = EventTestText.Place("Ariha", 35.81, 36.61, admin1: "Idlib");
        var doc = Parsed(EventTestText.Doc("Twenty-five Nusra Front fighters were killed when a bomb exploded in a mosque in Ariha on Friday .", Pub, [ariha]));
        var e = Assert.Single(EventTestText.Extractor.Extract(doc), x => x.Factuality == Factuality.Asserted);
        Assert.Equal(AcledSubEventType.RemoteExplosiveLandmineIed, e.SubEventType);
        Assert.True(e.Actor1!.Name == "Unidentified Armed Group", e.Roles + " " + e.Trigger);
        Assert.Equal("Ariha", e.Location!.Name);
    }

    [Fact(Skip = "Known error of the shipped model (session 6): in 'Syrian government forces and Hayat Tahrir al-Sham militants clashed' "
        + "it makes 'militants' the subject and 'forces' an obl:unmarked, so only one side is found (the session-4 model made 'forces' an advcl)")]
    public void Extract_conjoined_subjects_of_a_clash_are_the_two_sides()
    {
        var saraqib = EventTestText.Place("Saraqib", 35.86, 36.81, admin1: "Idlib");
        var doc = Parsed(EventTestText.Doc(
            "Four fighters were killed on Monday when Syrian government forces and Hayat Tahrir al-Sham militants clashed on the eastern outskirts of Saraqib .",
            Pub, [saraqib]));
        var e = Assert.Single(EventTestText.Extractor.Extract(doc), x => x.Factuality == Factuality.Asserted);
        Assert.Equal(AcledSubEventType.ArmedClash, e.SubEventType);
        Assert.Equal("Military Forces of Syria", e.Actor1!.Name);
        Assert.Equal("Hayat Tahrir al-Sham", e.Actor2!.Name);
        Assert.DoesNotContain(e.AssocActor1, a => a.Name == "Hayat Tahrir al-Sham");
    }

    [Fact]
    public void Extract_keeps_artillery_fire_and_air_strikes_on_one_place_as_two_events()
    {
        var ghouta = EventTestText.Place("Eastern Ghouta", 33.57, 36.4, admin1: "Rif-dimashq");
        var doc = Parsed(EventTestText.Doc(
            "Syrian government forces shelled Eastern Ghouta on Sunday , killing five civilians .\n"
            + "Syrian warplanes carried out air strikes on Eastern Ghouta on Sunday , killing three civilians .",
            Pub, [ghouta]));
        var events = EventTestText.Extractor.Extract(doc).Where(e => e.Factuality == Factuality.Asserted).ToList();
        Assert.Contains(events, e => e.SubEventType == AcledSubEventType.ShellingArtilleryMissileAttack);
        Assert.Contains(events, e => e.SubEventType == AcledSubEventType.AirDroneStrike);
    }
}
