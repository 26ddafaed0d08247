using Sitrep.Events;
using Sitrep.Syntax;

namespace Sitrep.Tests.Events;

/// <summary>Where an event happened: statement places, the document's main country, place anaphors.</summary>
public sealed class EventPlaceAndCountryTests
{
    static readonly Lazy<SyntaxParser> Parser = new(SyntaxParser.LoadDefault);

    static readonly DateOnly Pub = new(2014, 9, 23);

    static EventDocument Parsed(EventDocument doc) => doc with { Parse = s => Parser.Value.Parse(s) };

    [Fact]
    public void Extract_strike_confirmed_in_a_capital_is_located_where_it_hit_not_where_it_was_confirmed()
    {
        var washington = EventTestText.Place("Washington", 38.9, -77.04, "US");
        var aleppo = EventTestText.Place("Aleppo", 36.2, 37.16, kind: Sitrep.Geo.PlaceKind.Admin1, admin1: "Aleppo");
        var syria = EventTestText.Place("Syria", 35, 38, kind: Sitrep.Geo.PlaceKind.Country);
        var doc = Parsed(EventTestText.Doc(
            "Most of the fighters were killed in Syria .\n"
            + "In Washington the Pentagon confirmed eight US strikes against al-Qaeda veterans in Aleppo province .",
            Pub, [washington, aleppo, syria]));
        var e = Assert.Single(EventTestText.Extractor.Extract(doc), x => x.Factuality == Factuality.Asserted && x.SubEventType == AcledSubEventType.AirDroneStrike);
        Assert.Equal("Aleppo", e.Location!.Name);
    }

    [Fact]
    public void Extract_blast_is_located_where_it_happened_not_in_a_victims_home_town()
    {
        var manbij = EventTestText.Place("Manbij", 36.53, 37.95, admin1: "Aleppo");
        var austin = EventTestText.Place("Austin", 30.27, -97.74, "US", admin1: "Texas");
        var doc = EventTestText.Doc(
            "The soldier was with US forces in Manbij when the bomb exploded .\n"
            + "A US serviceman , Master Sgt Johnathan J. Dunbar of Austin , died and five others were wounded in the blast .",
            new DateOnly(2018, 3, 31), [manbij, austin]);
        Assert.All(EventTestText.Extractor.Extract(doc), e => Assert.NotEqual("Austin", e.Location?.Name));
    }

    [Theory]
    [InlineData("A US serviceman , Master Sgt Johnathan J. Dunbar of Austin died", "austin", true)]
    [InlineData("Fighting raged on during the Battle of Mosul", "mosul", false)]
    [InlineData("The YPG drove Islamic State from Kobane", "kobane", false)]
    public void Place_after_of_and_a_multi_word_name_is_an_origin(string sentence, string place, bool origin)
    {
        var units = EventTestText.Units(sentence);
        Assert.Equal(origin, EventExtractor.IsOriginOfAName(units, units.ToList().FindIndex(u => u.Key == place)));
    }

    [Fact]
    public void Extract_main_country_follows_subnational_places_not_country_adjectives()
    {
        // "US" names an actor five times; the story's only sub-national place is in Syria, so the place next
        // door to the strike is not a place abroad picked by proximity.
        var us = EventTestText.Place("United States", 39, -98, "US", Sitrep.Geo.PlaceKind.Country);
        var aleppo = EventTestText.Place("Aleppo", 36.2, 37.16, admin1: "Aleppo");
        var syria = EventTestText.Place("Syria", 35, 38, kind: Sitrep.Geo.PlaceKind.Country);
        var doc = EventTestText.Doc(
            "US air strikes killed 50 Islamic State fighters in Syria on Tuesday .\nMost were killed west of Aleppo .\n"
            + "The United States said the United States would act .\nThe United States and United States allies agreed .",
            Pub, [us, aleppo, syria], [("on Tuesday", Pub)]);
        var e = Assert.Single(EventTestText.Extractor.Extract(doc), x => x.Factuality == Factuality.Asserted && x.SubEventType == AcledSubEventType.AirDroneStrike);
        Assert.Equal("Aleppo", e.Location!.Name);
    }

