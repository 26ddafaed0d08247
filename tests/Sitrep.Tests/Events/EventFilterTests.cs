using Sitrep.Events;

namespace Sitrep.Tests.Events;

/// <summary>Guideline §1 filters at the extractor level: what is coded although a trigger is present, and what is not.</summary>
public sealed class EventFilterTests
{
    static readonly DateOnly Pub = new(2017, 4, 5);

    static readonly Sitrep.Geo.Place Town = EventTestText.Place("Khan Sheikhoun", 35.44, 36.65, admin1: "Idlib");

    [Theory]
    [InlineData("Warplanes releasing toxic gas targeted the town of Khan Sheikhoun on Tuesday , massacring dozens of people .")]
    [InlineData("Militants fired missiles containing toxic gas at Kurdish forces in Khan Sheikhoun on Tuesday .")]
    public void Extract_chemical_agent_released_or_carried_is_a_chemical_weapon_event(string sentence)
    {
        var doc = EventTestText.Doc(sentence, Pub, [Town], [("on Tuesday", new DateOnly(2017, 4, 4))]);
        Assert.Contains(EventTestText.Extractor.Extract(doc), e => e.Factuality == Factuality.Asserted && e.SubEventType == AcledSubEventType.ChemicalWeapon);
    }

    [Theory]
    [InlineData("The administration signed off on selling more than $1.3 billion in artillery to the army in Khan Sheikhoun .", false)]
    [InlineData("Fans let off flares and missiles outside the stadium in Khan Sheikhoun .", false)]
    [InlineData("Rockets landed on a market in Khan Sheikhoun , wounding three people .", true)]
    public void Extract_a_munition_noun_is_an_event_only_with_an_act_of_firing_or_hitting(string sentence, bool coded)
    {
        var doc = EventTestText.Doc(sentence, Pub, [Town]);
        Assert.Equal(coded, EventTestText.Extractor.Extract(doc).Any(e => e.Factuality == Factuality.Asserted && e.SubEventType == AcledSubEventType.ShellingArtilleryMissileAttack));
    }

    [Theory]
    [InlineData("Police seized weapons and cash from the house in Khan Sheikhoun .", false)]
    [InlineData("They used a credit card taken from the couple 's home in Khan Sheikhoun .", false)]
    [InlineData("Rebels seized the town of Khan Sheikhoun from government forces .", true)]
    public void Extract_a_capture_of_goods_is_no_territorial_event(string sentence, bool territorial)
    {
        var doc = EventTestText.Doc(sentence, Pub, [Town]);
        Assert.Equal(territorial, EventTestText.Extractor.Extract(doc).Any(e => e.Factuality == Factuality.Asserted && e.Territory is not null));
    }

    [Theory]
    [InlineData("Former security chiefs from BP and Shell will speak at the conference in Khan Sheikhoun .")]
    [InlineData("Delegates met in Khan Sheikhoun to discuss the Astana Agreement and the Strike Command reform .")]
    public void Extract_a_capitalised_trigger_word_inside_a_name_is_no_event(string sentence)
    {
        var doc = EventTestText.Doc(sentence, Pub, [Town]);
        Assert.Empty(EventTestText.Extractor.Extract(doc));
    }

    [Theory]
    [InlineData("Former security chiefs from BP and Shell will speak", "shell", true)]
    [InlineData("Regime Warplanes Bomb Khan Sheikhoun Market On Tuesday", "bomb", false)]
    [InlineData("Shelling killed two civilians", "shelling", false)]
    [InlineData("He said : Shelling killed two civilians", "shelling", false)]
    public void Capitalised_trigger_is_a_name_only_inside_ordinarily_cased_prose(string sentence, string trigger, bool name)
    {
        var units = EventTestText.Units(sentence);
        Assert.Equal(name, EventExtractor.IsCapitalisedInProse(units, units.ToList().FindIndex(u => u.Key == trigger), 1));
    }

