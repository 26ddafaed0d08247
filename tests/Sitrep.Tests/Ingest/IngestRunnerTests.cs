using Sitrep.Documents;
using Sitrep.Documents.Ingest;
using Sitrep.Pipeline;
using Sitrep.Storage;
using Sitrep.Storage.Sqlite;

namespace Sitrep.Tests.Ingest;

public sealed class IngestRunnerTests : IDisposable
{
    readonly IngestTestFiles _files = new();
    readonly SqliteDocumentStore _store;

    public IngestRunnerTests() =>
        _store = new SqliteDocumentStore(new SqliteDatabase(Path.Combine(_files.Root, "run.db"), new FixedTimeProvider(DateTimeOffset.UnixEpoch)));

    public void Dispose() => _files.Dispose();

    Task<IngestReport> Run(IEnumerable<string> paths, FieldMap? map = null, IDocumentStore? store = null, int batch = 1000) =>
        new IngestRunner(IngestDoubles.Pipeline(), store ?? _store) { BatchSize = batch, TransactionSize = 2, Parallelism = 2 }
            .RunAsync(new DocumentReader(map ?? FieldMap.Default, IngestLimits.Default).Read(paths), DocumentOverrides.None,
                cancellationToken: TestContext.Current.CancellationToken);

    [Fact]
    public async Task RunAsync_same_content_twice_is_a_no_op()
    {
        _files.Write("in/a.txt", "Clash at the bridge\nTwo killed. Three hurt.\n");
        _files.Write("in/b.jsonl", "{\"id\":\"j1\",\"text\":\"One.\"}\n{\"id\":\"j2\",\"text\":\"Two.\"}\n");
        _files.Write("in/copy.txt", "Clash at the bridge\r\nTwo killed.  Three hurt.");   // same content, other layout
        var first = await Run([Path.Combine(_files.Root, "in")]);
        Assert.Equal(4, first.Read);
        Assert.Equal(3, first.Stored.Length);
        Assert.Equal(1, first.AlreadyStored);
        var second = await Run([Path.Combine(_files.Root, "in")]);
        Assert.Empty(second.Stored);
        Assert.Equal(4, second.AlreadyStored);
        Assert.Empty(second.Problems);
    }

    [Fact]
    public async Task RunAsync_bad_inputs_are_reported_and_the_rest_stored()
    {
        _files.Write("in/1.txt", "");
        _files.Write("in/2.jsonl", "{\"text\": \"ok\"}\n{bad\n");
        _files.Write("in/3.html", "<html><head></head></html>");
        _files.Write("in/4.html", "<html><body><div>no paragraphs</div></body></html>");
        _files.Write("in/5.txt", "Fine.\n");
        var report = await Run([Path.Combine(_files.Root, "in")]);
        Assert.Equal(2, report.Stored.Length);
        Assert.Equal(4, report.Problems.Length);
        Assert.Contains(report.Problems, p => p.File.EndsWith("4.html", StringComparison.Ordinal) && p.Reason.Contains("no article text", StringComparison.Ordinal));
    }

    [Fact]
    public async Task RunAsync_interrupted_run_resumes_from_committed_batches()
    {
        for (var i = 0; i < 6; i++)
        {
            _files.Write($"in/{i}.txt", $"Report number {i}.\n");
        }

        var failing = new FailingStore(_store, failOnCall: 2);   // transactions of 2: the second one fails
        await Assert.ThrowsAsync<IOException>(() => Run([Path.Combine(_files.Root, "in")], store: failing));
        var stored = await CountAsync();
        Assert.Equal(2, stored);
        var resumed = await Run([Path.Combine(_files.Root, "in")]);
        Assert.Equal(2, resumed.AlreadyStored);
        Assert.Equal(4, resumed.Stored.Length);
        Assert.Equal(6, await CountAsync());
    }

    [Fact]
    public async Task RunAsync_outlet_boilerplate_is_cut_using_the_batch_profile()
    {
        for (var i = 0; i < 4; i++)
        {
            _files.Write($"in/{i}.jsonl", $"{{\"outlet\":\"Wire\",\"text\":\"Story {i} from the front.\\nSubscribe to Wire Daily\"}}\n");
        }

        var report = await Run([Path.Combine(_files.Root, "in")]);
        Assert.Equal(4, report.Stored.Length);
        var doc = (await _store.GetAsync(report.Stored[0].Id, TestContext.Current.CancellationToken))!;
        Assert.DoesNotContain("Subscribe", doc.Article.Text, StringComparison.Ordinal);
        Assert.Equal("outlet", Assert.Single(doc.Article.Removed).Reason);
    }

    [Fact]
    public async Task RunAsync_fakes_dev_csv_with_map_stores_every_row()
    {
        if (IngestTestFiles.Shared() is not { } shared)
        {
            Assert.Skip("../shared is absent");
            return;
        }

        var csv = Path.Combine(shared, "data", "corpora", "fakes-dev.csv");
        var map = FieldMap.TryParse("id=unit_id,title=article_title,text=article_content,published=date,outlet=source", out _);
        var report = await Run([csv], map, batch: 300);
        Assert.Empty(report.Problems);
        Assert.Equal(760, report.Stored.Length);   // 6 ids repeat; each repeat gets its own suffixed id
        Assert.Contains(report.Stored, d => d.Id.Value == "1926479049-4");
        var first = report.Stored.Single(d => d.Id.Value == "1914947530");
        Assert.Equal(new PublicationDate(new DateOnly(2017, 4, 5), DateSource.InputField, DocumentProcessor.InputFieldConfidence), first.Published);
        Assert.Equal("nna", first.Outlet);
        Assert.StartsWith("Syria attack symptoms", first.Title, StringComparison.Ordinal);
        Assert.All(report.Stored, d => Assert.True(d.SentenceCount > 0, d.Id.Value));
    }

    async Task<int> CountAsync()
    {
        var n = 0;
        await foreach (var _ in _store.ListAsync(TestContext.Current.CancellationToken))
        {
            n++;
        }

        return n;
    }

    /// <summary>Passes calls through to a real store but throws on the n-th save, as a crash mid-run would.</summary>
    sealed class FailingStore(IDocumentStore inner, int failOnCall) : IDocumentStore
    {
        int _calls;

        public Task<int> SaveAsync(IReadOnlyList<SegmentedArticle> batch, CancellationToken cancellationToken = default) =>
            ++_calls == failOnCall ? throw new IOException("disk unplugged") : inner.SaveAsync(batch, cancellationToken);

        public Task<StoredDocument?> GetAsync(DocumentId id, CancellationToken cancellationToken = default) => inner.GetAsync(id, cancellationToken);

        public Task<bool> ExistsAsync(DocumentId id, CancellationToken cancellationToken = default) => inner.ExistsAsync(id, cancellationToken);

        public Task<IReadOnlySet<DocumentId>> ExistingAsync(IReadOnlyCollection<DocumentId> ids, CancellationToken cancellationToken = default) =>
            inner.ExistingAsync(ids, cancellationToken);

        public IAsyncEnumerable<DocumentSummary> ListAsync(CancellationToken cancellationToken = default) => inner.ListAsync(cancellationToken);
    }
}
