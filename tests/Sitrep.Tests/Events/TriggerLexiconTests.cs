using Sitrep.Events;

namespace Sitrep.Tests.Events;

public sealed class TriggerLexiconTests
{
    [Theory]
    [InlineData("capture", true, "captured")]
    [InlineData("besiege", true, "besieging")]
    [InlineData("bombard", true, "bombards")]
    [InlineData("take control", true, "takes control")]
    [InlineData("clash", false, "clashes")]
    public void Inflect_generates_regular_forms(string lemma, bool verb, string form) =>
        Assert.Contains(form, TriggerLexicon.Inflect(lemma, verb));

    [Fact]
    public void LoadDefault_every_entry_has_a_plover_type_and_cameo_code()
    {
        var lexicon = TriggerLexicon.LoadDefault();
        Assert.NotEmpty(lexicon.Entries);
        Assert.All(lexicon.Entries, e => Assert.False(string.IsNullOrEmpty(e.Plover.Type) || string.IsNullOrEmpty(e.Cameo)));
    }
}
