using Sitrep.Cli;
using Sitrep.Tests.Ingest;

namespace Sitrep.Tests.Cli;

/// <summary>The ingest, docs and show verbs end to end through the real pipeline and a SQLite file: exit codes and output.</summary>
public sealed class IngestCommandTests : IDisposable
{
    readonly IngestTestFiles _files = new();

    public void Dispose() => _files.Dispose();

    string Db => Path.Combine(_files.Root, "cli.db");

    static string Examples()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Sitrep.slnx")))
        {
            dir = dir.Parent;
        }

        return Path.Combine(dir!.FullName, "examples");
    }

    [Fact]
    public async Task Ingest_examples_exits_0_and_docs_lists_them_with_dates()
    {
        Assert.Equal(0, await Program.Main(["--db", Db, "ingest", Examples(), "--format", "jsonl"]));
        Assert.Equal(0, await Program.Main(["--db", Db, "ingest", Examples()]));   // again: nothing new, still ok
        var store = new Sitrep.Storage.Sqlite.SqliteDocumentStore(new Sitrep.Storage.Sqlite.SqliteDatabase(Db, TimeProvider.System));
        var docs = new List<Sitrep.Storage.DocumentSummary>();
        await foreach (var d in store.ListAsync(TestContext.Current.CancellationToken))
        {
            docs.Add(d);
        }

        Assert.Equal(4, docs.Count);
        Assert.All(docs, d => Assert.NotNull(d.Published));
        Assert.All(docs, d => Assert.False(string.IsNullOrEmpty(d.Title)));
        Assert.All(docs, d => Assert.True(d.SentenceCount >= 3));
        Assert.Equal(0, await Program.Main(["--db", Db, "show", docs[0].Id.Value, "--raw"]));
    }

    [Fact]
    public async Task Ingest_with_a_bad_input_exits_1_and_stores_the_rest()
    {
        _files.Write("in/good.txt", "Clash near the bridge\n\nTwo fighters were killed on Monday.\n");
        _files.Write("in/bad.jsonl", "{not json\n");
        Assert.Equal(1, await Program.Main(["--db", Db, "ingest", Path.Combine(_files.Root, "in")]));
        Assert.Equal(0, await Program.Main(["--db", Db, "docs", "--format", "json"]));
    }

    [Fact]
    public async Task Extract_reads_a_csv_through_map_and_stores_its_events()
    {
        _files.Write("in/news.csv",
            "unit_id,article_title,article_content,date,source\n" +
            "a1,Town retaken,\"Syrian government forces recaptured the town of Albu Kamal from Islamic State militants on Thursday.\",2017-11-09,Reuters\n");
        var csv = Path.Combine(_files.Root, "in", "news.csv");
        Assert.Equal(1, await Program.Main(["--db", Db, "extract", csv]));   // no "text" column: the file fails, named
        Assert.Equal(0, await Program.Main(["--db", Db, "extract", csv, "--map", "id=unit_id,title=article_title,text=article_content,published=date,outlet=source"]));
        var events = new Sitrep.Storage.Sqlite.SqliteEventStore(
            new Sitrep.Storage.Sqlite.SqliteDatabase(Db, TimeProvider.System), new Sitrep.Events.EventWriter(Sitrep.Events.ActorRegistry.LoadDefault()));
        var found = await events.QueryAsync(new Sitrep.Events.EventQuery(), TestContext.Current.CancellationToken);
        Assert.Contains(found, line => line.Contains("\"a1\"", StringComparison.Ordinal) && line.Contains("Kam", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("extract", "x.csv", "--map", "body=content")]      // unknown field
    [InlineData("ingest")]                                         // PATH missing
    [InlineData("ingest", "x.txt", "--map", "body=content")]       // unknown field
    [InlineData("ingest", "x.txt", "--published", "soon")]         // not a date
    [InlineData("docs", "--format", "xml")]                        // unknown format
    public async Task Usage_errors_exit_2(params string[] args) =>
        Assert.Equal(2, await Program.Main(["--db", Path.Combine(Path.GetTempPath(), "sitrep-unused.db"), .. args]));

    [Fact]
    public async Task Show_unknown_id_exits_1() =>
        Assert.Equal(1, await Program.Main(["--db", Db, "show", "no-such-id"]));
}
