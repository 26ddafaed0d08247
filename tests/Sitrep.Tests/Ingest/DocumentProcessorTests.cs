using System.Collections.Immutable;
using Sitrep.Documents;
using Sitrep.Documents.Ingest;

namespace Sitrep.Tests.Ingest;

public sealed class DocumentProcessorTests
{
    static readonly DocumentProcessor Processor = new(
        new IngestDoubles.ParagraphExtractor(), new IngestDoubles.LineCleaner(), new IngestDoubles.DatelineFinder());

    static RawDocument Text(string content, DateOnly? published = null, string? title = null, string? outlet = null) =>
        new(ContentHash.Of(content), "a.txt", 0, ContentKind.Text, content, null, title, outlet, published,
            ImmutableSortedDictionary<string, string>.Empty);

    static RawDocument Html(string content, string? url = null) =>
        new(ContentHash.Of(content), "a.html", 0, ContentKind.Html, content, url, null, null, null,
            ImmutableSortedDictionary<string, string>.Empty);

    const string Dated = "Halvik strike\nMERIDIAN, February 12, 2024 - An air strike killed nine.\nShare\n";

    [Fact]
    public void Process_uses_dateline_when_nothing_else_dates_the_text()
    {
        var a = Processor.Process(Text(Dated), DocumentOverrides.None, out _)!;
        Assert.Equal(new PublicationDate(new DateOnly(2024, 2, 12), DateSource.Dateline, 0.7), a.Published);
    }

    [Fact]
    public void Process_input_field_beats_dateline()
    {
        var a = Processor.Process(Text(Dated, published: new DateOnly(2024, 2, 13)), DocumentOverrides.None, out _)!;
        Assert.Equal(DateSource.InputField, a.Published!.Source);
        Assert.Equal(new DateOnly(2024, 2, 13), a.Published.Date);
    }

    [Fact]
    public void Process_override_beats_input_field()
    {
        var a = Processor.Process(Text(Dated, published: new DateOnly(2024, 2, 13)), new DocumentOverrides(new DateOnly(2024, 1, 1)), out _)!;
        Assert.Equal(new PublicationDate(new DateOnly(2024, 1, 1), DateSource.Override, 1.0), a.Published);
    }

    [Fact]
    public void Process_html_metadata_beats_dateline()
    {
        const string page = """<html><head><meta property="article:published_time" content="2024-02-11"></head><body><p>MERIDIAN, February 12, 2024 - Strike.</p></body></html>""";
        var a = Processor.Process(Html(page), DocumentOverrides.None, out _)!;
        Assert.Equal(DateSource.MetaTag, a.Published!.Source);
        Assert.Equal(new DateOnly(2024, 2, 11), a.Published.Date);
    }

    [Fact]
    public void Process_undated_text_has_no_date()
    {
        var a = Processor.Process(Text("Rebels took the town.\n"), DocumentOverrides.None, out _)!;
        Assert.Null(a.Published);
    }

    [Fact]
    public void Process_html_extracts_then_cleans_and_keeps_the_offset_map_to_the_main_text()
    {
        const string page = "<html><head><title>Clash</title></head><body><p>Share</p><p>Two killed.</p></body></html>";
        var a = Processor.Process(Html(page, "https://www.wire.example/x"), DocumentOverrides.None, out _)!;
        Assert.Equal("Share\nTwo killed.", a.SourceText);
        Assert.Equal("Two killed.", a.Text);
        Assert.Equal("Clash", a.Title);
        Assert.Equal("wire.example", a.Outlet);   // from the URL when nothing names the outlet
        Assert.Equal("share", Assert.Single(a.Removed).Reason);
        Assert.Equal("Two", a.ToSource.ToSource(new Sitrep.Text.TextSpan(0, 3)).Of(a.SourceText));
    }

    [Fact]
    public void Process_html_without_main_text_is_a_problem()
    {
        Assert.Null(Processor.Process(Html("<html><body><div>menu</div></body></html>"), DocumentOverrides.None, out var problem));
        Assert.Equal("no article text found in the HTML page", problem!.Reason);
    }

    [Fact]
    public void Process_text_takes_first_line_as_headline_and_outlet_override_wins()
    {
        var a = Processor.Process(Text(Dated, outlet: "AFP"), new DocumentOverrides(Outlet: "Wire"), out _)!;
        Assert.Equal("Halvik strike", a.Title);
        Assert.Equal("Wire", a.Outlet);
    }

    [Theory]
    [InlineData("Two soldiers were killed on Sunday near the border.\nMore text.", null)]   // a sentence, not a headline
    [InlineData("Town captured by rebels\n", null)]                                        // nothing after it
    [InlineData("Town captured by rebels\nRebels took the town.", "Town captured by rebels")]
    public void HeadlineOf_accepts_only_short_unpunctuated_first_lines(string text, string? expected) =>
        Assert.Equal(expected, DocumentProcessor.HeadlineOf(text));
}
