using Sitrep.Geo;

namespace Sitrep.Tests.Geo;

public sealed class GeoparserTests(GeoparserFixture fx) : IClassFixture<GeoparserFixture>
{
    private PlaceMention Mention(string text, string toponym)
    {
        fx.SkipWithoutData();
        var all = fx.Parser.Parse(text, []);
        var m = all.FirstOrDefault(x => x.Text == toponym);
        Assert.True(m is not null, $"'{toponym}' not found; got: {string.Join(", ", all.Select(x => x.Text))}");
        return m;
    }

    private static double Km(Place p, double lat, double lon) => Geoparser.Haversine(p.Latitude, p.Longitude, lat, lon);

    [Theory]
    [InlineData("Albu Kamal", 34.452, 40.918)]
    [InlineData("Abu Kamal", 34.452, 40.918)]
    [InlineData("Al-Bukamal", 34.452, 40.918)]
    [InlineData("Deir al-Zor", 35.336, 40.141)]
    [InlineData("Deir ez-Zor", 35.336, 40.141)]
    [InlineData("Deir Ezzor", 35.336, 40.141)]
    [InlineData("Jarablus", 36.818, 38.011)]
    [InlineData("Jarabulus", 36.818, 38.011)]
    [InlineData("Raqa", 35.953, 39.008)]
    [InlineData("Raqqa", 35.953, 39.008)]
    [InlineData("Mayadin", 35.020, 40.452)]
    [InlineData("al-Mayadin", 35.020, 40.452)]
    [InlineData("Qaim", 34.393, 40.989)]
    [InlineData("Al-Qaim", 34.393, 40.989)]
    [InlineData("Kobani", 36.891, 38.353)]
    [InlineData("Kobane", 36.891, 38.353)]
    [InlineData("Ain al-Arab", 36.891, 38.353)]
    [InlineData("Rawa", 34.482, 41.919)]
    [InlineData("Mosul", 36.335, 43.119)]
    [InlineData("Rumana", 34.45, 41.04)]
    [InlineData("al-Waleed", 33.40, 38.79)]
    [InlineData("Shayrat", 34.49, 36.91)]
    [InlineData("Tabqa Dam", 35.87, 38.57)]
    public void Parse_transliteration_variant_resolves_within_10_km(string name, double lat, double lon)
    {
        var text = $"Syrian and Iraqi forces fought Islamic State militants in {name} on Saturday, near the border between Syria and Iraq.";
        var m = Mention(text, name);
        Assert.Equal(ToponymRole.Location, m.Role);
        Assert.True(Km(m.Place!, lat, lon) < 10, $"{name} resolved to {m.Place!.Name} {m.Place.Latitude},{m.Place.Longitude}");
    }

    [Theory]
    [InlineData("She studied at the University of California before moving east.", "University of California", 36.5, -119.5)]
    [InlineData("He was treated at Colchester General Hospital on Monday.", "Colchester General Hospital", 51.89, 0.90)]
    [InlineData("Storms formed over the Indian Ocean this week.", "Indian Ocean", double.NaN, double.NaN)]
    [InlineData("Flooding hit West Wales overnight.", "West Wales", 52.3, -3.7)]
    [InlineData("The company is based in Richmond, Va. and employs 300 people.", "Va.", 37.5, -78.8)]
    public void Parse_covers_the_whole_facility_feature_or_abbreviated_name_and_keeps_the_embedded_place(string text, string span, double lat, double lon)
    {
        // GeoWebNews (Gritta et al. 2020) annotates these whole spans as the toponym.
        var m = Mention(text, span);
        Assert.NotNull(m.Place);
        if (!double.IsNaN(lat))
        {
            Assert.True(Km(m.Place!, lat, lon) < 300, $"{span} resolved to {m.Place!.Name} {m.Place.Latitude},{m.Place.Longitude}");
        }
    }

    [Fact]
    public void Parse_does_not_let_a_sentence_initial_stop_word_start_a_spelling_variant()
    {
        fx.SkipWithoutData();
        var all = fx.Parser.Parse("The New York Times reported the fire.", []);
        Assert.Contains(all, m => m.Text == "New York");
    }

    [Theory]
    [InlineData("Syrian troops advanced on Saturday.", "Syrian", ToponymRole.Demonym)]
    [InlineData("The Kurdish-led alliance took the town.", "Kurdish", ToponymRole.Demonym)]
    [InlineData("Iraqi forces seized several villages.", "Iraqi", ToponymRole.Demonym)]
    [InlineData("The end of Syria's war is not near.", "Syria", ToponymRole.Demonym)]
    [InlineData("Ankara considers the militia a terrorist group.", "Ankara", ToponymRole.Metonym)]
    [InlineData("Damascus is condemning the strikes.", "Damascus", ToponymRole.Metonym)]
    [InlineData("But the Kremlin said on Saturday that talks went well.", "Kremlin", ToponymRole.Metonym)]
    [InlineData("Officials in Washington said the talks failed.", "Washington", ToponymRole.Metonym)]
    [InlineData("said the Syrian Observatory for Human Rights monitoring group.", "Syrian", ToponymRole.PartOfName)]
    [InlineData("Fighters of the Free Syrian Army entered the town.", "Syrian", ToponymRole.PartOfName)]
    public void Parse_marks_non_locational_roles(string text, string toponym, ToponymRole role) =>
        Assert.Equal(role, Mention(text, toponym).Role);

