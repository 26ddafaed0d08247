using Sitrep.Syntax;

namespace Sitrep.Tests.Syntax;

/// <summary>
/// Pseudo-projective training (Nivre &amp; Nilsson 2005, lifting without label encoding): non-projective training trees are
/// not skipped but lifted to the nearest projective tree.
/// </summary>
public sealed class PseudoProjectiveTests
{
    // "A hearing is scheduled on the issue today": "issue" (nmod of "hearing") crosses "is scheduled".
    // 0-based heads, -1 = root.
    static readonly int[] Hearing = [1, 3, 3, -1, 6, 6, 1, 3];

    [Fact]
    public void A_projective_tree_is_left_as_it_is()
    {
        int[] heads = [1, -1, 3, 1, 1];
        var (lifted, lifts) = DependencyParser.Lift(heads);
        Assert.Equal(heads, lifted);
        Assert.Equal(0, lifts);
    }

    [Fact]
    public void The_crossing_arc_is_lifted_to_its_heads_head_and_nothing_else_moves()
    {
        var (lifted, lifts) = DependencyParser.Lift(Hearing);
        Assert.Equal(1, lifts);
        Assert.Equal(3, lifted[6]);   // "issue" now hangs from "scheduled"
        Assert.Equal([1, 3, 3, -1, 6, 6, 3, 3], lifted);
        Assert.Equal(0, DependencyParser.Lift(lifted).Lifts);
    }

    [Fact]
    public void The_shortest_crossing_arc_is_lifted_first_and_lifting_repeats_until_projective()
    {
        // 3 → 1 and 3 → 0 both span the root word 2, which 3 does not dominate: the shorter (3 → 1) is lifted first,
        // then 3 → 0 still spans 1 (now a child of 2) and is lifted too.
        int[] heads = [3, 3, -1, 2, 2];
        var (lifted, lifts) = DependencyParser.Lift(heads);
        Assert.Equal(2, lifts);
        Assert.Equal([2, 2, -1, 2, 2], lifted);
        Assert.Equal(0, DependencyParser.Lift(lifted).Lifts);
    }

    [Fact]
    public void A_non_projective_training_sentence_is_trained_on_its_lifted_tree()
    {
        string[] labels = ["det", "nsubj:pass", "aux:pass", "root", "case", "nmod", "obl:tmod"];
        int L(string l) => Array.IndexOf(labels, l);
        var words = WordInfo.Of(["A", "hearing", "is", "scheduled", "on", "the", "issue", "today"]);
        var tags = "DET NOUN AUX VERB ADP DET NOUN NOUN".Split(' ').Select(t => FeatureHash.Of(t)).ToArray();
        int[] rels = [L("det"), L("nsubj:pass"), L("aux:pass"), L("root"), L("case"), L("det"), L("nmod"), L("obl:tmod")];
        var example = new DependencyParser.Example(words, tags, Hearing, rels);
        var log = new List<string>();
        var parser = DependencyParser.Train(labels, [example], epochs: 0, seed: 1, threshold: 0f, log: log.Add, beamWidth: 4, beamEpochs: 10);
        Assert.Contains(log, m => m.Contains("1 lifted to projective trees (1 arcs lifted)", StringComparison.Ordinal));
        Assert.Contains(log, m => m.Contains("0 without a static oracle", StringComparison.Ordinal));
        var heads = new int[words.Length];
        var parsedLabels = new int[words.Length];
        parser.Parse(words, tags, heads, parsedLabels);
        Assert.Equal([1, 3, 3, -1, 6, 6, 3, 3], heads);
        Assert.Equal(L("nmod"), parsedLabels[6]);
    }
}
