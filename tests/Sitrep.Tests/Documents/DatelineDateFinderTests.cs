using Sitrep.Documents;
using Sitrep.Documents.Dates;

namespace Sitrep.Tests.Documents;

public sealed class DatelineDateFinderTests
{
    static readonly DatelineDateFinder s_finder = new();

    [Theory]
    [InlineData("AFP, November 11, 2017 \u2013 The Islamic State group recaptured nearly all of Albu Kamal on Saturday.", "2017-11-11")] // agency dateline
    [InlineData("November 11, 2017 (AFP) - Iraqi forces seized several villages from the jihadists.", "2017-11-11")] // date then agency
    [InlineData("Army retakes Palmyra\nWed 05 Apr 2017 10.26 BST\nSyrian troops retook the ancient city of Palmyra on Wednesday, state media said, after a month of fighting.", "2017-04-05")] // date line under the headline
    [InlineData("11/11/2017 - Clashes continued in the east of the country, a monitor said.", "2017-11-11")] // numeric, month first
    [InlineData("DAMASCUS, 3 March 2018 (SANA) - Army units restored security to several villages.", "2018-03-03")] // city, day-month-year
    [InlineData("Published: 12 May 2016\nRebels shelled the city of Aleppo overnight, a monitor said.", "2016-05-12")] // labelled publication line
    [InlineData("Date of publication 27 October 2016 Air strikes hit a school in the town", "2016-10-27")] // label, commas stripped, no separator
    [InlineData("Posted on April 19 2017 by Staff Writer Six killed in bombing", "2017-04-19")] // label ending in a preposition, byline after
    [InlineData("Strikes kill 12 in rebel town Monitor AFP Saturday 2 Jul 2016 Air strikes killed twelve people", "2016-07-02")] // headline, agency, weekday date
    [InlineData("Sat 24 Aug 2013 at 2354 Regional NNA - The blast was heard in the evening", "2013-08-24")] // weekday date with a time
    [InlineData("31 October 2016 Three people were killed in a rocket attack", "2016-10-31")] // a date opening the text
    public void Find_dateline_gives_its_date(string text, string expected)
    {
        var d = s_finder.Find(text);
        Assert.NotNull(d);
        Assert.Equal(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), d.Date);
        Assert.Equal(DateSource.Dateline, d.Source);
        Assert.InRange(d.Confidence, 0.5, 1.0);
    }

    [Theory]
    [InlineData("BEIRUT (Reuters) - Syrian government forces advanced on Sunday, a monitor said.")] // place-only dateline
    [InlineData("Thursday, March 28, 2024\nHomeNEWSWORLD NEWSTroops advance\n\nTroops advance\n\nTroops advanced on the town on Saturday, a monitor said.")] // crawl-date banner
    [InlineData("Troops advanced on the town on Saturday, a monitor said.\n\u00A9 2017 AFP. All rights reserved.")] // copyright footer
    [InlineData("On November 3, 2017, Iraqi forces entered Al-Qaim, the army said.")] // a date in the first sentence is an event date
    [InlineData("")]
    public void Find_without_dateline_gives_null(string text) => Assert.Null(s_finder.Find(text));

    [Fact]
    public void Find_seed_dates_are_the_same_before_and_after_cleaning()
    {
        var dir = DocumentsShared.Require("seeds");
        var cleaner = new Sitrep.Documents.Cleaning.BoilerplateCleaner();
        foreach (var f in Directory.GetFiles(dir, "*.txt"))
        {
            var text = File.ReadAllText(f);
            Assert.Equal(s_finder.Find(text)?.Date, s_finder.Find(cleaner.Clean(text).Text)?.Date);
        }
    }

    [Fact]
    public void Find_seed_with_crawl_banner_uses_its_agency_dateline()
    {
        var dir = DocumentsShared.Require("seeds");
        var found = Directory.GetFiles(dir, "*.txt").Order(StringComparer.Ordinal)
            .Select(f => (Name: Path.GetFileName(f), Date: s_finder.Find(File.ReadAllText(f))))
            .ToList();
        Assert.Equal(new DateOnly(2017, 11, 11), Assert.Single(found, f => f.Date is not null).Date!.Date);
        Assert.StartsWith("002_", Assert.Single(found, f => f.Date is not null).Name, StringComparison.Ordinal);
    }
}
