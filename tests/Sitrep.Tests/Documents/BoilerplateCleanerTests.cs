using System.Collections.Frozen;
using Sitrep.Documents;
using Sitrep.Documents.Cleaning;

namespace Sitrep.Tests.Documents;

public sealed class BoilerplateCleanerTests
{
    static readonly BoilerplateCleaner s_cleaner = new();

    // Generic boilerplate markers the seeds carry; none may survive as a line of the cleaned text.
    static readonly string[] s_boilerplateLines =
    [
        "Share", "Advertisement", "RELATED ARTICLES", "Related Articles", "Selected", "Latest News and Articles", "Most Viewed",
        "[custom-twitter-feeds]", "Add new comment", "Back to top button", "Middle East",
    ];

    static readonly string[] s_boilerplateFragments = ["HomeNEWS", "comment policy", "custom-twitter-feeds", "Thursday, March 28, 2024"];

    public static TheoryData<string> Seeds()
    {
        var data = new TheoryData<string>();
        var dir = DocumentsShared.Dir() is { } s ? Path.Combine(s, "seeds") : null;
        if (dir is not null && Directory.Exists(dir))
        {
            foreach (var f in Directory.GetFiles(dir, "*.txt").Order(StringComparer.Ordinal))
            {
                data.Add(Path.GetFileName(f));
            }
        }
        else
        {
            data.Add("(absent)");
        }

        return data;
    }