    [Theory]
    [InlineData("Air strikes hit southwestern Aleppo on Monday, Syrian media said.", "Aleppo", 2, "southwestern")]
    [InlineData("Clashes raged in the Aleppo countryside, Syrian media said.", "Aleppo", 3, "countryside")]
    [InlineData("Shelling was reported in rural Deir Ezzor, in eastern Syria.", "Deir Ezzor", 3, "rural")]
    [InlineData("The Syrian army advanced east of Raqqa on Sunday.", "Raqqa", 2, "east-of")]
    [InlineData("Fighting continued in Idlib province in northwest Syria.", "Idlib", 3, "province")]
    [InlineData("Clashes broke out near the Turkish border in northern Syria.", "Turkish", 3, "border")]
    public void Parse_keeps_vague_places_vague(string text, string toponym, int precision, string relation)
    {
        var m = Mention(text, toponym);
        Assert.Equal(precision, m.Precision);
        Assert.Equal(relation, m.Relation);
    }

    [Fact]
    public void Parse_neighbourhood_of_a_foreign_namesake_stays_in_the_documents_country()
    {
        fx.SkipWithoutData();
        const string text = "A car bomb killed 44 people in Qamishli in Hasaka province in Syria. "
            + "The bomber struck in the al-Gharbiya neighborhood on the western part of the city.";
        var all = fx.Parser.Parse(text, []);
        Assert.Contains(all, m => m.Text == "Qamishli" && m.Place?.CountryCode == "SY");
        Assert.DoesNotContain(all, m => m.Text.Contains("Gharbiya", StringComparison.Ordinal) && m.Place is { } p && p.CountryCode != "SY");
    }

    [Fact]
    public void Parse_province_context_selects_the_admin1_unit()
    {
        var city = Mention("Rebels shelled Aleppo on Monday in northern Syria.", "Aleppo");
        var province = Mention("Rebels shelled villages in Aleppo province in northern Syria.", "Aleppo");
        Assert.Equal(PlaceKind.Settlement, city.Place!.Kind);
        Assert.Equal(PlaceKind.Admin1, province.Place!.Kind);
    }

    [Fact]
    public void Parse_palmyra_in_a_syria_article_is_tadmur()
    {
        var m = Mention("Syrian government forces recaptured Palmyra from the Islamic State group.", "Palmyra");
        Assert.Equal("SY", m.Place!.CountryCode);
        Assert.True(Km(m.Place, 34.56, 38.28) < 10);
    }

    [Fact]
    public void Parse_tartus_is_the_syrian_port()
    {
        var m = Mention("Russian warships docked in Tartus on Tuesday.", "Tartus");
        Assert.Equal("SY", m.Place!.CountryCode);
        Assert.True(Km(m.Place, 34.889, 35.887) < 10);
    }

    [Fact]
    public void Parse_person_name_with_a_title_is_not_a_place()
    {
        fx.SkipWithoutData();
        var all = fx.Parser.Parse("President Donald Trump met Russian counterpart Vladimir Putin in Vietnam.", []);
        Assert.DoesNotContain(all, m => m.Text is "Donald" or "Vladimir" or "Putin");
        Assert.Contains(all, m => m.Text == "Vietnam" && m.Place!.CountryCode == "VN");
    }

    [Fact]
    public void Parse_seed_002_lists_its_places_with_coordinates_and_demonyms()
    {
        var path = Path.Combine(GeoparserFixture.Shared(), "seeds", "002_9cd13ebd3ff0fa9d.txt");
        if (!File.Exists(path))
        {
            Assert.Skip("../shared/seeds absent");
        }

        fx.SkipWithoutData();
        var all = fx.Parser.Parse(File.ReadAllText(path), []);
        var expected = new (string Text, double Lat, double Lon)[]
        {
            ("Albu Kamal", 34.452, 40.918), ("Rawa", 34.482, 41.919), ("Al-Qaim", 34.393, 40.989), ("Mosul", 36.335, 43.119),
            ("Raqa", 35.953, 39.008), ("Deir Ezzor", 35.336, 40.141), ("Rumana", 34.45, 41.04), ("Vietnam", 16.17, 107.83),
        };
        foreach (var (text, lat, lon) in expected)
        {
            var m = all.FirstOrDefault(x => x.Text == text && x.Role == ToponymRole.Location);
            Assert.True(m is not null, $"{text} missing");
            Assert.True(Km(m.Place!, lat, lon) < (text == "Vietnam" ? 500 : 10), $"{text} at {m.Place!.Latitude},{m.Place.Longitude}");
        }

        Assert.Contains(all, x => x.Text == "Syria" && x.Role == ToponymRole.Demonym);
        Assert.Contains(all, x => x.Text == "Iraqi" && x.Role == ToponymRole.Demonym);
    }

    [Fact]
    public void Create_with_a_user_places_file_finds_its_places()
    {
        fx.SkipWithoutData();
        var file = Path.Combine(AppContext.BaseDirectory, "Fixtures", "geo", "user-places.tsv");
        var parser = Geoparser.Create(new GeoparserOptions { PlacesFiles = [file] }, TextWriter.Null);
        var m = parser.Parse("Syrian troops reached Checkpoint Zulu near Deir ez-Zor.", []).First(x => x.Text == "Checkpoint Zulu");
        Assert.Equal("sup:test-checkpoint", m.Place!.Id);
    }
}
