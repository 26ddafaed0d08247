using System.Globalization;
using Sitrep.Documents.Html;

namespace Sitrep.Documents.Dates;

/// <summary>
/// The publication date of an extracted page, in trust order: page metadata (JSON-LD, meta tags, article
/// <c>&lt;time&gt;</c>, URL), then a dateline in the main text, then the weak in-page heuristic
/// (<see cref="HtmlMainTextExtractor.HeuristicDateKey"/>). Input fields and <c>--published</c> are applied by the caller first.
/// </summary>
public sealed class PublicationDateResolver
{
    readonly IPublicationDateFinder _dateline;

    /// <summary>A resolver using <see cref="DatelineDateFinder"/>.</summary>
    public PublicationDateResolver()
        : this(new DatelineDateFinder())
    {
    }

    /// <summary>A resolver using <paramref name="dateline"/> for dates in the text.</summary>
    public PublicationDateResolver(IPublicationDateFinder dateline)
    {
        ArgumentNullException.ThrowIfNull(dateline);
        _dateline = dateline;
    }

    /// <summary>The best date for <paramref name="page"/>, or null when none was found.</summary>
    public PublicationDate? Resolve(ExtractedPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        if (page.Published is { } p)
        {
            return p;
        }

        if (_dateline.Find(page.MainText) is { } d)
        {
            return d;
        }

        if (page.Metadata.TryGetValue(HtmlMainTextExtractor.HeuristicDateKey, out var h)
            && DateOnly.TryParseExact(h, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var hd))
        {
            return new PublicationDate(hd, DateSource.Heuristic, 0.5);
        }

        return null;
    }
}
