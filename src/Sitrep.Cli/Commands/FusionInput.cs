using System.Collections.Immutable;
using System.CommandLine;
using System.Globalization;
using Sitrep.Documents;
using Sitrep.Events;
using Sitrep.Fusion;
using Sitrep.Storage.Sqlite;

namespace Sitrep.Cli.Commands;

/// <summary>Loads extracted events (from <c>--events</c> JSONL files, else the database) and fuses them; shared by control, report, export and compare.</summary>
static class FusionInput
{
    public static Option<string[]> EventsOption() => new("--events")
    {
        Description = "Events JSONL (sitrep extract --format jsonl); repeatable. Default: the events in the database",
        AllowMultipleArgumentsPerToken = true,
    };

    public static Option<string?> DateOption(string name, string description) => new(name) { Description = description };

    public static bool TryDate(string? s, out DateOnly date) =>
        DateOnly.TryParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);

    public static async Task<ImmutableArray<ConflictEvent>?> LoadAsync(ParseResult parse, Option<string[]> events, CancellationToken ct)
    {
        var files = parse.GetValue(events) ?? [];
        if (files.Length > 0)
        {
            var list = ImmutableArray.CreateBuilder<ConflictEvent>();
            foreach (var f in files)
            {
                if (!File.Exists(f))
                {
                    await Console.Error.WriteLineAsync($"sitrep: events file not found: {f}");
                    return null;
                }

                list.AddRange(Reports.EventJson.ReadLines(f));
            }

            return list.ToImmutable();
        }

        var db = parse.GetValue(CommonOptions.Db) ?? "sitrep.db";
        if (!File.Exists(db))
        {
            await Console.Error.WriteLineAsync($"sitrep: no database at {db}; run `sitrep extract ...` first or pass --events FILE");
            return null;
        }

        var store = new SqliteFusionStore(new SqliteDatabase(db, TimeProvider.System));
        return await store.LoadExtractedAsync(ct);
    }

    /// <summary>
    /// Fuses reports; documents whose evidence sentences are near-duplicates (MinHash, 3-word shingles,
    /// estimated Jaccard ≥ 0.6) count as one independent source.
    /// </summary>
    public static ImmutableArray<FusedEvent> Fuse(IEnumerable<ConflictEvent> reports)
    {
        var list = reports.Where(r => r.Factuality is Factuality.Asserted or Factuality.Claimed).ToArray();
        var dups = new NearDuplicateIndex(new MinHasher(128, 3), 32, 0.6);
        foreach (var g in list.SelectMany(r => r.Sources).GroupBy(s => s.DocumentId).OrderBy(g => g.Key.Value, StringComparer.Ordinal))
        {
            var text = string.Join(" ", g.Select(s => s.Sentence).Distinct(StringComparer.Ordinal));
            if (text.Length > 0)
            {
                dups.Add(g.Key, text);
            }
        }

        var fuser = EventFuser.CreateDefault(dups.GroupOf);
        fuser.AddMany(list);
        return fuser.Snapshot();
    }

    public static string? OpenDbPath(ParseResult parse) => parse.GetValue(CommonOptions.Db);
}
