using System.Collections.Immutable;
using System.Text.Json;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using Sitrep.Documents.Dates;

namespace Sitrep.Documents.Html;

/// <summary>Page metadata: title, dates, canonical URL, site name, JSON-LD article body.</summary>
internal sealed record HtmlMetadata(
    string? Title,
    PublicationDate? Published,
    string? CanonicalUrl,
    string? SiteName,
    string? JsonLdBody,
    ImmutableSortedDictionary<string, string> Fields);

/// <summary>
/// Reads JSON-LD (<c>datePublished</c>, <c>articleBody</c>, <c>headline</c>), meta tags
/// (<c>article:published_time</c>, <c>og:*</c>, Dublin Core, <c>pubdate</c>, sailthru, parsely), the first
/// <c>&lt;time datetime&gt;</c> in the article header, and a date in the URL.
/// </summary>
internal static class HtmlMetadataReader
{
    // Meta names/properties carrying the publication date, most specific first.
    static readonly string[] s_dateMetaNames =
    [
        "article:published_time", "og:article:published_time", "article.published", "published_time", "og:published_time",
        "datepublished", "publishdate", "publish-date", "publish_date", "pubdate", "publication_date", "publicationdate",
        "sailthru.date", "parsely-pub-date", "dc.date.issued", "dcterms.issued", "dc.date.created", "dcterms.created",
        "dc.date", "dcterms.date", "citation_publication_date", "citation_date", "originalpublicationdate", "article_date_original",
        "cxenseparse:recs:publishtime", "date", "og:pubdate", "rnews:datepublished", "article.created", "cre",
        "displaydate", "dc.date.published", "created", "sailthru.date.published", "timestamp", "article:post_date",
    ];

    static readonly Regex s_urlDate = new(
        "(?:^|[/_\\-.])(?<y>(?:19|20)\\d\\d)[/_\\-.]?(?<m>[01]\\d)[/_\\-.]?(?<d>[0-3]\\d)(?:[/_\\-.]|$)" +
        "|/(?<y2>(?:19|20)\\d\\d)/(?<m2>[01]?\\d)/(?<d2>[0-3]?\\d)/",
        RegexOptions.CultureInvariant | RegexOptions.NonBacktracking);

    public static HtmlMetadata Read(IDocument doc, string? url)
    {
        var fields = ImmutableSortedDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        var metas = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var m in doc.QuerySelectorAll("meta"))
        {
            var key = m.GetAttribute("property") ?? m.GetAttribute("name") ?? m.GetAttribute("itemprop") ?? m.GetAttribute("http-equiv");
            var content = m.GetAttribute("content");
            if (key is null || string.IsNullOrWhiteSpace(content))
            {
                continue;
            }

            metas.TryAdd(key.Trim(), content.Trim());
        }

        var ld = JsonLd.Read(doc);

        string? canonical = doc.QuerySelector("link[rel=canonical]")?.GetAttribute("href")
            ?? Get(metas, "og:url") ?? ld.Url ?? url;
        var siteName = Get(metas, "og:site_name") ?? Get(metas, "application-name") ?? ld.Publisher;
        var title = CleanTitle(Get(metas, "og:title") ?? ld.Headline ?? Get(metas, "twitter:title"), siteName)
            ?? Text(doc.QuerySelector("h1"))
            ?? CleanTitle(doc.Title, siteName);

        PublicationDate? published = null;
        if (DateText.ParseValue(ld.DatePublished) is { } ldDate)
        {
            published = new PublicationDate(ldDate, DateSource.JsonLd, 0.95);
        }

        if (published is null)
        {
            foreach (var name in s_dateMetaNames)
            {
                if (Get(metas, name) is { } v && DateText.ParseValue(v) is { } d)
                {
                    published = new PublicationDate(d, DateSource.MetaTag, 0.9);
                    break;
                }
            }
        }

        if (published is null)
        {
            published = FromItemprop(doc) ?? FromTimeElement(doc);
        }

        // A day-precise date in the URL is the local publication day; metadata timestamps are often UTC and a day
        // late for evening stories, and CMS templates stamp stale dates. Like htmldate, prefer the URL's day.
        var urlDate = UrlDate(url) ?? UrlDate(canonical);
        if (urlDate is { } ud)
        {
            published = new PublicationDate(ud, DateSource.Url, published is null ? 0.7 : 0.95);
        }

