using Sitrep.Syntax;

namespace Sitrep.Tests.Syntax;

/// <summary>
/// Suffix rules checked against known words. <c>Fixtures/syntax/lemmatizer.conllu</c> teaches "-bed" → drop three letters
/// (robbed, grabbed, stabbed) and "-ed" → drop two (walked, jumped, played, killed, climbed); plural proper nouns (Kurds,
/// Iraqis, Palestinians) drop their "s"; "Sept." is spelt "September" and "GOODWYN" "Goodwyn".
/// </summary>
public sealed class LemmatizerTests
{
    static readonly Lemmatizer Trained = Lemmatizer.Train(
        ConlluReader.Read(Path.Combine(AppContext.BaseDirectory, "Fixtures", "syntax", "lemmatizer.conllu")), []);

    static readonly HashSet<string> Words = new(["bomb", "bom", "rob", "walk"], StringComparer.Ordinal);

    [Fact]
    public void Longest_suffix_rule_decides_without_a_word_list() =>
        Assert.Equal("bom", Trained.Lemmatize("bombed", "VERB", "VBD"));

    [Fact]
    public void Rule_whose_output_is_not_a_word_gives_way_to_a_shorter_suffix_rule()
    {
        var known = new HashSet<string>(["bomb"], StringComparer.Ordinal);
        Assert.Equal("bomb", Trained.Lemmatize("bombed", "VERB", "VBD", known.Contains));
    }

    [Fact]
    public void Longest_rule_that_gives_a_word_still_wins_over_shorter_ones() =>
        Assert.Equal("bom", Trained.Lemmatize("bombed", "VERB", "VBD", Words.Contains));

    [Fact]
    public void When_no_rule_gives_a_word_the_longest_suffix_rule_decides() =>
        Assert.Equal("jab", Trained.Lemmatize("jabbed", "VERB", "VBD", _ => false));

    [Fact]
    public void Forms_seen_in_training_ignore_the_word_list() =>
        Assert.Equal("rob", Trained.Lemmatize("robbed", "VERB", "VBD", _ => false));

    [Theory]
    [InlineData("Syrians", "Syrian")]
    [InlineData("SYRIANS", "SYRIAN")]
    [InlineData("Palestinians", "Palestinian")]
    public void Plural_proper_nouns_are_singularised_keeping_their_capitals(string form, string lemma) =>
        Assert.Equal(lemma, Trained.Lemmatize(form, "PROPN", "NNPS"));

    [Fact]
    public void Singular_proper_nouns_are_their_own_lemma()
    {
        Assert.Equal("Aleppo", Trained.Lemmatize("Aleppo", "PROPN", "NNP"));
        Assert.Equal("Homs", Trained.Lemmatize("Homs", "PROPN", "NNP"));
    }

    [Fact]
    public void Singular_proper_noun_spelt_otherwise_in_training_takes_that_lemma_for_that_exact_form()
    {
        Assert.Equal("September", Trained.Lemmatize("Sept.", "PROPN", "NNP"));
        Assert.Equal("Goodwyn", Trained.Lemmatize("GOODWYN", "PROPN", "NNP"));
        Assert.Equal("SEPT.", Trained.Lemmatize("SEPT.", "PROPN", "NNP"));
    }
}
