using System.Collections.Immutable;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Sitrep.Documents;
using Sitrep.Pipeline;
using Sitrep.Text;

namespace Sitrep.Storage.Sqlite;

/// <summary>
/// <see cref="IDocumentStore"/> on SQLite with plain SQL: tables <c>documents</c>, <c>removed_spans</c>,
/// <c>sentences</c> (migration 0001). Each <see cref="SaveAsync"/> is one transaction; an id already stored is
/// skipped (<c>INSERT OR IGNORE</c>).
/// </summary>
public sealed class SqliteDocumentStore(SqliteDatabase database) : IDocumentStore
{
    /// <inheritdoc />
    public async Task<int> SaveAsync(IReadOnlyList<SegmentedArticle> batch, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(batch);
        if (batch.Count == 0)
        {
            return 0;
        }

        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var tx = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var now = database.Time.GetUtcNow().ToString("O", CultureInfo.InvariantCulture);

        using var doc = connection.CreateCommand();
        doc.Transaction = tx;
        doc.CommandText = """
            INSERT OR IGNORE INTO documents
                (id, origin, url, title, outlet, published, published_source, published_confidence,
                 source_text, text, offset_map, metadata, ingested_at)
            VALUES ($id, $origin, $url, $title, $outlet, $published, $source, $confidence,
                    $source_text, $text, $offset_map, $metadata, $ingested_at)
            """;
        var pId = doc.Parameters.Add("$id", SqliteType.Text);
        var pOrigin = doc.Parameters.Add("$origin", SqliteType.Text);
        var pUrl = doc.Parameters.Add("$url", SqliteType.Text);
        var pTitle = doc.Parameters.Add("$title", SqliteType.Text);
        var pOutlet = doc.Parameters.Add("$outlet", SqliteType.Text);
        var pPublished = doc.Parameters.Add("$published", SqliteType.Text);
        var pSource = doc.Parameters.Add("$source", SqliteType.Text);
        var pConfidence = doc.Parameters.Add("$confidence", SqliteType.Real);
        var pSourceText = doc.Parameters.Add("$source_text", SqliteType.Text);
        var pText = doc.Parameters.Add("$text", SqliteType.Text);
        var pMap = doc.Parameters.Add("$offset_map", SqliteType.Text);
        var pMeta = doc.Parameters.Add("$metadata", SqliteType.Text);
        doc.Parameters.AddWithValue("$ingested_at", now);

        // Spans and sentences go in one statement per document, as a JSON array unpacked by json_each:
        // a row-per-statement insert costs more than the whole document row.
        using var span = connection.CreateCommand();
        span.Transaction = tx;
        span.CommandText = """
            INSERT INTO removed_spans (document_id, ordinal, start, length, reason)
            SELECT $d, key, value ->> 0, value ->> 1, value ->> 2 FROM json_each($spans)
            """;
        var sDoc = span.Parameters.Add("$d", SqliteType.Text);
        var sSpans = span.Parameters.Add("$spans", SqliteType.Text);

        using var sentence = connection.CreateCommand();
        sentence.Transaction = tx;
        sentence.CommandText = """
            INSERT INTO sentences (document_id, idx, start_offset, end_offset)
            SELECT $d, value ->> 0, value ->> 1, value ->> 2 FROM json_each($sentences)
            """;
        var tDoc = sentence.Parameters.Add("$d", SqliteType.Text);
        var tSentences = sentence.Parameters.Add("$sentences", SqliteType.Text);

        var inserted = 0;
        foreach (var item in batch)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var a = item.Article;
            pId.Value = a.Id.Value;
            pOrigin.Value = a.Origin;
            pUrl.Value = (object?)a.Url ?? DBNull.Value;
            pTitle.Value = (object?)a.Title ?? DBNull.Value;
            pOutlet.Value = (object?)a.Outlet ?? DBNull.Value;
            pPublished.Value = a.Published is { } p ? DocumentRows.DateText(p.Date) : DBNull.Value;
            pSource.Value = a.Published is { } ps ? ps.Source.ToString() : DBNull.Value;
            pConfidence.Value = a.Published is { } pc ? pc.Confidence : DBNull.Value;
            pSourceText.Value = a.SourceText;
            pText.Value = a.Text;
            pMap.Value = DocumentRows.OffsetMapJson(a.ToSource);
            pMeta.Value = DocumentRows.MetadataJson(a.Metadata);

            // SQLite runs synchronously; the async variants would only add allocations here.
#pragma warning disable CA1849
            if (doc.ExecuteNonQuery() == 0)
            {
                continue;
            }

            inserted++;
            if (!a.Removed.IsDefaultOrEmpty)
            {
                sDoc.Value = a.Id.Value;
                sSpans.Value = DocumentRows.RemovedJson(a.Removed);
                span.ExecuteNonQuery();
            }

            if (!item.Sentences.IsDefaultOrEmpty)
            {
                tDoc.Value = a.Id.Value;
                tSentences.Value = DocumentRows.SentencesJson(item.Sentences);
                sentence.ExecuteNonQuery();
            }
#pragma warning restore CA1849
        }

