using Sitrep.Documents.Ingest;
using Sitrep.Events;
using Sitrep.Pipeline;
using Sitrep.Tests.Support;

namespace Sitrep.Tests.Events;

/// <summary>Issue 5 "done when": the seeds through the whole pipeline (skips without ../shared or a built gazetteer).</summary>
public sealed class SeedEventTests
{
    static readonly Lazy<(ArticlePipeline? Pipeline, string? Skip)> Composed = new(() =>
    {
        if (SharedData.Find("seeds") is null)
        {
            return (null, "../shared/seeds not found");
        }

        try
        {
            _ = Sitrep.Geo.Geoparser.Create();
        }
        catch (Exception ex) when (ex is IOException or InvalidOperationException or UnauthorizedAccessException)
        {
            return (null, "gazetteer not built (npm ci && ./sitrep gazetteer build)");
        }

        return (EventStages.Create(), null);
    });

    static List<ConflictEvent> Extract(string stem, out string text)
    {
        var (pipeline, skip) = Composed.Value;
        if (pipeline is null)
        {
            Assert.Skip(skip!);
        }

        var raw = new DocumentReader().ReadFile(Path.Combine(SharedData.Find("seeds")!, stem + ".txt")).Select(r => r.Document).First()!;
        var result = pipeline.Run(raw, DocumentOverrides.None, out _)!;
        text = result.Article.Article.Text;
        return [.. result.Asserted];
    }

    [Fact]
    public void Extract_seed002_IS_recaptures_Albu_Kamal_on_2017_11_11()
    {
        var events = Extract("002_9cd13ebd3ff0fa9d", out _);
        var e = Assert.Single(events, x => x.SubEventType == AcledSubEventType.NonStateActorOvertakesTerritory && x.Actor1?.Name == "Islamic State"
            && x.EventDate == new DateOnly(2017, 11, 11));
        Assert.InRange(e.Location!.Latitude, 34.40, 34.50);
        Assert.InRange(e.Location.Longitude, 40.87, 40.97);
    }

    [Fact]
    public void Extract_seed004_Iraqi_forces_take_al_Waleed_from_IS()
    {
        var events = Extract("004_241809d2d0785ee6", out _);
        Assert.Contains(events, x => x.SubEventType == AcledSubEventType.GovernmentRegainsTerritory && x.Actor1?.Name == "Military Forces of Iraq"
            && x.Actor2?.Name == "Islamic State" && x.Location!.Name.Contains("Waleed", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void Extract_seed001_strikes_on_al_Waer_kill_four()
    {
        var events = Extract("001_bb3b1c37c5412d9c", out _);
        Assert.Contains(events, x => x.SubEventType == AcledSubEventType.AirDroneStrike && x.Fatalities == 4 && x.Location!.Name.Contains("Waer", StringComparison.Ordinal));
    }

    [Fact]
    public void Extract_seed001_Turkish_shelling_kills_28()
    {
        var events = Extract("001_bb3b1c37c5412d9c", out var text);
        Assert.Contains("28 Islamic State", text, StringComparison.Ordinal);   // the cleaner keeps the seed's last sentence
        Assert.Contains(events, x => x.SubEventType == AcledSubEventType.ShellingArtilleryMissileAttack && x.Fatalities == 28 && x.Actor1?.Name == "Military Forces of Turkey");
    }

    [Fact]
    public void Extract_seed003_Syrian_army_encircles_IS_in_al_Mayadin()
    {
        var events = Extract("003_260a0bf10cef970c", out _);
        Assert.Contains(events, x => x.SubEventType == AcledSubEventType.ArmedClash && x.Actor1?.Name == "Military Forces of Syria"
            && x.Actor2?.Name == "Islamic State" && x.Trigger == "encircled");
    }

    [Fact]
    public void Extract_seed000_vow_and_fear_are_not_events()
    {
        var events = Extract("000_6cf0534dffb9d07a", out _);
        Assert.DoesNotContain(events, x => x.Sources.Any(s => s.Sentence.Contains("vowed to continue", StringComparison.Ordinal) || s.Sentence.Contains("fearing the creation", StringComparison.Ordinal)));
    }
}
