using Sitrep.Events;
using Sitrep.Fusion;
using static Sitrep.Tests.Fusion.FusionSome;

namespace Sitrep.Tests.Reports;

/// <summary>A hand-built month of events around Aleppo (real coordinates, invented reports) for report and export tests.</summary>
internal static class ReportFixtures
{
    public static readonly EventLocation Aleppo = new("Aleppo", "G-ALEPPO", 36.2021, 37.1343, "SY", "Aleppo", null, 1);
    public static readonly EventLocation Bustan = new("Bustan al-Qasr", "G-BUSTAN", 36.19, 37.14, "SY", "Aleppo", null, 1);
    public static readonly EventLocation Idlib = new("Idlib", "G-IDLIB", 35.9306, 36.6339, "SY", "Idlib", null, 1);
    public static readonly EventLocation Handarat = new("Handarat", "G-HANDARAT", 36.28, 37.17, "SY", "Aleppo", null, 1);

    public static IReadOnlyList<ConflictEvent> October2016()
    {
        var list = new List<ConflictEvent>();
        for (var day = 1; day <= 28; day += 3)
        {
            var date = $"2016-10-{day:00}";
            list.Add(Event($"s{day}", AcledSubEventType.AirDroneStrike, Bustan, date, actor1: Russia, actor2: Civilians, fatalities: day % 7 + 2, doc: $"wire{day}", outlet: "Agency A", sentence: "Air strikes hit the district, a monitor said."));
            list.Add(Event($"t{day}", AcledSubEventType.AirDroneStrike, Bustan, date, actor1: Army, actor2: Civilians, fatalities: day % 7 + 5, doc: $"tv{day}", outlet: "Channel B", sentence: "Regime jets bombed the district."));
            list.Add(Event($"r{day}", AcledSubEventType.ShellingArtilleryMissileAttack, Aleppo, date, actor1: Rebels, actor2: Civilians, fatalities: day % 3, doc: $"st{day}", outlet: "State agency", sentence: "Terrorists fired shells at residential areas."));
        }

        list.Add(Event("h1", AcledSubEventType.GovernmentRegainsTerritory, Handarat, "2016-10-02", actor1: Army, actor2: Rebels, doc: "cap1", outlet: "Agency A", sentence: "The army said it retook Handarat.",
            territory: new TerritoryChange(Handarat, Rebels, Army, new DateOnly(2016, 10, 2))));
        list.Add(Event("i1", AcledSubEventType.AirDroneStrike, Idlib, "2016-10-10", actor1: Russia, actor2: Civilians, fatalities: 12, doc: "id1", outlet: "Agency C"));
        return list;
    }
}
