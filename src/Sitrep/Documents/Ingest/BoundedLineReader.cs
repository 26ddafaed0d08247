using System.Text;

namespace Sitrep.Documents.Ingest;

/// <summary>
/// Reads lines (ended by <c>\n</c> or <c>\r\n</c>) without ever holding more than <c>maxChars</c> of one line:
/// a longer line is skipped to its end and reported as too long, so a 100 MB line costs no memory.
/// </summary>
sealed class BoundedLineReader(TextReader reader, int maxChars)
{
    readonly char[] _buffer = new char[1 << 16];
    readonly StringBuilder _line = new();
    int _pos;
    int _len;

    /// <summary>1-based number of the line last returned (0 before the first).</summary>
    public long LineNumber { get; private set; }

    /// <summary>
    /// Reads the next line into <paramref name="line"/>; when it is longer than the limit, <paramref name="line"/>
    /// is null and <paramref name="tooLong"/> true. Returns false at the end of the input.
    /// </summary>
    public bool TryReadLine(out string? line, out bool tooLong)
    {
        _line.Clear();
        tooLong = false;
        var sawAny = false;
        while (true)
        {
            if (_pos == _len)
            {
                _len = reader.Read(_buffer, 0, _buffer.Length);
                _pos = 0;
                if (_len == 0)
                {
                    if (!sawAny)
                    {
                        line = null;
                        return false;
                    }

                    break;
                }
            }

            sawAny = true;
            var span = _buffer.AsSpan(_pos, _len - _pos);
            var nl = span.IndexOf('\n');
            var chunk = nl >= 0 ? span[..nl] : span;
            if (!tooLong)
            {
                if (_line.Length + chunk.Length > maxChars)
                {
                    tooLong = true;
                    _line.Clear();
                }
                else
                {
                    _line.Append(chunk);
                }
            }

            if (nl >= 0)
            {
                _pos += nl + 1;
                break;
            }

            _pos = _len;
        }

        LineNumber++;
        if (tooLong)
        {
            line = null;
            return true;
        }

        if (_line.Length > 0 && _line[^1] == '\r')
        {
            _line.Length--;
        }

        line = _line.ToString();
        return true;
    }

    /// <summary>Reads everything left, or returns null (having read no further than the limit) when it exceeds <paramref name="max"/> chars.</summary>
    public static string? ReadAll(TextReader reader, int max)
    {
        var sb = new StringBuilder();
        var buffer = new char[1 << 16];
        int n;
        while ((n = reader.Read(buffer, 0, buffer.Length)) > 0)
        {
            if (sb.Length + n > max)
            {
                return null;
            }

            sb.Append(buffer, 0, n);
        }

        return sb.ToString();
    }
}
