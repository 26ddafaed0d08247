using Sitrep.Text;

namespace Sitrep.Tests;

public sealed class TextSpanTests
{
    [Fact]
    public void Overlaps_is_false_for_adjacent_spans() =>
        Assert.False(new TextSpan(0, 3).Overlaps(new TextSpan(3, 2)));

    [Fact]
    public void OffsetMap_maps_clean_offsets_back_through_cut_pieces()
    {
        // "Share\n\nHello" with "Share\n\n" cut: clean "Hello" starts at source offset 7.
        var map = new OffsetMap([new OffsetMap.Piece(0, 7, 5)]);
        Assert.Equal(new TextSpan(7, 5), map.ToSource(new TextSpan(0, 5)));
    }
}
