using System.Text;

namespace Sitrep.Documents.Ingest;

/// <summary>
/// Reads documents from files and folders (recursively, in ordinal path order; hidden files and files of
/// unknown type inside folders are passed over). Every file is streamed; bad files and bad records become
/// <see cref="IngestProblem"/>s and reading goes on with the next record or file.
/// </summary>
public sealed class DocumentReader(FieldMap map, IngestLimits limits)
{
    /// <summary>A reader with the identity field map and default limits.</summary>
    public DocumentReader()
        : this(FieldMap.Default, IngestLimits.Default)
    {
    }

    /// <summary>The format of <paramref name="path"/> by its extension, after stripping <c>.gz</c>.</summary>
    public static InputFormat FormatOf(string path)
    {
        var name = Path.GetFileName(path);
        if (name.EndsWith(".gz", StringComparison.OrdinalIgnoreCase))
        {
            name = name[..^3];
        }

        return Path.GetExtension(name).ToLowerInvariant() switch
        {
            ".txt" => InputFormat.Text,
            ".html" or ".htm" or ".xhtml" => InputFormat.Html,
            ".jsonl" or ".ndjson" => InputFormat.JsonLines,
            ".json" => InputFormat.Json,
            ".csv" => InputFormat.Csv,
            ".warc" => InputFormat.Warc,
            _ => InputFormat.Unknown,
        };
    }

    /// <summary>The input files under <paramref name="paths"/>: files as given, folders expanded; missing paths are problems.</summary>
    public IEnumerable<ReadResult> Read(IEnumerable<string> paths, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(paths);
        foreach (var path in paths)
        {
            if (Directory.Exists(path))
            {
                var files = Directory.EnumerateFiles(path, "*", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = FileAttributes.Hidden | FileAttributes.System })
                    .Where(f => FormatOf(f) != InputFormat.Unknown && !Path.GetFileName(f).StartsWith('.'))
                    .Order(StringComparer.Ordinal);
                foreach (var file in files)
                {
                    foreach (var r in ReadFile(file, cancellationToken))
                    {
                        yield return r;
                    }
                }
            }
            else if (File.Exists(path))
            {
                foreach (var r in ReadFile(path, cancellationToken))
                {
                    yield return r;
                }
            }
            else
            {
                yield return ReadResult.Fail(path, 0, "no such file or folder");
            }
        }
    }

    /// <summary>The documents of one file.</summary>
    public IEnumerable<ReadResult> ReadFile(string path, CancellationToken cancellationToken = default)
    {
        var format = FormatOf(path);
        if (format == InputFormat.Unknown)
        {
            yield return ReadResult.Fail(path, 0, "unsupported file type (expected .txt, .html, .htm, .json, .jsonl, .csv, .warc, optionally .gz)");
            yield break;
        }

        SniffedInput input;
        ReadResult? openFailure = null;
        try
        {
            input = SniffedInput.Open(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidDataException)
        {
            input = null!;
            openFailure = ReadResult.Fail(path, 0, ex is InvalidDataException ? "not valid gzip data" : $"cannot read: {ex.Message}");
        }

        if (openFailure is { } of)
        {
            yield return of;
            yield break;
        }

        using (input)
        {
            if (input.IsEmpty)
            {
                yield return ReadResult.Fail(path, 0, "empty file");
                yield break;
            }

            if (format != InputFormat.Warc && input.LooksBinary)
            {
                yield return ReadResult.Fail(path, 0, "binary file (NUL bytes), not text");
                yield break;
            }

            IInputReader reader = format switch
            {
                InputFormat.Text => new TextInputReader(limits),
                InputFormat.Html => new HtmlInputReader(limits),
                InputFormat.JsonLines => new JsonInputReader(map, limits, lines: true),
                InputFormat.Json => new JsonInputReader(map, limits, lines: false),
                InputFormat.Csv => new CsvInputReader(map, limits),
                _ => new WarcInputReader(limits),
            };
            var position = new ReadPosition();
            using var e = reader.Read(path, input, position).GetEnumerator();
            while (true)
            {
                cancellationToken.ThrowIfCancellationRequested();
                ReadResult? failure = null;
                try
                {
                    if (!e.MoveNext())
                    {
                        break;
                    }
                }
                catch (DecoderFallbackException)
                {
                    var line = FirstInvalidUtf8Line(path) ?? Math.Max(position.Line, 1);
                    failure = ReadResult.Fail(path, line, "undecodable bytes (not valid UTF-8 or the declared charset); rest of file skipped");
                }
                catch (InvalidDataException)
                {
                    failure = ReadResult.Fail(path, Math.Max(position.Line, 1), "corrupt gzip data; rest of file skipped");
                }
                catch (IOException ex)
                {
                    failure = ReadResult.Fail(path, Math.Max(position.Line, 1), $"read error: {ex.Message}; rest of file skipped");
                }

                if (failure is { } f)
                {
                    yield return f;
                    yield break;
                }

                yield return e.Current;
            }
        }
    }

    /// <summary>The 1-based line of the first invalid UTF-8 sequence of the file, or null (valid, or unreadable).</summary>
    internal static long? FirstInvalidUtf8Line(string path)
    {
        try
        {
            using var input = SniffedInput.Open(path);
            var bytes = new byte[1 << 16];
            var chars = new char[1 << 16];
            long line = 1;
            var carry = 0;
            int n;
            while ((n = input.Stream.Read(bytes, carry, bytes.Length - carry)) > 0 || carry > 0)
            {
                var total = carry + n;
                var final = n == 0;
                var status = System.Text.Unicode.Utf8.ToUtf16(bytes.AsSpan(0, total), chars, out var read, out _, replaceInvalidSequences: false, isFinalBlock: final);
                line += bytes.AsSpan(0, read).Count((byte)'\n');
                if (status == System.Buffers.OperationStatus.InvalidData)
                {
                    return line;
                }

                carry = total - read;
                bytes.AsSpan(read, carry).CopyTo(bytes);
                if (final)
                {
                    break;
                }
            }

            return null;
        }
        catch (Exception ex) when (ex is IOException or InvalidDataException)
        {
            return null;
        }
    }
}
