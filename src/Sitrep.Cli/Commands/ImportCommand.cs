using System.CommandLine;
using Sitrep.Reports;
using Sitrep.Storage.Sqlite;

namespace Sitrep.Cli.Commands;

/// <summary><c>sitrep import acled FILE</c>: store an ACLED-format CSV as a reference layer.</summary>
static class ImportCommand
{
    public static Command Create()
    {
        var file = new Argument<string>("file") { Description = "ACLED export (CSV with ACLED's column names)" };
        var acled = new Command("acled", "Import an ACLED-format CSV into the database as a reference layer") { file };
        acled.SetAction(async (parse, ct) =>
        {
            var path = parse.GetValue(file)!;
            if (!File.Exists(path))
            {
                await Console.Error.WriteLineAsync($"sitrep: file not found: {path}");
                return 2;
            }

            var errors = new List<string>();
            using var reader = new StreamReader(path);
            var events = AcledCsv.Read(reader, Countries.Default, errors);
            foreach (var e in errors)
            {
                await Console.Error.WriteLineAsync($"{path}: {e}");
            }

            var store = new SqliteFusionStore(new SqliteDatabase(parse.GetValue(CommonOptions.Db) ?? "sitrep.db", TimeProvider.System));
            await store.SaveAcledAsync(events, Path.GetFileName(path), ct);
            Console.WriteLine($"imported {events.Length} ACLED events from {path}");
            return errors.Count > 0 ? 1 : 0;
        });
        var cmd = new Command("import", "Import reference data") { acled };
        return cmd;
    }
}
