using Sitrep.Syntax;

namespace Sitrep.Tests.Syntax;

/// <summary>Parameter averaging of models trained with different seeds (train syntax --parser-from A --parser-from B).</summary>
public sealed class WeightAveragingTests
{
    static PerceptronWeights Table(uint[] features, int truth, int guess, int updates)
    {
        var p = new AveragedPerceptron(3);
        for (var i = 0; i < updates; i++)
        {
            p.Update(features, truth, guess);
        }

        return p.Freeze(0f);
    }

    static float[] Scores(PerceptronWeights w, uint[] features)
    {
        var s = new float[3];
        w.Score(features, s);
        return s;
    }

    [Fact]
    public void The_average_scores_the_mean_of_the_tables_scores_and_a_missing_feature_counts_as_zero()
    {
        var a = Table([11, 22], 0, 1, 40);
        var b = Table([22, 33], 2, 0, 20);
        var avg = PerceptronWeights.Average([a, b]);
        Assert.Equal(3, avg.FeatureCount);
        foreach (uint[] f in new[] { new uint[] { 11 }, [22], [33], [11, 22, 33, 99] })
        {
            var (x, y, m) = (Scores(a, f), Scores(b, f), Scores(avg, f));
            for (var c = 0; c < 3; c++)
            {
                Assert.Equal((x[c] + y[c]) / 2, m[c], 0.01f);
            }
        }
    }

    [Fact]
    public void Averaging_a_parser_with_itself_parses_the_same_and_different_label_sets_are_refused()
    {
        string[] labels = ["det", "nsubj", "obj", "punct", "root"];
        int[] L(string s) => [.. s.Split(' ').Select(x => Array.IndexOf(labels, x))];
        var words = WordInfo.Of(["Rebels", "seized", "the", "town", "."]);
        var tags = "NOUN VERB DET NOUN PUNCT".Split(' ').Select(t => FeatureHash.Of(t)).ToArray();
        var example = new DependencyParser.Example(words, tags, [1, -1, 3, 1, 1], L("nsubj root det obj punct"));
        var parser = DependencyParser.Train(labels, [example], epochs: 0, seed: 1, threshold: 0f, log: _ => { }, beamWidth: 2, beamEpochs: 5);
        var avg = DependencyParser.Average([parser, parser]);
        Assert.Equal(2, avg.BeamWidth);
        var (h1, l1, h2, l2) = (new int[5], new int[5], new int[5], new int[5]);
        parser.Parse(words, tags, h1, l1);
        avg.Parse(words, tags, h2, l2);
        Assert.Equal(h1, h2);
        Assert.Equal(l1, l2);
        var other = DependencyParser.Train(["det", "nsubj", "obj", "punct", "root", "x"], [example], epochs: 1, seed: 1, threshold: 0f, log: _ => { });
        Assert.Throws<ArgumentException>(() => DependencyParser.Average([parser, other]));
    }
}
