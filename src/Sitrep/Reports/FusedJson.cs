using System.Text.Json.Nodes;
using Sitrep.Fusion;

namespace Sitrep.Reports;

/// <summary>JSON of a fused event: the event's fields (<see cref="EventJson"/>) plus fatalities range, independent sources, reports and conflicting claims.</summary>
public static class FusedJson
{
    /// <summary>The fused event as a JSON object.</summary>
    public static JsonObject ToJson(FusedEvent f)
    {
        ArgumentNullException.ThrowIfNull(f);
        var o = EventJson.ToJson(f.Event);
        o["fatalities_range"] = f.FatalitiesLow is null ? null : new JsonArray(f.FatalitiesLow, f.FatalitiesHigh);
        o["independent_sources"] = f.IndependentSources;
        o["reports"] = new JsonArray([.. f.Reports.Select(r => (JsonNode?)new JsonObject
        {
            ["event_id"] = r.Id.Value,
            ["doc_ids"] = new JsonArray([.. r.Sources.Select(s => (JsonNode?)s.DocumentId.Value)]),
            ["sub_event_type"] = Events.AcledTaxonomy.Label(r.SubEventType),
            ["actor1"] = r.Actor1?.Name,
            ["actor2"] = r.Actor2?.Name,
            ["fatalities"] = r.Fatalities,
            ["event_date"] = r.EventDate.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        })]);
        o["conflicts"] = new JsonArray([.. f.Conflicts.Select(c => (JsonNode?)new JsonObject
        {
            ["field"] = c.Field,
            ["claims"] = new JsonArray([.. c.Claims.Select(cl => (JsonNode?)new JsonObject
            {
                ["value"] = cl.Value,
                ["docs"] = new JsonArray([.. cl.Documents.Select(d => (JsonNode?)d.Value)]),
            })]),
        })]);
        return o;
    }
}
