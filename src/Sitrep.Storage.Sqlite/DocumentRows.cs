using System.Buffers;
using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Sitrep.Documents;
using Sitrep.Text;

namespace Sitrep.Storage.Sqlite;

/// <summary>Conversions between the documents table's columns and the domain records.</summary>
static class DocumentRows
{
    public static string DateText(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static PublicationDate? Published(string? date, string? source, double? confidence)
    {
        if (date is null || !DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
        {
            return null;
        }

        var src = Enum.TryParse<DateSource>(source, out var s) ? s : DateSource.Heuristic;
        return new PublicationDate(d, src, confidence ?? 0);
    }

    public static string OffsetMapJson(OffsetMap map)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartArray();
            foreach (var p in map.Pieces.IsDefault ? [] : map.Pieces)
            {
                w.WriteStartArray();
                w.WriteNumberValue(p.CleanStart);
                w.WriteNumberValue(p.SourceStart);
                w.WriteNumberValue(p.Length);
                w.WriteEndArray();
            }

            w.WriteEndArray();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>Removed spans as <c>[[start, length, "reason"], ...]</c>.</summary>
    public static string RemovedJson(ImmutableArray<RemovedSpan> removed)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartArray();
            foreach (var r in removed)
            {
                w.WriteStartArray();
                w.WriteNumberValue(r.Span.Start);
                w.WriteNumberValue(r.Span.Length);
                w.WriteStringValue(r.Reason);
                w.WriteEndArray();
            }

            w.WriteEndArray();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>Sentences as <c>[[index, start, end], ...]</c>.</summary>
    public static string SentencesJson(ImmutableArray<Sentence> sentences)
    {
        var sb = new StringBuilder(sentences.Length * 16);
        sb.Append('[');
        foreach (var s in sentences)
        {
            if (sb.Length > 1)
            {
                sb.Append(',');
            }

            sb.Append('[').Append(s.Index).Append(',').Append(s.Span.Start).Append(',').Append(s.Span.End).Append(']');
        }

        return sb.Append(']').ToString();
    }

    public static OffsetMap OffsetMapOf(string json)
    {
        using var doc = JsonDocument.Parse(json);
        var pieces = ImmutableArray.CreateBuilder<OffsetMap.Piece>();
        foreach (var p in doc.RootElement.EnumerateArray())
        {
            pieces.Add(new OffsetMap.Piece(p[0].GetInt32(), p[1].GetInt32(), p[2].GetInt32()));
        }

        return new OffsetMap(pieces.ToImmutable());
    }

    public static string MetadataJson(ImmutableSortedDictionary<string, string> metadata)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            foreach (var (k, v) in metadata)
            {
                w.WriteString(k, v);
            }

            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    public static ImmutableSortedDictionary<string, string> MetadataOf(string json)
    {
        using var doc = JsonDocument.Parse(json);
        var builder = ImmutableSortedDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        foreach (var p in doc.RootElement.EnumerateObject())
        {
            builder[p.Name] = p.Value.ValueKind == JsonValueKind.String ? p.Value.GetString()! : p.Value.GetRawText();
        }

        return builder.ToImmutable();
    }
}
