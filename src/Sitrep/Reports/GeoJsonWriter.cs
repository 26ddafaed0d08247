using System.Text.Json.Nodes;
using Sitrep.Fusion;

namespace Sitrep.Reports;

/// <summary>GeoJSON FeatureCollections (RFC 7946) of fused events and of control snapshots.</summary>
public static class GeoJsonWriter
{
    /// <summary>One Point feature per fused event with a location; properties follow the JSONL fields.</summary>
    public static JsonObject Events(IEnumerable<FusedEvent> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        var features = new JsonArray();
        foreach (var f in events)
        {
            if (f.Event.Location is not { } l)
            {
                continue;
            }

            var props = FusedJson.ToJson(f);
            props.Remove("sources");
            props.Remove("reports");
            features.Add(Feature(l.Longitude, l.Latitude, props));
        }

        return new JsonObject { ["type"] = "FeatureCollection", ["features"] = features };
    }

    /// <summary>One Point per place known on the snapshot date, with <c>controller</c>, <c>state</c>, <c>since</c> and a <c>marker-color</c> (simplestyle) per controller.</summary>
    public static JsonObject Control(IEnumerable<ControlSnapshotEntry> entries, DateOnly date)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var features = new JsonArray();
        foreach (var (t, p) in entries)
        {
            var controller = p.Controller?.Name;
            features.Add(Feature(t.Place.Longitude, t.Place.Latitude, new JsonObject
            {
                ["place"] = t.Place.Name,
                ["place_id"] = t.Place.PlaceId,
                ["date"] = date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                ["controller"] = controller,
                ["state"] = p.State.ToString().ToLowerInvariant(),
                ["since"] = p.From?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                ["evidence"] = new JsonArray([.. p.Evidence.SelectMany(e => e.Sources).Select(s => (JsonNode?)(s.Outlet ?? s.DocumentId.Value)).Distinct()]),
                ["marker-color"] = p.State == ControlState.Contested ? "#888888" : Palette.ColorOf(controller),
            }));
        }

        return new JsonObject { ["type"] = "FeatureCollection", ["features"] = features };
    }

    static JsonObject Feature(double lon, double lat, JsonObject props) => new()
    {
        ["type"] = "Feature",
        ["geometry"] = new JsonObject { ["type"] = "Point", ["coordinates"] = new JsonArray(Math.Round(lon, 5), Math.Round(lat, 5)) },
        ["properties"] = props,
    };
}
