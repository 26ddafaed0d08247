using System.Collections.Immutable;
using Sitrep.Documents.Ingest;

namespace Sitrep.Tests.Ingest;

public sealed class OutletProfilerTests
{
    static PreparedDocument Doc(string outlet, string text)
    {
        var raw = new RawDocument(ContentHash.Of(text), "x", 0, ContentKind.Text, text, null, null, outlet, null,
            ImmutableSortedDictionary<string, string>.Empty);
        return new PreparedDocument(raw, text, null, outlet, null);
    }

    [Fact]
    public void Profile_finds_lines_recurring_across_an_outlets_documents()
    {
        var batch = Enumerable.Range(0, 5)
            .Select(i => Doc("Wire", $"Story {i} about the front.\n  Follow us on Telegram  \nFighting went on."))
            .Append(Doc("Other", "Follow us on Telegram\nElsewhere."))
            .ToList();
        var profiles = new OutletProfiler().Profile(batch);
        var wire = profiles["Wire"];
        Assert.Contains("Follow us on Telegram", (IReadOnlySet<string>)wire.RecurringLines);   // trimmed
        Assert.Contains("Fighting went on.", (IReadOnlySet<string>)wire.RecurringLines);
        Assert.DoesNotContain("Story 1 about the front.", (IReadOnlySet<string>)wire.RecurringLines);
        Assert.False(profiles.ContainsKey("Other"));   // one document is no evidence
    }

    [Fact]
    public void Profile_ignores_lines_below_the_share_threshold()
    {
        var batch = Enumerable.Range(0, 30).Select(i => Doc("Wire", i < 3 ? $"Shared line\nText {i}." : $"Text {i}.")).ToList();
        Assert.Empty(new OutletProfiler().Profile(batch));   // 3 of 30 is below 20 %
    }
}
