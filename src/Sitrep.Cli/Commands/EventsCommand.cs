using System.CommandLine;
using System.Globalization;
using Sitrep.Events;
using Sitrep.Storage.Sqlite;

namespace Sitrep.Cli.Commands;

/// <summary><c>sitrep events [--place NAME|ID --radius KM] [--actor A] [--type T] [--from D --to D]</c>: queries stored events.</summary>
static class EventsCommand
{
    public static Command Create()
    {
        var place = new Option<string?>("--place") { Description = "Place name or id (as stored on events)" };
        var radius = new Option<double?>("--radius") { Description = "Radius in km around --place" };
        var actor = new Option<string?>("--actor") { Description = "Actor id or part of its name (either side)" };
        var type = new Option<string?>("--type") { Description = "ACLED event type or sub-event type" };
        var from = new Option<string?>("--from") { Description = "First day (yyyy-MM-dd)" };
        var to = new Option<string?>("--to") { Description = "Last day (yyyy-MM-dd)" };
        var all = new Option<bool>("--all") { Description = "Include statements that are not asserted" };
        var cmd = new Command("events", "Query stored events (JSON Lines)") { place, radius, actor, type, from, to, all };
        cmd.SetAction(async (parse, ct) =>
        {
            static DateOnly? Date(string? s) => s is null ? null : DateOnly.ParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture);
            DateOnly? f, t;
            try
            {
                f = Date(parse.GetValue(from));
                t = Date(parse.GetValue(to));
            }
            catch (FormatException)
            {
                await Console.Error.WriteLineAsync("sitrep: --from/--to must be yyyy-MM-dd").ConfigureAwait(false);
                return 2;
            }

            var db = new SqliteDatabase(parse.GetValue(CommonOptions.Db)!, TimeProvider.System);
            var store = new SqliteEventStore(db, new EventWriter(ActorRegistry.LoadDefault()));
            var lines = await store.QueryAsync(new EventQuery(parse.GetValue(place), parse.GetValue(radius), parse.GetValue(actor), parse.GetValue(type), f, t, parse.GetValue(all)), ct).ConfigureAwait(false);
            foreach (var l in lines)
            {
                await Console.Out.WriteLineAsync(l).ConfigureAwait(false);
            }

            await Console.Error.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"sitrep: {lines.Count} events")).ConfigureAwait(false);
            return 0;
        });
        return cmd;
    }
}