    [Fact]
    public void Extract_there_refers_to_the_last_named_place_not_to_a_country_after_it()
    {
        var albu = EventTestText.Place("Albu Kamal", 34.45, 40.92, admin1: "Deir ez-Zor");
        var syria = EventTestText.Place("Syria", 35, 38, kind: Sitrep.Geo.PlaceKind.Country);
        var doc = EventTestText.Doc(
            "IS is putting up a fierce defence in the border town of Albu Kamal in Syria .\n"
            + "Clashes and air strikes were ongoing there throughout Saturday , he said .",
            new DateOnly(2017, 11, 11), [albu, syria]);
        var e = Assert.Single(EventTestText.Extractor.Extract(doc), x => x.Factuality == Factuality.Asserted && x.SubEventType == AcledSubEventType.AirDroneStrike);
        Assert.Equal("Albu Kamal", e.Location!.Name);
        Assert.Equal(RoleRule.Coreference, e.Roles!.Place);
    }

    [Theory]
    [InlineData("In the town , government warplanes struck a crowded market on Monday , killing 12 civilians .")]
    [InlineData("Near the city , rebels shelled army positions on Monday .")]
    public void Extract_the_town_or_city_in_a_placeless_sentence_is_the_last_settlement(string sentence)
    {
        var ariha = EventTestText.Place("Ariha", 35.81, 36.61, admin1: "Idlib");
        var doc = EventTestText.Doc("Fighting has been reported around Ariha for a week .\n" + sentence, new DateOnly(2016, 6, 1), [ariha]);
        var e = Assert.Single(EventTestText.Extractor.Extract(doc), x => x.Factuality == Factuality.Asserted && x.Sources[0].Sentence == sentence);
        Assert.Equal("Ariha", e.Location!.Name);
        Assert.Equal(RoleRule.Coreference, e.Roles!.Place);
    }

    [Theory]
    [InlineData("suburbs", "Rif-dimashq")]
    [InlineData("countryside", "Rif-dimashq")]
    [InlineData(null, "Damascus Governorate")]
    public void Extract_suburbs_of_a_city_governorate_lie_in_the_governorate_around_it(string? relation, string admin1)
    {
        var damascus = EventTestText.Place("Damascus", 33.51, 36.29, admin1: "Damascus Governorate");
        var doc = EventTestText.Doc("Government forces killed 1000 civilians with poison gas in Damascus suburbs on Wednesday .", new DateOnly(2013, 8, 25), [damascus]);
        doc = doc with { Places = [.. doc.Places.Select(p => p with { Relation = relation })] };
        var e = Assert.Single(EventTestText.Extractor.Extract(doc), x => x.Factuality == Factuality.Asserted);
        Assert.Equal(admin1, e.Location!.Admin1);
    }

    [Fact]
    public void Extract_where_a_source_is_based_is_no_neighbouring_place()
    {
        var britain = EventTestText.Place("Britain", 54, -2, "GB", Sitrep.Geo.PlaceKind.Country);
        var aleppo = EventTestText.Place("Aleppo", 36.2, 37.16, admin1: "Aleppo");
        var doc = EventTestText.Doc(
            "Coalition strikes killed 56 civilians early on Tuesday near a village held by the Islamic State .\n"
            + "There are at least 56 dead , said the director of the Britain-based Syrian Observatory .\n"
            + "The civilians were fleeing the fighting in Aleppo .",
            new DateOnly(2016, 7, 19), [britain, aleppo]);
        Assert.DoesNotContain(EventTestText.Extractor.Extract(doc), e => e.Location?.Country == "GB");
    }

    [Fact]
    public void Extract_same_act_at_two_named_towns_fifteen_km_apart_is_two_events()
    {
        var rastan = EventTestText.Place("Rastan", 34.93, 36.73, admin1: "Homs");
        var harb = EventTestText.Place("Harbnafsah", 35.05, 36.68, admin1: "Hama");
        var doc = EventTestText.Doc(
            "Regime airstrikes on Saturday on the besieged city of Rastan killed three children .\n"
            + "Another civilian was killed in regime airstrikes on the town of Harbnafsah on Saturday .",
            new DateOnly(2016, 6, 19), [rastan, harb], [("on Saturday", new DateOnly(2016, 6, 18))]);
        var strikes = EventTestText.Extractor.Extract(doc).Where(e => e.Factuality == Factuality.Asserted && e.SubEventType == AcledSubEventType.AirDroneStrike).ToList();
        Assert.Equal(2, strikes.Count);
    }

