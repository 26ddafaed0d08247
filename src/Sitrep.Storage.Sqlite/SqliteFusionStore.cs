using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Sitrep.Events;
using Sitrep.Fusion;
using Sitrep.Reports;

namespace Sitrep.Storage.Sqlite;

/// <summary>
/// Fused events and the ACLED reference layer in SQLite (migration 0003_fusion). Saving fused events replaces
/// those whose member reports changed, so re-running fusion is idempotent. Also reads raw extracted events from
/// the events table when the extractor's schema provides one (a <c>json</c> column in the JSONL event format).
/// </summary>
public sealed class SqliteFusionStore(SqliteDatabase database)
{
    static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    /// <summary>Upserts fused events; a report that moved to another fused event is detached from its old one first.</summary>
    public async Task SaveFusedAsync(IReadOnlyList<FusedEvent> events, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(events);
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var tx = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        foreach (var f in events)
        {
            foreach (var r in f.Reports)
            {
                using var stale = connection.CreateCommand();
                stale.Transaction = tx;
                stale.CommandText = "DELETE FROM fused_events WHERE id IN (SELECT fused_id FROM fused_event_reports WHERE report_id = $r) AND id <> $id";
                stale.Parameters.AddWithValue("$r", r.Id.Value);
                stale.Parameters.AddWithValue("$id", f.Id.Value);
                await stale.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }

            using (var up = connection.CreateCommand())
            {
                up.Transaction = tx;
                up.CommandText = """
                    INSERT INTO fused_events (id, event_date, country, admin1, sub_event_type, fatalities, json)
                    VALUES ($id, $d, $c, $a, $s, $f, $j)
                    ON CONFLICT (id) DO UPDATE SET event_date = $d, country = $c, admin1 = $a, sub_event_type = $s, fatalities = $f, json = $j
                    """;
                up.Parameters.AddWithValue("$id", f.Id.Value);
                up.Parameters.AddWithValue("$d", f.Event.EventDate.ToString("yyyy-MM-dd", Inv));
                up.Parameters.AddWithValue("$c", (object?)f.Event.Location?.Country ?? DBNull.Value);
                up.Parameters.AddWithValue("$a", (object?)f.Event.Location?.Admin1 ?? DBNull.Value);
                up.Parameters.AddWithValue("$s", AcledTaxonomy.Label(f.Event.SubEventType));
                up.Parameters.AddWithValue("$f", (object?)f.Event.Fatalities ?? DBNull.Value);
                up.Parameters.AddWithValue("$j", FusedJson.ToJson(f).ToJsonString());
                await up.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }

            foreach (var r in f.Reports)
            {
                using var link = connection.CreateCommand();
                link.Transaction = tx;
                link.CommandText = "INSERT OR IGNORE INTO fused_event_reports (fused_id, report_id) VALUES ($id, $r)";
                link.Parameters.AddWithValue("$id", f.Id.Value);
                link.Parameters.AddWithValue("$r", r.Id.Value);
                await link.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }
        }

        await tx.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Number of fused events stored.</summary>
    public async Task<int> CountFusedAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        using var cmd = connection.CreateCommand();
        cmd.CommandText = "SELECT COUNT(*) FROM fused_events";
        return Convert.ToInt32(await cmd.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), Inv);
    }

    /// <summary>Replaces the reference layer's events from one import.</summary>
    public async Task SaveAcledAsync(IReadOnlyList<ConflictEvent> events, string importedFrom, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(events);
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var tx = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        foreach (var e in events)
        {
            using var up = connection.CreateCommand();
            up.Transaction = tx;
            up.CommandText = """
                INSERT INTO acled_reference (event_id_cnty, event_date, json, imported_from) VALUES ($id, $d, $j, $f)
                ON CONFLICT (event_id_cnty) DO UPDATE SET event_date = $d, json = $j, imported_from = $f
                """;
            up.Parameters.AddWithValue("$id", e.Id.Value);
            up.Parameters.AddWithValue("$d", e.EventDate.ToString("yyyy-MM-dd", Inv));
            up.Parameters.AddWithValue("$j", EventJson.ToJson(e).ToJsonString());
            up.Parameters.AddWithValue("$f", importedFrom);
            await up.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await tx.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Reference events between two dates (inclusive).</summary>
    public async Task<ImmutableArray<ConflictEvent>> LoadAcledAsync(DateOnly from, DateOnly to, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        using var cmd = connection.CreateCommand();
        cmd.CommandText = "SELECT json FROM acled_reference WHERE event_date BETWEEN $a AND $b ORDER BY event_date, event_id_cnty";
        cmd.Parameters.AddWithValue("$a", from.ToString("yyyy-MM-dd", Inv));
        cmd.Parameters.AddWithValue("$b", to.ToString("yyyy-MM-dd", Inv));
        return await ReadJsonColumn(cmd, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Raw extracted events, when the database has an <c>events</c> table with a <c>json</c> column in the JSONL
    /// event format; an empty array otherwise (the extractor has not run, or stores events differently).
    /// </summary>
    public async Task<ImmutableArray<ConflictEvent>> LoadExtractedAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        using (var probe = connection.CreateCommand())
        {
            probe.CommandText = "SELECT COUNT(*) FROM pragma_table_info('events') WHERE name = 'json'";
            if (Convert.ToInt32(await probe.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), Inv) == 0)
            {
                return [];
            }
        }

        var documents = new Dictionary<string, (string? Outlet, string? Url, string? Published)>(StringComparer.Ordinal);
        using (var docs = connection.CreateCommand())
        {
            docs.CommandText = "SELECT id, outlet, url, published FROM documents";
            await using var r = await docs.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await r.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                documents[r.GetString(0)] = (r.IsDBNull(1) ? null : r.GetString(1), r.IsDBNull(2) ? null : r.GetString(2), r.IsDBNull(3) ? null : r.GetString(3));
            }
        }

        using var cmd = connection.CreateCommand();
        cmd.CommandText = "SELECT json FROM events";
        var events = await ReadJsonColumn(cmd, cancellationToken).ConfigureAwait(false);
        if (documents.Count == 0)
        {
            return events;
        }

        // Fill each source's outlet, link and publication date from its stored document when the event lacks them.
        return [.. events.Select(e => e with
        {
            Sources = [.. e.Sources.Select(s => documents.TryGetValue(s.DocumentId.Value, out var d)
                ? s with
                {
                    Outlet = s.Outlet ?? d.Outlet,
                    Url = s.Url ?? d.Url,
                    Published = s.Published ?? (DateOnly.TryParseExact(d.Published, "yyyy-MM-dd", Inv, DateTimeStyles.None, out var p) ? p : null),
                }
                : s)],
        })];
    }

    static async Task<ImmutableArray<ConflictEvent>> ReadJsonColumn(SqliteCommand cmd, CancellationToken cancellationToken)
    {
        var list = ImmutableArray.CreateBuilder<ConflictEvent>();
        await using var reader = await cmd.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            using var doc = JsonDocument.Parse(reader.GetString(0));
            list.Add(EventJson.FromJson(doc.RootElement));
        }

        return list.ToImmutable();
    }
}
