using System.Collections.Immutable;

namespace Sitrep.Documents.Ingest;

/// <summary><c>.html</c>/<c>.htm</c>: one saved page, decoded by its byte-order mark, its declared charset, else UTF-8.</summary>
sealed class HtmlInputReader(IngestLimits limits) : IInputReader
{
    public IEnumerable<ReadResult> Read(string path, SniffedInput input, ReadPosition position)
    {
        position.Line = 1;
        var encoding = TextDecoding.FromHtmlHead(input.Head.AsSpan(0, input.HeadLength));
        using var reader = TextDecoding.Reader(input.Stream, encoding);
        var html = BoundedLineReader.ReadAll(reader, limits.MaxDocumentChars);
        if (html is null)
        {
            yield return ReadResult.Fail(path, 1, $"page longer than {limits.MaxDocumentChars:N0} characters; not one article");
            yield break;
        }

        if (string.IsNullOrWhiteSpace(html))
        {
            yield return ReadResult.Fail(path, 0, "empty file (no HTML)");
            yield break;
        }

        if (!HasBody(html))
        {
            yield return ReadResult.Fail(path, 1, "HTML without a body");
            yield break;
        }

        yield return ReadResult.Of(new RawDocument(
            ContentHash.Of(html), path, 0, ContentKind.Html, html, null, null, null, null,
            ImmutableSortedDictionary<string, string>.Empty));
    }

    /// <summary>True when the page has a <c>&lt;body&gt;</c> or, lacking the tag, body-level content elements.</summary>
    internal static bool HasBody(string html) =>
        html.Contains("<body", StringComparison.OrdinalIgnoreCase)
        || html.Contains("<p", StringComparison.OrdinalIgnoreCase)
        || html.Contains("<article", StringComparison.OrdinalIgnoreCase)
        || html.Contains("<div", StringComparison.OrdinalIgnoreCase);
}
