using Sitrep.Events;

namespace Sitrep.Tests.Events;

/// <summary>Which of a sentence's temporal expressions dates which event.</summary>
public sealed class EventDateTests
{
    [Fact]
    public void Extract_each_trigger_takes_the_temporal_expression_nearest_to_it()
    {
        var pub = new DateOnly(2016, 7, 15);
        var palmyra = EventTestText.Place("Palmyra", 34.56, 38.28, admin1: "Homs");
        var doc = EventTestText.Doc(
            "On Thursday Russian warplanes carried out 50 air strikes near Palmyra , which government forces recaptured from the Islamic State in March .",
            pub, [palmyra], [("On Thursday", new DateOnly(2016, 7, 14)), ("in March", new DateOnly(2016, 3, 15))]);
        var events = EventTestText.Extractor.Extract(doc).Where(e => e.Factuality == Factuality.Asserted).ToList();
        var strike = Assert.Single(events, e => e.SubEventType == AcledSubEventType.AirDroneStrike);
        Assert.Equal(new DateOnly(2016, 7, 14), strike.EventDate);
        var recapture = Assert.Single(events, e => e.SubEventType == AcledSubEventType.GovernmentRegainsTerritory);
        Assert.Equal(new DateOnly(2016, 3, 15), recapture.EventDate);
    }
    [Fact]
    public void Extract_a_photo_captions_date_does_not_date_what_follows_its_credit()
    {
        var millis = EventTestText.Place("Millis", 35.95, 36.55, admin1: "Idlib");
        var atmeh = EventTestText.Place("Atmeh", 36.21, 36.68, admin1: "Idlib");
        var doc = EventTestText.Doc(
            "A civil defence member runs near an ambulance after an airstrike on a hospital in Millis August 6 2016 ( TRT World and Agencies ) A suicide bomber detonated an explosive vest on a bus near Atmeh killing at least 15 people .",
            new DateOnly(2016, 8, 15), [millis, atmeh], [("August 6 2016", new DateOnly(2016, 8, 6))]);
        var events = EventTestText.Extractor.Extract(doc);
        var suicide = Assert.Single(events, e => e.SubEventType == AcledSubEventType.SuicideBomb);
        Assert.Equal(new DateOnly(2016, 8, 15), suicide.DateInterval.End);
        Assert.NotEqual(new DateOnly(2016, 8, 6), suicide.EventDate);
    }
}
