using Sitrep.Geo;
using Sitrep.Text;

namespace Sitrep.Tests.Geo;

/// <summary>
/// Recognition of names the gazetteer lacks (streets, buildings, facilities) and of person names that are also
/// town names: GeoWebNews (Gritta et al. 2020) counts the former as toponyms, never the latter.
/// </summary>
public sealed class GeoparserNameTests(GeoparserFixture fx) : IClassFixture<GeoparserFixture>
{
    private IReadOnlyList<PlaceMention> Parse(string text)
    {
        fx.SkipWithoutData();
        return fx.Parser.Parse(text, [.. new SentenceSplitter().Split(text).Select((s, i) => new Sentence(i, s, []))]);
    }

    [Theory]
    [InlineData("Police closed Royal Street after the parade on Tuesday.", "Royal Street")]
    [InlineData("The victim was found on the South Kilburn Estate, in north west London.", "South Kilburn Estate")]
    [InlineData("He was taken to Alder Hey Children's Hospital by ambulance.", "Alder Hey Children's Hospital")]
    [InlineData("The neighbourhood ends at Press Street, near the river.", "Press Street")]
    [InlineData("Games were held at the University of Perpetual Help campus.", "University of Perpetual Help")]
    [InlineData("Officers went to the area of Eglinton Avenue West late on Friday.", "Eglinton Avenue West")]
    [InlineData("The Pope celebrated the vigil in St. Peter's Basilica on Saturday.", "St. Peter's Basilica")]
    public void Parse_reports_a_street_building_or_facility_name_without_a_gazetteer_entry_as_an_unresolved_location(string text, string span)
    {
        var all = Parse(text);
        var m = all.FirstOrDefault(x => x.Text == span);
        Assert.True(m is not null, $"'{span}' not found; got: {string.Join(", ", all.Select(x => x.Text))}");
        Assert.Equal(ToponymRole.Location, m.Role);
        Assert.Null(m.Place);
    }

    [Theory]
    [InlineData("A stabbing was reported near Derry’s Altnagelvin Hospital on Sunday.", "Derry", "Altnagelvin Hospital")]
    [InlineData("Crowds gathered outside Brooklyn's Barclays Center for the game.", "Brooklyn", "Barclays Center")]
    public void Parse_keeps_a_possessive_place_apart_from_the_facility_it_owns(string text, string place, string facility)
    {
        var all = Parse(text);
        Assert.Contains(all, x => x.Text == place && x.Place is not null);
        Assert.Contains(all, x => x.Text == facility);
    }

    [Theory]
    [InlineData("IS fighters overran Tabqa airbase on Sunday.", "Tabqa airbase")]
    [InlineData("The jihadists stormed the Tabqa air base overnight.", "Tabqa air base")]
    public void Parse_reads_a_name_and_its_lower_case_kind_word_as_the_facility_the_gazetteer_knows(string text, string span)
    {
        var m = Parse(text).FirstOrDefault(x => x.Text == span);
        Assert.True(m is not null, $"'{span}' not found");
        Assert.Equal("sup:tabqa-airbase", m.Place?.Id);
    }

    [Theory]
    [InlineData("Thirty one Islamic State militants have been killed in clashes .")]
    [InlineData("Fifty people died and Hundreds fled .")]
    public void Parse_does_not_read_a_capitalised_number_word_as_a_town(string text)
    {
        Assert.DoesNotContain(Parse(text), x => x.Place is not null);
    }

    [Fact]
    public void Parse_keeps_the_town_when_the_kind_word_names_nothing_the_gazetteer_knows()
    {
        var m = Parse("Fighting raged in Tabqa city on Monday.").FirstOrDefault(x => x.Text.StartsWith("Tabqa", StringComparison.Ordinal));
        Assert.True(m is not null);
        Assert.Equal("Tabqa", m.Text);
        Assert.NotEqual("sup:tabqa-airbase", m.Place?.Id);
    }

    [Theory]
    [InlineData("The Hospital said it was full.")]
    [InlineData("They walked down the street to the school.")]
    public void Parse_does_not_report_a_bare_or_lower_case_facility_head(string text)
    {
        Assert.DoesNotContain(Parse(text), x => x.Place is null);
    }

    [Theory]
    [InlineData("King has two children with her husband, Kyle Newman, and a son.", "Kyle", "Newman")]
    [InlineData("Her godmother is pop megastar Taylor Swift, a spokesman said.", "Taylor", "Swift")]
    [InlineData("Police reform was demanded. Brandon Clark, 22, was shot by officers. Clark was unarmed.", "Brandon", "Clark")]
    public void Parse_does_not_take_a_given_name_and_surname_for_places(string text, string given, string surname)
    {
        var all = Parse(text);
        Assert.DoesNotContain(all, x => x.Text == given);
        Assert.DoesNotContain(all, x => x.Text == surname);
    }

    [Theory]
    [InlineData("The company moved from Austin, Texas to Austin Texas last year.", "Texas")]
    [InlineData("Tourists flocked to Victoria Falls in Zimbabwe.", "Victoria Falls")]
    public void Parse_keeps_a_place_after_or_around_a_given_name(string text, string toponym)
    {
        Assert.Contains(Parse(text), x => x.Text == toponym && x.Place is not null);
    }

    [Theory]
    [InlineData("He lives in St. Petersburg now.", "St. Petersburg")]
    [InlineData("She moved to St. Louis, Missouri, in May.", "St. Louis")]
    [InlineData("Murals are visible in Washington, D.C., which has more than ever.", "Washington, D.C.")]
    public void Parse_keeps_an_abbreviated_saint_or_the_district_inside_the_city_name(string text, string toponym)
    {
        var all = Parse(text);
        Assert.Contains(all, x => x.Text == toponym && x.Place is not null);
        Assert.DoesNotContain(all, x => x.Text is "Petersburg" or "Louis" or "D.C.");
    }

