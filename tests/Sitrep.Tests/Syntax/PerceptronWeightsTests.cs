using Sitrep.Syntax;

namespace Sitrep.Tests.Syntax;

public sealed class PerceptronWeightsTests
{
    [Fact]
    public void Write_then_read_keeps_scores_within_quantisation_error()
    {
        var p = new AveragedPerceptron(3);
        uint[] a = [11, 22, 33], b = [22, 44];
        for (var i = 0; i < 50; i++)
        {
            p.Update(a, 0, 1);
            p.Update(b, 2, 0);
        }

        var frozen = p.Freeze(0f);
        using var stream = Written(frozen);
        var read = PerceptronWeights.Read(new BinaryReader(stream));
        var expected = new float[3];
        var actual = new float[3];
        frozen.Score([11, 22, 44, 99], expected);
        read.Score([11, 22, 44, 99], actual);
        Assert.Equal(frozen.FeatureCount, read.FeatureCount);
        for (var c = 0; c < 3; c++)
        {
            Assert.Equal(expected[c], actual[c], 0.01f);
        }

        Assert.True(expected[0] > expected[1]);
    }

    [Fact]
    public void Inline_list_and_dense_row_features_all_score_their_quantised_weights_exactly()
    {
        // 40 classes: features with 1–2 pairs are inline, 3–11 a list, 12+ a dense row.
        const int classes = 40;
        var rng = new Random(7);
        var keys = new List<uint>();
        var starts = new List<int>();
        var cls = new List<ushort>();
        var ws = new List<float>();
        foreach (var n in new[] { 1, 2, 3, 7, 11, 12, 25, 40, 2, 39 })
        {
            keys.Add((uint)(1000 + keys.Count));
            starts.Add(cls.Count);
            foreach (var c in Enumerable.Range(0, classes).OrderBy(_ => rng.Next()).Take(n))
            {
                cls.Add((ushort)c);
                ws.Add((float)((rng.NextDouble() * 20) - 10));
            }
        }

        starts.Add(cls.Count);
        var weights = PerceptronWeights.Create(classes, keys, starts, cls, ws);
        var scale = ws.Max(Math.Abs) / 32000f;
        uint[] features = [.. keys, 5, 1003, 1009];
        var expected = new long[classes];
        foreach (var f in features)
        {
            var k = keys.IndexOf(f);
            for (var i = k < 0 ? 0 : starts[k]; k >= 0 && i < starts[k + 1]; i++)
            {
                expected[cls[i]] += (long)MathF.Round(ws[i] / scale);
            }
        }

        var scores = new float[classes];
        weights.Score(features, scores);
        for (var c = 0; c < classes; c++)
        {
            Assert.Equal(expected[c] * weights.Scale, scores[c]);
        }
    }

    [Fact]
    public void Reading_from_a_memory_buffer_a_stream_or_a_decompressing_body_gives_the_same_table_and_leaves_the_reader_after_it()
    {
        var rng = new Random(3);
        var p = new AveragedPerceptron(30);
        for (var i = 0; i < 2000; i++)
        {
            uint[] features = [(uint)rng.Next(1, 5000), (uint)rng.Next(1, 50), uint.MaxValue - (uint)rng.Next(100)];
            p.Update(features, rng.Next(30), rng.Next(30));
        }

        var frozen = p.Freeze(0f);
        var bytes = Written(frozen, trailer: 12345);

        // An expandable MemoryStream exposes its buffer (the fast path); a FileStream-like wrapper does not.
        var fromBuffer = new BinaryReader(bytes);
        var a = PerceptronWeights.Read(fromBuffer);
        Assert.Equal(12345, fromBuffer.ReadInt32());
        var fromStream = new BinaryReader(new BufferedStream(new MemoryStream(bytes.ToArray(), writable: false)));
        var b = PerceptronWeights.Read(fromStream);
        Assert.Equal(12345, fromStream.ReadInt32());
        using var compressed = Compressed(bytes.ToArray());
        using var fromBody = new BinaryReader(new DecompressedBody(compressed));
        var c = PerceptronWeights.Read(fromBody);
        Assert.Equal(12345, fromBody.ReadInt32());

        Assert.Equal(frozen.FeatureCount, a.FeatureCount);
        Assert.Equal(a.FeatureCount, c.FeatureCount);
        Assert.Equal(a.WeightCount, c.WeightCount);
        var sc = new float[30];
        Assert.Equal(a.FeatureCount, b.FeatureCount);
        Assert.Equal(a.WeightCount, b.WeightCount);
        var sa = new float[30];
        var sb = new float[30];
        for (var i = 0; i < 200; i++)
        {
            uint[] query = [(uint)rng.Next(1, 5000), (uint)rng.Next(1, 50), uint.MaxValue - (uint)rng.Next(100), 77777];
            a.Score(query, sa);
            b.Score(query, sb);
            c.Score(query, sc);
            Assert.Equal(sa, sb);
            Assert.Equal(sa, sc);
            Assert.Contains(sa, x => x != 0);
        }
    }

    [Fact]
    public void A_truncated_table_is_an_end_of_stream_error_on_every_read_path()
    {
        var p = new AveragedPerceptron(4);
        for (var i = 0; i < 100; i++)
        {
            p.Update([(uint)(i + 1), 7], i % 4, (i + 1) % 4);
        }

        var bytes = Written(p.Freeze(0f));
        var cut = bytes.ToArray()[..(int)(bytes.Length - 5)];
        var expandable = new MemoryStream();
        expandable.Write(cut);
        expandable.Position = 0;
        Assert.Throws<EndOfStreamException>(() => PerceptronWeights.Read(new BinaryReader(expandable)));
        Assert.Throws<EndOfStreamException>(() => PerceptronWeights.Read(new BinaryReader(new BufferedStream(new MemoryStream(cut)))));
        using var compressed = Compressed(cut);
        using var body = new DecompressedBody(compressed);
        Assert.Throws<EndOfStreamException>(() => PerceptronWeights.Read(new BinaryReader(body)));
    }

    /// <summary>Brotli-compressed <paramref name="data"/>, rewound, as a model file holds its body.</summary>
    internal static MemoryStream Compressed(byte[] data)
    {
        var stream = new MemoryStream();
        using (var brotli = new System.IO.Compression.BrotliStream(stream, System.IO.Compression.CompressionLevel.Fastest, leaveOpen: true))
        {
            brotli.Write(data);
        }

        stream.Position = 0;
        return stream;
    }

    /// <summary>The table written to an expandable memory stream, optionally followed by an int, rewound.</summary>
    static MemoryStream Written(PerceptronWeights table, int? trailer = null)
    {
        var stream = new MemoryStream();
        using (var w = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true))
        {
            table.Write(w);
            if (trailer is { } t)
            {
                w.Write(t);
            }
        }

        stream.Position = 0;
        return stream;
    }
}