    [Fact]
    public void Extract_dateline_in_capitals_is_no_fallback_place_of_a_placeless_sentence()
    {
        var beirut = EventTestText.Place("BEIRUT", 33.89, 35.5, "LB");
        var douma = EventTestText.Place("Douma", 33.57, 36.4, admin1: "Rif-dimashq");
        var doc = EventTestText.Doc(
            "BEIRUT Syrian government air strikes killed at least four civilians in Douma on Thursday .\n"
            + "Residents said the situation was dire .\n"
            + "Fighting was reported as regime planes fired rockets on several neighbourhoods .",
            new DateOnly(2017, 11, 2), [beirut, douma], [("on Thursday", new DateOnly(2017, 11, 2))]);
        var events = EventTestText.Extractor.Extract(doc).Where(e => e.Factuality == Factuality.Asserted).ToList();
        Assert.NotEmpty(events);
        Assert.DoesNotContain(events, e => e.Location?.Country == "LB" || e.Actor1?.Country == "LB");
    }
    [Theory]
    [InlineData("Terrorists positioned in Rashidin fired rockets on Friday , killing three civilians and injuring five others in Ramouseh .")]
    [InlineData("A source in Rashidin said terrorists fired rockets on Friday , killing three civilians and injuring five others in Ramouseh .")]
    public void Extract_where_the_attackers_are_positioned_or_the_source_is_is_not_where_the_act_happened(string sentence)
    {
        var rashidin = EventTestText.Place("Rashidin", 36.18, 37.08, admin1: "Aleppo");
        var ramouseh = EventTestText.Place("Ramouseh", 36.17, 37.14, admin1: "Aleppo");
        var doc = EventTestText.Doc(sentence, new DateOnly(2015, 7, 10), [rashidin, ramouseh]);
        var e = Assert.Single(EventTestText.Extractor.Extract(doc), x => x.Factuality == Factuality.Asserted && x.SubEventType == AcledSubEventType.ShellingArtilleryMissileAttack);
        Assert.Equal("Ramouseh", e.Location!.Name);
    }

    [Fact]
    public void Extract_a_sources_place_stays_the_events_place_when_the_sentence_names_no_other()
    {
        var aleppo = EventTestText.Place("Aleppo", 36.2, 37.16, admin1: "Aleppo");
        var doc = EventTestText.Doc("According to a source in Aleppo a car bomb exploded on Saturday , killing 20 people .", new DateOnly(2017, 4, 15), [aleppo]);
        var e = Assert.Single(EventTestText.Extractor.Extract(doc), x => x.Factuality == Factuality.Asserted);
        Assert.Equal("Aleppo", e.Location!.Name);
    }
    [Fact]
    public void Extract_villages_named_in_one_phrase_are_one_event_at_the_first_with_precision_2()
    {
        var akhtarin = EventTestText.Place("Akhtarin", 36.52, 37.33, admin1: "Aleppo");
        var dabiq = EventTestText.Place("Dabiq", 36.54, 37.27, admin1: "Aleppo");
        var doc = EventTestText.Doc("Turkish warplanes carried out airstrikes against IS in the area of Akhtarin , Turkmen Bareh and Dabiq and destroyed nine targets with ten bombs .",
            new DateOnly(2016, 10, 3), [akhtarin, dabiq]);
        var e = Assert.Single(EventTestText.Extractor.Extract(doc), x => x.Factuality == Factuality.Asserted);
        Assert.Equal("Akhtarin", e.Location!.Name);
        Assert.Equal(2, e.Location.GeoPrecision);
    }

