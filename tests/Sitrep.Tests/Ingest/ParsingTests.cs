using Sitrep.Documents.Ingest;

namespace Sitrep.Tests.Ingest;

public sealed class ParsingTests
{
    [Theory]
    [InlineData("2017-11-11", 2017, 11, 11)]
    [InlineData("2017-11-11T23:30:00-05:00", 2017, 11, 11)]   // the writer's calendar day, not UTC's
    [InlineData("4/5/2017", 2017, 4, 5)]                       // FA-KES: month first
    [InlineData("25/12/2016", 2016, 12, 25)]                   // first number cannot be a month
    [InlineData("November 11, 2017", 2017, 11, 11)]
    [InlineData("11 November 2017", 2017, 11, 11)]
    [InlineData("Wed, 05 Apr 2017 10:00:00 GMT", 2017, 4, 5)]
    public void Parse_recognises_input_date_formats(string text, int y, int m, int d) =>
        Assert.Equal(new DateOnly(y, m, d), InputDateParser.Parse(text));

    [Theory]
    [InlineData("")]
    [InlineData("yesterday")]
    [InlineData("13/13/2017")]
    public void Parse_returns_null_for_non_dates(string text) => Assert.Null(InputDateParser.Parse(text));

    [Fact]
    public void TryParse_map_reads_field_column_pairs()
    {
        var map = FieldMap.TryParse("id=unit_id, Title=article_title", out var error);
        Assert.Null(error);
        Assert.Equal("unit_id", map!.ColumnOf("id"));
        Assert.Equal("article_title", map.ColumnOf("title"));
        Assert.Equal("text", map.ColumnOf("text"));
    }

    [Theory]
    [InlineData("id")]
    [InlineData("body=content")]
    [InlineData("id=a,id=b")]
    public void TryParse_map_rejects_bad_specs(string spec)
    {
        Assert.Null(FieldMap.TryParse(spec, out var error));
        Assert.NotNull(error);
    }

    [Fact]
    public void ContentHash_ignores_whitespace_layout_and_normalisation_form()
    {
        Assert.Equal(ContentHash.Of("Caf\u00e9  killed.\n"), ContentHash.Of(" Cafe\u0301 killed."));
        Assert.NotEqual(ContentHash.Of("Two killed."), ContentHash.Of("Three killed."));
    }
}
