using System.Collections.Immutable;
using System.IO.Compression;
using System.Text;

namespace Sitrep.Documents.Ingest;

/// <summary>
/// <c>.warc</c> (gzipped per record or whole): each <c>response</c> record whose HTTP payload is an HTML page
/// with status 200 becomes one document (URL from <c>WARC-Target-URI</c>; <c>WARC-Date</c> is the crawl date,
/// kept as metadata, never as the publication date). Other records are skipped; chunked transfer and gzip or
/// deflate content encodings are undone.
/// </summary>
sealed class WarcInputReader(IngestLimits limits) : IInputReader
{
    const int MaxHeaderLine = 64 * 1024;

    public IEnumerable<ReadResult> Read(string path, SniffedInput input, ReadPosition position)
    {
        var bytes = new ByteReader(input.Stream);
        var records = 0;
        while (true)
        {
            // Skip the blank lines between records.
            string? first;
            do
            {
                first = bytes.ReadLine(MaxHeaderLine);
            }
            while (first is { Length: 0 });

            position.Line = bytes.Line;
            if (first is null)
            {
                break;
            }

            var recordLine = bytes.Line;
            if (!first.StartsWith("WARC/", StringComparison.Ordinal))
            {
                yield return ReadResult.Fail(path, recordLine, records == 0 ? "not a WARC file (no WARC/ version line)" : "malformed WARC record header; rest of file skipped");
                yield break;
            }

            records++;
            var headers = ReadHeaders(bytes);
            if (headers is null || !headers.TryGetValue("content-length", out var lengthText) || !long.TryParse(lengthText, out var length) || length < 0)
            {
                yield return ReadResult.Fail(path, recordLine, "WARC record without a valid Content-Length; rest of file skipped");
                yield break;
            }

            var isResponse = headers.TryGetValue("warc-type", out var type) && type.Equals("response", StringComparison.OrdinalIgnoreCase);
            if (!isResponse || length > limits.MaxDocumentChars)
            {
                bytes.Skip(length);
                if (isResponse)
                {
                    yield return ReadResult.Fail(path, recordLine, $"response record of {length:N0} bytes is larger than {limits.MaxDocumentChars:N0}; skipped");
                }

                continue;
            }

            var block = bytes.ReadExactly((int)length);
            if (block is null)
            {
                yield return ReadResult.Fail(path, recordLine, "WARC record truncated (file ends inside it)");
                yield break;
            }

            var result = FromResponse(block, headers, path, recordLine);
            if (result is { } r)
            {
                yield return r;
            }
        }

        if (records == 0)
        {
            yield return ReadResult.Fail(path, 0, "empty file (no WARC records)");
        }
    }

