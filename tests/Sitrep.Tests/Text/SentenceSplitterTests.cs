using Sitrep.Tests.Support;
using Sitrep.Text;

namespace Sitrep.Tests.Text;

public sealed class SentenceSplitterTests
{
    static readonly SentenceSplitter Splitter = new();

    static string[] SplitToStrings(string text) => [.. Splitter.Split(text).Select(s => s.Of(text))];

    [Theory]
    [InlineData("Mr. Smith went to Washington. He spoke.", 2)]                      // title abbreviation is not a boundary
    [InlineData("He said \"Stop.\" Then he left.", 2)]                               // quote after the final period
    [InlineData("Gen. Joseph Votel visited the U.S. base on Jan. 5 in Syria.", 1)]   // title, acronym and month abbreviations
    [InlineData("The troops came from the U.S. The base was new.", 2)]              // acronym before a sentence starter ends it
    [InlineData("J. R. R. Tolkien wrote it. It sold.", 2)]                          // initials
    [InlineData("At least 1,300 people fled. The toll rose 3.5 percent.", 2)]      // numbers with comma and period
    [InlineData("what should i do? i need help.", 2)]                               // an unquoted question mark ends a sentence even before lower case
    [InlineData("\"Where?\" he asked.", 1)]                                        // quoted question mark before lower case
    [InlineData("They fled to No. 5 camp. It was full.", 2)]                       // "No." before a digit
    [InlineData("Wed 05 Apr 2017 Syria attack kills 70\nVictims showed symptoms.", 2)] // headline line without final punctuation
    [InlineData("First paragraph without a stop\n\nsecond paragraph", 2)]          // a paragraph break always ends a sentence
    [InlineData("a line that wraps\nin the middle of a sentence.", 1)]             // a single line break before lower case continues
    [InlineData("Wait... What happened?", 2)]                                      // ellipsis before a capital
    [InlineData("", 0)]
    [InlineData("   \n\n ", 0)]
    public void Split_counts_sentences(string text, int expected) =>
        Assert.Equal(expected, Splitter.Split(text).Length);

    [Fact]
    public void Split_keeps_closing_quote_with_its_sentence() =>
        Assert.Equal(["He said \"Stop.\"", "Then he left."], SplitToStrings("He said \"Stop.\" Then he left."));

    [Fact]
    public void Split_returns_trimmed_spans_into_the_text()
    {
        var text = "  Syrias army advanced.  Rebels withdrew 5000 fighters.\n";
        var spans = Splitter.Split(text);
        Assert.Equal([new TextSpan(2, 21), new TextSpan(25, 30)], spans);
        Assert.Equal("Rebels withdrew 5000 fighters.", spans[1].Of(text));
    }

    [Fact]
    public void Split_with_scope_stays_inside_it()
    {
        var text = "Skip this. Keep this one. And this.";
        var spans = Splitter.Split(text, TextSpan.FromBounds(11, text.Length));
        Assert.Equal(["Keep this one.", "And this."], spans.Select(s => s.Of(text)));
    }

    [Fact]
    public void ScoreTreebanks_on_gum_news_meets_the_floor()
    {
        var dir = SharedData.Find("data/treebanks");
        if (dir is null)
        {
            Assert.Skip("../shared/data/treebanks is absent");
        }

        var lexicon = TextLexicon.Load();
        var scores = SegmentationEvaluation.ScoreTreebanks(dir, new SentenceSplitter(lexicon), new Tokenizer(lexicon));
        var news = scores.Single(s => s.Name == "GUM news (all splits)");
        Assert.True(news.Boundaries.F1 >= 0.95, $"GUM news boundary F1 {news.Boundaries.F1:0.000} < 0.95");
    }
}
