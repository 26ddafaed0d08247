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
    [Theory]
    [InlineData("A jihadist group executed nine men , eight of them rebels fighting both the regime and the jihadists , near Tukhar on Sunday .")]
    [InlineData("The bus was carrying opposition fighters battling forces loyal to the regime near Tukhar on Sunday .")]
    [InlineData("The Army of Islam has been fighting IS near Tukhar for months .")]
    public void Extract_a_fighting_participle_that_describes_its_fighters_or_a_long_fight_is_no_clash(string sentence)
    {
        var tukhar = EventTestText.Place("Tukhar", 36.65, 37.97, admin1: "Aleppo");
        var doc = EventTestText.Doc(sentence, new DateOnly(2016, 7, 19), [tukhar]);
        Assert.DoesNotContain(EventTestText.Extractor.Extract(doc), e => e.Factuality == Factuality.Asserted && e.SubEventType == AcledSubEventType.ArmedClash);
    }

    [Theory]
    [InlineData("Syrian rebels were fighting IS near Tukhar on Sunday .")]
    [InlineData("Syrian rebels fought IS near Tukhar on Sunday .")]
    public void Extract_a_fighting_verb_with_its_own_subject_is_a_clash(string sentence)
    {
        var tukhar = EventTestText.Place("Tukhar", 36.65, 37.97, admin1: "Aleppo");
        var doc = EventTestText.Doc(sentence, new DateOnly(2016, 7, 19), [tukhar]);
        Assert.Contains(EventTestText.Extractor.Extract(doc), e => e.Factuality == Factuality.Asserted && e.SubEventType == AcledSubEventType.ArmedClash);
    }

    [Fact]
    public void Extract_the_area_surrounding_a_place_is_a_location_not_an_encirclement()
    {
        var aleppo = EventTestText.Place("Aleppo", 36.20, 37.13, admin1: "Aleppo");
        var doc = EventTestText.Doc("Terrorists targeted with rocket shells the area surrounding the Municipal Palace in Aleppo on Saturday .", new DateOnly(2016, 4, 30), [aleppo]);
        Assert.DoesNotContain(EventTestText.Extractor.Extract(doc), e => e.SubEventType == AcledSubEventType.ArmedClash);
    }

    [Theory]
    [InlineData("Source AFP Related News Suicide car bomb kills eight regime fighters in Daraa .")]
    [InlineData("110 Related Syrian Army Destroys IS Plant in Daraa Tags terrorists liberation Daraa .")]
    public void Extract_codes_nothing_from_a_related_articles_or_tag_list_printed_after_the_article(string teaser)
    {
        var daraa = EventTestText.Place("Daraa", 32.62, 36.10, admin1: "Daraa");
        var doc = EventTestText.Doc("Syrian rebels clashed with IS fighters near Daraa on Sunday .\n" + teaser, new DateOnly(2017, 11, 17), [daraa]);
        var events = EventTestText.Extractor.Extract(doc);
        Assert.DoesNotContain(events, e => e.SubEventType is AcledSubEventType.SuicideBomb or AcledSubEventType.RemoteExplosiveLandmineIed);
        Assert.DoesNotContain(events, e => e.Territory is not null);
    }
    [Theory]
    [InlineData("Wednesday 's explosion came as Kurdish forces pressed ahead with their offensive on Manbij .")]
    [InlineData("The new fatal bombings come in the wake of army gains near Manbij .")]
    [InlineData("Rami Abdulrahman said 19 explosions were heard during the night in Manbij on Thursday .")]
    public void Extract_an_act_named_again_as_the_subject_of_came_or_a_sound_heard_is_no_new_event(string sentence)
    {
        var manbij = EventTestText.Place("Manbij", 36.53, 37.95, admin1: "Aleppo");
        var doc = EventTestText.Doc(sentence, new DateOnly(2016, 7, 27), [manbij]);
        Assert.DoesNotContain(EventTestText.Extractor.Extract(doc), e => e.Factuality == Factuality.Asserted
            && e.SubEventType is AcledSubEventType.RemoteExplosiveLandmineIed or AcledSubEventType.AirDroneStrike or AcledSubEventType.ShellingArtilleryMissileAttack);
    }

    [Fact]
    public void Extract_an_explosion_that_killed_is_an_event()
    {
        var manbij = EventTestText.Place("Manbij", 36.53, 37.95, admin1: "Aleppo");
        var doc = EventTestText.Doc("An explosion killed 12 people in Manbij on Thursday .", new DateOnly(2016, 7, 27), [manbij]);
        Assert.Contains(EventTestText.Extractor.Extract(doc), e => e.Factuality == Factuality.Asserted && e.SubEventType == AcledSubEventType.RemoteExplosiveLandmineIed);
    }
    [Theory]
    [InlineData("Seven Katyusha rocket launchers belonging to IS were destroyed near Dabiq on Sunday .")]
    [InlineData("The base near Dabiq reportedly holds several planes , helicopters , tanks and artillery .")]
    public void Extract_a_weapon_made_stored_or_destroyed_is_no_shelling(string sentence)
    {
        var dabiq = EventTestText.Place("Dabiq", 36.54, 37.27, admin1: "Aleppo");
        var doc = EventTestText.Doc(sentence, new DateOnly(2016, 10, 9), [dabiq]);
        Assert.DoesNotContain(EventTestText.Extractor.Extract(doc), e => e.SubEventType == AcledSubEventType.ShellingArtilleryMissileAttack);
    }

    [Fact]
    public void Extract_soldiers_captured_while_fleeing_are_prisoners_not_a_place_taken()
    {
        var tabqa = EventTestText.Place("Tabqa", 35.75, 38.57, admin1: "Raqqa");
        var doc = EventTestText.Doc("Syrian soldiers captured while fleeing Tabqa were executed by IS on Wednesday .", new DateOnly(2014, 8, 28), [tabqa]);
        Assert.DoesNotContain(EventTestText.Extractor.Extract(doc), e => e.SubEventType == AcledSubEventType.GovernmentRegainsTerritory);
    }

    [Theory]
    [InlineData("The clashes and regime aerial bombardment have all increased in Aleppo in recent weeks .")]
    [InlineData("The coalition attacks on Aleppo intensified in late June .")]
    [InlineData("Despite the deal there has been an uptick in government bombardment of Aleppo in recent days .")]
    [InlineData("Various militant groups have been shelling Aleppo .")]
    [InlineData("The UN resolution called for the deployment of UN observers in Aleppo .")]
    public void Extract_a_trend_a_long_running_state_or_a_demand_is_no_event(string sentence)
    {
        var aleppo = EventTestText.Place("Aleppo", 36.2, 37.16, admin1: "Aleppo");
        var doc = EventTestText.Doc(sentence, new DateOnly(2016, 7, 18), [aleppo]);
        Assert.DoesNotContain(EventTestText.Extractor.Extract(doc), e => e.Factuality == Factuality.Asserted);
    }

    [Fact]
    public void Extract_a_bombardment_that_killed_is_an_event()
    {
        var aleppo = EventTestText.Place("Aleppo", 36.2, 37.16, admin1: "Aleppo");
        var doc = EventTestText.Doc("Regime bombardment killed 12 civilians in Aleppo on Sunday .", new DateOnly(2016, 7, 18), [aleppo]);
        Assert.Contains(EventTestText.Extractor.Extract(doc), e => e.Factuality == Factuality.Asserted && e.SubEventType == AcledSubEventType.ShellingArtilleryMissileAttack);
    }

    [Theory]
    [InlineData("A suicide bomber carried out the attack using a car bomb in Qamishli on Wednesday .")]
    [InlineData("A suicide bomber detonated an explosive vest on a bus in Qamishli on Wednesday .")]
    public void Extract_a_suicide_bomber_and_the_bomb_he_used_are_one_suicide_bombing(string sentence)
    {
        var qamishli = EventTestText.Place("Qamishli", 37.05, 41.23, admin1: "Al-Hasakah");
        var events = EventTestText.Extractor.Extract(EventTestText.Doc(sentence, new DateOnly(2016, 7, 27), [qamishli]));
        Assert.Single(events, e => e.Factuality == Factuality.Asserted && e.SubEventType == AcledSubEventType.SuicideBomb);
        Assert.DoesNotContain(events, e => e.SubEventType == AcledSubEventType.RemoteExplosiveLandmineIed);
    }

    [Fact]
    public void Extract_a_truck_bombing_is_an_explosive_not_an_air_strike()
    {
        var qamishli = EventTestText.Place("Qamishli", 37.05, 41.23, admin1: "Al-Hasakah");
        var doc = EventTestText.Doc("A truck bombing struck Kurdish offices in Qamishli on Wednesday .", new DateOnly(2016, 7, 27), [qamishli]);
        var e = Assert.Single(EventTestText.Extractor.Extract(doc), x => x.Factuality == Factuality.Asserted);
        Assert.Equal(AcledSubEventType.RemoteExplosiveLandmineIed, e.SubEventType);
    }
    [Theory]
    [InlineData("The Kurdish YPG drove Islamic State from Kobane last month with the help of US-led air strikes .", AcledSubEventType.AirDroneStrike)]
    [InlineData("Having finished the brutal bombing campaign on Kobane , the regime moved its jets elsewhere .", AcledSubEventType.AirDroneStrike)]
    [InlineData("Kobane is strategically important in the battle against Islamic State .", AcledSubEventType.ArmedClash)]
    [InlineData("Terrorists used the hub near Kobane to launch attacks on the cities .", AcledSubEventType.ArmedClash)]
    [InlineData("Terrorists in response regularly bomb the residential areas of Kobane city with rockets .", AcledSubEventType.ShellingArtilleryMissileAttack)]
    public void Extract_a_backing_a_campaign_the_war_a_purpose_or_a_habit_is_no_event(string sentence, AcledSubEventType type)
    {
        var kobane = EventTestText.Place("Kobane", 36.89, 38.35, admin1: "Aleppo");
        var doc = EventTestText.Doc(sentence, new DateOnly(2015, 2, 25), [kobane]);
        Assert.DoesNotContain(EventTestText.Extractor.Extract(doc), e => e.Factuality == Factuality.Asserted && e.SubEventType == type);
    }

    [Fact]
    public void Extract_captives_freed_are_no_abduction()
    {
        var hama = EventTestText.Place("Hama", 35.13, 36.76, admin1: "Hama");
        var doc = EventTestText.Doc("In Hama the Syrian troops have found and saved 19 civilians abducted by Daesh terrorists .", new DateOnly(2017, 10, 29), [hama]);
        Assert.DoesNotContain(EventTestText.Extractor.Extract(doc), e => e.SubEventType == AcledSubEventType.AbductionForcedDisappearance);
    }

    [Fact]
    public void Extract_codes_nothing_from_an_embedded_tweet()
    {
        var hama = EventTestText.Place("Hama", 35.13, 36.76, admin1: "Hama");
        var doc = EventTestText.Doc("Syrian Army Allies Kill Scores of Terrorists in Hama pic.twitter.com/cfDtDjMvkz ( YaZeynab ) October 29 2017 .", new DateOnly(2017, 10, 29), [hama]);
        Assert.Empty(EventTestText.Extractor.Extract(doc));
    }

    [Fact]
    public void Extract_a_chemical_massacre_is_a_chemical_weapon_event()
    {
        var damascus = EventTestText.Place("Damascus", 33.51, 36.29, admin1: "Damascus");
        var doc = EventTestText.Doc("The regime carried out a chemical massacre near Damascus on Wednesday , killing hundreds .", new DateOnly(2013, 8, 22), [damascus]);
        Assert.Contains(EventTestText.Extractor.Extract(doc), e => e.Factuality == Factuality.Asserted && e.SubEventType == AcledSubEventType.ChemicalWeapon);
    }
    [Theory]
    [InlineData("IS executed eight men in Tukhar because they belonged to rebel groups that had fought against the jihadists .")]
    [InlineData("IS controls much of Tukhar but is battling for survival on two fronts .")]
    public void Extract_a_fight_that_describes_who_the_fighters_are_or_a_struggle_to_survive_is_no_clash(string sentence)
    {
        var tukhar = EventTestText.Place("Tukhar", 36.65, 37.97, admin1: "Aleppo");
        var doc = EventTestText.Doc(sentence, new DateOnly(2016, 7, 19), [tukhar]);
        Assert.DoesNotContain(EventTestText.Extractor.Extract(doc), e => e.Factuality == Factuality.Asserted && e.SubEventType == AcledSubEventType.ArmedClash);
    }

    [Fact]
    public void Extract_a_place_freed_is_taken_and_people_freed_are_not()
    {
        var palmyra = EventTestText.Place("Palmyra", 34.55, 38.27, admin1: "Homs");
        var taken = EventTestText.Doc("The Syrian forces freed Palmyra from IS gangs on March 27 .", new DateOnly(2016, 8, 13), [palmyra], [("on March 27", new DateOnly(2016, 3, 27))]);
        var e = Assert.Single(EventTestText.Extractor.Extract(taken), x => x.Territory is not null);
        Assert.Equal(AcledSubEventType.GovernmentRegainsTerritory, e.SubEventType);
        var people = EventTestText.Doc("The Syrian forces freed 19 civilians held by IS in Palmyra on Saturday .", new DateOnly(2016, 8, 13), [palmyra]);
        Assert.DoesNotContain(EventTestText.Extractor.Extract(people), x => x.Territory is not null);
    }

    [Fact]
    public void Extract_a_blast_and_the_suicide_bombing_at_the_same_place_and_day_are_one_suicide_bombing()
    {
        var aleppo = EventTestText.Place("Aleppo", 36.2, 37.16, admin1: "Aleppo");
        var doc = EventTestText.Doc(
            "A suicide bomber blew himself up at a meeting of Ahrar al-Sham in Aleppo .\n"
            + "The Observatory said 19 fighters and four civilians were killed in the blast in Aleppo .",
            new DateOnly(2016, 1, 25), [aleppo]);
        var events = EventTestText.Extractor.Extract(doc).Where(x => x.Factuality == Factuality.Asserted).ToList();
        Assert.Single(events);
        Assert.Equal(AcledSubEventType.SuicideBomb, events[0].SubEventType);
    }
    [Fact]
    public void Extract_an_attack_named_again_as_the_subject_of_came_is_no_new_clash()
    {
        var manbij = EventTestText.Place("Manbij", 36.53, 37.95, admin1: "Aleppo");
        var doc = EventTestText.Doc("The December attack came after militants began evacuating the last district they held in Manbij .", new DateOnly(2016, 2, 21), [manbij]);
        Assert.DoesNotContain(EventTestText.Extractor.Extract(doc), e => e.Factuality == Factuality.Asserted
            && e.SubEventType is AcledSubEventType.ArmedClash or AcledSubEventType.Attack);
    }
}
