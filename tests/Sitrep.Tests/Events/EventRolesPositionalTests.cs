using Sitrep.Events;

namespace Sitrep.Tests.Events;

/// <summary>Positional role rules (no parse): the fallbacks that code what the dependency parse leaves open.</summary>
public sealed class EventRolesPositionalTests
{
    static readonly DateOnly Pub = new(2015, 2, 26);

    [Theory]
    [InlineData("In Tal Tamr there have been fierce clashes between ISIS and the YPG .", "Islamic State", "YPG")]
    [InlineData("Fierce clashes broke out in Tal Tamr between the YPG and ISIS on Monday .", "YPG", "Islamic State")]
    public void Extract_clashes_between_two_sides_code_the_first_named_as_actor1(string sentence, string actor1, string actor2)
    {
        var tamr = EventTestText.Place("Tal Tamr", 36.65, 40.37, admin1: "Al-Hasakah");
        var doc = EventTestText.Doc(sentence, Pub, [tamr]);
        var e = Assert.Single(EventTestText.Extractor.Extract(doc), x => x.Factuality == Factuality.Asserted);
        Assert.Equal(AcledSubEventType.ArmedClash, e.SubEventType);
        Assert.Equal(actor1, e.Actor1!.Name);
        Assert.Equal(actor2, e.Actor2!.Name);
        Assert.Equal("Tal Tamr", e.Location!.Name);
    }

    [Fact]
    public void Extract_definite_re_mention_of_strikes_takes_the_last_named_perpetrator_of_that_weapon()
    {
        var palmyra = EventTestText.Place("Palmyra", 34.56, 38.28, admin1: "Homs");
        var sukhna = EventTestText.Place("Sukhna", 34.89, 38.87, admin1: "Homs");
        var doc = EventTestText.Doc(
            "Russian air strikes have killed 18 ISIL fighters near Palmyra on Thursday .\n"
            + "European members of ISIL were among the dead in the strikes around the town of Sukhna .",
            new DateOnly(2016, 7, 15), [palmyra, sukhna], [("on Thursday", new DateOnly(2016, 7, 14))]);
        var e = Assert.Single(EventTestText.Extractor.Extract(doc), x => x.Factuality == Factuality.Asserted && x.Location?.Name == "Sukhna");
        Assert.Equal("Military Forces of Russia", e.Actor1!.Name);
        Assert.Equal(RoleRule.Coreference, e.Roles!.Actor1);
    }

    [Fact]
    public void Extract_indefinite_strikes_without_perpetrator_stay_unattributed()
    {
        var palmyra = EventTestText.Place("Palmyra", 34.56, 38.28, admin1: "Homs");
        var sukhna = EventTestText.Place("Sukhna", 34.89, 38.87, admin1: "Homs");
        var doc = EventTestText.Doc(
            "Russian air strikes have killed 18 ISIL fighters near Palmyra on Thursday .\n"
            + "Air strikes also hit the town of Sukhna , killing four civilians .",
            new DateOnly(2016, 7, 15), [palmyra, sukhna], [("on Thursday", new DateOnly(2016, 7, 14))]);
        var e = Assert.Single(EventTestText.Extractor.Extract(doc), x => x.Factuality == Factuality.Asserted && x.Location?.Name == "Sukhna");
        Assert.Equal("Unidentified Armed Group", e.Actor1!.Name);
    }

    [Theory]
    [InlineData("BEIRUT At least 70 regime and rebel fighters have been killed in a government assault on Malah on Thursday .")]
    [InlineData("Beirut London - Government forces launched an assault on Malah on Thursday .")]
    public void Extract_dateline_seat_is_never_an_actor(string sentence)
    {
        var malah = EventTestText.Place("Malah", 36.27, 37.17, admin1: "Aleppo");
        var doc = EventTestText.Doc(sentence, new DateOnly(2016, 7, 1), [malah], [("on Thursday", new DateOnly(2016, 6, 30))]);
        Assert.DoesNotContain(EventTestText.Extractor.Extract(doc), x => x.Actor1?.Country == "LB" || x.Actor2?.Country == "LB");
    }

    [Theory]
    [InlineData("The Britain-based Syrian Observatory said the strikes around the town of Sukhna killed nine fighters on Thursday .")]
    [InlineData("The London-based monitor said the strikes around the town of Sukhna killed nine fighters on Thursday .")]
    public void Extract_a_country_or_seat_before_based_is_no_actor(string sentence)
    {
        var sukhna = EventTestText.Place("Sukhna", 34.89, 38.87, admin1: "Homs");
        var doc = EventTestText.Doc(sentence, new DateOnly(2016, 7, 15), [sukhna], [("on Thursday", new DateOnly(2016, 7, 14))]);
        var e = Assert.Single(EventTestText.Extractor.Extract(doc), x => x.Factuality == Factuality.Asserted);
        Assert.NotEqual("GB", e.Actor1?.Country);
    }
}
