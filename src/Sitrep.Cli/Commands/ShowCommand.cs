using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Sitrep.Documents;
using Sitrep.Storage;
using Sitrep.Storage.Sqlite;

namespace Sitrep.Cli.Commands;

/// <summary>
/// <c>sitrep show DOC_ID [--raw] [--format ...]</c>: a stored document's cleaned text, or with <c>--raw</c> the
/// text the cleaner read with every removed span marked <c>⟦cut: reason⟧…⟦/cut⟧</c>.
/// </summary>
static class ShowCommand
{
    public static Command Create()
    {
        var id = new Argument<string>("DOC_ID") { Description = "Document id (see sitrep docs)" };
        var raw = new Option<bool>("--raw") { Description = "Show the source text with the removed spans marked" };
        var format = OutputFormatOption.Create();
        var cmd = new Command("show", "Show a stored document's cleaned text (or its source with the cuts marked)") { id, raw, format };
        cmd.SetAction((parse, ct) => StoreErrors.Guard("show", parse.GetValue(CommonOptions.Db)!, async () =>
        {
            var store = new SqliteDocumentStore(new SqliteDatabase(parse.GetValue(CommonOptions.Db)!, TimeProvider.System));
            var docId = new DocumentId(parse.GetValue(id)!);
            var doc = await store.GetAsync(docId, ct);
            if (doc is null)
            {
                await Console.Error.WriteLineAsync($"sitrep show: no document '{docId}' in {parse.GetValue(CommonOptions.Db)}");
                return 1;
            }

            var showRaw = parse.GetValue(raw);
            if (parse.GetValue(format) == OutputFormat.Table)
            {
                WriteText(doc, showRaw, Console.Out);
            }
            else
            {
                WriteJson(doc, showRaw, parse.GetValue(format) == OutputFormat.Json, Console.Out);
            }

            return 0;
        }));
        return cmd;
    }

    static void WriteText(StoredDocument doc, bool raw, TextWriter output)
    {
        var a = doc.Article;
        output.WriteLine($"id:        {a.Id}");
        output.WriteLine($"title:     {a.Title ?? "-"}");
        output.WriteLine($"outlet:    {a.Outlet ?? "-"}");
        output.WriteLine($"published: {Published(a.Published)}");
        output.WriteLine($"origin:    {a.Origin}");
        if (a.Url is not null)
        {
            output.WriteLine($"url:       {a.Url}");
        }

        output.WriteLine($"sentences: {doc.Sentences.Length}; removed spans: {a.Removed.Length}");
        output.WriteLine();
        output.WriteLine(raw ? MarkCuts(a) : a.Text);
    }

    static string Published(PublicationDate? p) => p is null
        ? "unknown"
        : $"{p.Date:yyyy-MM-dd} ({p.Source}, confidence {p.Confidence.ToString("0.##", CultureInfo.InvariantCulture)})";

    /// <summary>The source text with each removed span wrapped as <c>⟦cut: reason⟧text⟦/cut⟧</c>.</summary>
    internal static string MarkCuts(Article a)
    {
        var sb = new StringBuilder(a.SourceText.Length + (a.Removed.Length * 24));
        var pos = 0;
        foreach (var cut in a.Removed.OrderBy(r => r.Span.Start))
        {
            var start = Math.Clamp(cut.Span.Start, pos, a.SourceText.Length);
            var end = Math.Clamp(cut.Span.End, start, a.SourceText.Length);
            sb.Append(a.SourceText, pos, start - pos);
            sb.Append("⟦cut: ").Append(cut.Reason).Append('⟧');
            sb.Append(a.SourceText, start, end - start);
            sb.Append("⟦/cut⟧");
            pos = end;
        }

        sb.Append(a.SourceText, pos, a.SourceText.Length - pos);
        return sb.ToString();
    }

    static void WriteJson(StoredDocument doc, bool raw, bool indented, TextWriter output)
    {
        var a = doc.Article;
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = indented }))
        {
            w.WriteStartObject();
            w.WriteString("id", a.Id.Value);
            w.WriteString("origin", a.Origin);
            w.WriteString("url", a.Url);
            w.WriteString("title", a.Title);
            w.WriteString("outlet", a.Outlet);
            w.WriteString("published", a.Published?.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            w.WriteString("publishedSource", a.Published?.Source.ToString());
            w.WriteString("text", a.Text);
            if (raw)
            {
                w.WriteString("sourceText", a.SourceText);
                w.WriteStartArray("removed");
                foreach (var r in a.Removed)
                {
                    w.WriteStartObject();
                    w.WriteNumber("start", r.Span.Start);
                    w.WriteNumber("length", r.Span.Length);
                    w.WriteString("reason", r.Reason);
                    w.WriteEndObject();
                }

                w.WriteEndArray();
            }

            w.WriteStartArray("sentences");
            foreach (var s in doc.Sentences)
            {
                w.WriteStartArray();
                w.WriteNumberValue(s.Start);
                w.WriteNumberValue(s.End);
                w.WriteEndArray();
            }

            w.WriteEndArray();
            w.WriteStartObject("metadata");
            foreach (var (k, v) in a.Metadata)
            {
                w.WriteString(k, v);
            }

            w.WriteEndObject();
            w.WriteEndObject();
        }

        output.WriteLine(Encoding.UTF8.GetString(stream.ToArray()));
    }
}
