using System.Collections.Immutable;
using System.Text.Json;

namespace Sitrep.Reports;

/// <summary>A country outline: id (ISO numeric), name and rings of (longitude, latitude) points; the first ring of each polygon is its exterior.</summary>
public sealed record CountryShape(string Id, string Name, ImmutableArray<ImmutableArray<(double Lon, double Lat)>> Rings)
{
    /// <summary>Bounding box (min lon, min lat, max lon, max lat).</summary>
    public (double MinLon, double MinLat, double MaxLon, double MaxLat) Bounds { get; } = ComputeBounds(Rings);

    static (double, double, double, double) ComputeBounds(ImmutableArray<ImmutableArray<(double Lon, double Lat)>> rings)
    {
        double a = double.MaxValue, b = double.MaxValue, c = double.MinValue, d = double.MinValue;
        foreach (var r in rings)
        {
            foreach (var (lon, lat) in r)
            {
                a = Math.Min(a, lon);
                b = Math.Min(b, lat);
                c = Math.Max(c, lon);
                d = Math.Max(d, lat);
            }
        }

        return (a, b, c, d);
    }
}

/// <summary>
/// Decodes TopoJSON (the format of npm <c>world-atlas</c>): quantized, delta-encoded arcs shared between
/// polygons; a negative arc index <c>~i</c> means arc i reversed. Only Polygon and MultiPolygon geometries.
/// </summary>
public static class TopoJson
{
    /// <summary>Reads the geometries of object <paramref name="objectName"/> from a TopoJSON file.</summary>
    public static ImmutableArray<CountryShape> ReadCountries(string path, string objectName = "countries")
    {
        using var stream = File.OpenRead(path);
        using var doc = JsonDocument.Parse(stream);
        var root = doc.RootElement;
        double sx = 1, sy = 1, tx = 0, ty = 0;
        var quantized = root.TryGetProperty("transform", out var tr);
        if (quantized)
        {
            sx = tr.GetProperty("scale")[0].GetDouble();
            sy = tr.GetProperty("scale")[1].GetDouble();
            tx = tr.GetProperty("translate")[0].GetDouble();
            ty = tr.GetProperty("translate")[1].GetDouble();
        }

        var arcs = new List<(double, double)[]>();
        foreach (var arc in root.GetProperty("arcs").EnumerateArray())
        {
            var pts = new (double, double)[arc.GetArrayLength()];
            double x = 0, y = 0;
            var i = 0;
            foreach (var p in arc.EnumerateArray())
            {
                if (quantized)
                {
                    x += p[0].GetDouble();
                    y += p[1].GetDouble();
                    pts[i++] = ((x * sx) + tx, (y * sy) + ty);
                }
                else
                {
                    pts[i++] = (p[0].GetDouble(), p[1].GetDouble());
                }
            }

            arcs.Add(pts);
        }

        var shapes = ImmutableArray.CreateBuilder<CountryShape>();
        foreach (var g in root.GetProperty("objects").GetProperty(objectName).GetProperty("geometries").EnumerateArray())
        {
            var type = g.GetProperty("type").GetString();
            if (type is not ("Polygon" or "MultiPolygon"))
            {
                continue;
            }

            var rings = ImmutableArray.CreateBuilder<ImmutableArray<(double, double)>>();
            var polygons = type == "Polygon" ? [g.GetProperty("arcs")] : g.GetProperty("arcs").EnumerateArray().ToArray();
            foreach (var polygon in polygons)
            {
                foreach (var ring in polygon.EnumerateArray())
                {
                    rings.Add(Ring(ring, arcs));
                }
            }

            var id = g.TryGetProperty("id", out var idEl) ? idEl.ValueKind == JsonValueKind.String ? idEl.GetString()! : idEl.GetRawText() : string.Empty;
            var name = g.TryGetProperty("properties", out var props) && props.TryGetProperty("name", out var n) ? n.GetString() ?? string.Empty : string.Empty;
            shapes.Add(new CountryShape(id, name, rings.ToImmutable()));
        }

        return shapes.ToImmutable();
    }

    static ImmutableArray<(double, double)> Ring(JsonElement ring, List<(double, double)[]> arcs)
    {
        var pts = ImmutableArray.CreateBuilder<(double, double)>();
        foreach (var a in ring.EnumerateArray())
        {
            var index = a.GetInt32();
            var arc = arcs[index >= 0 ? index : ~index];
            var seq = index >= 0 ? arc : arc.Reverse().ToArray();
            // Consecutive arcs share their joining point.
            pts.AddRange(pts.Count == 0 ? seq : seq.Skip(1));
        }

        return pts.ToImmutable();
    }

    /// <summary>The world-atlas countries file under <paramref name="home"/> (<c>node_modules/world-atlas/countries-50m.json</c>, else 10m or 110m), or null.</summary>
    public static string? FindWorldAtlas(string? home)
    {
        if (home is null)
        {
            return null;
        }

        foreach (var res in (ReadOnlySpan<string>)["50m", "10m", "110m"])
        {
            var p = Path.Combine(home, "node_modules", "world-atlas", $"countries-{res}.json");
            if (File.Exists(p))
            {
                return p;
            }
        }

        return null;
    }
}
