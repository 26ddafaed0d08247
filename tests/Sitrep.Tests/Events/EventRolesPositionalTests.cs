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
}