    static Dictionary<string, string>? ReadHeaders(ByteReader bytes)
    {
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        while (true)
        {
            var line = bytes.ReadLine(MaxHeaderLine);
            if (line is null)
            {
                return null;
            }

            if (line.Length == 0)
            {
                return headers;
            }

            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon > 0)
            {
                headers[line[..colon].Trim()] = line[(colon + 1)..].Trim();
            }
        }
    }

    ReadResult? FromResponse(byte[] block, Dictionary<string, string> warc, string path, long line)
    {
        // HTTP status line and headers, then the body.
        var bodyStart = block.AsSpan().IndexOf("\r\n\r\n"u8);
        var sepLength = 4;
        if (bodyStart < 0)
        {
            bodyStart = block.AsSpan().IndexOf("\n\n"u8);
            sepLength = 2;
        }

        if (bodyStart < 0)
        {
            return ReadResult.Fail(path, line, "response record without an HTTP header");
        }

        var head = Encoding.Latin1.GetString(block, 0, bodyStart).Split('\n');
        var status = head[0].Split(' ', 3, StringSplitOptions.RemoveEmptyEntries);
        if (status.Length < 2 || !status[0].StartsWith("HTTP/", StringComparison.OrdinalIgnoreCase))
        {
            return ReadResult.Fail(path, line, "response record without an HTTP status line");
        }

        if (status[1] != "200")
        {
            return null;
        }

        var http = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var h in head.Skip(1))
        {
            var colon = h.IndexOf(':', StringComparison.Ordinal);
            if (colon > 0)
            {
                http[h[..colon].Trim()] = h[(colon + 1)..].Trim();
            }
        }

        var contentType = http.GetValueOrDefault("Content-Type") ?? "";
        if (!contentType.Contains("html", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        byte[] body = block[(bodyStart + sepLength)..];
        try
        {
            if (http.TryGetValue("Transfer-Encoding", out var te) && te.Contains("chunked", StringComparison.OrdinalIgnoreCase))
            {
                body = Dechunk(body);
            }

            if (http.TryGetValue("Content-Encoding", out var ce))
            {
                body = Decode(body, ce.Trim());
            }
        }
        catch (InvalidDataException ex)
        {
            return ReadResult.Fail(path, line, $"undecodable HTTP payload: {ex.Message}");
        }

        if (body.Length > limits.MaxDocumentChars)
        {
            return ReadResult.Fail(path, line, $"page larger than {limits.MaxDocumentChars:N0} bytes; skipped");
        }

        Encoding? encoding = null;
        var charset = contentType.IndexOf("charset=", StringComparison.OrdinalIgnoreCase);
        if (charset >= 0)
        {
            encoding = TextDecoding.ByName(contentType[(charset + 8)..].Trim().Trim('"', '\'', ';').Split(';')[0].Trim());
        }

        encoding ??= TextDecoding.FromHtmlHead(body.AsSpan(0, Math.Min(body.Length, 4096))) ?? TextDecoding.StrictUtf8;
        string html;
        try
        {
            html = encoding.GetString(body);
        }
        catch (DecoderFallbackException)
        {
            return ReadResult.Fail(path, line, $"undecodable bytes in page (not valid {encoding.WebName})");
        }

        if (string.IsNullOrWhiteSpace(html))
        {
            return ReadResult.Fail(path, line, "empty HTML payload");
        }

        if (!HtmlInputReader.HasBody(html))
        {
            return ReadResult.Fail(path, line, "HTML without a body");
        }

        var meta = ImmutableSortedDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        if (warc.TryGetValue("WARC-Record-ID", out var rid))
        {
            meta["warc_record_id"] = rid;
        }

        if (warc.TryGetValue("WARC-Date", out var crawled))
        {
            meta["warc_date"] = crawled;
        }

        var url = warc.GetValueOrDefault("WARC-Target-URI")?.Trim('<', '>');
        return ReadResult.Of(new RawDocument(
            ContentHash.Of(html), path, line, ContentKind.Html, html, url, null, null, null, meta.ToImmutable()));
    }

    static byte[] Dechunk(byte[] body)
    {
        using var output = new MemoryStream(body.Length);
        var pos = 0;
        while (pos < body.Length)
        {
            var eol = body.AsSpan(pos).IndexOf((byte)'\n');
            if (eol < 0)
            {
                throw new InvalidDataException("bad chunked transfer encoding");
            }

            var sizeText = Encoding.ASCII.GetString(body, pos, eol).Split(';')[0].Trim();
            if (!int.TryParse(sizeText, System.Globalization.NumberStyles.HexNumber, System.Globalization.CultureInfo.InvariantCulture, out var size) || size < 0)
            {
                throw new InvalidDataException("bad chunk size");
            }

            pos += eol + 1;
            if (size == 0)
            {
                break;
            }

            if (pos + size > body.Length)
            {
                throw new InvalidDataException("chunk runs past the payload");
            }

            output.Write(body, pos, size);
            pos += size;
            while (pos < body.Length && (body[pos] == '\r' || body[pos] == '\n'))
            {
                pos++;
            }
        }

        return output.ToArray();
    }

    byte[] Decode(byte[] body, string encoding)
    {
        Stream? decoder = encoding.ToLowerInvariant() switch
        {
            "gzip" or "x-gzip" => new GZipStream(new MemoryStream(body), CompressionMode.Decompress),
            "deflate" => new ZLibStream(new MemoryStream(body), CompressionMode.Decompress),
            "br" => new BrotliStream(new MemoryStream(body), CompressionMode.Decompress),
            _ => null,
        };
        if (decoder is null)
        {
            return body;
        }

        using (decoder)
        {
            using var output = new MemoryStream();
            var buffer = new byte[1 << 16];
            int n;
            while ((n = decoder.Read(buffer)) > 0)
            {
                if (output.Length + n > limits.MaxDocumentChars)
                {
                    throw new InvalidDataException("decompressed page too large");
                }

                output.Write(buffer, 0, n);
            }

            return output.ToArray();
        }
    }

    /// <summary>Buffered byte reader with line counting, for the WARC framing.</summary>
    sealed class ByteReader(Stream stream)
    {
        readonly byte[] _buffer = new byte[1 << 16];
        int _pos;
        int _len;

        public long Line { get; private set; }

        bool Fill()
        {
            if (_pos < _len)
            {
                return true;
            }

            _len = stream.Read(_buffer, 0, _buffer.Length);
            _pos = 0;
            return _len > 0;
        }

        /// <summary>A line without its CR LF, or null at the end; a line longer than <paramref name="max"/> is cut.</summary>
        public string? ReadLine(int max)
        {
            using var line = new MemoryStream();
            var any = false;
            while (Fill())
            {
                any = true;
                var span = _buffer.AsSpan(_pos, _len - _pos);
                var nl = span.IndexOf((byte)'\n');
                var take = nl >= 0 ? span[..nl] : span;
                if (line.Length + take.Length <= max)
                {
                    line.Write(take);
                }

                if (nl >= 0)
                {
                    _pos += nl + 1;
                    Line++;
                    var s = Encoding.UTF8.GetString(line.GetBuffer(), 0, (int)line.Length);
                    return s.TrimEnd('\r');
                }

                _pos = _len;
            }

            return any ? Encoding.UTF8.GetString(line.GetBuffer(), 0, (int)line.Length).TrimEnd('\r') : null;
        }

        public byte[]? ReadExactly(int count)
        {
            var result = new byte[count];
            var done = 0;
            while (done < count)
            {
                if (!Fill())
                {
                    return null;
                }

                var n = Math.Min(count - done, _len - _pos);
                _buffer.AsSpan(_pos, n).CopyTo(result.AsSpan(done));
                Line += _buffer.AsSpan(_pos, n).Count((byte)'\n');
                _pos += n;
                done += n;
            }

            return result;
        }

        public void Skip(long count)
        {
            while (count > 0 && Fill())
            {
                var n = (int)Math.Min(count, _len - _pos);
                Line += _buffer.AsSpan(_pos, n).Count((byte)'\n');
                _pos += n;
                count -= n;
            }
        }
    }
}