    static string Seed(string name)
    {
        var dir = DocumentsShared.Require("seeds");
        return File.ReadAllText(Path.Combine(dir, name));
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Clean_seed_leaves_no_boilerplate(string seed)
    {
        var text = Seed(seed);
        var cleaned = s_cleaner.Clean(text).Text;
        var lines = cleaned.Split('\n').Select(l => l.Trim()).ToHashSet(StringComparer.Ordinal);
        foreach (var b in s_boilerplateLines)
        {
            Assert.DoesNotContain(b, lines);
        }

        foreach (var f in s_boilerplateFragments)
        {
            Assert.DoesNotContain(f, cleaned, StringComparison.Ordinal);
        }

        // Photo captions repeated verbatim leave no copy twice in a row, and no line is a bare separator.
        var kept = cleaned.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).ToList();
        for (var i = 1; i < kept.Count; i++)
        {
            Assert.NotEqual(kept[i - 1], kept[i]);
        }

        Assert.All(kept, l => Assert.Contains(l, c => char.IsLetterOrDigit(c)));
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Clean_seed_keeps_every_article_sentence(string seed)
    {
        var text = Seed(seed);
        var cleaned = s_cleaner.Clean(text).Text;
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.Trim().Trim('\u00A0').Replace('\u00A0', ' ');
            var words = line.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
            if (words >= 8 && line[^1] is '.' or '"' or '\u201D' or '?' or '!')
            {
                Assert.Contains(line, cleaned, StringComparison.Ordinal);
            }
        }
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Clean_seed_maps_every_kept_piece_back_to_the_same_characters(string seed)
    {
        var text = Seed(seed);
        var c = s_cleaner.Clean(text);
        foreach (var p in c.ToSource.Pieces)
        {
            var kept = c.Text.Substring(p.CleanStart, p.Length);
            var source = text.Substring(p.SourceStart, p.Length).Replace('\u00A0', ' ');
            Assert.Equal(source, kept);
        }

        foreach (var r in c.Removed)
        {
            Assert.False(string.IsNullOrWhiteSpace(r.Span.Of(text)));
            Assert.DoesNotContain(c.ToSource.Pieces, p => r.Span.Overlaps(new global::Sitrep.Text.TextSpan(p.SourceStart, p.Length)));
        }
    }

    [Fact]
    public void Clean_seeds_give_headlines_to_titled_articles_only()
    {
        var dir = DocumentsShared.Require("seeds");
        foreach (var f in Directory.GetFiles(dir, "*.txt"))
        {
            var text = File.ReadAllText(f);
            var c = s_cleaner.Clean(text);
            var firstKept = c.Text.Split('\n')[0];
            if (c.Headline is not null)
            {
                // The headline is a kept title line: no sentence end, not a paragraph.
                Assert.Equal(firstKept, c.Headline);
                Assert.DoesNotMatch("[.]$", c.Headline);
            }
            else
            {
                Assert.EndsWith(".", firstKept, StringComparison.Ordinal);
            }
        }
    }

    [Theory]
    // Crawl-date banner and glued menu above the headline, AFP dateline kept.
    [InlineData("Monday, June 3, 2024\nHomeNEWSWORLDGovernment troops retake Tel Rifaat\n\nGovernment troops retake Tel Rifaat\n\nAFP, May 2, 2016 – Troops retook the town of Tel Rifaat on Monday after three days of clashes, a monitor said.",
        "date-banner,navigation")]
    // Share/advertisement lines and a trailing related-story teaser.
    [InlineData("Share\n\nRebels shell Deraa suburbs\n\nRebels shelled two suburbs of Deraa overnight, killing four civilians, state media reported on Tuesday.\n\nAdvertisement\n\nThe army said it had repelled an attack on its positions near the old city.\n\nArmy advances south of Aleppo in push on rebel supply line",
        "share,advertisement,related-teaser")]
    // Section label, comment footer and an unrendered shortcode.
    [InlineData("Middle East\n\nClashes erupt near Manbij\n\nClashes erupted near the town of Manbij on Sunday between Turkish-backed fighters and Kurdish-led forces, a war monitor said.\n[custom-twitter-feeds]\nAdd new comment\nRead our comment policy before posting your viewpoints",
        "section-label,shortcode,comments,comments")]
    public void Clean_fixture_removes_expected_lines(string text, string reasons)
    {
        var c = s_cleaner.Clean(text);
        Assert.Equal(reasons.Split(','), c.Removed.Select(r => r.Reason));
    }

    [Fact]
    public void Clean_repeated_caption_removes_both_copies_and_keeps_paragraphs()
    {
        const string text = "Fighting flares in Idlib\n\nAirstrikes hit three villages in southern Idlib on Friday, killing at least nine people, rescuers said.\n\n"
            + "\u00A0A man inspects a damaged building in Maaret al-Numan on May 3, 2019\n\n\u00A0A man inspects a damaged building in Maaret al-Numan on May 3, 2019\n\n"
            + "The strikes followed a week of shelling by both sides along the front line.";
        var c = s_cleaner.Clean(text);
        Assert.DoesNotContain("inspects", c.Text, StringComparison.Ordinal);
        Assert.Equal(["repeated-caption", "repeated-caption"], c.Removed.Select(r => r.Reason));
        Assert.Contains("The strikes followed", c.Text, StringComparison.Ordinal);
        Assert.Equal("Fighting flares in Idlib", c.Headline);
    }

    [Fact]
    public void Clean_outlet_recurring_lines_are_removed_with_their_reason()
    {
        const string text = "Syrian army enters Palmyra\nThe army entered Palmyra on Sunday after weeks of fighting, state television said.\nFollow SANA on Telegram for breaking updates";
        var profile = new OutletProfile("SANA", new[] { "Follow SANA on Telegram for breaking updates" }.ToFrozenSet(StringComparer.Ordinal));
        var c = s_cleaner.Clean(text, profile);
        Assert.Equal([BoilerplateCleaner.OutletRecurringReason], c.Removed.Select(r => r.Reason));
        Assert.DoesNotContain("Telegram", c.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Clean_schedule_of_short_lines_at_the_end_is_kept()
    {
        // A run of short lines after the last paragraph is content (a list), not teasers.
        const string text = "Talks resume in Geneva\n\nDelegations will meet on these dates, the UN envoy said on Monday.\n\nMarch 3 Opening session in Geneva\nMarch 5 Working groups on constitution\nMarch 8 Closing session and statement";
        var c = s_cleaner.Clean(text);
        Assert.Empty(c.Removed);
    }

    [Fact]
    public void Clean_trailing_sentence_that_lost_its_full_stop_is_not_a_teaser()
    {
        // Headlinese drops auxiliaries; "has killed" marks a sentence of the article, cut short by the scrape.
        const string text = "Rebels shell Deraa suburbs\n\nRebels shelled two suburbs of Deraa overnight, killing four civilians, state media reported.\n\n"
            + "The army has killed at least 12 militants in shelling near the town of Nawa";
        var c = s_cleaner.Clean(text);
        Assert.Empty(c.Removed);
        Assert.EndsWith("near the town of Nawa", c.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Clean_plain_paragraph_text_is_kept_whole()
    {
        const string text = "Turkish jets struck Kurdish positions near Afrin on Saturday, the army said.\nThe strikes came after rockets hit the border town of Kilis.";
        var c = s_cleaner.Clean(text);
        Assert.Equal(text, c.Text);
        Assert.Null(c.Headline);
        Assert.Empty(c.Removed);
    }
}
