using System.Collections.Frozen;
using AngleSharp.Dom;

namespace Sitrep.Documents.Html;

/// <summary>
/// Boilerplate blocks by tag, attribute and class/id vocabulary (share/social, related, newsletter, comments,
/// nav/menu, footer, ads, cookie banners, bylines, captions), as Readability's "unlikely candidates" and
/// trafilatura's pruning XPaths do.
/// </summary>
internal static class ContentPruner
{
    /// <summary>Tags never part of the main text.</summary>
    static readonly FrozenSet<string> s_junkTags = new[]
    {
        "script", "style", "noscript", "template", "svg", "iframe", "object", "embed", "canvas", "button", "input", "select",
        "textarea", "option", "nav", "aside", "footer", "figcaption", "picture", "video", "audio", "map", "dialog", "menu",
        "link", "meta", "head",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>Class/id tokens of boilerplate blocks.</summary>
    static readonly FrozenSet<string> s_badTokens = new[]
    {
        "share", "sharing", "shares", "sharebar", "social", "socials", "sociallinks", "related", "relatedlinks", "recirc",
        "recirculation", "newsletter", "newsletters", "signup", "subscribe", "subscription", "comment", "comments", "disqus",
        "nav", "navbar", "navigation", "menu", "breadcrumb", "breadcrumbs", "footer", "ad", "ads", "advert", "adverts",
        "advertisement", "advertising", "adslot", "adunit", "dfp", "sponsor", "sponsored", "promo", "promotion", "cookie",
        "cookies", "gdpr", "consent", "byline", "bylines", "caption", "captions", "credit", "credits", "sidebar", "widget",
        "widgets", "outbrain", "taboola", "popular", "trending", "mostread", "most", "tags", "tag", "taglist", "author",
        "authors", "bio", "toolbar", "pagination", "pager", "modal", "popup", "overlay", "masthead", "banner", "skip",
        "print", "email", "rss", "follow", "jump", "toc", "timestamp", "dateline", "meta", "hidden", "sr", "visually",
        "offscreen", "paywall-prompt", "inline-related", "read-more", "readmore", "more", "next", "prev", "breaking",
        "ticker", "alert", "login", "register", "donate", "survey", "poll", "rating", "video", "gallery", "slideshow",
        "headline", "title", "kicker", "dek", "subhead",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Class/id tokens of content containers (keep even when a bad token is present).</summary>
    static readonly FrozenSet<string> s_goodTokens = new[]
    {
        "article", "body", "content", "entry", "main", "post", "story", "text", "articlebody", "storybody", "blog",
        "paragraph", "prose", "richtext",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Removes tags that are never main text, and hidden elements.</summary>
    public static void RemoveJunk(IDocument doc)
    {
        var drop = new List<IElement>();
        foreach (var e in doc.All)
        {
            if (s_junkTags.Contains(e.LocalName) || e.HasAttribute("hidden")
                || string.Equals(e.GetAttribute("aria-hidden"), "true", StringComparison.OrdinalIgnoreCase) && e.LocalName != "html" && e.LocalName != "body"
                || IsDisplayNone(e))
            {
                drop.Add(e);
            }
        }

        foreach (var e in drop)
        {
            e.Remove();
        }
    }

    static bool IsDisplayNone(IElement e)
    {
        var style = e.GetAttribute("style");
        return style is not null
            && (style.Contains("display:none", StringComparison.OrdinalIgnoreCase) || style.Contains("display: none", StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>True when the element's class/id/role marks it as boilerplate (and not also as content).</summary>
    public static bool IsBoilerplateBlock(IElement e)
    {
        var role = e.GetAttribute("role");
        if (role is "navigation" or "complementary" or "banner" or "contentinfo" or "dialog" or "alert")
        {
            return true;
        }

        var tag = e.LocalName;
        if (tag is "header" or "form")
        {
            return true;
        }

        var cls = e.GetAttribute("class");
        var id = e.Id;
        if (string.IsNullOrEmpty(cls) && string.IsNullOrEmpty(id))
        {
            return false;
        }

        var bad = false;
        var good = false;
        Scan(cls, ref bad, ref good);
        Scan(id, ref bad, ref good);
        return bad && !good;
    }

    /// <summary>Weight of an element's class/id for content scoring: +25 content-like, −25 boilerplate-like.</summary>
    public static int ClassWeight(IElement e)
    {
        var w = 0;
        foreach (var attr in new[] { e.GetAttribute("class"), e.Id })
        {
            if (string.IsNullOrEmpty(attr))
            {
                continue;
            }

            bool bad = false, good = false;
            Scan(attr, ref bad, ref good);
            if (bad)
            {
                w -= 25;
            }

            if (good)
            {
                w += 25;
            }
        }

        return w;
    }

    static void Scan(string? attr, ref bool bad, ref bool good)
    {
        if (string.IsNullOrEmpty(attr))
        {
            return;
        }

        Span<char> buf = stackalloc char[Math.Min(attr.Length, 256)];
        var len = 0;
        for (var i = 0; i <= attr.Length && i <= 256; i++)
        {
            var c = i < attr.Length && i < 256 ? attr[i] : ' ';
            if (char.IsLetterOrDigit(c))
            {
                if (len < buf.Length)
                {
                    // camelCase splits into tokens too: "relatedArticles" -> "related", "articles".
                    if (len > 0 && char.IsUpper(c) && char.IsLower(buf[len - 1]))
                    {
                        Token(buf[..len], ref bad, ref good);
                        len = 0;
                    }

                    buf[len++] = char.ToLowerInvariant(c);
                }
            }
            else
            {
                if (len > 0)
                {
                    Token(buf[..len], ref bad, ref good);
                }

                len = 0;
            }
        }
    }

    static void Token(ReadOnlySpan<char> token, ref bool bad, ref bool good)
    {
        var lookupBad = s_badTokens.GetAlternateLookup<ReadOnlySpan<char>>();
        var lookupGood = s_goodTokens.GetAlternateLookup<ReadOnlySpan<char>>();
        if (lookupBad.Contains(token))
        {
            bad = true;
        }
        else if (lookupGood.Contains(token))
        {
            good = true;
        }
    }
}
