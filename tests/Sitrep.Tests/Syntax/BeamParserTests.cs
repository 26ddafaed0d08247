using Sitrep.Syntax;

namespace Sitrep.Tests.Syntax;

/// <summary>The beam-search parser and its global (max-violation) training, on a tiny hand-made treebank.</summary>
public sealed class BeamParserTests
{
    static readonly string[] Labels = ["det", "nsubj", "obj", "obl", "case", "punct", "root"];

    static DependencyParser.Example Sentence(string text, string tags, int[] heads, string labels)
    {
        var words = text.Split(' ');
        var l = labels.Split(' ').Select(x => Array.IndexOf(Labels, x)).ToArray();
        return new DependencyParser.Example(
            WordInfo.Of(words), [.. tags.Split(' ').Select(t => FeatureHash.Of(t))], [.. heads.Select(h => h - 1)], l);
    }

    // Heads are 1-based here (0 = root), as in CoNLL-U.
    static readonly DependencyParser.Example[] Treebank =
    [
        Sentence("Rebels seized the town .", "NOUN VERB DET NOUN PUNCT", [2, 0, 4, 2, 2], "nsubj root det obj punct"),
        Sentence("The army shelled the city from the hills .", "DET NOUN VERB DET NOUN ADP DET NOUN PUNCT",
            [2, 3, 0, 5, 3, 8, 8, 3, 3], "det nsubj root det obj case det obl punct"),
        Sentence("Gunmen attacked a convoy in the north .", "NOUN VERB DET NOUN ADP DET NOUN PUNCT",
            [2, 0, 4, 2, 7, 7, 2, 2], "nsubj root det obj case det obl punct"),
        Sentence("Police arrested the suspects .", "NOUN VERB DET NOUN PUNCT", [2, 0, 4, 2, 2], "nsubj root det obj punct"),
    ];

    static DependencyParser TrainBeam() =>
        DependencyParser.Train(Labels, Treebank, epochs: 0, seed: 1, threshold: 0f, log: _ => { }, beamWidth: 4, beamEpochs: 10);

    static (int[] Heads, int[] Labels) Parse(DependencyParser p, DependencyParser.Example e)
    {
        var heads = new int[e.Words.Length];
        var labels = new int[e.Words.Length];
        p.Parse(e.Words, e.Tags, heads, labels);
        return (heads, labels);
    }

    [Fact]
    public void Beam_trained_parser_decodes_with_its_training_width_and_learns_its_training_trees()
    {
        var parser = TrainBeam();
        Assert.Equal(4, parser.BeamWidth);
        Assert.All(Treebank, e =>
        {
            var (heads, labels) = Parse(parser, e);
            Assert.Equal(e.Heads, heads);
            Assert.Equal(e.Labels, labels);
        });
    }

    [Fact]
    public void Beam_width_survives_writing_and_reading_and_parses_the_same()
    {
        var parser = TrainBeam();
        using var stream = new MemoryStream();
        using (var w = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true))
        {
            parser.Write(w);
        }

        stream.Position = 0;
        var read = DependencyParser.Read(new BinaryReader(stream));
        Assert.Equal(4, read.BeamWidth);
        Assert.All(Treebank, e =>
        {
            var (heads, labels) = Parse(parser, e);
            var (readHeads, readLabels) = Parse(read, e);
            Assert.Equal(heads, readHeads);
            Assert.Equal(labels, readLabels);
        });
    }

    [Fact]
    public void A_greedy_parser_keeps_the_old_layout_and_reads_back_greedy()
    {
        var greedy = DependencyParser.Train(Labels, Treebank, epochs: 5, seed: 1, threshold: 0f, log: _ => { });
        using var stream = new MemoryStream();
        using (var w = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true))
        {
            greedy.Write(w);
        }

        stream.Position = 0;
        Assert.Equal(Labels.Length, new BinaryReader(stream).ReadInt32());
        stream.Position = 0;
        Assert.Equal(1, DependencyParser.Read(new BinaryReader(stream)).BeamWidth);
    }
}
