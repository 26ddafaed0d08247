using System.Collections.Immutable;
using System.Text;

namespace Sitrep.Documents.Ingest;

/// <summary><c>.txt</c>: the whole file is one article (its first line may be the headline; the cleaner decides).</summary>
sealed class TextInputReader(IngestLimits limits) : IInputReader
{
    public IEnumerable<ReadResult> Read(string path, SniffedInput input, ReadPosition position)
    {
        using var reader = TextDecoding.Reader(input.Stream);
        var lines = new BoundedLineReader(reader, limits.MaxLineChars);
        var text = new StringBuilder();
        while (lines.TryReadLine(out var line, out var tooLong))
        {
            position.Line = lines.LineNumber + 1;
            if (tooLong)
            {
                yield return ReadResult.Fail(path, lines.LineNumber, $"line longer than {limits.MaxLineChars:N0} characters; not article text");
                yield break;
            }

            if (text.Length + line!.Length + 1 > limits.MaxDocumentChars)
            {
                yield return ReadResult.Fail(path, lines.LineNumber, $"file longer than {limits.MaxDocumentChars:N0} characters; not one article");
                yield break;
            }

            text.Append(line).Append('\n');
        }

        var content = text.ToString();
        if (string.IsNullOrWhiteSpace(content))
        {
            yield return ReadResult.Fail(path, 0, "empty file (no text)");
            yield break;
        }

        yield return ReadResult.Of(new RawDocument(
            ContentHash.Of(content), path, 0, ContentKind.Text, content, null, null, null, null,
            ImmutableSortedDictionary<string, string>.Empty));
    }
}
