using System.Text;

namespace Sitrep.Reports;

/// <summary>Minimal RFC 4180 CSV reading and writing (quoted fields, doubled quotes, newlines inside quotes).</summary>
public static class Csv
{
    /// <summary>Quotes a field when it holds a comma, quote or newline.</summary>
    public static string Field(string? value)
    {
        value ??= string.Empty;
        return value.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }

    /// <summary>One CSV line from fields.</summary>
    public static string Line(IEnumerable<string?> fields) => string.Join(',', fields.Select(Field));

    /// <summary>Reads records from <paramref name="reader"/>.</summary>
    public static IEnumerable<List<string>> Read(TextReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var record = new List<string>();
        var field = new StringBuilder();
        var inQuotes = false;
        var any = false;
        int c;
        while ((c = reader.Read()) >= 0)
        {
            var ch = (char)c;
            any = true;
            if (inQuotes)
            {
                if (ch == '"')
                {
                    if (reader.Peek() == '"')
                    {
                        reader.Read();
                        field.Append('"');
                    }
                    else
                    {
                        inQuotes = false;
                    }
                }
                else
                {
                    field.Append(ch);
                }
            }
            else if (ch == '"')
            {
                inQuotes = true;
            }
            else if (ch == ',')
            {
                record.Add(field.ToString());
                field.Clear();
            }
            else if (ch == '\n' || ch == '\r')
            {
                if (ch == '\r' && reader.Peek() == '\n')
                {
                    reader.Read();
                }

                record.Add(field.ToString());
                field.Clear();
                yield return record;
                record = [];
                any = false;
            }
            else
            {
                field.Append(ch);
            }
        }

        if (any)
        {
            record.Add(field.ToString());
            yield return record;
        }
    }
}
