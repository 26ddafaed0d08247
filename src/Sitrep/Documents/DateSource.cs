namespace Sitrep.Documents;

/// <summary>Where a publication date came from, most trusted first.</summary>
public enum DateSource
{
    /// <summary>Given by the user (<c>--published</c>).</summary>
    Override,
    /// <summary>A field of the structured input (JSON, CSV, WARC header).</summary>
    InputField,
    /// <summary>JSON-LD <c>datePublished</c>.</summary>
    JsonLd,
    /// <summary>A meta tag such as <c>article:published_time</c>.</summary>
    MetaTag,
    /// <summary>A <c>&lt;time&gt;</c> element in the article header.</summary>
    TimeElement,
    /// <summary>A date in the page URL.</summary>
    Url,
    /// <summary>A dateline at the top of the text ("AFP, November 11, 2017 –").</summary>
    Dateline,
    /// <summary>Some other date in the page, weakly trusted.</summary>
    Heuristic,
}
