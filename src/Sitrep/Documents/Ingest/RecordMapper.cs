using System.Collections.Immutable;

namespace Sitrep.Documents.Ingest;

/// <summary>Turns one structured record (JSON object, CSV row) into a raw document through a <see cref="FieldMap"/>.</summary>
static class RecordMapper
{
    /// <summary>
    /// Builds the document from <paramref name="fields"/> (field name → value, any case); values not mapped to a
    /// document field go to metadata. <paramref name="id"/> overrides the id field (CSV de-duplication).
    /// </summary>
    public static ReadResult Map(
        IReadOnlyDictionary<string, string> fields, FieldMap map, string path, long line, string? id = null)
    {
        // The mapped name first, then the field's own name (so one --map can serve a CSV and a JSONL file together).
        string? Get(string field) =>
            fields.TryGetValue(map.ColumnOf(field), out var v) && !string.IsNullOrWhiteSpace(v) ? v
            : fields.TryGetValue(field, out v) && !string.IsNullOrWhiteSpace(v) ? v
            : null;

        var text = Get("text");
        var html = Get("html");
        if (text is null && html is null)
        {
            return ReadResult.Fail(path, line, $"no text: '{map.ColumnOf("text")}' and '{map.ColumnOf("html")}' are missing or empty");
        }

        var used = new HashSet<string>(StringComparer.Ordinal);
        foreach (var f in FieldMap.Fields)
        {
            used.Add(map.ColumnOf(f));
            used.Add(f);
        }

        var meta = ImmutableSortedDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        foreach (var (k, v) in fields)
        {
            if (!used.Contains(k))
            {
                meta[k] = v;
            }
        }

        var publishedField = Get("published");
        var published = InputDateParser.Parse(publishedField);
        if (publishedField is not null && published is null)
        {
            meta["published_unparsed"] = publishedField;
        }

        var content = text ?? html!;
        var givenId = id ?? Get("id")?.Trim();
        return ReadResult.Of(new RawDocument(
            givenId is null ? ContentHash.Of(content) : new DocumentId(givenId),
            path,
            line,
            text is not null ? ContentKind.Text : ContentKind.Html,
            content,
            Get("url")?.Trim(),
            Get("title")?.Trim(),
            Get("outlet")?.Trim(),
            published,
            meta.ToImmutable()));
    }
}
