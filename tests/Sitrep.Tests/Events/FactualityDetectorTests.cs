using Sitrep.Events;

namespace Sitrep.Tests.Events;

public sealed class FactualityDetectorTests
{
    [Theory]
    [InlineData("Yildirim vowed to continue the attack", "attack", false, Factuality.Threatened)]
    [InlineData("The army did not shell the town", "shell", true, Factuality.Negated)]
    [InlineData("The army denied shelling the town", "shelling", true, Factuality.Denied)]
    [InlineData("Erdogan announced plans to deploy soldiers", "deploy", true, Factuality.Planned)]
    [InlineData("an offensive to capture the town", "capture", true, Factuality.Planned)]
    [InlineData("The deal would focus on aid", "deal", false, Factuality.Hypothetical)]
    [InlineData("Troops will attack the city", "attack", true, Factuality.Future)]
    [InlineData("Ankara fears an attack", "attack", false, Factuality.Feared)]
    [InlineData("a US-Russia truce deal due to take effect on Monday", "truce", false, Factuality.Future)]
    [InlineData("the offensive set to begin next week", "offensive", false, Factuality.Future)]
    [InlineData("IS recaptured Albu Kamal", "recaptured", true, Factuality.Asserted)]
    public void Detect_classifies_the_trigger(string sentence, string trigger, bool verb, Factuality expected)
    {
        var units = EventTestText.Units(sentence);
        var at = units.ToList().FindIndex(u => u.Key == trigger);
        Assert.Equal(expected, FactualityDetector.Detect(units, at, verb).Value);
    }
}
