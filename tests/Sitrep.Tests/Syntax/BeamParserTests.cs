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
        p.Parse(e.Words, e.Tags, heads, labels, e.Alternatives);
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
        var read = WrittenAndRead(parser);
        Assert.Equal(4, read.BeamWidth);
        AssertSameParses(parser, read, Treebank);
    }

    static DependencyParser WrittenAndRead(DependencyParser parser)
    {
        using var stream = new MemoryStream();
        using (var w = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true))
        {
            parser.Write(w);
        }

        stream.Position = 0;
        return DependencyParser.Read(new BinaryReader(stream));
    }

    static void AssertSameParses(DependencyParser a, DependencyParser b, IEnumerable<DependencyParser.Example> sentences) =>
        Assert.All(sentences, e =>
        {
            var (heads, labels) = Parse(a, e);
            var (otherHeads, otherLabels) = Parse(b, e);
            Assert.Equal(heads, otherHeads);
            Assert.Equal(labels, otherLabels);
        });

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

    /// <summary>Word classes for a few of the treebank's words (actors, verbs, places); the rest have none.</summary>
    static readonly WordClusters Clusters = new(
        new Dictionary<ulong, uint>
        {
            [WordInfo.LowerHash("rebels")] = WordClusters.Pack(1, 1, 1),
            [WordInfo.LowerHash("army")] = WordClusters.Pack(1, 1, 1),
            [WordInfo.LowerHash("gunmen")] = WordClusters.Pack(2, 1, 1),
            [WordInfo.LowerHash("police")] = WordClusters.Pack(2, 1, 1),
            [WordInfo.LowerHash("seized")] = WordClusters.Pack(3, 2, 2),
            [WordInfo.LowerHash("shelled")] = WordClusters.Pack(3, 2, 2),
            [WordInfo.LowerHash("attacked")] = WordClusters.Pack(4, 2, 2),
            [WordInfo.LowerHash("town")] = WordClusters.Pack(5, 3, 1),
            [WordInfo.LowerHash("city")] = WordClusters.Pack(5, 3, 1),
            [WordInfo.LowerHash("the")] = WordClusters.Pack(6, 4, 3),
        },
        8,
        5,
        4);

    static DependencyParser.Example Clustered(DependencyParser.Example e) => e with
    {
        Words = [.. e.Words.Select(w =>
        {
            var (fine, middle, coarse) = Clusters.Of(w.Lower);
            return w with { ClusterFine = fine, ClusterMiddle = middle, ClusterCoarse = coarse };
        })],
    };

    /// <summary>
    /// Walks one random move sequence over the sentence of <paramref name="lx"/>, checking in every state with a stack that
    /// the grouped features are the reference features; returns in how many states <paramref name="lx"/> has more features
    /// than <paramref name="without"/> (the same sentence without some inputs).
    /// </summary>
    static int WalkComparingGroups(DependencyParser parser, DependencyParser.Lex lx, DependencyParser.Lex without, int seed)
    {
        var feats = new uint[DependencyParser.MaxFeatures];
        var grouped = new uint[DependencyParser.MaxFeatures];
        var more = 0;
        var s = new DependencyParser.State(lx.W.Length - 1);
        var rng = new Random(seed);
        while (!s.Terminal)
        {
            if (s.Sp > 0)
            {
                var k = parser.Features(s, lx, feats);
                Assert.Equal(k, parser.GroupedFeatures(s, lx, grouped));
                Assert.Equal(feats[..k].Order(), grouped[..k].Order());
                more += k > parser.Features(s, without, grouped) ? 1 : 0;
            }

            var valid = Enumerable.Range(0, 1 + (2 * Labels.Length)).Where(c => parser.Valid(s, c)).ToArray();
            parser.Apply(s, valid[rng.Next(valid.Length)]);
        }

        return more;
    }

    [Fact]
    public void With_word_clusters_fast_decoding_and_grouped_features_match_the_reference()
    {
        var treebank = Treebank.Select(Clustered).ToArray();
        var parser = DependencyParser.Train(Labels, treebank, epochs: 0, seed: 1, threshold: 0f, log: _ => { }, beamWidth: 4, beamEpochs: 3);
        var withClusterFeatures = 0;
        foreach (var e in Variants().Select(Clustered))
        {
            AssertFastEqualsReference(parser, e);
            var lx = DependencyParser.Lexical(e.Words, e.Tags);
            Assert.NotNull(lx.C);
            withClusterFeatures += WalkComparingGroups(parser, lx, lx with { C = null, M = null }, seed: 7);
        }

        Assert.True(withClusterFeatures > 50);
    }

    /// <summary>The treebank's sentences, reversed, shuffled and joined in pairs: states the training never saw.</summary>
    static IEnumerable<DependencyParser.Example> Variants()
    {
        var rng = new Random(3);
        foreach (var e in Treebank)
        {
            yield return e;
            yield return e with { Words = [.. e.Words.Reverse()], Tags = [.. e.Tags.Reverse()] };
            var order = Enumerable.Range(0, e.Words.Length).OrderBy(_ => rng.Next()).ToArray();
            yield return e with { Words = [.. order.Select(i => e.Words[i])], Tags = [.. order.Select(i => e.Tags[i])] };
        }

        for (var i = 0; i < Treebank.Length; i++)
        {
            var (a, b) = (Treebank[i], Treebank[(i + 1) % Treebank.Length]);
            yield return a with { Words = [.. a.Words, .. b.Words], Tags = [.. a.Tags, .. b.Tags] };
        }
    }

    [Theory]
    [InlineData(1, 2)]
    [InlineData(3, 3)]
    [InlineData(10, 4)]
    [InlineData(10, 8)]
    public void Fast_beam_decoding_gives_the_reference_search_trees(int beamEpochs, int decodeWidth)
    {
        // Few epochs leave close scores and many ties: the fast decoder must break them as the reference does.
        var parser = DependencyParser.Train(Labels, Treebank, epochs: 0, seed: 1, threshold: 0f, log: _ => { }, beamWidth: 4, beamEpochs: beamEpochs)
            .WithBeam(decodeWidth);
        Assert.All(Variants(), e => AssertFastEqualsReference(parser, e));
    }

    static void AssertFastEqualsReference(DependencyParser parser, DependencyParser.Example e)
    {
        var (heads, labels) = Parse(parser, e);
        var refHeads = new int[e.Words.Length];
        var refLabels = new int[e.Words.Length];
        parser.ReferenceBeamParse(e.Words, e.Tags, refHeads, refLabels, e.Alternatives);
        Assert.Equal(refHeads, heads);
        Assert.Equal(refLabels, labels);
    }

    [Fact]
    public void Grouped_features_are_the_reference_features_in_every_reachable_state()
    {
        var parser = TrainBeam();
        var rng = new Random(5);
        var feats = new uint[DependencyParser.MaxFeatures];
        var grouped = new uint[DependencyParser.MaxFeatures];
        var states = 0;
        foreach (var e in Variants())
        {
            for (var run = 0; run < 5; run++)
            {
                var lx = DependencyParser.Lexical(e.Words, e.Tags);
                var s = new DependencyParser.State(e.Words.Length);
                while (!s.Terminal)
                {
                    if (s.Sp > 0)
                    {
                        var k = parser.Features(s, lx, feats);
                        Assert.Equal(k, parser.GroupedFeatures(s, lx, grouped));
                        Assert.Equal(feats[..k].Order(), grouped[..k].Order());
                        states++;
                    }

                    var valid = Enumerable.Range(0, 1 + (2 * Labels.Length)).Where(c => parser.Valid(s, c)).ToArray();
                    parser.Apply(s, valid[rng.Next(valid.Length)]);
                }
            }
        }

        Assert.True(states > 500);
    }

    static readonly ulong Noun = FeatureHash.Of("NOUN"), Verb = FeatureHash.Of("VERB");

    /// <summary>Runner-up tags for the nouns and verbs (a real tagger's close calls), "sure" for the other words.</summary>
    static DependencyParser.Example WithAlternatives(DependencyParser.Example e) => e with
    {
        Alternatives = [.. e.Tags.Select(t => t == Noun ? FeatureHash.Mix(t ^ Verb) : t == Verb ? FeatureHash.Mix(t ^ Noun) : PosTagger.Sure)],
    };

    static DependencyParser TrainWithAlternatives() =>
        DependencyParser.Train(Labels, [.. Treebank.Select(WithAlternatives)], epochs: 0, seed: 1, threshold: 0f, log: _ => { }, beamWidth: 4, beamEpochs: 3, tagMargin: 2f);

    [Fact]
    public void With_tag_alternatives_fast_decoding_and_grouped_features_match_the_reference()
    {
        var parser = TrainWithAlternatives();
        Assert.Equal(2f, parser.TagMargin);
        var withAlternativeFeatures = 0;
        foreach (var e in Variants().Select(WithAlternatives))
        {
            AssertFastEqualsReference(parser, e);
            var lx = DependencyParser.Lexical(e.Words, e.Tags, e.Alternatives);
            Assert.NotNull(lx.A);
            withAlternativeFeatures += WalkComparingGroups(parser, lx, lx with { A = null }, seed: 11);
        }

        Assert.True(withAlternativeFeatures > 50);
    }

    [Fact]
    public void Tag_margin_survives_writing_reading_averaging_and_pruning()
    {
        var parser = TrainWithAlternatives();
        var read = WrittenAndRead(parser);
        Assert.Equal(2f, read.TagMargin);
        Assert.Equal(4, read.BeamWidth);
        Assert.Equal(2f, DependencyParser.Average([read, parser]).Prune(0.5f).TagMargin);
        AssertSameParses(parser, read, Treebank.Select(WithAlternatives));
        Assert.Throws<ArgumentException>(() => DependencyParser.Average([parser, TrainBeam()]));
    }

    [Fact]
    public void A_parser_that_reads_tag_alternatives_refuses_a_sentence_without_them()
    {
        var parser = TrainWithAlternatives();
        var e = Treebank[0];
        Assert.Throws<ArgumentException>(() => parser.Parse(e.Words, e.Tags, new int[e.Words.Length], new int[e.Words.Length]));
    }
}
