using System.Text.Json;

namespace Sitrep.Documents.Ingest;

/// <summary>
/// <c>.jsonl</c>: one object per line (blank lines skipped). <c>.json</c>: an array of objects, one object, or
/// objects one after another, streamed. Fields per <see cref="FieldMap"/>; string values kept as text, others
/// as their JSON.
/// </summary>
sealed class JsonInputReader(FieldMap map, IngestLimits limits, bool lines) : IInputReader
{
    static readonly JsonDocumentOptions DocOptions = new() { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip };

    public IEnumerable<ReadResult> Read(string path, SniffedInput input, ReadPosition position) =>
        lines ? ReadLines(path, input, position) : ReadStream(path, input, position);

    IEnumerable<ReadResult> ReadLines(string path, SniffedInput input, ReadPosition position)
    {
        using var reader = TextDecoding.Reader(input.Stream);
        var lineReader = new BoundedLineReader(reader, limits.MaxLineChars);
        var any = false;
        while (lineReader.TryReadLine(out var line, out var tooLong))
        {
            position.Line = lineReader.LineNumber + 1;
            var n = lineReader.LineNumber;
            if (tooLong)
            {
                any = true;
                yield return ReadResult.Fail(path, n, $"line longer than {limits.MaxLineChars:N0} characters; skipped");
                continue;
            }

            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            any = true;
            yield return FromLine(line, path, n);
        }

        if (!any)
        {
            yield return ReadResult.Fail(path, 0, "empty file (no JSON lines)");
        }
    }

    ReadResult FromLine(string line, string path, long n)
    {
        try
        {
            using var doc = JsonDocument.Parse(line, DocOptions);
            return FromElement(doc.RootElement, path, n);
        }
        catch (JsonException ex)
        {
            return ReadResult.Fail(path, n, $"malformed JSON: {FirstSentence(ex.Message)}");
        }
    }

    IEnumerable<ReadResult> ReadStream(string path, SniffedInput input, ReadPosition position)
    {
        var head = input.Head.AsSpan(0, input.HeadLength);
        var first = head.IndexOfAnyExcept((ReadOnlySpan<byte>)[(byte)' ', (byte)'\t', (byte)'\r', (byte)'\n', 0xEF, 0xBB, 0xBF]);
        if (first < 0)
        {
            yield return ReadResult.Fail(path, 0, "empty file (no JSON)");
            yield break;
        }

        position.Line = 1;
        var array = head[first] == (byte)'[';
        // Limit what one value may buffer: the serializer holds a whole value in memory before yielding it.
        var guarded = new BoundedValueStream(input.Stream, limits.MaxDocumentChars);
        var elements = array
            ? JsonSerializer.DeserializeAsyncEnumerable<JsonElement>(guarded, JsonOptions).ToBlockingEnumerable()
            : JsonSerializer.DeserializeAsyncEnumerable<JsonElement>(guarded, topLevelValues: true, JsonOptions).ToBlockingEnumerable();
        using var e = elements.GetEnumerator();
        var index = 0;
        while (true)
        {
            ReadResult? failure = null;
            try
            {
                if (!e.MoveNext())
                {
                    yield break;
                }
            }
            catch (JsonException ex)
            {
                failure = ReadResult.Fail(path, (ex.LineNumber ?? 0) + 1, $"malformed JSON: {FirstSentence(ex.Message)}");
            }
            catch (ValueTooLargeException)
            {
                failure = ReadResult.Fail(path, index + 1, $"JSON value larger than {limits.MaxDocumentChars:N0} bytes; rest of file skipped");
            }

            if (failure is { } f)
            {
                yield return f;
                yield break;
            }

            index++;
            guarded.Reset();
            yield return FromElement(e.Current, path, index);
        }
    }

    static readonly JsonSerializerOptions JsonOptions = new() { AllowTrailingCommas = true, ReadCommentHandling = JsonCommentHandling.Skip };

    ReadResult FromElement(JsonElement element, string path, long n)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            return ReadResult.Fail(path, n, $"expected a JSON object, found {element.ValueKind.ToString().ToLowerInvariant()}");
        }

        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var p in element.EnumerateObject())
        {
            if (p.Value.ValueKind == JsonValueKind.Null)
            {
                continue;
            }

            fields[p.Name] = p.Value.ValueKind == JsonValueKind.String ? p.Value.GetString()! : p.Value.GetRawText();
        }

        return RecordMapper.Map(fields, map, path, n);
    }

    static string FirstSentence(string message)
    {
        var i = message.IndexOf(". ", StringComparison.Ordinal);
        return i > 0 ? message[..i] : message.TrimEnd('.');
    }

    /// <summary>Thrown when one JSON value needs more bytes than the limit.</summary>
    sealed class ValueTooLargeException() : IOException("JSON value too large");

    /// <summary>
    /// Passes reads through, failing once more than <c>limit</c> bytes (plus one read buffer) were read since the
    /// last <see cref="Reset"/>, i.e. since the last value was yielded.
    /// </summary>
    sealed class BoundedValueStream(Stream inner, long limit) : ForwardReadStream
    {
        long _sinceReset;

        public void Reset() => _sinceReset = 0;

        public override int Read(Span<byte> buffer)
        {
            if (_sinceReset > limit)
            {
                throw new ValueTooLargeException();
            }

            var n = inner.Read(buffer);
            _sinceReset += n;
            return n;
        }

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            ValueTask.FromResult(Read(buffer.Span));

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            Task.FromResult(Read(buffer.AsSpan(offset, count)));
    }
}
