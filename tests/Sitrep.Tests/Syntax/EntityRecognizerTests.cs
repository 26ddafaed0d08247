using Sitrep.Syntax;
using Sitrep.Text;

namespace Sitrep.Tests.Syntax;

/// <summary>The recogniser's beam decoding, structured training, two-pass (document) stacking and model format.</summary>
public sealed class EntityRecognizerTests
{
    static readonly ulong Propn = FeatureHash.Of("PROPN");
    static readonly ulong Other = FeatureHash.Of("X");

    // B-PER = 1, B-ORG = 3, I-ORG = 4, B-LOC = 5.
    static EntityRecognizer.Example Ex(string text, int[] gold, int document = -1)
    {
        var words = text.Split(' ');
        var info = WordInfo.Of(words);
        var tags = words.Select(w => char.IsUpper(w[0]) ? Propn : Other).ToArray();
        return new EntityRecognizer.Example(info, tags, gold, Document: document);
    }

    static List<EntityRecognizer.Example> Data() =>
    [
        Ex("Ali met Bob in Paris", [1, 0, 1, 0, 5], 0),
        Ex("Bob flew to Paris", [1, 0, 0, 5], 0),
        Ex("Ali works for Acme Corp", [1, 0, 0, 3, 4], 1),
        Ex("Acme Corp is in Lyon", [3, 4, 0, 0, 5], 1),
        Ex("she met Ali in Lyon", [0, 0, 1, 0, 5], 2),
        Ex("the Acme Corp office in Paris", [0, 3, 4, 0, 0, 5], 2),
    ];

    static int[] LabelsOf(EntityRecognizer r, EntityRecognizer.Example e)
    {
        var labels = new int[e.Words.Length];
        r.Label(e.Words, e.Tags, labels);
        return labels;
    }

    static EntityRecognizer RoundTrip(EntityRecognizer r, int truncate = 0, int version = SyntaxModel.FormatVersion)
    {
        using var ms = new MemoryStream();
        using (var w = new BinaryWriter(ms, System.Text.Encoding.UTF8, leaveOpen: true))
        {
            r.Write(w);
        }

        var bytes = ms.ToArray()[..^truncate];
        return EntityRecognizer.Read(new BinaryReader(new MemoryStream(bytes)), version);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(4)]
    public void Train_with_beam_learns_a_small_training_set(int beam)
    {
        var r = EntityRecognizer.Train(Data(), null, 10, 1, _ => { }, beam);
        Assert.Equal(beam, r.BeamWidth);
        Assert.All(Data(), e => Assert.Equal(e.Gold, LabelsOf(r, e)));
    }

    [Fact]
    public void Beam_decoding_never_starts_a_name_with_an_inside_label()
    {
        var r = EntityRecognizer.Train(Data(), null, 10, 1, _ => { }, 4);
        var e = Ex("Corp Corp Acme in Lyon Corp", [0, 0, 0, 0, 0, 0]);
        var labels = LabelsOf(r, e);
        for (var i = 0; i < labels.Length; i++)
        {
            if (labels[i] != 0 && labels[i] % 2 == 0)
            {
                Assert.True(i > 0 && (labels[i - 1] == labels[i] || labels[i - 1] == labels[i] - 1));
            }
        }
    }

    [Fact]
    public void Write_then_Read_keeps_beam_width_second_pass_and_labels()
    {
        var r = EntityRecognizer.Train(Data(), null, 10, 1, _ => { }, 4, twoPass: true);
        Assert.True(r.TwoPass);
        var read = RoundTrip(r);
        Assert.Equal(4, read.BeamWidth);
        Assert.True(read.TwoPass);
        Assert.All(Data(), e => Assert.Equal(LabelsOf(r, e), LabelsOf(read, e)));
    }

    [Fact]
    public void Format_3_recogniser_without_beam_width_reads_as_greedy_single_pass()
    {
        var r = EntityRecognizer.Train(Data(), null, 10, 1, _ => { }, 1);
        // Format 4 appends the beam width (int32) and the second-pass flag (one byte) to the format-3 layout.
        var old = RoundTrip(r, truncate: 5, version: 3);
        Assert.Equal(1, old.BeamWidth);
        Assert.False(old.TwoPass);
        Assert.All(Data(), e => Assert.Equal(LabelsOf(r, e), LabelsOf(old, e)));
    }

    [Fact]
    public void DocumentNames_codes_count_other_occurrences_only()
    {
        var doc = new DocumentNames();
        var a = WordInfo.Of(["Paris", "is", "nice"]);
        var b = WordInfo.Of(["I", "love", "paris"]);
        doc.Add(a, [5, 0, 0]);
        doc.Add(b, [0, 0, 0]);

        // "paris" in b: its other occurrence is a location (category 3 → bit 3, majority kind 3), own label O.
        Assert.Equal(8UL | (0UL << 4) | (3UL << 8), doc.Codes(b, [0, 0, 0])[2]);
        // "Paris" in a: the other occurrence is outside a name (bit 0), own label B-LOC (5), no name elsewhere.
        Assert.Equal(1UL | (5UL << 4), doc.Codes(a, [5, 0, 0])[0]);
        // "nice" occurs once: nothing elsewhere.
        Assert.Equal(0UL, doc.Codes(a, [5, 0, 0])[2]);
    }

    [Fact]
    public void ReadIob2_numbers_documents_by_newdoc_lines()
    {
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllText(path, "# newdoc id = a\n1\tAli\tB-PER\n\n1\tx\tO\n\n# newdoc id = b\n1\tParis\tB-LOC\n\n");
            var docs = new List<int>();
            var data = EntityData.ReadIob2(path, docs);
            Assert.Equal(3, data.Count);
            Assert.Equal([0, 0, 1], docs);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Two_pass_recogniser_labels_a_sentence_alone_and_in_a_document()
    {
        var r = EntityRecognizer.Train(Data(), null, 10, 1, _ => { }, 4, twoPass: true);
        var e = Data()[0];
        var doc = new DocumentNames();
        foreach (var s in Data().Take(2))
        {
            r.AddToDocument(doc, s.Words, s.Tags);
        }

        var labels = new int[e.Words.Length];
        r.Label(e.Words, e.Tags, labels, doc);
        Assert.Equal(e.Gold, labels);
        Assert.Equal(e.Gold, LabelsOf(r, e));
    }
}

/// <summary><see cref="SyntaxParser.ParseDocument"/> on the shipped model.</summary>
public sealed class ParseDocumentTests(ShippedSyntaxModel model) : IClassFixture<ShippedSyntaxModel>
{
    [Fact]
    public void ParseDocument_gives_each_sentence_the_same_tree_as_Parse()
    {
        const string text = "Rebels attacked Aleppo on Monday. The army said Aleppo was calm.";
        var splitter = new SentenceSplitter();
        var tokenizer = new Tokenizer();
        var sentences = splitter.Split(text).Select((s, i) => new Sentence(i, s, tokenizer.Tokenize(text, s))).ToList();
        var doc = model.Parser.ParseDocument(sentences);
        Assert.Equal(sentences.Count, doc.Length);
        for (var k = 0; k < sentences.Count; k++)
        {
            var alone = model.Parser.Parse(sentences[k]);
            Assert.Equal(alone.Tokens.Select(t => t.Head), doc[k].Tokens.Select(t => t.Head));
            Assert.Equal(alone.Tokens.Select(t => t.Form), doc[k].Tokens.Select(t => t.Form));
        }

        Assert.Contains(doc[1].Entities, e => e.Kind == EntityKind.Location && doc[1].Tokens[e.Start].Form == "Aleppo");
    }
}