    [Fact]
    public void Extract_toxic_gas_named_only_as_a_weapon_is_no_event()
    {
        var doc = EventTestText.Doc("Inspectors are studying toxic gas stockpiles near Khan Sheikhoun .", Pub, [Town]);
        Assert.DoesNotContain(EventTestText.Extractor.Extract(doc), e => e.Factuality == Factuality.Asserted && e.SubEventType == AcledSubEventType.ChemicalWeapon);
    }

    [Theory]
    [InlineData("The SDF announced the fourth stage of the campaign to clear rural areas in preparation for the final liberation of Raqqa from IS .")]
    [InlineData("The SDF announced the fourth stage of the campaign , aiming to complete the liberation of Raqqa from IS .")]
    public void Extract_a_capture_named_as_the_goal_of_a_campaign_is_no_event(string sentence)
    {
        var raqqa = EventTestText.Place("Raqqa", 35.95, 39.01, admin1: "Raqqa");
        var doc = EventTestText.Doc(sentence, Pub, [raqqa]);
        Assert.DoesNotContain(EventTestText.Extractor.Extract(doc), e => e.Factuality == Factuality.Asserted && e.Territory is not null);
    }

    [Theory]
    [InlineData("The civilians were hit as they were fleeing fighting in the village of Tukhar .", AcledSubEventType.ArmedClash)]
    [InlineData("Thousands have fled the fierce fighting in Tukhar .", AcledSubEventType.ArmedClash)]
    [InlineData("Tukhar is an IS stronghold that has been repeatedly targeted in raids by the US-led coalition .", AcledSubEventType.AirDroneStrike)]
    public void Extract_displacement_backdrop_and_repeated_raids_are_no_events(string sentence, AcledSubEventType type)
    {
        var tukhar = EventTestText.Place("Tukhar", 36.65, 37.97, admin1: "Aleppo");
        var doc = EventTestText.Doc(sentence, new DateOnly(2016, 7, 19), [tukhar]);
        Assert.DoesNotContain(EventTestText.Extractor.Extract(doc), e => e.Factuality == Factuality.Asserted && e.SubEventType == type);
        Assert.DoesNotContain(EventTestText.Extractor.Extract(doc), e => e.Factuality == Factuality.Asserted && e.SubEventType == AcledSubEventType.ArmedClash);
    }

    [Theory]
    [InlineData("Syrian rebels backed by Turkish tanks and air strikes have been pushing towards Dabiq .", 0)]
    [InlineData("Turkish air strikes hit IS positions near Dabiq on Sunday .", 1)]
    public void Extract_strikes_named_as_backing_of_an_advance_are_no_strike_event(string sentence, int strikes)
    {
        var dabiq = EventTestText.Place("Dabiq", 36.54, 37.27, admin1: "Aleppo");
        var doc = EventTestText.Doc(sentence, new DateOnly(2016, 10, 9), [dabiq]);
        Assert.Equal(strikes, EventTestText.Extractor.Extract(doc).Count(e => e.Factuality == Factuality.Asserted && e.SubEventType == AcledSubEventType.AirDroneStrike));
    }

    [Fact]
    public void Extract_missiles_containing_toxic_gas_are_one_chemical_weapon_event_with_the_shooter()
    {
        var hasakah = EventTestText.Place("Hasakah", 36.5, 40.75, admin1: "Al-Hasakah");
        var doc = EventTestText.Doc("ISIL militants fired missiles containing toxic gas at Kurdish forces in Hasakah on Sunday .", new DateOnly(2015, 7, 18), [hasakah]);
        var events = EventTestText.Extractor.Extract(doc).Where(e => e.Factuality == Factuality.Asserted).ToList();
        var e = Assert.Single(events);
        Assert.Equal(AcledSubEventType.ChemicalWeapon, e.SubEventType);
        Assert.Equal("Islamic State", e.Actor1!.Name);
    }
}
