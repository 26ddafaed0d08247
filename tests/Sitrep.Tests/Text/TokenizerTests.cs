using Sitrep.Text;

namespace Sitrep.Tests.Text;

public sealed class TokenizerTests
{
    static readonly Tokenizer Tokenizer = new();

    static string Tokens(string text) =>
        string.Join(" ", Tokenizer.Tokenize(text, new TextSpan(0, text.Length)).Select(t => t.Text));

    [Theory]
    [InlineData("They don't know.", "They do n't know .")]                      // n't split, UD style
    [InlineData("It can't be, we won't go.", "It ca n't be , we wo n't go .")]    // ca|n't, wo|n't
    [InlineData("The army's advance cannot stop.", "The army 's advance can not stop .")] // possessive and cannot
    [InlineData("The soldiers' families fled.", "The soldiers ' families fled .")] // plural possessive
    [InlineData("We're sure they'll come, I'm told.", "We 're sure they 'll come , I 'm told .")]
    [InlineData("At least 1,300 people, 3.5 percent, fled.", "At least 1,300 people , 3.5 percent , fled .")]
    [InlineData("Gen. Votel met U.S. officials.", "Gen. Votel met U.S. officials .")] // abbreviations keep their period
    [InlineData("Turkish-backed rebels took al-Bab.", "Turkish - backed rebels took al - Bab .")] // hyphens split
    [InlineData("A non-state group sent e-mail.", "A non-state group sent e-mail .")] // listed prefixes keep the hyphen
    [InlineData("Prices rose 5% to $300 on 9/11.", "Prices rose 5 % to $ 300 on 9/11 .")]
    [InlineData("He said: \"Stop (now)!\"", "He said : \" Stop ( now ) ! \"")]
    [InlineData("Wait... no.", "Wait ... no .")]
    [InlineData("See https://example.com/a.html, then mail a@b.org.", "See https://example.com/a.html , then mail a@b.org .")]
    [InlineData("Syrias army killed 5000 fighters", "Syrias army killed 5000 fighters")] // stripped apostrophes and commas
    [InlineData("He went to the U.S.", "He went to the U.S.")]                  // dotted acronym keeps the period at the end
    [InlineData("He said No.", "He said No .")]                                 // a listed abbreviation at the end loses it
    public void Tokenize_follows_ud_english(string text, string expected) =>
        Assert.Equal(expected, Tokens(text));

    [Fact]
    public void Tokenize_offsets_point_into_the_text()
    {
        var text = "Intro. They didn't fire.";
        var tokens = Tokenizer.Tokenize(text, TextSpan.FromBounds(7, text.Length));
        Assert.All(tokens, t => Assert.Equal(t.Text, t.Span.Of(text)));
        Assert.Equal(new TextSpan(15, 3), tokens[2].Span); // n't of didn't
    }
}
