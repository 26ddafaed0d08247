using Sitrep.Documents;
using Sitrep.Documents.Dates;
using Sitrep.Documents.Html;

namespace Sitrep.Tests.Documents;

public sealed class HtmlMainTextExtractorTests
{
    static readonly HtmlMainTextExtractor s_extractor = new();

    [Fact]
    public void Extract_wire_story_keeps_paragraphs_and_drops_boilerplate()
    {
        var page = s_extractor.Extract(DocumentsShared.Fixture("wire-story.html"), null);
        var lines = page.MainText.Split('\n');
        Assert.Equal(4, lines.Length);
        Assert.StartsWith("Government forces retook the town of Tel Rifaat", lines[0], StringComparison.Ordinal);
        Assert.StartsWith("Rebel commanders said", lines[3], StringComparison.Ordinal);
        foreach (var junk in new[] { "Advertisement", "Related articles", "newsletter", "cookies", "Great article", "Smoke rises", "By Staff", "Facebook", "All rights" })
        {
            Assert.DoesNotContain(junk, page.MainText, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public void Extract_wire_story_reads_title_site_canonical_and_jsonld_date()
    {
        var page = s_extractor.Extract(DocumentsShared.Fixture("wire-story.html"), "https://observer.example/x");
        Assert.Equal("Government forces retake Tel Rifaat", page.Title);
        Assert.Equal("The Example Observer", page.SiteName);
        Assert.Equal("https://observer.example/world/middle-east/government-forces-retake-tel-rifaat", page.CanonicalUrl);
        Assert.Equal(new PublicationDate(new DateOnly(2016, 5, 1), DateSource.JsonLd, 0.95), page.Published);
    }

    [Theory]
    // meta tag only
    [InlineData("<html><head><meta name=\"pubdate\" content=\"20170412\"></head><body><p>x</p></body></html>", null, "2017-04-12", DateSource.MetaTag)]
    // <time> in the article header; the banner's today-date is ignored
    [InlineData("<html><body><div class=\"current-date\">March 28, 2024</div><article><header><time datetime=\"2017-11-11T08:00\">Nov 11</time></header><p>x</p></article></body></html>", null, "2017-11-11", DateSource.TimeElement)]
    // the URL's day wins over a UTC timestamp
    [InlineData("<html><head><meta property=\"article:published_time\" content=\"2023-11-09T03:28:35Z\"></head><body><p>x</p></body></html>", "https://news.example/2023/11/08/story/", "2023-11-08", DateSource.Url)]
    public void Extract_metadata_date_comes_with_its_source(string html, string? url, string expected, DateSource source)
    {
        var page = s_extractor.Extract(html, url);
        Assert.NotNull(page.Published);
        Assert.Equal(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), page.Published.Date);
        Assert.Equal(source, page.Published.Source);
    }

    [Fact]
    public void Resolve_page_without_metadata_falls_back_to_the_text_dateline()
    {
        const string html = "<html><body><div class=\"story-body\"><p>AFP, November 11, 2017 \u2013 The Islamic State group recaptured nearly all of Albu Kamal in eastern Syria on Saturday, a monitor said.</p>"
            + "<p>Clashes and air strikes were ongoing there throughout Saturday, the monitor said, as the group fought to keep its last urban bastion.</p></div></body></html>";
        var page = s_extractor.Extract(html, null);
        var date = new PublicationDateResolver().Resolve(page);
        Assert.NotNull(date);
        Assert.Equal(new DateOnly(2017, 11, 11), date.Date);
        Assert.Equal(DateSource.Dateline, date.Source);
    }

    [Fact]
    public void Extract_page_without_body_gives_empty_text() =>
        Assert.Equal("", s_extractor.Extract("<html><head><title>t</title></head></html>", null).MainText);
}
