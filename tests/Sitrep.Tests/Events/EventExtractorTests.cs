using Sitrep.Events;

namespace Sitrep.Tests.Events;

public sealed class EventExtractorTests
{
    static readonly DateOnly Pub = new(2017, 11, 11);

    [Fact]
    public void Extract_nonstate_recapture_is_overtakes_territory_with_place_and_date()
    {
        var albu = EventTestText.Place("Albu Kamal", 34.45, 40.92, admin1: "Deir ez-Zor");
        var doc = EventTestText.Doc("The Islamic State group recaptured nearly all of Albu Kamal in eastern Syria on Saturday .", Pub, [albu], [("on Saturday", Pub)]);
        var e = Assert.Single(EventTestText.Extractor.Extract(doc));
        Assert.Equal(AcledSubEventType.NonStateActorOvertakesTerritory, e.SubEventType);
        Assert.Equal("Islamic State", e.Actor1!.Name);
        Assert.Equal("Albu Kamal", e.Location!.Name);
        Assert.Equal(Pub, e.EventDate);
        Assert.Equal("Islamic State", e.Territory!.To!.Name);
        Assert.Equal(RoleRule.CapturedPlace, e.Roles!.Place);
    }

    [Fact]
    public void Extract_without_a_parse_codes_conjoined_subjects_of_a_clash_as_the_two_sides()
    {
        var saraqib = EventTestText.Place("Saraqib", 35.86, 36.81, admin1: "Idlib");
        var doc = EventTestText.Doc("Syrian government forces and Hayat Tahrir al-Sham militants clashed on the eastern outskirts of Saraqib on Monday .", Pub, [saraqib]);
        var e = Assert.Single(EventTestText.Extractor.Extract(doc), x => x.Factuality == Factuality.Asserted);
        Assert.Equal(AcledSubEventType.ArmedClash, e.SubEventType);
        Assert.Equal("Military Forces of Syria", e.Actor1!.Name);
        Assert.Equal("Hayat Tahrir al-Sham", e.Actor2!.Name);
    }

    [Fact]
    public void Extract_state_capture_from_group_is_government_regains()
    {
        var crossing = EventTestText.Place("al-Waleed", 33.42, 38.75, "IQ", Sitrep.Geo.PlaceKind.Crossing);
        var doc = EventTestText.Doc("Iraqi forces captured the al-Waleed border crossing from the Islamic State group .", Pub, [crossing]);
        var e = Assert.Single(EventTestText.Extractor.Extract(doc));
        Assert.Equal(AcledSubEventType.GovernmentRegainsTerritory, e.SubEventType);
        Assert.Equal("Military Forces of Iraq", e.Actor1!.Name);
        Assert.Equal("Islamic State", e.Actor2!.Name);
        Assert.Equal(RoleRule.FromPhrase, e.Roles!.Actor2);
        Assert.Equal("Islamic State", e.Territory!.From!.Name);
    }

    [Fact]
    public void Extract_shelling_with_kill_count_is_one_remote_violence_event()
    {
        var aleppo = EventTestText.Place("Aleppo", 36.2, 37.13);
        var doc = EventTestText.Doc("Turkey's military has killed at least 28 Islamic State fighters in shelling in the Syrian city of Aleppo .", Pub, [aleppo]);
        var e = Assert.Single(EventTestText.Extractor.Extract(doc));
        Assert.Equal(AcledSubEventType.ShellingArtilleryMissileAttack, e.SubEventType);
        Assert.Equal("Military Forces of Turkey", e.Actor1!.Name);
        Assert.Equal("Islamic State", e.Actor2!.Name);
        Assert.Equal(28, e.Fatalities);
    }

    [Fact]
    public void Extract_vow_and_fear_yield_no_asserted_event()
    {
        var doc = EventTestText.Doc("Yildirim vowed to continue attacks south of the border .\nAnkara fears an attack on its border .", Pub);
        Assert.DoesNotContain(EventTestText.Extractor.Extract(doc), e => e.Factuality == Factuality.Asserted);
    }

    [Fact]
    public void Extract_source_is_reported_by_not_actor()
    {
        var town = EventTestText.Place("Marea", 36.6, 37.19);
        var doc = EventTestText.Doc("Islamic State fighters captured Marea from Syrian rebels , the Syrian Observatory for Human Rights reported .", Pub, [town]);
        var e = Assert.Single(EventTestText.Extractor.Extract(doc));
        Assert.Contains("Syrian Observatory for Human Rights", e.ReportedBy);
        Assert.Equal("Syrian rebels", e.Actor2!.Name);
    }

    [Fact]
    public void Extract_war_wide_toll_is_not_an_event()
    {
        var doc = EventTestText.Doc("It has since evolved into a complex war that has killed more than 330,000 people .", Pub);
        Assert.Empty(EventTestText.Extractor.Extract(doc));
    }

    [Fact]
    public void Extract_anaphor_resolves_to_last_jihadist_actor()
    {
        var town = EventTestText.Place("Rawa", 34.47, 41.91, "IQ");
        var doc = EventTestText.Doc("ISIS fighters entered the desert .\nThe jihadists stormed Rawa .", Pub, [town]);
        var e = Assert.Single(EventTestText.Extractor.Extract(doc), x => x.Location?.Name == "Rawa");
        Assert.Equal("Islamic State", e.Actor1!.Name);
        Assert.Equal(RoleRule.Coreference, e.Roles!.Actor1);
    }

    [Fact]
    public void CodePlover_codes_a_protest_sentence()
    {
        var units = EventTestText.Units("Thousands of students demonstrated in the capital .");
        _ = units;
        var tokens = System.Collections.Immutable.ImmutableArray.Create(
            new Sitrep.Text.Token(new(0, 9), "Thousands"), new Sitrep.Text.Token(new(10, 2), "of"), new Sitrep.Text.Token(new(13, 8), "students"),
            new Sitrep.Text.Token(new(22, 12), "demonstrated"));
        Assert.Equal("PROTEST", EventTestText.Extractor.CodePlover(tokens)!.Value.Plover.Type);
    }

    [Theory]
    [InlineData("Rif-dimashq", "Rural Damascus")]
    [InlineData("Suwayda", "As-Suwayda")]
    [InlineData("Salah ad Din", "Salahuddin")]
    [InlineData("Damascus Governorate", "Damascus")]
    public void SameAdmin1_treats_GeoNames_and_English_division_names_as_one(string geoNames, string english) =>
        Assert.True(EventMatcher.SameAdmin1(geoNames, english));

    [Fact]
    public void SameAdmin1_keeps_Damascus_city_apart_from_its_countryside() =>
        Assert.False(EventMatcher.SameAdmin1("Damascus Governorate", "Rif-dimashq"));
}
