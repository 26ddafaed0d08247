using Sitrep.Events;

namespace Sitrep.Tests.Events;

/// <summary>The ACLED-style CSV row: columns in ACLED's order, country codes and regions from the states table.</summary>
public sealed class EventWriterTests
{
    static readonly EventWriter Writer = new(ActorRegistry.LoadDefault());

    static Dictionary<string, string> Row(ConflictEvent e)
    {
        var header = EventWriter.CsvHeader().Split(',');
        var cells = SplitCsv(Writer.ToCsvRow(e));
        Assert.Equal(header.Length, cells.Count);
        return header.Zip(cells).ToDictionary(p => p.First, p => p.Second, StringComparer.Ordinal);
    }

    static List<string> SplitCsv(string line)
    {
        var cells = new List<string>();
        var cell = new System.Text.StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"') { cell.Append('"'); i++; }
                else if (c == '"') { quoted = false; }
                else { cell.Append(c); }
            }
            else if (c == '"') { quoted = true; }
            else if (c == ',') { cells.Add(cell.ToString()); cell.Clear(); }
            else { cell.Append(c); }
        }

        cells.Add(cell.ToString());
        return cells;
    }

    [Fact]
    public void Csv_row_carries_the_iso_numeric_code_and_acled_region_of_the_event_country()
    {
        var albu = EventTestText.Place("Albu Kamal", 34.45, 40.92, admin1: "Deir ez-Zor");
        var doc = EventTestText.Doc("The Islamic State group recaptured nearly all of Albu Kamal in eastern Syria on Saturday .", new DateOnly(2017, 11, 11), [albu], [("on Saturday", new DateOnly(2017, 11, 11))]);
        var row = Row(Assert.Single(EventTestText.Extractor.Extract(doc)));
        Assert.Equal("760", row["iso"]);
        Assert.Equal("Middle East", row["region"]);
        Assert.Equal("Syria", row["country"]);
        Assert.Equal("2017-11-11", row["event_date"]);
        Assert.Equal("2017", row["year"]);
    }

    [Fact]
    public void Csv_row_of_an_undated_report_leaves_date_and_year_empty()
    {
        var town = EventTestText.Place("al-Mayadin", 35.02, 40.45);
        var doc = EventTestText.Doc("The army encircled Islamic State fighters in the city of al-Mayadin .", null, [town]);
        var e = Assert.Single(EventTestText.Extractor.Extract(doc));
        Assert.Equal(DateOnly.MinValue, e.EventDate);
        var row = Row(e);
        Assert.Equal("", row["event_date"]);
        Assert.Equal("", row["year"]);
    }

    [Fact]
    public void Jsonl_of_an_undated_report_has_null_dates()
    {
        var town = EventTestText.Place("al-Mayadin", 35.02, 40.45);
        var doc = EventTestText.Doc("The army encircled Islamic State fighters in the city of al-Mayadin .", null, [town]);
        var e = Assert.Single(EventTestText.Extractor.Extract(doc));
        using var json = System.Text.Json.JsonDocument.Parse(Writer.ToJsonLine(e));
        Assert.Equal(System.Text.Json.JsonValueKind.Null, json.RootElement.GetProperty("event_date").ValueKind);
        Assert.Equal(System.Text.Json.JsonValueKind.Null, json.RootElement.GetProperty("date_interval").GetProperty("start").ValueKind);
        var back = Sitrep.Reports.EventJson.FromJson(json.RootElement);
        Assert.Equal(DateOnly.MinValue, back.EventDate);
        Assert.Equal(e.DateInterval, back.DateInterval);
    }

    [Theory]
    [InlineData("IQ", 368, "Middle East")]
    [InlineData("IR", 364, "Middle East")]
    [InlineData("AM", 51, "Caucasus and Central Asia")]
    [InlineData("NG", 566, "Western Africa")]
    [InlineData("MX", 484, "Central America")]
    public void States_table_maps_countries_to_acled_iso_and_region(string iso2, int isoNumeric, string region)
    {
        var s = ActorRegistry.LoadDefault().State(iso2)!;
        Assert.Equal(isoNumeric, s.IsoNumeric);
        Assert.Equal(region, s.Region);
    }
}
