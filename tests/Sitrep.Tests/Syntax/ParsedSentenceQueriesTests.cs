using System.Collections.Immutable;
using Sitrep.Syntax;
using Sitrep.Text;

namespace Sitrep.Tests.Syntax;

/// <summary>Queries over hand-built trees (UD English analyses), independent of the model.</summary>
public sealed class ParsedSentenceQueriesTests
{
    static ParsedSentence Tree(params (string Form, string Lemma, string Upos, string Xpos, int Head, string Rel)[] words) =>
        new(new Sentence(0, new TextSpan(0, 0), []),
            [.. words.Select((w, i) => new SyntaxToken(i, w.Form, w.Lemma, w.Upos, w.Xpos, w.Head, w.Rel))], []);

    // "the areas which rebels seized": which (obj) resolves to areas.
    static readonly ParsedSentence Relative = Tree(
        ("the", "the", "DET", "DT", 1, "det"),
        ("areas", "area", "NOUN", "NNS", -1, "root"),
        ("which", "which", "PRON", "WDT", 4, "obj"),
        ("rebels", "rebel", "NOUN", "NNS", 4, "nsubj"),
        ("seized", "seize", "VERB", "VBD", 1, "acl:relcl"));

    [Fact]
    public void ObjectsOf_relative_pronoun_resolves_to_modified_noun() => Assert.Equal([1], Relative.ObjectsOf(4));

    [Fact]
    public void RelativeClausesOf_noun_lists_the_clause_predicate() => Assert.Equal([4], Relative.RelativeClausesOf(1));

    // "forces captured and held the town": held shares the subject of captured.
    static readonly ParsedSentence Coordinated = Tree(
        ("forces", "force", "NOUN", "NNS", 1, "nsubj"),
        ("captured", "capture", "VERB", "VBD", -1, "root"),
        ("and", "and", "CCONJ", "CC", 3, "cc"),
        ("held", "hold", "VERB", "VBD", 1, "conj"),
        ("the", "the", "DET", "DT", 5, "det"),
        ("town", "town", "NOUN", "NN", 1, "obj"));

    [Fact]
    public void SubjectOf_conjunct_verb_inherits_first_conjuncts_subject() => Assert.Equal(0, Coordinated.SubjectOf(3));

    [Fact]
    public void ConjunctsOf_first_verb_lists_the_others() => Assert.Equal([3], Coordinated.ConjunctsOf(1));

    [Fact]
    public void PrepositionOf_multiword_case_joins_fixed_parts()
    {
        // "in front of the base"
        var s = Tree(
            ("in", "in", "ADP", "IN", 3, "case"),
            ("front", "front", "NOUN", "NN", 0, "fixed"),
            ("of", "of", "ADP", "IN", 0, "fixed"),
            ("base", "base", "NOUN", "NN", -1, "root"));
        Assert.Equal("in front of", s.PrepositionOf(3));
    }

    [Theory]
    [InlineData("nsubj:pass", "nsubj", true)]
    [InlineData("nsubj", "nsubj", true)]
    [InlineData("nsubj", "nsubj:pass", false)]
    [InlineData("nmod", "nmod:poss", false)]
    [InlineData("obl", "ob", false)]   // a prefix of the name is not the relation
    public void IsRelation_matches_subtypes_only_downwards(string rel, string relation, bool expected) =>
        Assert.Equal(expected, ParsedSentenceQueries.IsRelation(rel, relation));

    [Fact]
    public void PhraseOf_leaves_out_apposition_and_relative_clause()
    {
        // "rebels , backed by tanks , advanced"
        var s = Tree(
            ("rebels", "rebel", "NOUN", "NNS", 6, "nsubj"),
            (",", ",", "PUNCT", ",", 2, "punct"),
            ("backed", "back", "VERB", "VBN", 0, "acl"),
            ("by", "by", "ADP", "IN", 4, "case"),
            ("tanks", "tank", "NOUN", "NNS", 2, "obl:agent"),
            (",", ",", "PUNCT", ",", 2, "punct"),
            ("advanced", "advance", "VERB", "VBD", -1, "root"));
        Assert.Equal((0, 1), s.PhraseOf(0));
        Assert.True(s.IsPassive(2));
        Assert.Equal(4, s.AgentOf(2));
        Assert.Equal(0, s.PatientOf(2));
    }
}