    [Fact]
    public void Extract_a_report_placed_only_by_its_paragraph_takes_the_place_and_day_a_later_mention_names()
    {
        var douma = EventTestText.Place("Douma", 33.57, 36.40, admin1: "Rural Damascus");
        var jisreen = EventTestText.Place("Jisreen", 33.49, 36.39, admin1: "Rural Damascus");
        var doc = EventTestText.Doc(
            "Regime strikes hit Douma on Thursday .\n"
            + "Regime forces fired rockets on several neighbourhoods , killing six civilians .\n"
            + "On Tuesday six people were killed in regime shelling on the town of Jisreen .",
            new DateOnly(2017, 11, 2), [douma, jisreen], [("on Thursday", new DateOnly(2017, 11, 2)), ("On Tuesday", new DateOnly(2017, 10, 31))]);
        var e = Assert.Single(EventTestText.Extractor.Extract(doc), x => x.Factuality == Factuality.Asserted && x.SubEventType == AcledSubEventType.ShellingArtilleryMissileAttack);
        Assert.Equal("Jisreen", e.Location!.Name);
        Assert.Equal(new DateOnly(2017, 10, 31), e.EventDate);
    }
    [Theory]
    [InlineData("suburb", 3)]
    [InlineData("suburbs", 3)]
    [InlineData("countryside", 3)]
    [InlineData("outskirts", 2)]
    public void Extract_the_unnamed_suburbs_of_a_city_governorate_are_the_governorate_around_it_at_precision_3(string relation, int precision)
    {
        var damascus = EventTestText.Place("Damascus", 33.51, 36.29, admin1: "Damascus Governorate");
        var doc = EventTestText.Doc("Regime forces continued the bombardment of a besieged Damascus suburb on Wednesday , killing eight civilians .", new DateOnly(2017, 11, 20), [damascus]);
        doc = doc with { Places = [.. doc.Places.Select(p => p with { Relation = relation, Precision = 2 })] };
        var e = Assert.Single(EventTestText.Extractor.Extract(doc), x => x.Factuality == Factuality.Asserted);
        Assert.Equal("Rif-dimashq", e.Location!.Admin1);
        Assert.Equal(precision, e.Location.GeoPrecision);
    }

    [Fact]
    public void Extract_a_placeless_sentence_takes_the_neighbouring_places_not_the_landmark_they_are_measured_from()
    {
        var akhtarin = EventTestText.Place("Akhtarin", 36.51, 37.34, admin1: "Aleppo");
        var dabiq = EventTestText.Place("Dabiq", 36.54, 37.27, admin1: "Aleppo");
        var doc = EventTestText.Doc(
            "IS fighters attempted to enter the rebel-controlled villages of Akhtarin and Turkmen Bareh three kilometres east of Dabiq .\n"
            + "IS fighters had captured those villages in a counter attack on Saturday .",
            new DateOnly(2016, 10, 9), [akhtarin, dabiq], [("on Saturday", new DateOnly(2016, 10, 8))]);
        doc = doc with { Places = [.. doc.Places.Select(p => p.Text == "Dabiq" ? p with { Relation = "east-of", Precision = 2 } : p)] };
        var e = Assert.Single(EventTestText.Extractor.Extract(doc), x => x.Factuality == Factuality.Asserted && x.Territory is not null);
        Assert.Equal("Akhtarin", e.Location!.Name);
    }

    [Fact]
    public void Extract_a_base_being_mobilised_in_is_no_event()
    {
        var qabasin = EventTestText.Place("Qabasin", 36.35, 37.68, admin1: "Aleppo");
        var doc = EventTestText.Doc("ISIS have been mobilizing all their forces in the village of Qabasin for unknown reasons this morning .", new DateOnly(2016, 6, 24), [qabasin]);
        Assert.DoesNotContain(EventTestText.Extractor.Extract(doc), x => x.Factuality == Factuality.Asserted);
    }
    [Fact]
    public void Extract_a_neighbourhood_read_as_a_far_namesake_yields_to_the_city_it_is_said_to_be_in()
    {
        var qusayr = EventTestText.Place("Qusour", 34.51, 36.58, admin1: "Homs");
        var deir = EventTestText.Place("Deir Ezzor", 35.34, 40.14, admin1: "Deir ez-Zor");
        var doc = EventTestText.Doc("Two civilians were killed by shells fired by ISIS terrorists on al- Qusour neighborhood in Deir Ezzor city .", new DateOnly(2016, 4, 30), [qusayr, deir]);
        var e = Assert.Single(EventTestText.Extractor.Extract(doc), x => x.Factuality == Factuality.Asserted);
        Assert.Equal("Deir Ezzor", e.Location!.Name);
    }

    [Fact]
    public void Extract_a_neighbourhood_inside_its_city_stays_the_place()
    {
        var sukari = EventTestText.Place("Sukari", 36.17, 37.15, admin1: "Aleppo");
        var aleppo = EventTestText.Place("Aleppo", 36.20, 37.16, admin1: "Aleppo");
        var doc = EventTestText.Doc("Two civilians were killed by shells fired on the Sukari district of Aleppo on Saturday .", new DateOnly(2016, 4, 30), [sukari, aleppo]);
        var e = Assert.Single(EventTestText.Extractor.Extract(doc), x => x.Factuality == Factuality.Asserted);
        Assert.Equal("Sukari", e.Location!.Name);
    }
}
