using Sitrep.Syntax;

namespace Sitrep.Tests.Syntax;

/// <summary>The tagger's runner-up tags (the k-best interface a parser trained with a tag margin reads), on the shipped tagger.</summary>
public sealed class TagAlternativesTests(ShippedSyntaxModel model) : IClassFixture<ShippedSyntaxModel>
{
    static readonly string[] Words = ["Rebels", "quickly", "liberated", "that", "border", "town", "from", "Islamic", "State", "."];

    [Fact]
    public void Runner_up_is_another_class_scored_no_higher_than_the_tag()
    {
        var tagger = model.Parser.Model.Tagger;
        var words = WordInfo.Of(Words, model.Parser.Model.Clusters);
        var tags = new int[Words.Length];
        var runnerUp = new int[Words.Length];
        var margin = new float[Words.Length];
        tagger.Tag(words, tags, runnerUp, margin);

        var plain = new int[Words.Length];
        tagger.Tag(words, plain);
        Assert.Equal(plain, tags);
        Assert.All(Enumerable.Range(0, Words.Length), i =>
        {
            Assert.NotEqual(tags[i], runnerUp[i]);
            Assert.True(margin[i] >= 0, $"{Words[i]}: margin {margin[i]}");
        });
    }

    [Fact]
    public void Only_close_calls_get_an_alternative_and_an_unbounded_margin_gives_every_word_one()
    {
        var tagger = model.Parser.Model.Tagger;
        var words = WordInfo.Of(Words, model.Parser.Model.Clusters);
        var tags = new int[Words.Length];
        Assert.All(tagger.TagWithAlternatives(words, tags, float.Epsilon), a => Assert.Equal(PosTagger.Sure, a));

        var all = tagger.TagWithAlternatives(words, tags, float.PositiveInfinity);
        Assert.DoesNotContain(PosTagger.Sure, all);
    }
}
