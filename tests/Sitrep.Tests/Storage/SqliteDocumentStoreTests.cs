using System.Collections.Immutable;
using Microsoft.Data.Sqlite;
using Sitrep.Documents;
using Sitrep.Documents.Ingest;
using Sitrep.Pipeline;
using Sitrep.Storage.Sqlite;
using Sitrep.Tests.Ingest;
using Sitrep.Text;

namespace Sitrep.Tests.Storage;

public sealed class SqliteDocumentStoreTests : IDisposable
{
    static readonly DateTimeOffset Now = new(2026, 1, 2, 3, 4, 5, TimeSpan.Zero);
    readonly IngestTestFiles _files = new();
    readonly SqliteDatabase _db;
    readonly SqliteDocumentStore _store;

    public SqliteDocumentStoreTests()
    {
        _db = new SqliteDatabase(Path.Combine(_files.Root, "test.db"), new FixedTimeProvider(Now));
        _store = new SqliteDocumentStore(_db);
    }

    public void Dispose() => _files.Dispose();

    static SegmentedArticle Article(string id, string text = "Share\nTwo killed. Town taken.")
    {
        var raw = new RawDocument(new DocumentId(id), "in.jsonl", 3, ContentKind.Text, text, "https://x.example/a", "Title " + id,
            "Wire", new DateOnly(2024, 3, 3), ImmutableSortedDictionary<string, string>.Empty.Add("section", "world"));
        var pipeline = IngestDoubles.Pipeline();
        return pipeline.Run(raw, DocumentOverrides.None, out _)!;
    }

    [Fact]
    public async Task SaveAsync_then_GetAsync_round_trips_article_spans_and_sentences()
    {
        var ct = TestContext.Current.CancellationToken;
        var saved = Article("a1");
        Assert.Equal(1, await _store.SaveAsync([saved], ct));
        var got = (await _store.GetAsync(new DocumentId("a1"), ct))!;
        var a = got.Article;
        Assert.Equal(saved.Article.Text, a.Text);
        Assert.Equal(saved.Article.SourceText, a.SourceText);
        Assert.Equal(saved.Article.Published, a.Published);
        Assert.Equal("in.jsonl:3", a.Origin);
        Assert.Equal(saved.Article.ToSource.Pieces, a.ToSource.Pieces);
        Assert.Equal(saved.Article.Removed, a.Removed);
        Assert.Equal("world", a.Metadata["section"]);
        Assert.Equal(saved.Sentences.Select(s => s.Span), got.Sentences);
        Assert.Equal(Now, got.IngestedAt);
    }

    [Fact]
    public async Task SaveAsync_same_id_twice_is_a_no_op()
    {
        var ct = TestContext.Current.CancellationToken;
        Assert.Equal(1, await _store.SaveAsync([Article("a1")], ct));
        Assert.Equal(0, await _store.SaveAsync([Article("a1", "Other text.")], ct));
        Assert.Equal("Two killed. Town taken.", (await _store.GetAsync(new DocumentId("a1"), ct))!.Article.Text);
        Assert.Single(await ToListAsync(_store.ListAsync(ct)));
    }

    [Fact]
    public async Task ExistingAsync_returns_only_stored_ids()
    {
        var ct = TestContext.Current.CancellationToken;
        await _store.SaveAsync([Article("a1"), Article("a2")], ct);
        var found = await _store.ExistingAsync([new DocumentId("a2"), new DocumentId("zz")], ct);
        Assert.Equal([new DocumentId("a2")], found);
        Assert.True(await _store.ExistsAsync(new DocumentId("a1"), ct));
        Assert.False(await _store.ExistsAsync(new DocumentId("zz"), ct));
    }

    [Fact]
    public async Task ListAsync_gives_summaries_with_sentence_counts()
    {
        var ct = TestContext.Current.CancellationToken;
        await _store.SaveAsync([Article("b"), Article("a")], ct);
        var list = await ToListAsync(_store.ListAsync(ct));
        Assert.Equal(["a", "b"], list.Select(d => d.Id.Value));
        Assert.All(list, d => Assert.Equal(2, d.SentenceCount));
        Assert.Equal(DateSource.InputField, list[0].Published!.Source);
    }

    [Fact]
    public async Task OpenAsync_applies_migrations_once_in_wal_mode()
    {
        var ct = TestContext.Current.CancellationToken;
        await using (var c = await _db.OpenAsync(ct))
        {
            using var cmd = c.CreateCommand();
            cmd.CommandText = "PRAGMA journal_mode";
            Assert.Equal("wal", (string)(await cmd.ExecuteScalarAsync(ct))!);
        }

        var again = new SqliteDatabase(_db.Path, new FixedTimeProvider(Now));
        var versions = await again.SchemaVersionsAsync(ct);
        Assert.Equal(SqliteMigrator.Embedded().Select(m => m.Version), versions);
        Assert.Equal(1, versions[0]);
    }

    [Fact]
    public void Embedded_migrations_are_numbered_in_order()
    {
        var migrations = SqliteMigrator.Embedded();
        Assert.Equal("0001_documents.sql", migrations[0].Name);
        Assert.Equal(migrations.Select(m => m.Version).Order(), migrations.Select(m => m.Version));
    }

    [Fact]
    public async Task SaveAsync_failed_transaction_keeps_earlier_batches()
    {
        var ct = TestContext.Current.CancellationToken;
        await _store.SaveAsync([Article("a1")], ct);
        var bad = Article("a2");
        bad = bad with { Sentences = [new Sentence(0, new TextSpan(0, 1), []), new Sentence(0, new TextSpan(1, 1), [])] };   // duplicate index
        await Assert.ThrowsAsync<SqliteException>(() => _store.SaveAsync([Article("a3"), bad], ct));
        var ids = (await ToListAsync(_store.ListAsync(ct))).Select(d => d.Id.Value);
        Assert.Equal(["a1"], ids);   // a3 rolled back with its batch, a1 kept
    }

    static async Task<List<T>> ToListAsync<T>(IAsyncEnumerable<T> items)
    {
        var list = new List<T>();
        await foreach (var i in items)
        {
            list.Add(i);
        }

        return list;
    }
}
