using Sitrep.Reports;

namespace Sitrep.Tests.Reports;

public sealed class TopoJsonTests
{
    [Fact]
    public void ReadCountries_decodes_delta_arcs_and_reversed_arcs()
    {
        var shapes = TopoJson.ReadCountries(Path.Combine(AppContext.BaseDirectory, "Fixtures", "fusion", "mini-topo.json"));
        Assert.Equal(2, shapes.Length); // the null geometry is skipped
        var west = shapes[0];
        Assert.Equal("Westland", west.Name);
        Assert.Equal([(30.0, 30.0), (30, 40), (20, 40), (20, 30), (30, 30)], west.Rings[0]);
        var east = shapes[1];
        Assert.Equal([(30.0, 30.0), (40, 30), (40, 40), (30, 40), (30, 30)], east.Rings[0]);
        Assert.Equal((30.0, 30.0, 40.0, 40.0), east.Bounds);
    }
}
