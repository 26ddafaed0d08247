using System.Text;
using Sitrep.Documents.Ingest;

namespace Sitrep.Tests.Ingest;

/// <summary>Each bad input gives one problem naming file, line and reason, and the files after it are still read.</summary>
public sealed class BadInputTests : IDisposable
{
    readonly IngestTestFiles _files = new();

    public void Dispose() => _files.Dispose();

    (List<IngestProblem> Problems, List<RawDocument> Docs) ReadWithGoodFileAfter(string bad, FieldMap? map = null)
    {
        var good = _files.Write("zz-good.txt", "A good article.\n");
        var results = new DocumentReader(map ?? FieldMap.Default, IngestLimits.Default).Read([bad, good]).ToList();
        var docs = results.Where(r => r.Document is not null).Select(r => r.Document!).ToList();
        Assert.Contains(docs, d => d.File == good);
        return (results.Where(r => r.Problem is not null).Select(r => r.Problem!).ToList(), docs);
    }

    [Fact]
    public void Read_undecodable_bytes_reports_the_line()
    {
        var bad = _files.Write("latin.txt", [.. "Line one.\nLine two.\n"u8, .. "Caf"u8, 0xE9, .. " line three.\n"u8]);
        var (problems, _) = ReadWithGoodFileAfter(bad);
        var p = Assert.Single(problems);
        Assert.Equal(bad, p.File);
        Assert.Equal(3, p.Line);
        Assert.Contains("undecodable", p.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_binary_file_is_rejected()
    {
        var bad = _files.Write("image.txt", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13]);
        var p = Assert.Single(ReadWithGoodFileAfter(bad).Problems);
        Assert.Contains("binary", p.Reason, StringComparison.Ordinal);
        Assert.Equal($"{bad}:0: {p.Reason}", p.ToString());
    }

    [Theory]
    [InlineData("empty.txt", "")]
    [InlineData("blank.txt", "  \n\n \t\n")]   // white space only is empty too
    [InlineData("empty.jsonl", "\n\n")]
    [InlineData("empty.csv", "")]
    public void Read_empty_file_is_rejected(string name, string content)
    {
        var bad = _files.Write(name, content);
        var p = Assert.Single(ReadWithGoodFileAfter(bad).Problems);
        Assert.Contains("empty", p.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_100_MB_single_line_is_rejected_without_loading_it()
    {
        var bad = Path.Combine(_files.Root, "huge.jsonl");
        using (var f = File.Create(bad))
        {
            f.Write("{\"text\": \"ok\"}\n"u8);
            f.Write("{\"text\": \""u8);
            var chunk = new byte[1 << 20];
            chunk.AsSpan().Fill((byte)'a');
            for (var i = 0; i < 100; i++)
            {
                f.Write(chunk);
            }

            f.Write("\"}\n{\"text\": \"after\"}\n"u8);
        }

        var (problems, docs) = ReadWithGoodFileAfter(bad);
        var p = Assert.Single(problems);
        Assert.Equal(2, p.Line);
        Assert.Contains("line longer than", p.Reason, StringComparison.Ordinal);
        Assert.Equal(["ok", "after"], docs.Where(d => d.File == bad).Select(d => d.Content));   // the line after is still read
    }

    [Fact]
    public void Read_100_MB_single_line_txt_is_rejected()
    {
        var bad = Path.Combine(_files.Root, "huge.txt");
        using (var f = File.Create(bad))
        {
            var chunk = new byte[1 << 20];
            chunk.AsSpan().Fill((byte)'b');
            for (var i = 0; i < 100; i++)
            {
                f.Write(chunk);
            }
        }

        var p = Assert.Single(ReadWithGoodFileAfter(bad).Problems);
        Assert.Equal(1, p.Line);
        Assert.Contains("line longer than", p.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_malformed_json_line_is_reported_and_the_next_lines_read()
    {
        var bad = _files.Write("wire.jsonl", "{\"text\": \"one\"}\n{\"text\": \"two\"\n[1, 2]\n{\"text\": \"four\"}\n");
        var (problems, docs) = ReadWithGoodFileAfter(bad);
        Assert.Equal([2L, 3L], problems.Select(p => p.Line));
        Assert.Contains("malformed JSON", problems[0].Reason, StringComparison.Ordinal);
        Assert.Contains("expected a JSON object", problems[1].Reason, StringComparison.Ordinal);
        Assert.Equal(["one", "four"], docs.Where(d => d.File == bad).Select(d => d.Content));
    }

    [Fact]
    public void Read_html_without_a_body_is_rejected()
    {
        var bad = _files.Write("head-only.html", "<html><head><title>Only a title</title></head></html>");
        var p = Assert.Single(ReadWithGoodFileAfter(bad).Problems);
        Assert.Equal("HTML without a body", p.Reason);
    }

    [Fact]
    public void Read_csv_missing_a_mapped_column_names_it()
    {
        var bad = _files.Write("fakes.csv", "unit_id,article_title,content\n1,T,Body\n");
        var map = FieldMap.TryParse("id=unit_id,text=article_content", out _)!;
        var p = Assert.Single(ReadWithGoodFileAfter(bad, map).Problems);
        Assert.Equal(1, p.Line);
        Assert.Contains("missing mapped column 'article_content'", p.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_csv_record_with_wrong_field_count_is_skipped()
    {
        var bad = _files.Write("rows.csv", "id,text\n1,One\n2,Two,extra\n3,Three\n");
        var (problems, docs) = ReadWithGoodFileAfter(bad);
        Assert.Equal(3, Assert.Single(problems).Line);
        Assert.Equal(["1", "3"], docs.Where(d => d.File == bad).Select(d => d.Id.Value));
    }

    [Fact]
    public void Read_missing_path_and_unsupported_file_are_problems()
    {
        var pdf = _files.Write("paper.pdf", "%PDF-1.4");
        var results = new DocumentReader().Read([Path.Combine(_files.Root, "nope.txt"), pdf], TestContext.Current.CancellationToken).ToList();
        Assert.Equal(["no such file or folder", "unsupported file type"], results.Select(r => r.Problem!.Reason.Split(" (")[0]));
    }

    [Fact]
    public void Read_corrupt_gzip_is_reported()
    {
        var bad = _files.Write("broken.txt.gz", [0x1F, 0x8B, 8, 0, 0, 0, 0, 0, 0, 3, 1, 2, 3, 4, 5]);
        var p = Assert.Single(ReadWithGoodFileAfter(bad).Problems);
        Assert.Contains("gzip", p.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_json_file_with_syntax_error_reports_its_line()
    {
        var bad = _files.Write("a.json", Encoding.UTF8.GetString("[\n{\"text\": \"ok\"},\n{\"text\": }\n]"u8));
        var p = Assert.Single(ReadWithGoodFileAfter(bad).Problems);
        Assert.Equal(3, p.Line);
        Assert.Contains("malformed JSON", p.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_json_value_over_the_limit_is_rejected_without_buffering_it()
    {
        var bad = _files.Write("big.json", "[{\"text\": \"small\"}, {\"text\": \"" + new string('x', 3 << 20) + "\"}]");
        var limits = new IngestLimits(1 << 20, 1 << 20);
        var results = new DocumentReader(FieldMap.Default, limits).Read([bad], TestContext.Current.CancellationToken).ToList();
        var p = Assert.Single(results, r => r.Problem is not null).Problem!;
        Assert.Contains("JSON value larger than", p.Reason, StringComparison.Ordinal);
        Assert.Equal(2, p.Line);   // the second value
    }
}
