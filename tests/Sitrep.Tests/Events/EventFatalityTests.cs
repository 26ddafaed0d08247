using Sitrep.Events;

namespace Sitrep.Tests.Events;

/// <summary>Fatality figures by ACLED's rules (guideline §6).</summary>
public sealed class EventFatalityTests
{
    static readonly Sitrep.Geo.Place Izraa = EventTestText.Place("Izraa", 32.86, 36.25, admin1: "Daraa");

    [Theory]
    [InlineData("Three civilians were injured in rocket attacks by terrorist groups on Izraa on Sunday .", 0)]
    [InlineData("Two civilians were killed and three injured in rocket attacks by terrorist groups on Izraa on Sunday .", 2)]
    [InlineData("Rocket attacks by terrorist groups hit Izraa on Sunday .", null)]
    public void Extract_injuries_only_report_no_deaths_and_no_figure_stays_unknown(string sentence, int? fatalities)
    {
        var doc = EventTestText.Doc(sentence, new DateOnly(2016, 8, 21), [Izraa], [("on Sunday", new DateOnly(2016, 8, 21))]);
        var e = Assert.Single(EventTestText.Extractor.Extract(doc), x => x.Factuality == Factuality.Asserted);
        Assert.Equal(fatalities, e.Fatalities);
    }

    [Theory]
    [InlineData("A car bomb killed at least 44 on Wednesday in Izraa .", "Civilians")]
    [InlineData("Rocket attacks by terrorist groups on Izraa on Sunday injured three .", "Civilians")]
    [InlineData("Government air strikes killed 12 IS fighters in Izraa on Sunday .", "Islamic State")]
    [InlineData("Rocket attacks by terrorist groups hit Izraa on Sunday .", null)]
    public void Extract_strike_with_casualties_and_no_named_target_hit_civilians(string sentence, string? actor2)
    {
        var doc = EventTestText.Doc(sentence, new DateOnly(2016, 8, 21), [Izraa], [("on Sunday", new DateOnly(2016, 8, 21)), ("on Wednesday", new DateOnly(2016, 8, 17))]);
        var e = Assert.Single(EventTestText.Extractor.Extract(doc), x => x.Factuality == Factuality.Asserted);
        Assert.Equal(actor2, e.Actor2?.Name);
    }
}
