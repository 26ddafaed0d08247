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
        using var stream = new MemoryStream();
        using (var w = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true))
        {
            frozen.Write(w);
        }

        stream.Position = 0;
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
}
