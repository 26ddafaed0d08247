using Sitrep.Events;

namespace Sitrep.Tests.Events;

public sealed class CasualtyParserTests
{
    [Theory]
    [InlineData("The army killed at least 28 Islamic State fighters in shelling .", 28)]
    [InlineData("The strikes killed four people and injured 17 .", 4)]
    [InlineData("Four people were killed in the raid .", 4)]
    [InlineData("Dozens were killed .", 12)]                        // ACLED: dozens = 12
    [InlineData("The blast killed several civilians .", 3)]          // ACLED: several = 3
    [InlineData("Hundreds died in the siege .", 100)]                 // ACLED: hundreds = 100
    [InlineData("The attack killed more than 50 soldiers .", 50)]
    [InlineData("The bombing killed twenty-two people .", 22)]
    [InlineData("a war that has killed more than 330,000 people .", null)]   // war-wide toll
    [InlineData("They walked 20 kilometres and were killed .", null)]         // a distance is not a count
    [InlineData("A US serviceman died alongside him .", 1)]                   // one person named by "a"
    [InlineData("The strike hit the village , killing a young girl .", 1)]
    [InlineData("A civilian convoy was hit but nobody was killed .", null)]   // "civilian" modifies "convoy"
    [InlineData("A sniper killed a dozen soldiers .", 12)]
    [InlineData("Vassell was killed around 5 p.m. Wednesday .", null)]       // a clock time is not a count
    public void Parse_reads_the_lowest_credible_figure(string sentence, int? expected)
    {
        var units = EventTestText.Units(sentence);
        Assert.Equal(expected, CasualtyParser.Parse(units, 0, units.Length).Killed);
    }

    [Fact]
    public void Parse_reads_injuries()
    {
        var units = EventTestText.Units("The strikes killed four people and injured 17 .");
        Assert.Equal(17, CasualtyParser.Parse(units, 0, units.Length).Injured);
    }
}
