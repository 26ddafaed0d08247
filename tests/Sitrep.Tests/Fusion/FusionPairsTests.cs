using Sitrep.Fusion;

namespace Sitrep.Tests.Fusion;

public sealed class FusionPairsTests
{
    static string GoldPath => Path.Combine(AppContext.BaseDirectory, "gold", "fusion", "pairs.jsonl");

    [Fact]
    public void Load_gold_pairs_has_at_least_50_labelled_pairs_of_both_kinds()
    {
        var pairs = FusionPairs.Load(GoldPath);
        Assert.True(pairs.Length >= 50, $"{pairs.Length} pairs");
        Assert.Contains(pairs, p => p.Same);
        Assert.Contains(pairs, p => !p.Same);
        Assert.All(pairs, p => Assert.StartsWith("fakes:", p.A.Sources[0].DocumentId.Value, StringComparison.Ordinal));
    }

    [Fact]
    public void Score_gold_pairs_meets_the_floor()
    {
        var score = FusionPairs.Score(FusionPairs.Load(GoldPath), FusionRule.Default, ActorCompatibility.Default);
        Assert.True(score.Precision >= 0.90, $"precision {score.Precision}");
        Assert.True(score.Recall >= 0.90, $"recall {score.Recall}");
    }
}
