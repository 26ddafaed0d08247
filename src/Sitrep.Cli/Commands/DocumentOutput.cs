using System.Globalization;
using System.Text;
using System.Text.Json;
using Sitrep.Storage;

namespace Sitrep.Cli.Commands;

/// <summary>Prints document summaries (<c>docs</c>, <c>ingest</c>) as a table, JSON or JSON lines on stdout.</summary>
static class DocumentOutput
{
    public static void Write(IEnumerable<DocumentSummary> docs, OutputFormat format, TextWriter output)
    {
        switch (format)
        {
            case OutputFormat.Table:
                WriteTable(docs, output);
                break;
            case OutputFormat.Json:
                {
                    using var stream = new MemoryStream();
                    using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
                    {
                        w.WriteStartArray();
                        foreach (var d in docs)
                        {
                            WriteJson(w, d);
                        }

                        w.WriteEndArray();
                    }

                    output.WriteLine(Encoding.UTF8.GetString(stream.ToArray()));
                    break;
                }

            default:
                foreach (var d in docs)
                {
                    using var stream = new MemoryStream();
                    using (var w = new Utf8JsonWriter(stream))
                    {
                        WriteJson(w, d);
                    }

                    output.WriteLine(Encoding.UTF8.GetString(stream.ToArray()));
                }

                break;
        }
    }

    static void WriteJson(Utf8JsonWriter w, DocumentSummary d)
    {
        w.WriteStartObject();
        w.WriteString("id", d.Id.Value);
        w.WriteString("origin", d.Origin);
        w.WriteString("outlet", d.Outlet);
        if (d.Published is { } p)
        {
            w.WriteString("published", p.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            w.WriteString("publishedSource", p.Source.ToString());
            w.WriteNumber("publishedConfidence", Math.Round(p.Confidence, 3));
        }
        else
        {
            w.WriteNull("published");
            w.WriteNull("publishedSource");
            w.WriteNull("publishedConfidence");
        }

        w.WriteString("title", d.Title);
        w.WriteNumber("sentences", d.SentenceCount);
        w.WriteEndObject();
    }

    static void WriteTable(IEnumerable<DocumentSummary> docs, TextWriter output)
    {
        string[] header = ["ID", "OUTLET", "PUBLISHED", "DATE SOURCE", "SENT", "TITLE"];
        var rows = docs.Select(d => new[]
        {
            d.Id.Value,
            d.Outlet ?? "-",
            d.Published?.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "unknown",
            d.Published is { } p ? $"{p.Source} {p.Confidence.ToString("0.##", CultureInfo.InvariantCulture)}" : "-",
            d.SentenceCount.ToString(CultureInfo.InvariantCulture),
            Shorten(d.Title ?? "-", 70),
        }).ToList();
        var widths = header.Select((h, i) => Math.Max(h.Length, rows.Count == 0 ? 0 : rows.Max(r => r[i].Length))).ToArray();
        void Line(string[] cells) => output.WriteLine(string.Join("  ", cells.Select((c, i) => i == cells.Length - 1 ? c : c.PadRight(widths[i]))).TrimEnd());
        Line(header);
        foreach (var r in rows)
        {
            Line(r);
        }
    }

    static string Shorten(string s, int max)
    {
        s = s.ReplaceLineEndings(" ");
        return s.Length <= max ? s : string.Concat(s.AsSpan(0, max - 1), "…");
    }
}
