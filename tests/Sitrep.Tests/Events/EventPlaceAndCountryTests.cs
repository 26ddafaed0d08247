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
}