        foreach (var k in new[] { "description", "og:description", "author", "article:author", "keywords", "og:type", "article:section", "og:locale" })
        {
            if (Get(metas, k) is { } v)
            {
                fields[k] = v;
            }
        }

        if (ld.DateModified is { } dm)
        {
            fields["dateModified"] = dm;
        }

        var lang = doc.DocumentElement?.GetAttribute("lang");
        if (!string.IsNullOrWhiteSpace(lang))
        {
            fields["lang"] = lang.Trim();
        }

        return new HtmlMetadata(title, published, canonical, siteName, ld.ArticleBody, fields.ToImmutable());
    }

    /// <summary>A day-precise date in the URL path ("/2017/11/11/", "-20171111-", "/2017-11-11/").</summary>
    public static DateOnly? UrlDate(string? url)
    {
        if (string.IsNullOrEmpty(url))
        {
            return null;
        }

        var path = url;
        var q = path.IndexOf('?', StringComparison.Ordinal);
        if (q >= 0)
        {
            path = path[..q];
        }

        foreach (Match m in s_urlDate.Matches(path))
        {
            var y = m.Groups["y"].Success ? m.Groups["y"].Value : m.Groups["y2"].Value;
            var mo = m.Groups["m"].Success ? m.Groups["m"].Value : m.Groups["m2"].Value;
            var d = m.Groups["d"].Success ? m.Groups["d"].Value : m.Groups["d2"].Value;
            if (DateText.ParseValue($"{y}-{mo.PadLeft(2, '0')}-{d.PadLeft(2, '0')}") is { } date)
            {
                return date;
            }
        }

        return null;
    }

    static PublicationDate? FromItemprop(IDocument doc)
    {
        foreach (var e in doc.QuerySelectorAll("[itemprop=datePublished],[itemprop=dateCreated]"))
        {
            var v = e.GetAttribute("content") ?? e.GetAttribute("datetime") ?? e.TextContent;
            if (DateText.ParseValue(v) is { } d)
            {
                return new PublicationDate(d, DateSource.MetaTag, 0.85);
            }
        }

        return null;
    }

    static PublicationDate? FromTimeElement(IDocument doc)
    {
        // Prefer a <time> inside the article or its header, then a pubdate-marked one, then the first one.
        var time = doc.QuerySelector("article header time[datetime], article time[datetime]")
            ?? doc.QuerySelector("time[pubdate], time.published, time.entry-date")
            ?? doc.QuerySelectorAll("time[datetime]").FirstOrDefault(t => !HtmlDateHeuristics.IsBanner(t));
        if (time is null)
        {
            return null;
        }

        var v = time.GetAttribute("datetime");
        if (string.IsNullOrWhiteSpace(v))
        {
            v = time.TextContent;
        }

        return DateText.ParseValue(v) is { } d ? new PublicationDate(d, DateSource.TimeElement, 0.8) : null;
    }

    internal static string? CleanTitle(string? title, string? siteName)
    {
        if (string.IsNullOrWhiteSpace(title))
        {
            return null;
        }

        title = Collapse(title);
        foreach (var sep in new[] { " | ", " - ", " \u2013 ", " \u2014 ", " :: ", " \u00BB ", " \u00B7 " })
        {
            var i = title.LastIndexOf(sep, StringComparison.Ordinal);
            if (i <= 0)
            {
                continue;
            }

            var tail = title[(i + sep.Length)..];
            var head = title[..i];
            var isSite = siteName is not null && (tail.Contains(siteName, StringComparison.OrdinalIgnoreCase)
                || siteName.Contains(tail, StringComparison.OrdinalIgnoreCase));
            if (isSite || (CountWords(tail) <= 4 && CountWords(head) >= 3))
            {
                title = head.Trim();
                break;
            }
        }

        return title.Length == 0 ? null : title;
    }

    static int CountWords(string s) => s.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;

    static string? Text(IElement? e)
    {
        var t = e?.TextContent;
        return string.IsNullOrWhiteSpace(t) ? null : Collapse(t);
    }

    static string Collapse(string s) => string.Join(' ', s.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    static string? Get(Dictionary<string, string> metas, string key) => metas.TryGetValue(key, out var v) ? v : null;

    /// <summary>The article fields of a page's JSON-LD blocks.</summary>
    sealed record JsonLd(string? DatePublished, string? DateModified, string? ArticleBody, string? Headline, string? Url, string? Publisher)
    {
        static readonly string[] s_articleTypes =
            ["NewsArticle", "Article", "BlogPosting", "ReportageNewsArticle", "AnalysisNewsArticle", "OpinionNewsArticle",
             "ReviewNewsArticle", "BackgroundNewsArticle", "LiveBlogPosting", "Report", "TechArticle", "ScholarlyArticle", "WebPage"];

        public static JsonLd Read(IDocument doc)
        {
            JsonElement? best = null;
            var bestRank = int.MaxValue;
            var docs = new List<JsonDocument>();
            try
            {
                foreach (var s in doc.QuerySelectorAll("script[type='application/ld+json']"))
                {
                    var json = s.TextContent;
                    if (string.IsNullOrWhiteSpace(json))
                    {
                        continue;
                    }

                    JsonDocument jd;
                    try
                    {
                        jd = JsonDocument.Parse(json, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
                    }
                    catch (JsonException)
                    {
                        continue;
                    }

                    docs.Add(jd);
                    foreach (var obj in Objects(jd.RootElement, 0))
                    {
                        var rank = Rank(obj);
                        if (rank < bestRank)
                        {
                            bestRank = rank;
                            best = obj;
                        }
                    }
                }

                if (best is not { } b)
                {
                    return new JsonLd(null, null, null, null, null, null);
                }

                return new JsonLd(
                    Str(b, "datePublished") ?? Str(b, "dateCreated") ?? Str(b, "uploadDate"),
                    Str(b, "dateModified"),
                    Str(b, "articleBody") ?? Str(b, "text"),
                    Str(b, "headline") ?? Str(b, "name"),
                    Str(b, "url"),
                    b.TryGetProperty("publisher", out var p) ? Str(p, "name") : null);
            }
            finally
            {
                foreach (var d in docs)
                {
                    d.Dispose();
                }
            }
        }

        static IEnumerable<JsonElement> Objects(JsonElement e, int depth)
        {
            if (depth > 4)
            {
                yield break;
            }

            if (e.ValueKind == JsonValueKind.Array)
            {
                foreach (var x in e.EnumerateArray())
                {
                    foreach (var o in Objects(x, depth + 1))
                    {
                        yield return o;
                    }
                }
            }
            else if (e.ValueKind == JsonValueKind.Object)
            {
                yield return e;
                if (e.TryGetProperty("@graph", out var g))
                {
                    foreach (var o in Objects(g, depth + 1))
                    {
                        yield return o;
                    }
                }

                if (e.TryGetProperty("mainEntity", out var me))
                {
                    foreach (var o in Objects(me, depth + 1))
                    {
                        yield return o;
                    }
                }
            }
        }

        static int Rank(JsonElement o)
        {
            if (!o.TryGetProperty("@type", out var t))
            {
                return int.MaxValue;
            }

            var types = t.ValueKind == JsonValueKind.Array
                ? t.EnumerateArray().Select(x => x.ValueKind == JsonValueKind.String ? x.GetString() ?? "" : "").ToArray()
                : [t.ValueKind == JsonValueKind.String ? t.GetString() ?? "" : ""];
            var rank = int.MaxValue;
            foreach (var ty in types)
            {
                var i = Array.IndexOf(s_articleTypes, ty);
                if (i >= 0)
                {
                    rank = Math.Min(rank, i == s_articleTypes.Length - 1 ? 100 : 0);
                }
            }

            if (rank != int.MaxValue && o.TryGetProperty("articleBody", out _))
            {
                rank -= 1;
            }

            return rank;
        }

        static string? Str(JsonElement o, string name)
        {
            if (o.ValueKind != JsonValueKind.Object || !o.TryGetProperty(name, out var v))
            {
                return null;
            }

            return v.ValueKind switch
            {
                JsonValueKind.String => v.GetString(),
                JsonValueKind.Array when v.GetArrayLength() > 0 && v[0].ValueKind == JsonValueKind.String => v[0].GetString(),
                JsonValueKind.Object => Str(v, "name") ?? Str(v, "@value"),
                _ => null,
            };
        }
    }
}
