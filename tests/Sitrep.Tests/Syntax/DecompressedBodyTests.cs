using Sitrep.Syntax;

namespace Sitrep.Tests.Syntax;

/// <summary>The model body decompressed on a background thread while it is being decoded (SyntaxModel.Load).</summary>
public sealed class DecompressedBodyTests
{
    [Fact]
    public void A_body_of_several_chunks_reads_back_byte_for_byte_through_reads_and_single_bytes()
    {
        var rng = new Random(7);
        var data = new byte[(3 << 20) + 12345];
        for (var i = 0; i < data.Length; i++)
        {
            // Compressible but not constant, so the decompressor works through every chunk.
            data[i] = (byte)(rng.Next(4) == 0 ? rng.Next(256) : i % 251);
        }

        using var compressed = PerceptronWeightsTests.Compressed(data);
        using var body = new DecompressedBody(compressed);
        var back = new byte[data.Length];
        var at = 0;
        while (at < data.Length)
        {
            // Alternate odd-sized block reads with single bytes, crossing chunk boundaries both ways.
            if (at % 3 == 0)
            {
                back[at++] = (byte)body.NextByte();
                continue;
            }

            var n = body.Read(back, at, Math.Min(rng.Next(1, 700_000), data.Length - at));
            Assert.True(n > 0);
            at += n;
            Assert.Equal(at, body.Position);
        }

        Assert.Equal(data, back);
        Assert.Equal(-1, body.NextByte());
        Assert.Equal(0, body.Read(new byte[10]));
    }

    [Fact]
    public void A_corrupt_compressed_body_is_an_invalid_data_error_not_a_hang()
    {
        var garbage = new byte[5000];
        new Random(1).NextBytes(garbage);
        using var compressed = new MemoryStream(garbage);
        using var body = new DecompressedBody(compressed);
        var e = Assert.Throws<InvalidDataException>(() =>
        {
            while (body.NextByte() >= 0)
            {
            }
        });
        Assert.Contains("corrupt", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_model_file_with_a_good_header_and_a_corrupt_body_is_refused_with_an_invalid_data_error()
    {
        var path = Path.Combine(Path.GetTempPath(), $"sitrep-corrupt-{Guid.NewGuid():N}.bin");
        try
        {
            var garbage = new byte[5000];
            new Random(2).NextBytes(garbage);
            File.WriteAllBytes(path, [.. "SITRSYNX"u8.ToArray(), .. BitConverter.GetBytes(SyntaxModel.FormatVersion), .. garbage]);
            Assert.ThrowsAny<InvalidDataException>(() => SyntaxModel.Load(path));
        }
        finally
        {
            File.Delete(path);
        }
    }
}
