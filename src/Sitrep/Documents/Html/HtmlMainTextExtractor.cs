using System.Collections.Frozen;
using System.Globalization;
using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Sitrep.Documents.Cleaning;

namespace Sitrep.Documents.Html;

/// <summary>
/// Main text of a saved web page (AngleSharp DOM): JSON-LD <c>articleBody</c>, known content-area selectors and
/// a Readability-style scoring fallback, each pruned of boilerplate blocks (share, related, newsletter,
/// comments, navigation, footer, ads, cookie banners, bylines, captions), then chosen between by sanity checks
/// as trafilatura does. Paragraphs are separated by newlines. Also reads title, dates, canonical URL and site name.
/// </summary>
public sealed class HtmlMainTextExtractor : IMainTextExtractor
{
    /// <summary>
    /// Metadata key of a weakly trusted date found in the page body (a "date"/"byline" element) when the page has
    /// no date metadata; <see cref="Dates.PublicationDateResolver"/> uses it after the text's dateline.
    /// </summary>
    public const string HeuristicDateKey = "date.heuristic";

    readonly BoilerplateVocabulary _vocabulary;

    /// <summary>An extractor using the shipped boilerplate vocabulary.</summary>
    public HtmlMainTextExtractor()
        : this(BoilerplateVocabulary.Default)
    {
    }

    /// <summary>An extractor using <paramref name="vocabulary"/> to drop boilerplate lines.</summary>
    public HtmlMainTextExtractor(BoilerplateVocabulary vocabulary)
    {
        ArgumentNullException.ThrowIfNull(vocabulary);
        _vocabulary = vocabulary;
    }

    /// <inheritdoc />
    public ExtractedPage Extract(string html, string? url)
    {
        ArgumentNullException.ThrowIfNull(html);
        var parser = new HtmlParser(new HtmlParserOptions { IsScripting = false });
        using var doc = parser.ParseDocument(html);
        var meta = HtmlMetadataReader.Read(doc, url);
        var fields = meta.Fields;
        if (meta.Published is null && HtmlDateHeuristics.Find(doc) is { } guess)
        {
            // Weak in-page evidence: kept apart so a dateline in the text can win (see PublicationDateResolver).
            fields = fields.SetItem(HeuristicDateKey, guess.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        }

        var text = ExtractMainText(doc, meta.JsonLdBody, meta.Title);
        return new ExtractedPage(meta.Title, text, meta.Published, meta.CanonicalUrl, meta.SiteName, fields);
    }

    internal string ExtractMainText(IDocument doc, string? jsonLdBody, string? title)
    {
        ContentPruner.RemoveJunk(doc);
        var body = doc.Body;
        if (body is null)
        {
            return jsonLdBody is null ? "" : PlainBody(jsonLdBody);
        }

        var renderer = new TextRenderer(_vocabulary, title);
        var selected = ContentSelectors.Find(body);
        var selectedText = selected.Count > 0 ? renderer.Render(selected) : "";
        var scored = ReadabilityScorer.Best(body);
        var scoredText = scored is null ? "" : renderer.Render([scored]);

        // Sanity checks between the selector result and the scoring fallback (trafilatura's comparison).
        var text = Choose(selectedText, scoredText);

        // A selector hit that is only part of the scored block (an intro section inside the real body) yields to it.
        if (scored is not null && selected.Count > 0 && ReferenceEquals(text, selectedText)
            && selected.All(e => scored.Contains(e) && !ReferenceEquals(e, scored)) && scoredText.Length > 2 * selectedText.Length)
        {
            text = scoredText;
        }

        if (!string.IsNullOrWhiteSpace(jsonLdBody))
        {
            var ld = PlainBody(jsonLdBody);
            if (ld.Length >= 0.7 * text.Length && ld.Length >= 200)
            {
                text = ld;
            }
        }

        return text;
    }

    static string Choose(string selected, string scored)
    {
        if (selected.Length == 0)
        {
            return scored;
        }

        if (scored.Length == 0)
        {
            return selected;
        }

        // A short selector hit (a teaser, a caption block) loses to a much longer scored block.
        if (selected.Length < 250 && scored.Length > selected.Length * 2)
        {
            return scored;
        }

        if (scored.Length > selected.Length * 3 && selected.Length < 1000)
        {
            return scored;
        }

        return selected;
    }

    /// <summary>JSON-LD bodies sometimes carry HTML and entities; flatten them to plain paragraphs.</summary>
    static string PlainBody(string body)
    {
        if (body.Contains('<', StringComparison.Ordinal) || body.Contains('&', StringComparison.Ordinal))
        {
            var parser = new HtmlParser();
            using var frag = parser.ParseDocument("<html><body>" + body + "</body></html>");
            if (frag.Body is { } b)
            {
                var sb = new StringBuilder();
                TextRenderer.AppendPlain(b, sb);
                body = sb.ToString();
            }
        }

        var lines = body.Replace("\r", "", StringComparison.Ordinal).Split('\n')
            .Select(l => string.Join(' ', l.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)))
            .Where(l => l.Length > 0);
        return string.Join('\n', lines);
    }
}

/// <summary>Known content-area selectors, most specific first.</summary>
internal static class ContentSelectors
{
    static readonly string[] s_selectors =
    [
        "[itemprop=articleBody]", "[itemprop=articlebody]",
        ".article-body", ".article__body", ".articleBody", ".article-body__content", ".article-content", ".article__content",
        ".story-body", ".story-body__inner", ".storyBody", ".story-content", ".story__body", ".StoryBodyCompanionColumn",
        ".entry-content", ".post-content", ".post-body", ".post__content", ".td-post-content", ".blog-post-content",
        ".article-text", ".articleText", ".article_body", ".article-main", ".body-text", ".content-body", ".main-content-body",
        ".field-name-body", ".field--name-body", ".rich-text", ".RichText", ".paywall", "#article-body", "#articleBody",
        "#story-body", "#storytext", "#article-content", ".c-entry-content", ".l-article__text", ".caas-body",
        "article", "[role=main]", "main", "#content", "#main", ".content",
    ];

    // Page-level containers: only the largest match is the article. Every other selector names a body class, whose
    // separate matches are parts of one body (paywall splits, NYT companion columns, sections around a figure).
    static readonly FrozenSet<string> s_singleMatch = new[]
    {
        "article", "[role=main]", "main", "#content", "#main", ".content",
    }.ToFrozenSet(StringComparer.Ordinal);

    public static List<IElement> Find(IElement body)
    {
        foreach (var sel in s_selectors)
        {
            var matches = body.QuerySelectorAll(sel).Where(e => !e.Ancestors<IElement>().Any(a => a.Matches(sel))).ToList();
            if (matches.Count == 0)
            {
                continue;
            }

            var lengths = matches.Select(ParagraphTextLength).ToList();
            var total = lengths.Sum();
            if (total < 200)
            {
                continue;
            }

            if (!s_singleMatch.Contains(sel))
            {
                var max = lengths.Max();
                return [.. matches.Where((_, i) => lengths[i] >= Math.Min(100, max) || lengths[i] >= max / 10)];
            }

            var best = 0;
            for (var i = 1; i < matches.Count; i++)
            {
                if (lengths[i] > lengths[best])
                {
                    best = i;
                }
            }

            return [matches[best]];
        }

        return [];
    }

    static int ParagraphTextLength(IElement e)
    {
        var n = 0;
        foreach (var p in e.QuerySelectorAll("p"))
        {
            n += p.TextContent.Length;
        }

        return n == 0 ? e.TextContent.Length / 3 : n;
    }
}
