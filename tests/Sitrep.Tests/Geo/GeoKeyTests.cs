using Sitrep.Geo;

namespace Sitrep.Tests.Geo;

public sealed class GeoKeyTests
{
    [Theory]
    [InlineData("Deir al-Zor", "Deir ez-Zor")]
    [InlineData("Dayr az Zawr", "Deir Ezzor")]
    [InlineData("Raqa", "Raqqa")]
    [InlineData("Jarablus", "Jarabulus")]
    [InlineData("Kobani", "Kobane")]
    [InlineData("Al-Mayadin", "Mayadeen")]
    [InlineData("Al-Qaim", "Qaim")]
    public void Skeleton_transliteration_variants_share_a_key(string a, string b) =>
        Assert.Equal(GeoKey.SkeletonString(a), GeoKey.SkeletonString(b));

    [Theory]
    [InlineData("al-Qaim", "qaim")]
    [InlineData("Ar Raqqah", "raqqah")]
    [InlineData("Deir ez-Zor", "deirzor")]
    [InlineData("Ḩalab", "halab")]
    public void Loose_drops_articles_separators_and_diacritics(string name, string key) =>
        Assert.Equal(key, GeoKey.LooseString(name));

    [Fact]
    public void Loose_keeps_an_article_that_is_the_whole_name() =>
        Assert.Equal("al", GeoKey.LooseString("Al"));

    [Fact]
    public void Loose_is_empty_for_non_latin_names() =>
        Assert.Equal("", GeoKey.LooseString("حلب"));

    [Theory]
    [InlineData("raqa", "raqqa", 1)]
    [InlineData("jarablus", "jarabulus", 1)]
    [InlineData("mosul", "basra", 3)]
    public void Distance_is_bounded_damerau_levenshtein(string a, string b, int expected) =>
        Assert.Equal(expected, GeoKey.Distance(a, b, 2) > 2 ? 3 : GeoKey.Distance(a, b, 2));
}
