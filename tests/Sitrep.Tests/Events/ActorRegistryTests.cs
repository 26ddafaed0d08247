using Sitrep.Events;

namespace Sitrep.Tests.Events;

public sealed class ActorRegistryTests
{
    static readonly ActorRegistry Registry = ActorRegistry.LoadDefault();

    [Theory]
    [InlineData("Daesh", "Islamic State")]                       // Arabic acronym
    [InlineData("ISIL fighters", "Islamic State")]                // alias with a noun
    [InlineData("Hashed al-Shaabi", "Popular Mobilization Forces")]
    [InlineData("Turkish jets", "Military Forces of Turkey")]     // generated from the states table
    [InlineData("Syria's army", "Military Forces of Syria")]      // possessive, tokenised clitic
    [InlineData("Syrias army", "Military Forces of Syria")]       // possessive with the apostrophe stripped (FA-KES)
    [InlineData("US-led coalition", "US-led Coalition")]
    [InlineData("Islam Army", "Jaish al-Islam")]                     // AFP's translation of the name
    [InlineData("Liwa al-Fateh", "Liwa al-Fateh")]
    public void Match_alias_resolves_to_canonical_name(string phrase, string expected)
    {
        var units = EventTestText.Units(phrase);
        var (values, length) = Registry.Match(units, 0);
        Assert.Equal(units.Length, length);
        Assert.Equal(expected, Registry.Resolve(values[0].Actor!, null, null).Name);
    }

    [Theory]
    [InlineData("Russian Aerospace Forces", "Military Forces of Russia")]
    [InlineData("Syrian air forces", "Military Forces of Syria")]
    public void Match_an_aerospace_or_air_force_is_its_states_military_as_an_aerial_means(string phrase, string expected)
    {
        var units = EventTestText.Units(phrase);
        var (values, length) = Registry.Match(units, 0);
        Assert.Equal(units.Length, length);
        var alias = values.First(v => v.Use == AliasUse.Name);
        Assert.Equal(expected, Registry.Resolve(alias.Actor!, null, null).Name);
        Assert.True(alias.Actor!.Has("air"));
    }

    [Fact]
    public void Match_lowercase_is_is_not_islamic_state()
    {
        var (_, length) = Registry.Match(EventTestText.Units("is"), 0);
        Assert.Equal(0, length);
    }

    [Fact]
    public void Resolve_nusra_after_rename_gives_successor()
    {
        var nusra = Registry.Find("group:nusra")!;
        Assert.Equal("Jabhat al-Nusra", Registry.Resolve(nusra, "SY", new DateOnly(2016, 1, 1)).Name);
        Assert.Equal("Hayat Tahrir al-Sham", Registry.Resolve(nusra, "SY", new DateOnly(2017, 6, 1)).Name);
    }

    [Fact]
    public void Resolve_template_fills_country_and_marks_foreign_forces_external()
    {
        Assert.Equal("Syrian rebels", Registry.Resolve(Registry.Find("generic:rebels")!, "SY", null).Name);
        Assert.Equal("Iraqi tribal forces", Registry.Resolve(Registry.Find("generic:tribal")!, "IQ", null).Name);
        var turkey = Registry.Resolve(Registry.Find("mil:TR")!, "SY", null);
        Assert.Equal(ActorKind.ExternalForce, turkey.Kind);
        Assert.Equal(8, turkey.AcledInter);
    }
}
