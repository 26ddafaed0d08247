using System.IO.Compression;
using System.Text;
using Sitrep.Documents.Ingest;

namespace Sitrep.Tests.Ingest;

public sealed class DocumentReaderTests : IDisposable
{
    readonly IngestTestFiles _files = new();

    public void Dispose() => _files.Dispose();

    static List<ReadResult> Read(string path, FieldMap? map = null) =>
        new DocumentReader(map ?? FieldMap.Default, IngestLimits.Default).Read([path]).ToList();

    [Fact]
    public void ReadFile_txt_is_one_text_document_with_content_id()
    {
        var path = _files.Write("a.txt", "Town captured\n\nRebels took the town of Ostrava Nova on Monday.\n");
        var doc = Assert.Single(Read(path)).Document!;
        Assert.Equal(ContentKind.Text, doc.Kind);
        Assert.Equal(16, doc.Id.Value.Length);
        Assert.StartsWith("Town captured\n", doc.Content, StringComparison.Ordinal);
        Assert.Equal(path, doc.Origin);
    }

    [Fact]
    public void ReadFile_same_text_with_other_line_endings_gets_same_id()
    {
        var a = _files.Write("a.txt", "Line one.\nLine two.\n");
        var b = _files.Write("b.txt", "Line one.\r\nLine two.\r\n\r\n");
        Assert.Equal(Read(a)[0].Document!.Id, Read(b)[0].Document!.Id);
    }

    [Fact]
    public void ReadFile_gzipped_txt_reads_like_plain()
    {
        using var ms = new MemoryStream();
        using (var gz = new GZipStream(ms, CompressionLevel.Fastest, leaveOpen: true))
        {
            gz.Write("Shelling hit the market.\n"u8);
        }

        var path = _files.Write("a.txt.gz", ms.ToArray());
        Assert.Equal("Shelling hit the market.\n", Assert.Single(Read(path)).Document!.Content);
    }

    [Fact]
    public void ReadFile_jsonl_maps_fields_and_keeps_others_as_metadata()
    {
        var path = _files.Write("a.jsonl",
            """
            {"id": "wire-1", "url": "https://x.example/1", "title": "Clash", "published": "2024-03-03T08:00:00+02:00", "outlet": "Wire", "text": "Two killed.", "section": "world", "rank": 3}

            {"id": 7, "html": "<html><body><p>Body</p></body></html>"}
            """);
        var docs = Read(path).Select(r => r.Document!).ToList();
        Assert.Equal(2, docs.Count);
        Assert.Equal("wire-1", docs[0].Id.Value);
        Assert.Equal(new DateOnly(2024, 3, 3), docs[0].Published);
        Assert.Equal("Wire", docs[0].Outlet);
        Assert.Equal("world", docs[0].Metadata["section"]);
        Assert.Equal("3", docs[0].Metadata["rank"]);
        Assert.Equal(1, docs[0].Line);
        Assert.Equal("7", docs[1].Id.Value);
        Assert.Equal(ContentKind.Html, docs[1].Kind);
        Assert.Equal(3, docs[1].Line);
    }

    [Fact]
    public void ReadFile_jsonl_falls_back_to_field_names_when_the_mapped_name_is_absent()
    {
        var path = _files.Write("a.jsonl", "{\"id\": \"w1\", \"text\": \"Two killed.\", \"outlet\": \"Wire\"}\n");
        var map = FieldMap.TryParse("id=unit_id,text=article_content,outlet=source", out _)!;
        var doc = Assert.Single(Read(path, map)).Document!;
        Assert.Equal(("w1", "Two killed.", "Wire"), (doc.Id.Value, doc.Content, doc.Outlet));
        Assert.Empty(doc.Metadata);
    }

    [Fact]
    public void ReadFile_json_array_streams_each_object()
    {
        var path = _files.Write("a.json", """[{"text": "One."}, {"text": "Two."}]""");
        Assert.Equal(["One.", "Two."], Read(path).Select(r => r.Document!.Content));
    }

    [Fact]
    public void ReadFile_json_single_object_is_one_document()
    {
        var path = _files.Write("a.json", "{\n  \"title\": \"T\",\n  \"text\": \"Body.\"\n}\n");
        Assert.Equal("T", Assert.Single(Read(path)).Document!.Title);
    }

