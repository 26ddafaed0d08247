using Sitrep.Syntax;
using Sitrep.Tests.Support;

namespace Sitrep.Tests.Syntax;

/// <summary>Tests over the treebanks in ../shared; each skips when they are absent.</summary>
public sealed class SyntaxTrainingDataTests
{
    static string Treebank(string file) =>
        SharedData.Find(Path.Combine("data", "treebanks", file)) ?? throw Xunit.Sdk.SkipException.ForSkip("../shared/data/treebanks absent");

    [Fact]
    public void FromGum_first_bio_sentence_is_a_person_name()
    {
        var s = ConlluReader.Read(Treebank("en_gum-ccby-train.conllu"))[0];
        Assert.Equal([new EntitySpan(0, 2, EntityKind.Person)], EntityData.FromGum(s));
    }

    [Fact]
    public void FromGum_training_set_yields_names_of_every_kind()
    {
        var spans = ConlluReader.Read(Treebank("en_gum-ccby-train.conllu")).SelectMany(s => EntityData.FromGum(s)).ToList();
        Assert.All(Enum.GetValues<EntityKind>(), k => Assert.True(spans.Count(e => e.Kind == k) > 300, $"{k}: too few"));
    }

    [Fact]
    public void ReadIob2_test_file_has_spans_of_each_kind()
    {
        var data = EntityData.ReadIob2(Treebank("uner_en_ewt-test.iob2"));
        Assert.Equal(2077, data.Count);
        Assert.All(Enum.GetValues<EntityKind>(), k => Assert.Contains(data.SelectMany(d => d.Spans), e => e.Kind == k));
    }

    [Fact]
    public void Lemmatizer_trained_on_ewt_learns_irregular_and_regular_forms()
    {
        var train = ConlluReader.Read(Treebank("en_ewt-ud-train.conllu"));
        var lemmatizer = Lemmatizer.Train(train, [("slay", "slew", "slain")]);
        Assert.Equal("seize", lemmatizer.Lemmatize("seized", "VERB", "VBD"));
        Assert.Equal("take", lemmatizer.Lemmatize("took", "VERB", "VBD"));
        Assert.Equal("slay", lemmatizer.Lemmatize("slew", "VERB", "VBD"));
        Assert.Equal("shell", lemmatizer.Lemmatize("shelling", "VERB", "VBG"));
        Assert.Equal("militia", lemmatizer.Lemmatize("militias", "NOUN", "NNS"));
        Assert.Equal("Aleppo", lemmatizer.Lemmatize("Aleppo", "PROPN", "NNP"));
    }

    // The floors (UPOS 95.5, UAS 88, LAS 85) as a regression guard; the shipped model measures UPOS 95.84,
    // UAS 88.03, LAS 85.36 on EWT test (docs/syntax.md).
    [Fact]
    public void Shipped_model_keeps_its_measured_ewt_accuracy_with_gold_tokens()
    {
        var parser = SyntaxParser.LoadDefault();
        var r = SyntaxEvaluator.GoldTokens(parser, "EWT test", Treebank("en_ewt-ud-test.conllu"));
        Assert.True(r.Upos >= 95.7, $"UPOS {r.Upos:F2}");
        Assert.True(r.Uas >= 88.0, $"UAS {r.Uas:F2}");
        Assert.True(r.Las >= 85.2, $"LAS {r.Las:F2}");
    }

    // Regression guard for the name recogniser at the shipped model's measured level (F1 0.669 on Universal NER EWT test,
    // sentences grouped by document; 0.629 before session 5's beam + two-pass recogniser, see docs/names.md); the issue's
    // floor (0.80) is NOT met yet.
    [Fact]
    public void Shipped_model_keeps_its_measured_names_f1()
    {
        var parser = SyntaxParser.LoadDefault();
        var e = SyntaxEvaluator.Entities(parser, Treebank("uner_en_ewt-test.iob2"));
        Assert.True(e.F1 >= 0.66, $"F1 {e.F1:F3}");
    }
}
