using System.Text;

namespace Sitrep.Benchmarks;

/// <summary>The FA-KES development corpus (../shared/data/corpora/fakes-dev.csv) as title + text strings; empty when absent.</summary>
internal static class FakesCorpus
{
    public static IReadOnlyList<string> Load()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Sitrep.slnx")))
        {
            dir = dir.Parent;
        }

        var path = dir is null ? null : Path.Combine(dir.FullName, "..", "shared", "data", "corpora", "fakes-dev.csv");
        if (path is null || !File.Exists(path))
        {
            return [];
        }

        var rows = ReadCsv(File.ReadAllText(path));
        var header = rows[0];
        var title = Array.IndexOf(header, "article_title");
        var text = Array.IndexOf(header, "article_content");
        return [.. rows.Skip(1).Where(r => r.Length > Math.Max(title, text)).Select(r => r[title] + "\n\n" + r[text])];
    }

    /// <summary>RFC 4180 reader: quoted fields, doubled quotes, newlines inside quotes.</summary>
    static List<string[]> ReadCsv(string s)
    {
        var rows = new List<string[]>();
        var row = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < s.Length; i++)
        {
            var c = s[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < s.Length && s[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                row.Add(field.ToString());
                field.Clear();
            }
            else if (c == '\n')
            {
                row.Add(field.ToString().TrimEnd('\r'));
                field.Clear();
                rows.Add([.. row]);
                row.Clear();
            }
            else
            {
                field.Append(c);
            }
        }

        if (field.Length > 0 || row.Count > 0)
        {
            row.Add(field.ToString());
            rows.Add([.. row]);
        }

        return rows;
    }
}