    [Fact]
    public void ReadFile_csv_maps_columns_parses_us_dates_and_suffixes_repeated_ids()
    {
        var path = _files.Write("a.csv",
            "unit_id,article_title,article_content,source,date,location\n" +
            "10,Clash,\"Fighting \"\"erupted\"\",\nagain.\",reuters,4/5/2017,idlib\n" +
            "10,Clash,Same id other row.,reuters,11/18/2016,aleppo\n" +
            "10,Clash,Third.,reuters,13/1/2016,aleppo\n");
        var map = FieldMap.TryParse("id=unit_id,title=article_title,text=article_content,published=date,outlet=source", out _)!;
        var docs = Read(path, map).Select(r => r.Document!).ToList();
        Assert.Equal(["10", "10-2", "10-3"], docs.Select(d => d.Id.Value));
        Assert.Equal("Fighting \"erupted\",\nagain.", docs[0].Content);
        Assert.Equal(new DateOnly(2017, 4, 5), docs[0].Published);
        Assert.Equal(new DateOnly(2016, 11, 18), docs[1].Published);
        Assert.Equal(new DateOnly(2016, 1, 13), docs[2].Published);   // 13 cannot be a month: day first
        Assert.Equal("idlib", docs[0].Metadata["location"]);
        Assert.Equal([2L, 4L, 5L], docs.Select(d => d.Line));   // the first record spans lines 2–3
    }

    [Fact]
    public void ReadFile_warc_yields_html_responses_only()
    {
        var docs = Read(IngestTestFiles.Fixture("tiny.warc")).Select(r => r.Document!).ToList();
        Assert.Equal(2, docs.Count);   // the request, image, 404 and warcinfo records are skipped
        Assert.All(docs, d => Assert.Equal(ContentKind.Html, d.Kind));
        Assert.Equal("https://news.example.org/north/ridgeford-clash", docs[0].Url);
        Assert.Contains("Two soldiers were killed", docs[0].Content, StringComparison.Ordinal);
        Assert.Equal("2024-03-28T10:00:00Z", docs[0].Metadata["warc_date"]);
        Assert.Null(docs[0].Published);   // the crawl date is not a publication date
        Assert.Contains("air strike", docs[1].Content, StringComparison.Ordinal);   // chunked transfer undone
        Assert.DoesNotContain("0\r\n", docs[1].Content, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadFile_warc_gz_with_one_member_per_record_reads_all_records()
    {
        var warc = File.ReadAllBytes(IngestTestFiles.Fixture("tiny.warc"));
        var text = Encoding.Latin1.GetString(warc);
        using var ms = new MemoryStream();
        foreach (var record in text.Split("WARC/1.0\r\n", StringSplitOptions.RemoveEmptyEntries))
        {
            using var gz = new GZipStream(ms, CompressionLevel.Fastest, leaveOpen: true);
            gz.Write(Encoding.Latin1.GetBytes("WARC/1.0\r\n" + record));
        }

        var path = _files.Write("crawl.warc.gz", ms.ToArray());
        Assert.Equal(2, Read(path).Count(r => r.Document is not null));
    }

    [Fact]
    public void Read_folder_recurses_in_path_order_and_skips_unknown_types()
    {
        _files.Write("in/b/2.txt", "Second.");
        _files.Write("in/a.txt", "First.");
        _files.Write("in/notes.md", "not an input");
        var results = Read(Path.Combine(_files.Root, "in"));
        Assert.Equal(["First.\n", "Second.\n"], results.Select(r => r.Document!.Content));
    }

    [Fact]
    public void Read_html_with_declared_windows_1252_charset_decodes_it()
    {
        var bytes = Encoding.Latin1.GetBytes("<html><head><meta charset=\"windows-1252\"></head><body><p>Caf\u00e9 \u0093quoted\u0094</p></body></html>");
        var path = _files.Write("p.html", bytes);
        var doc = Assert.Single(Read(path)).Document!;
        Assert.Contains("Café “quoted”", doc.Content, StringComparison.Ordinal);
    }
}
