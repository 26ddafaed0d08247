using System.Collections.Immutable;
using Sitrep.Documents.Dates;

namespace Sitrep.Documents.Ingest;

/// <summary>
/// Turns a raw document into an <see cref="Article"/> in two steps, so a batch runner can compute outlet
/// profiles in between: <see cref="Prepare"/> (HTML → main text; outlet and URL settled) and
/// <see cref="Finish"/> (cleaning, title, publication date). Publication date precedence: <c>--published</c>
/// override, then the input's date field, then the page's metadata, then a dateline in the cleaned text, then
/// the page's weak in-page date guess.
/// </summary>
public sealed class DocumentProcessor(IMainTextExtractor extractor, ITextCleaner cleaner, IPublicationDateFinder dateFinder)
{
    // Metadata, then the dateline of the cleaned text, then the page's weak in-page guess (htmldate's order).
    readonly PublicationDateResolver _pageDates = new(dateFinder);

    /// <summary>Confidence given to a date from the input's own date field.</summary>
    public const double InputFieldConfidence = 0.9;

    const int MaxHeadlineLength = 200;

    /// <summary>Extracts the main text of an HTML document; returns null and a problem when there is none.</summary>
    public PreparedDocument? Prepare(RawDocument raw, DocumentOverrides overrides, out IngestProblem? problem)
    {
        ArgumentNullException.ThrowIfNull(raw);
        ArgumentNullException.ThrowIfNull(overrides);
        problem = null;
        ExtractedPage? page = null;
        var source = raw.Content;
        if (raw.Kind == ContentKind.Html)
        {
            page = extractor.Extract(raw.Content, raw.Url);
            source = page.MainText;
            if (string.IsNullOrWhiteSpace(source))
            {
                problem = new IngestProblem(raw.File, raw.Line, "no article text found in the HTML page");
                return null;
            }
        }

        var url = raw.Url ?? page?.CanonicalUrl;
        var outlet = overrides.Outlet ?? raw.Outlet ?? page?.SiteName ?? HostOf(url);
        return new PreparedDocument(raw, source, page, outlet, url);
    }

    /// <summary>Cleans the prepared text (with the outlet's profile, when one was computed) and settles title and date.</summary>
    public Article Finish(PreparedDocument prepared, OutletProfile? profile, DocumentOverrides overrides)
    {
        ArgumentNullException.ThrowIfNull(prepared);
        ArgumentNullException.ThrowIfNull(overrides);
        var raw = prepared.Raw;
        var cleaned = cleaner.Clean(prepared.SourceText, profile);
        var title = Nonblank(raw.Title) ?? Nonblank(prepared.Page?.Title) ?? Nonblank(cleaned.Headline)
            ?? (raw.Kind == ContentKind.Text ? HeadlineOf(cleaned.Text) : null);
        var published = overrides.Published is { } forced
            ? new PublicationDate(forced, DateSource.Override, 1.0)
            : raw.Published is { } given
                ? new PublicationDate(given, DateSource.InputField, InputFieldConfidence)
                : prepared.Page is { } extracted
                    ? _pageDates.Resolve(extracted with { MainText = cleaned.Text })
                    : dateFinder.Find(cleaned.Text);

        var metadata = raw.Metadata;
        if (prepared.Page is { } page)
        {
            var builder = metadata.ToBuilder();
            foreach (var (k, v) in page.Metadata)
            {
                builder.TryAdd(k, v);
            }

            metadata = builder.ToImmutable();
        }

        return new Article(
            raw.Id, raw.Origin, prepared.Url, title?.Trim(), prepared.Outlet, published,
            prepared.SourceText, cleaned.Text, cleaned.ToSource, cleaned.Removed, metadata);
    }

    /// <summary>Both steps without an outlet profile (single documents).</summary>
    public Article? Process(RawDocument raw, DocumentOverrides overrides, out IngestProblem? problem, OutletProfile? profile = null)
    {
        var prepared = Prepare(raw, overrides, out problem);
        return prepared is null ? null : Finish(prepared, profile, overrides);
    }

    /// <summary>
    /// The first line of a plain text when it reads as a headline: short, followed by more text, and not ended
    /// like a sentence. The cleaner's own headline takes precedence; this is the fallback for plain text.
    /// </summary>
    internal static string? HeadlineOf(string text)
    {
        var t = text.AsSpan().TrimStart();
        var nl = t.IndexOf('\n');
        if (nl <= 0 || nl > MaxHeadlineLength || t[(nl + 1)..].IsWhiteSpace())
        {
            return null;
        }

        var line = t[..nl].Trim();
        if (line.Length < 8 || line[^1] is '.' or ':' or ';' or ',' || !line.Contains(' '))
        {
            return null;
        }

        return line.ToString();
    }

    static string? Nonblank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s;

    static string? HostOf(string? url)
    {
        if (url is null || !Uri.TryCreate(url, UriKind.Absolute, out var uri) || string.IsNullOrEmpty(uri.Host))
        {
            return null;
        }

        var host = uri.Host;
        return host.StartsWith("www.", StringComparison.OrdinalIgnoreCase) ? host[4..] : host;
    }
}
