namespace Sitrep.Documents.Ingest;

/// <summary>
/// <c>.csv</c>: the first record names the columns; each later record is one document, mapped by column name
/// (<see cref="FieldMap"/>). A column named in <c>--map</c> that the header lacks fails the whole file. A
/// repeated id gets a stable suffix: the n-th record with id X (n ≥ 2) is stored as <c>X-n</c>.
/// </summary>
sealed class CsvInputReader(FieldMap map, IngestLimits limits) : IInputReader
{
    public IEnumerable<ReadResult> Read(string path, SniffedInput input, ReadPosition position)
    {
        using var reader = TextDecoding.Reader(input.Stream);
        var csv = new CsvRecordReader(reader, limits.MaxLineChars);
        var header = new List<string>();
        position.Line = 1;
        if (!csv.TryRead(header, out var headerTooLong) || header.All(string.IsNullOrWhiteSpace))
        {
            yield return ReadResult.Fail(path, 0, "empty file (no CSV header)");
            yield break;
        }

        if (headerTooLong)
        {
            yield return ReadResult.Fail(path, 1, $"header longer than {limits.MaxLineChars:N0} characters; not a CSV file");
            yield break;
        }

        var columns = header.Select(h => h.Trim().TrimStart('\uFEFF')).ToArray();
        var columnSet = new HashSet<string>(columns, StringComparer.Ordinal);
        foreach (var (field, column) in map.Explicit)
        {
            if (!columnSet.Contains(column))
            {
                yield return ReadResult.Fail(path, 1, $"missing mapped column '{column}' (for {field}); header has: {string.Join(", ", columns)}");
                yield break;
            }
        }

        if (!columnSet.Contains(map.ColumnOf("text")) && !columnSet.Contains(map.ColumnOf("html")))
        {
            yield return ReadResult.Fail(path, 1, $"no text column '{map.ColumnOf("text")}' (use --map text=COLUMN)");
            yield break;
        }

        var idColumn = map.ColumnOf("id");
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var fields = new List<string>();
        var any = false;
        while (csv.TryRead(fields, out var tooLong))
        {
            position.Line = csv.CurrentLine;
            var line = csv.RecordLine;
            any = true;
            if (tooLong)
            {
                yield return ReadResult.Fail(path, line, $"record longer than {limits.MaxLineChars:N0} characters; skipped");
                continue;
            }

            if (fields.Count != columns.Length)
            {
                yield return ReadResult.Fail(path, line, $"record has {fields.Count} fields, header has {columns.Length}; skipped");
                continue;
            }

            var record = new Dictionary<string, string>(columns.Length, StringComparer.Ordinal);
            for (var i = 0; i < columns.Length; i++)
            {
                record[columns[i]] = fields[i];
            }

            string? id = null;
            if (record.TryGetValue(idColumn, out var given) && !string.IsNullOrWhiteSpace(given))
            {
                given = given.Trim();
                var n = seen.TryGetValue(given, out var count) ? count + 1 : 1;
                seen[given] = n;
                id = n == 1 ? given : $"{given}-{n}";
            }

            yield return RecordMapper.Map(record, map, path, line, id);
        }

        if (!any)
        {
            yield return ReadResult.Fail(path, 0, "no records after the CSV header");
        }
    }
}
