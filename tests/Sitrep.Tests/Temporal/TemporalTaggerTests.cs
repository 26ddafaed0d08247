using System.Globalization;
using Sitrep.Temporal;
using Sitrep.Tests.Support;
using Sitrep.Text;

namespace Sitrep.Tests.Temporal;

public sealed class TemporalTaggerTests
{
    static readonly TemporalTagger Tagger = new();

    public static TheoryData<string, string> Cases() => TemporalSpecs.Cases();

    [Theory]
    [MemberData(nameof(Cases))]
    public void Tag_matches_spec(string file, string name)
    {
        var spec = TemporalSpecs.Load(file, name);
        var reference = DateOnly.ParseExact(spec.Reference, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        var scope = new TextSpan(0, spec.Input.Length);
        var found = spec.Tense is null
            ? Tagger.Tag(spec.Input, scope, reference)
            : Tagger.Tag(spec.Input, scope, reference, Enum.Parse<TenseHint>(spec.Tense));
        Assert.Equal(
            spec.Expected.Select(e => $"{e.Text} {e.Start}..{e.End} {e.Precision} future={e.Future}"),
            found.Select(f => string.Create(CultureInfo.InvariantCulture, $"{f.Span.Of(spec.Input)} {f.Interval.Start:yyyy-MM-dd}..{f.Interval.End:yyyy-MM-dd} {f.Precision} future={f.Future}")));
    }

    [Theory]
    [InlineData("2017-11-11", "2017-11-11", "2017-11-11")]
    [InlineData("2017-10-01", "2017-10-31", "2017-10")]
    [InlineData("2015-01-01", "2015-12-31", "2015")]
    [InlineData("2017-11-06", "2017-11-12", "2017-W45")]
    [InlineData("2017-10-16", "2017-10-31", "(2017-10-16,2017-11-01,P16D)")]
    public void Timex_names_days_months_years_weeks_and_ranges(string start, string end, string expected) =>
        Assert.Equal(expected, TemporalTagger.Timex(new DateInterval(DateOnly.Parse(start, CultureInfo.InvariantCulture), DateOnly.Parse(end, CultureInfo.InvariantCulture))));

    [Theory]
    [InlineData("fixed:13-01")]
    [InlineData("fixed:02-30")]
    [InlineData("nth:11:8:4")]
    [InlineData("easter")]
    [InlineData("lunar:9")]
    public void Holiday_rule_that_is_malformed_is_a_data_error_naming_the_value(string value)
    {
        var e = Assert.Throws<InvalidDataException>(() => HolidayRule.Parse(value));
        Assert.Contains(value, e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("easter:0", 2017, "2017-04-16")]
    [InlineData("easter:0", 2019, "2019-04-21")]
    [InlineData("nth:05:1:-1", 2017, "2017-05-29")]
    [InlineData("hijri:10-01", 2017, "2017-06-25")]
    public void Holiday_rule_falls_on_the_calendar_day(string value, int year, string expected) =>
        Assert.Equal(DateOnly.Parse(expected, CultureInfo.InvariantCulture), Assert.Single(HolidayRule.Parse(value).In(year)).Start);

    [Fact]
    public void Tag_offsets_are_inside_the_scope()
    {
        var text = "Yesterday rebels attacked. On Saturday the army replied.";
        var found = Tagger.Tag(text, TextSpan.FromBounds(27, text.Length), new DateOnly(2017, 11, 11));
        var only = Assert.Single(found);
        Assert.Equal("Saturday", only.Span.Of(text));
    }

    [Fact]
    public void Run_on_recognizers_specs_scores_every_english_file()
    {
        var dir = SharedData.Find("data/dates/recognizers-text-specs");
        if (dir is null)
        {
            Assert.Skip("../shared/data/dates/recognizers-text-specs is absent");
        }

        var scores = DateSpecsEvaluation.Run(dir, Tagger);
        Assert.Equal(32, scores.Count);
        var dateParser = scores.Single(s => s.File == "English/DateParser.json");
        Assert.True(dateParser.Passed / (double)dateParser.Cases >= 0.5, $"DateParser pass rate {dateParser.Passed}/{dateParser.Cases}");
    }
}
