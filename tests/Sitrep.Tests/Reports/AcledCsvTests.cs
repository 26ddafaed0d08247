using Sitrep.Events;
using Sitrep.Fusion;
using Sitrep.Reports;

namespace Sitrep.Tests.Reports;

public sealed class AcledCsvTests
{
    static readonly Countries Table = Countries.Load(Path.Combine(AppContext.BaseDirectory, "data", "reports", "countries.tsv"));

    static FusedEvent[] Fused()
    {
        var fuser = EventFuser.CreateDefault();
        fuser.Add(ReportFixtures.October2016());
        return [.. fuser.Snapshot()];
    }

    [Fact]
    public void Write_uses_acled_columns_in_order_and_reads_back()
    {
        var fused = Fused();
        var sw = new StringWriter();
        AcledCsv.Write(sw, fused, Table);
        var text = sw.ToString();
        Assert.StartsWith("event_id_cnty,event_date,year,time_precision,disorder_type,event_type,sub_event_type,actor1,", text, StringComparison.Ordinal);
        var errors = new List<string>();
        var back = AcledCsv.Read(new StringReader(text), Table, errors);
        Assert.Empty(errors);
        Assert.Equal(fused.Length, back.Length);
        Assert.All(back, e => Assert.StartsWith("SYR", e.Id.Value, StringComparison.Ordinal));
        var first = fused.OrderBy(f => AcledCsv.EventIdCnty(f.Event, Table), StringComparer.Ordinal).First();
        var firstBack = back.Single(b => b.Id.Value == AcledCsv.EventIdCnty(first.Event, Table));
        Assert.Equal(first.Event.SubEventType, firstBack.SubEventType);
        Assert.Equal(first.Event.Fatalities ?? 0, firstBack.Fatalities);
        Assert.Equal("SY", firstBack.Location!.Country);
    }

    [Fact]
    public void EventIdCnty_is_stable_across_runs() =>
        Assert.Equal(Fused().Select(f => AcledCsv.EventIdCnty(f.Event, Table)).Order(), Fused().Select(f => AcledCsv.EventIdCnty(f.Event, Table)).Order());

    [Fact]
    public void Read_reports_rows_it_cannot_read()
    {
        var csv = "event_id_cnty,event_date,sub_event_type,latitude,longitude,country\nSYR1,2016-10-01,Air/drone strike,36.2,37.1,Syria\nSYR2,someday,Air/drone strike,36.2,37.1,Syria\n";
        var errors = new List<string>();
        var events = AcledCsv.Read(new StringReader(csv), Table, errors);
        Assert.Single(events);
        Assert.Single(errors);
    }

    [Fact]
    public void Csv_round_trips_quotes_and_commas()
    {
        var line = Csv.Line(["a,b", "say \"hi\"", "plain"]);
        var back = Assert.Single(Csv.Read(new StringReader(line + "\n")));
        Assert.Equal(["a,b", "say \"hi\"", "plain"], back);
    }
}
