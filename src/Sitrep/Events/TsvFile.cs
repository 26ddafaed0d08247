namespace Sitrep.Events;

/// <summary>Reads the project's TSV data files: '#' comments, a header row, tab-separated cells.</summary>
internal static class TsvFile
{
    /// <summary>Rows as header→cell maps, with their 1-based line numbers.</summary>
    public static IEnumerable<(int Line, Func<string, string> Cell)> Read(string path)
    {
        string[]? header = null;
        var n = 0;
        foreach (var raw in File.ReadLines(path))
        {
            n++;
            if (raw.Length == 0 || raw.StartsWith('#'))
            {
                continue;
            }

            var cells = raw.Split('\t');
            if (header is null)
            {
                header = cells;
                continue;
            }

            if (cells.Length != header.Length)
            {
                throw new DataFileException(path, n, $"{cells.Length} cells, header has {header.Length}");
            }

            var map = new Dictionary<string, string>(StringComparer.Ordinal);
            for (var i = 0; i < header.Length; i++)
            {
                map[header[i]] = i < cells.Length ? cells[i].Trim() : "";
            }

            yield return (n, key => map.TryGetValue(key, out var v) ? v : throw new DataFileException(path, n, $"no column {key}"));
        }
    }

    /// <summary>Splits a '|'-separated cell.</summary>
    public static string[] Multi(string cell) => cell.Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>The data folder beside the binaries.</summary>
    public static string DataDir(string area) => System.IO.Path.Combine(AppContext.BaseDirectory, "data", area);
}
