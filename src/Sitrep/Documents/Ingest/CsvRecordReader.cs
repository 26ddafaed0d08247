using System.Text;

namespace Sitrep.Documents.Ingest;

/// <summary>
/// Streams RFC 4180 records: comma-separated, fields optionally in double quotes (a doubled quote inside is one
/// quote; quoted fields may span lines). A record longer than the limit is skipped to its end and reported.
/// </summary>
sealed class CsvRecordReader(TextReader reader, int maxChars)
{
    readonly char[] _buffer = new char[1 << 16];
    readonly StringBuilder _field = new();
    int _pos;
    int _len;
    long _line = 1;

    /// <summary>1-based line on which the record last returned starts.</summary>
    public long RecordLine { get; private set; }

    /// <summary>The line the reader is at now.</summary>
    public long CurrentLine => _line;

    int Next()
    {
        if (_pos == _len)
        {
            _len = reader.Read(_buffer, 0, _buffer.Length);
            _pos = 0;
            if (_len == 0)
            {
                return -1;
            }
        }

        var c = _buffer[_pos++];
        if (c == '\n')
        {
            _line++;
        }

        return c;
    }

    int Peek()
    {
        if (_pos == _len)
        {
            _len = reader.Read(_buffer, 0, _buffer.Length);
            _pos = 0;
            if (_len == 0)
            {
                return -1;
            }
        }

        return _buffer[_pos];
    }

    /// <summary>
    /// Reads the next record into <paramref name="fields"/>; <paramref name="tooLong"/> when it exceeded the limit
    /// (then <paramref name="fields"/> is empty). Returns false at the end of the input.
    /// </summary>
    public bool TryRead(List<string> fields, out bool tooLong)
    {
        fields.Clear();
        _field.Clear();
        tooLong = false;
        var size = 0;
        var c = Next();
        // Skip blank lines between records.
        while (c is '\n' or '\r')
        {
            c = Next();
        }

        if (c < 0)
        {
            return false;
        }

        RecordLine = c == '\n' ? _line - 1 : _line;
        var quoted = false;
        var atFieldStart = true;
        while (true)
        {
            if (c < 0)
            {
                EndField(fields, tooLong);
                break;
            }

            if (atFieldStart && c == '"')
            {
                quoted = true;
                atFieldStart = false;
                c = Next();
                continue;
            }

            atFieldStart = false;
            if (quoted)
            {
                if (c == '"')
                {
                    if (Peek() == '"')
                    {
                        Next();
                        Append('"', ref size, ref tooLong);
                    }
                    else
                    {
                        quoted = false;
                    }
                }
                else
                {
                    Append((char)c, ref size, ref tooLong);
                }
            }
            else if (c == ',')
            {
                EndField(fields, tooLong);
                atFieldStart = true;
            }
            else if (c == '\n')
            {
                EndField(fields, tooLong);
                break;
            }
            else if (c == '\r')
            {
                if (Peek() == '\n')
                {
                    Next();
                }

                EndField(fields, tooLong);
                break;
            }
            else
            {
                Append((char)c, ref size, ref tooLong);
            }

            c = Next();
        }

        if (tooLong)
        {
            fields.Clear();
        }

        return true;
    }

    void Append(char c, ref int size, ref bool tooLong)
    {
        if (tooLong)
        {
            return;
        }

        if (++size > maxChars)
        {
            tooLong = true;
            _field.Clear();
            return;
        }

        _field.Append(c);
    }

    void EndField(List<string> fields, bool tooLong)
    {
        if (!tooLong)
        {
            fields.Add(_field.ToString());
        }

        _field.Clear();
    }
}
