using Sitrep.Documents;
using Sitrep.Fusion;

namespace Sitrep.Tests.Fusion;

public sealed class NearDuplicateIndexTests
{
    // Texts written for this test (no article text): a wire story, a lightly edited republication, another story.
    const string Wire = "Warplanes struck the market town of Arnor on Monday killing at least twelve people and wounding dozens more " +
        "a monitoring group said. The strikes hit a crowded square near the old mosque shortly after noon and rescue workers " +
        "pulled survivors from the rubble of three buildings until late in the evening while the town council appealed for blood donations.";

    const string Republished = "ARNOR (Agencies) Warplanes struck the market town of Arnor on Monday killing at least twelve people and wounding dozens more " +
        "a monitoring group said. The strikes hit a crowded square near the old mosque shortly after noon and rescue workers " +
        "pulled survivors from the rubble of three buildings until late in the evening while the town council appealed for blood donations. Read more.";

    const string Other = "Fighters of the northern alliance advanced on the hill villages south of Gondor on Tuesday after a week of heavy " +
        "shelling and said they had taken two checkpoints on the main road while the garrison withdrew towards the river crossing " +
        "and the governor called for reinforcements from the capital.";

    [Fact]
    public void Add_finds_republication_but_not_other_story()
    {
        var index = new NearDuplicateIndex();
        Assert.Empty(index.Add(new DocumentId("a"), Wire));
        Assert.Equal([new DocumentId("a")], index.Add(new DocumentId("b"), Republished));
        Assert.Empty(index.Add(new DocumentId("c"), Other));
        Assert.Equal(index.GroupOf(new DocumentId("a")), index.GroupOf(new DocumentId("b")));
        Assert.NotEqual(index.GroupOf(new DocumentId("a")), index.GroupOf(new DocumentId("c")));
        Assert.True(index.Similarity(new DocumentId("a"), new DocumentId("b")) > 0.8);
    }

    [Fact]
    public void GroupOf_does_not_depend_on_insertion_order()
    {
        var x = new NearDuplicateIndex();
        x.Add(new DocumentId("b"), Republished);
        x.Add(new DocumentId("a"), Wire);
        Assert.Equal("a", x.GroupOf(new DocumentId("b")));
        Assert.Equal([[new DocumentId("a"), new DocumentId("b")]], x.Groups().Select(g => g.ToArray()));
    }

    [Fact]
    public void Similarity_estimates_jaccard()
    {
        var h = new MinHasher();
        var s1 = h.Signature(Wire);
        Assert.Equal(1.0, MinHasher.Similarity(s1, h.Signature(Wire)));
        Assert.True(MinHasher.Similarity(s1, h.Signature(Other)) < 0.1);
    }

    [Fact]
    public void Cluster_puts_follow_up_in_the_same_story()
    {
        var followUp = "The death toll from Monday's strikes on the market town of Arnor rose to twenty as rescue workers pulled more " +
            "survivors and bodies from the rubble near the old mosque, the monitoring group said.";
        var clusters = new StoryClusterer(threshold: 0.2).Cluster([
            new StoryDocument(new DocumentId("a"), new DateOnly(2016, 10, 3), "Warplanes strike Arnor market", Wire),
            new StoryDocument(new DocumentId("b"), new DateOnly(2016, 10, 4), "Arnor toll rises", followUp),
            new StoryDocument(new DocumentId("c"), new DateOnly(2016, 10, 4), "Alliance advances near Gondor", Other),
        ]);
        Assert.Equal(2, clusters.Length);
        Assert.Contains(clusters, c => c.Documents.Select(d => d.Value).SequenceEqual(["a", "b"]));
    }
}