    [Theory]
    [InlineData("ATLANTA (AP) An aide to the mayor was indicted in Texas on Tuesday.", "ATLANTA")]
    [InlineData("PLEASANTON, Calif.--( )--A cold chain company said on Monday it had grown.", "PLEASANTON")]
    [InlineData("CAIRO - On a perfectly manicured grass field, boys train in red jerseys.", "CAIRO")]
    [InlineData("OKLAHOMA CITY The Latest on teachers rallying for higher pay.", "OKLAHOMA CITY")]
    public void Parse_keeps_an_all_caps_dateline_place(string text, string toponym)
    {
        Assert.Contains(Parse(text), x => x.Text == toponym && x.Place is not null);
    }

    [Fact]
    public void Parse_does_not_join_words_across_a_spaced_dash()
    {
        Assert.DoesNotContain(Parse("They met in CAIRO - On the field, boys trained."), x => x.Text.Contains(" - ", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("He homered against the Texas Rangers in the 2015 series.", "Texas")]
    [InlineData("He calls games for the Buffalo Bisons, the triple-A affiliate.", "Buffalo")]
    public void Parse_keeps_the_place_inside_a_team_name(string text, string toponym)
    {
        var m = Parse(text).FirstOrDefault(x => x.Text == toponym);
        Assert.True(m is not null, $"'{toponym}' missing");
        Assert.Equal(ToponymRole.PartOfName, m.Role);
    }

    [Fact]
    public void Parse_takes_a_closing_City_into_the_name_but_not_a_City_Council()
    {
        var all = Parse("Burton travel to Birmingham City on Saturday. The Birmingham City Council met on Monday.");
        Assert.Contains(all, x => x.Text == "Birmingham City" && x.Place is not null);
        Assert.DoesNotContain(all, x => x.Text.StartsWith("Birmingham City Council", StringComparison.Ordinal));
    }

    [Fact]
    public void Parse_keeps_a_place_that_closes_a_quotation_before_said()
    {
        var all = Parse("“It looks like the architecture in Charleston,” said Sue Barusefski, a resident.");
        Assert.Contains(all, x => x.Text == "Charleston" && x.Place is not null);
    }

    [Theory]
    [InlineData("Sea temperatures in the tropical Atlantic are near record.", "Atlantic", 10.0, -25.0)]
    [InlineData("On Oahu, home to Honolulu, prices rose.", "Oahu", 21.47, -157.98)]
    [InlineData("Migrants crossed the Sahara on foot.", "Sahara", 23.0, 13.0)]
    public void Parse_finds_world_natural_features_from_the_supplement(string text, string toponym, double lat, double lon)
    {
        var m = Parse(text).FirstOrDefault(x => x.Text == toponym);
        Assert.True(m?.Place is not null, $"'{toponym}' missing or unresolved");
        Assert.True(Geoparser.Haversine(m.Place.Latitude, m.Place.Longitude, lat, lon) < 100);
    }

    [Fact]
    public void Parse_lets_a_feature_head_that_is_also_a_state_close_the_name()
    {
        Assert.Contains(Parse("Farmers in the Nile Delta lost crops."), x => x.Text == "Nile Delta");
    }

    [Theory]
    [InlineData("He was survived by his mother and girlfriend Olivia.", "Olivia")]
    [InlineData("The five CEOs agreed to work together on taxes.", "CEOs")]
    [InlineData("Thunder Snow was drawn on an unfavourable Gate 10, right on the outside.", "Gate")]
    public void Parse_does_not_take_a_lone_given_name_an_acronym_plural_or_a_numbered_label_for_a_place(string text, string word)
    {
        Assert.DoesNotContain(Parse(text), x => x.Text == word);
    }

    [Fact]
    public void Parse_keeps_a_given_name_town_after_a_locative_cue()
    {
        Assert.Contains(Parse("The plane landed in Shannon on Friday after a storm in Ireland."), x => x.Text == "Shannon" && x.Place is not null);
    }

    [Fact]
    public void Parse_needs_the_dot_of_a_truncated_state_abbreviation()
    {
        Assert.DoesNotContain(Parse("Christians attended the Easter Sunday Mass at noon."), x => x.Text == "Mass");
        Assert.Contains(Parse("The company is based in Boston, Mass. and employs 300 people."), x => x.Text.StartsWith("Mass", StringComparison.Ordinal));
    }

    [Fact]
    public void Parse_grows_a_demonym_to_a_quarter()
    {
        Assert.Contains(Parse("They walked through the French Quarter at night."), x => x.Text == "French Quarter");
    }

    [Fact]
    public void Parse_does_not_take_a_party_adjective_for_a_place_and_keeps_the_county_before_it()
    {
        var all = Parse("Teachers rallied in several Republican-led states. The Montgomery County Democrats will host the forum.");
        Assert.DoesNotContain(all, x => x.Text.StartsWith("Republican", StringComparison.Ordinal));
        Assert.Contains(all, x => x.Text == "Montgomery County");
    }

    [Fact]
    public void Parse_takes_a_name_followed_by_an_age_for_a_person_throughout_the_document()
    {
        var all = Parse("Calls for reform grew. Stephon Clark, 22, was shot by officers. A private autopsy showed that Clark was hit by eight bullets.");
        Assert.DoesNotContain(all, x => x.Text == "Clark");
    }
}