        await tx.CommitAsync(cancellationToken).ConfigureAwait(false);
        return inserted;
    }

    /// <inheritdoc />
    public async Task<StoredDocument?> GetAsync(DocumentId id, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        using var cmd = connection.CreateCommand();
        cmd.CommandText = """
            SELECT origin, url, title, outlet, published, published_source, published_confidence,
                   source_text, text, offset_map, metadata, ingested_at
            FROM documents WHERE id = $id
            """;
        cmd.Parameters.AddWithValue("$id", id.Value);
        Article article;
        DateTimeOffset ingestedAt;
        await using (var r = await cmd.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            if (!await r.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                return null;
            }

            var published = DocumentRows.Published(
                r.IsDBNull(4) ? null : r.GetString(4), r.IsDBNull(5) ? null : r.GetString(5), r.IsDBNull(6) ? null : r.GetDouble(6));
            article = new Article(
                id, r.GetString(0), Null(r, 1), Null(r, 2), Null(r, 3), published, r.GetString(7), r.GetString(8),
                DocumentRows.OffsetMapOf(r.GetString(9)), [], DocumentRows.MetadataOf(r.GetString(10)));
            ingestedAt = DateTimeOffset.Parse(r.GetString(11), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);
        }

        var removed = ImmutableArray.CreateBuilder<RemovedSpan>();
        cmd.CommandText = "SELECT start, length, reason FROM removed_spans WHERE document_id = $id ORDER BY ordinal";
        await using (var r = await cmd.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            while (await r.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                removed.Add(new RemovedSpan(new TextSpan(r.GetInt32(0), r.GetInt32(1)), r.GetString(2)));
            }
        }

        var sentences = ImmutableArray.CreateBuilder<TextSpan>();
        cmd.CommandText = "SELECT start_offset, end_offset FROM sentences WHERE document_id = $id ORDER BY idx";
        await using (var r = await cmd.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            while (await r.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                sentences.Add(TextSpan.FromBounds(r.GetInt32(0), r.GetInt32(1)));
            }
        }

        return new StoredDocument(article with { Removed = removed.ToImmutable() }, sentences.ToImmutable(), ingestedAt);
    }

    /// <inheritdoc />
    public async Task<bool> ExistsAsync(DocumentId id, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        using var cmd = connection.CreateCommand();
        cmd.CommandText = "SELECT 1 FROM documents WHERE id = $id";
        cmd.Parameters.AddWithValue("$id", id.Value);
        return await cmd.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is not null;
    }

    /// <inheritdoc />
    public async Task<IReadOnlySet<DocumentId>> ExistingAsync(IReadOnlyCollection<DocumentId> ids, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(ids);
        var found = new HashSet<DocumentId>();
        if (ids.Count == 0)
        {
            return found;
        }

        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        using var cmd = connection.CreateCommand();
        cmd.CommandText = "SELECT id FROM documents WHERE id IN (SELECT value FROM json_each($ids))";
        cmd.Parameters.AddWithValue("$ids", JsonSerializer.Serialize(ids.Select(i => i.Value).ToArray(), StoreJson.Default.StringArray));
        await using var r = await cmd.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await r.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            found.Add(new DocumentId(r.GetString(0)));
        }

        return found;
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<DocumentSummary> ListAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        using var cmd = connection.CreateCommand();
        cmd.CommandText = """
            SELECT d.id, d.origin, d.outlet, d.published, d.published_source, d.published_confidence, d.title,
                   (SELECT count(*) FROM sentences s WHERE s.document_id = d.id)
            FROM documents d
            ORDER BY d.published IS NULL, d.published, d.id
            """;
        await using var r = await cmd.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await r.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            yield return new DocumentSummary(
                new DocumentId(r.GetString(0)),
                r.GetString(1),
                Null(r, 2),
                DocumentRows.Published(Null(r, 3), Null(r, 4), r.IsDBNull(5) ? null : r.GetDouble(5)),
                Null(r, 6),
                r.GetInt32(7));
        }
    }

    static string? Null(SqliteDataReader r, int i) => r.IsDBNull(i) ? null : r.GetString(i);
}
