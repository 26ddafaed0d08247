using AngleSharp.Dom;
using Sitrep.Documents.Dates;

namespace Sitrep.Documents.Html;

/// <summary>
/// In-page date heuristics after metadata, in the spirit of htmldate's extensive mode: the text of elements whose
/// class/id/itemprop names a publication date ("date", "published", "posted", "byline", "meta", "timestamp"),
/// then <c>abbr</c>/<c>time</c> elements. Banners showing today's date (class "today", "current-date",
/// "header-date", "top-date") and copyright footers are skipped.
/// </summary>
internal static class HtmlDateHeuristics
{
    static readonly string[] s_dateWords =
        ["date", "time", "publish", "posted", "byline", "meta", "timestamp", "dateline", "created", "entry-date", "post-date", "article-info", "info"];

    // Today's-date banners, matched anywhere in a class/id.
    static readonly string[] s_bannerSubstrings =
        ["today", "current-date", "currentdate", "current_date", "header-date", "header_date", "top-date", "top_date", "topbar", "top-bar", "clock", "weather"];

    // Blocks whose dates are not the article's, matched on the first word of each class name or id
    // ("sidebar-content" yes, "sticky-sidebar-parent" no).
    static readonly string[] s_blockWords =
        ["sidebar", "footer", "comment", "comments", "related", "copyright", "nav", "navbar", "menu", "modified", "updated",
         "update", "latest", "popular", "trending", "recent", "widget-area", "calendar", "archive", "liveblog", "ticker"];

    public static DateOnly? Find(IDocument doc)
    {
        foreach (var e in doc.QuerySelectorAll("*"))
        {
            if (e.LocalName is "script" or "style" or "html" or "body" or "head" or "meta" or "link")
            {
                continue;
            }

            var attrs = ((e.GetAttribute("class") ?? "") + " " + (e.Id ?? "") + " " + (e.GetAttribute("itemprop") ?? "")).ToLowerInvariant();
            var named = e.LocalName is "time" or "abbr" || s_dateWords.Any(w => attrs.Contains(w, StringComparison.Ordinal));
            if (!named || IsBanner(e))
            {
                continue;
            }

            var text = e.TextContent;
            if (text.Length > 200)
            {
                continue;
            }

            var value = e.GetAttribute("datetime") ?? e.GetAttribute("title");
            if (DateText.ParseValue(value) is { } dv)
            {
                return dv;
            }

            if (DateText.FindFirst(text) is { } dm)
            {
                return dm.Date;
            }
        }

        return FromVisibleText(doc);
    }

    /// <summary>The most frequent full date in the page's visible text (first seen wins ties), banners and copyright lines excluded.</summary>
    static DateOnly? FromVisibleText(IDocument doc)
    {
        if (doc.Body is not { } body)
        {
            return null;
        }

        var counts = new Dictionary<DateOnly, (int Count, int First)>();
        var order = 0;
        var bannerCache = new Dictionary<IElement, bool>();
        foreach (var node in body.GetDescendants())
        {
            if (node is not IText t || t.ParentElement is not { } parent || parent.LocalName is "script" or "style" or "noscript" or "option")
            {
                continue;
            }

            var data = t.Data;
            if (data.Length < 6 || data.Contains('\u00A9') || data.Contains("copyright", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var dates = DateText.FindAll(data);
            if (dates.Count == 0)
            {
                continue;
            }

            if (!bannerCache.TryGetValue(parent, out var banner))
            {
                banner = IsBanner(parent);
                bannerCache[parent] = banner;
            }

            if (banner)
            {
                continue;
            }

            foreach (var d in dates)
            {
                var (c, f) = counts.GetValueOrDefault(d.Date, (0, order));
                counts[d.Date] = (c + 1, f);
                order++;
            }
        }

        return counts.Count == 0
            ? null
            : counts.OrderByDescending(kv => kv.Value.Count).ThenBy(kv => kv.Value.First).First().Key;
    }

    /// <summary>True inside a today's-date banner, a footer, navigation, sidebar or comment block.</summary>
    internal static bool IsBanner(IElement e)
    {
        for (var a = e; a is not null && a.LocalName is not "body"; a = a.ParentElement)
        {
            if (a.LocalName is "footer" or "nav" or "aside")
            {
                return true;
            }

            var cls = a.GetAttribute("class");
            var id = a.Id;
            if (string.IsNullOrEmpty(cls) && string.IsNullOrEmpty(id))
            {
                continue;
            }

            var attrs = (cls + " " + id).ToLowerInvariant();
            if (s_bannerSubstrings.Any(w => attrs.Contains(w, StringComparison.Ordinal)))
            {
                return true;
            }

            foreach (var name in attrs.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                var first = name.Split('-', '_')[0];
                if (s_blockWords.Contains(first, StringComparer.Ordinal) || s_blockWords.Contains(name, StringComparer.Ordinal))
                {
                    return true;
                }
            }
        }

        return false;
    }
}
