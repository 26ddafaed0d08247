using System.Globalization;
using Microsoft.Data.Sqlite;
using Sitrep.Events;

namespace Sitrep.Storage.Sqlite;

/// <summary>Stores coded events (table <c>events</c>, migration 0002) and queries them by place, actor, type and dates.</summary>
public sealed class SqliteEventStore(SqliteDatabase database, EventWriter writer)
{
    static string D(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>Replaces the events of each document in <paramref name="byDocument"/> in one transaction.</summary>
    public async Task<int> SaveAsync(IReadOnlyList<(string DocumentId, IReadOnlyList<ConflictEvent> Events)> byDocument, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(byDocument);
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var tx = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var n = 0;
        using var delete = connection.CreateCommand();
        delete.Transaction = tx;
        delete.CommandText = "DELETE FROM events WHERE document_id = $doc";
        var docParam = delete.Parameters.Add("$doc", SqliteType.Text);
        using var insert = connection.CreateCommand();
        insert.Transaction = tx;
        insert.CommandText = """
            INSERT OR REPLACE INTO events (id, document_id, event_date, date_start, date_end, time_precision, event_type, sub_event_type,
              actor1_id, actor1_name, actor2_id, actor2_name, place_id, place_name, latitude, longitude, country, admin1, geo_precision,
              fatalities, factuality, territory_to, json)
            VALUES ($id, $doc, $date, $ds, $de, $tp, $et, $st, $a1, $a1n, $a2, $a2n, $pid, $pn, $lat, $lon, $c, $adm, $gp, $f, $fact, $tt, $json)
            """;
        string[] names = ["$id", "$doc", "$date", "$ds", "$de", "$tp", "$et", "$st", "$a1", "$a1n", "$a2", "$a2n", "$pid", "$pn", "$lat", "$lon", "$c", "$adm", "$gp", "$f", "$fact", "$tt", "$json"];
        foreach (var name in names)
        {
            insert.Parameters.Add(new SqliteParameter { ParameterName = name });
        }

        foreach (var (doc, events) in byDocument)
        {
            docParam.Value = doc;
            await delete.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            foreach (var e in events)
            {
                object?[] values =
                [
                    e.Id.Value, doc, D(e.EventDate), D(e.DateInterval.Start), D(e.DateInterval.End), (int)e.TimePrecision,
                    AcledTaxonomy.Label(e.EventType), AcledTaxonomy.Label(e.SubEventType), e.Actor1?.Id, e.Actor1?.Name, e.Actor2?.Id,
                    e.Actor2?.Name, e.Location?.PlaceId, e.Location?.Name, e.Location?.Latitude, e.Location?.Longitude, e.Location?.Country,
                    e.Location?.Admin1, e.Location?.GeoPrecision, e.Fatalities, e.Factuality.ToString(), e.Territory?.To?.Name, writer.ToJsonLine(e),
                ];
                for (var i = 0; i < values.Length; i++)
                {
                    insert.Parameters[i].Value = values[i] ?? DBNull.Value;
                }

                await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                n++;
            }
        }

        await tx.CommitAsync(cancellationToken).ConfigureAwait(false);
        return n;
    }

    /// <summary>The JSONL lines of the events matching <paramref name="query"/>, by date.</summary>
    public async Task<IReadOnlyList<string>> QueryAsync(EventQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        (double Lat, double Lon)? center = null;
        string? placeId = null;
        if (query.Place is { } place)
        {
            using var find = connection.CreateCommand();
            find.CommandText = "SELECT place_id, latitude, longitude FROM events WHERE (place_id = $p OR place_name = $p COLLATE NOCASE) AND latitude IS NOT NULL LIMIT 1";
            find.Parameters.AddWithValue("$p", place);
            await using var r = await find.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            if (!await r.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                return [];
            }

            placeId = r.GetString(0);
            center = (r.GetDouble(1), r.GetDouble(2));
        }

        using var cmd = connection.CreateCommand();
        var where = new List<string>();
        if (!query.IncludeNonAsserted)
        {
            where.Add("factuality = 'Asserted'");
        }

        if (query.Actor is { } actor)
        {
            where.Add("(actor1_id = $actor OR actor2_id = $actor OR actor1_name LIKE $actorLike OR actor2_name LIKE $actorLike)");
            cmd.Parameters.AddWithValue("$actor", actor);
            cmd.Parameters.AddWithValue("$actorLike", "%" + actor + "%");
        }

        if (query.Type is { } type)
        {
            where.Add("(sub_event_type = $type COLLATE NOCASE OR event_type = $type COLLATE NOCASE)");
            cmd.Parameters.AddWithValue("$type", type);
        }

        if (query.From is { } from)
        {
            where.Add("date_end >= $from");
            cmd.Parameters.AddWithValue("$from", D(from));
        }

        if (query.To is { } to)
        {
            where.Add("date_start <= $to");
            cmd.Parameters.AddWithValue("$to", D(to));
        }

        if (placeId is not null && query.RadiusKm is null)
        {
            where.Add("place_id = $pid");
            cmd.Parameters.AddWithValue("$pid", placeId);
        }

        cmd.CommandText = "SELECT json, latitude, longitude FROM events" + (where.Count > 0 ? " WHERE " + string.Join(" AND ", where) : "") + " ORDER BY event_date, id";
        var lines = new List<string>();
        await using var reader = await cmd.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            if (center is { } c && query.RadiusKm is { } radius)
            {
                if (reader.IsDBNull(1) || EventMatcher.DistanceKm(c.Lat, c.Lon, reader.GetDouble(1), reader.GetDouble(2)) > radius)
                {
                    continue;
                }
            }

            lines.Add(reader.GetString(0));
        }

        return lines;
    }
}
