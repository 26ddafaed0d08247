using Sitrep.Documents;
using Sitrep.Events;
using Sitrep.Temporal;
using Sitrep.Text;

namespace Sitrep.Tests.Fusion;

/// <summary>Hand-built events and actors for fusion tests (fictional places Arnor/Gondor/Rohan plus a few real ones).</summary>
internal static class FusionSome
{
    public static readonly ActorRef Army = new("army-sy", "Military Forces of Syria", ActorKind.StateForces, 1, "SY");
    public static readonly ActorRef AirForce = new("airforce-sy", "Syrian Air Force", ActorKind.StateForces, 1, "SY");
    public static readonly ActorRef IraqiArmy = new("army-iq", "Military Forces of Iraq", ActorKind.StateForces, 1, "IQ");
    public static readonly ActorRef IslamicState = new("Q2429253", "Islamic State", ActorKind.RebelGroup, 2);
    public static readonly ActorRef Rebels = new("generic:rebels", "rebels", ActorKind.RebelGroup, 2);
    public static readonly ActorRef JaishAlIslam = new("Q1142427", "Jaysh al-Islam", ActorKind.RebelGroup, 2);
    public static readonly ActorRef Civilians = new("generic:civilians", "civilians", ActorKind.Civilians, 7, "SY");
    public static readonly ActorRef Russia = new("army-ru", "Military Forces of Russia", ActorKind.ExternalForce, 8, "RU");

    public static EventLocation Place(string name, double lat, double lon, string admin1 = "Arnor", int precision = 1, string id = "") =>
        new(name, id, lat, lon, "SY", admin1, null, precision);

    public static readonly EventLocation Arnor = Place("Arnor", 35.00, 38.00, id: "P1");
    public static readonly EventLocation ArnorSuburb = Place("Arnor East", 35.03, 38.05);
    public static readonly EventLocation Gondor = Place("Gondor", 36.00, 39.50, "Gondor", id: "P2");
    public static readonly EventLocation ArnorProvince = Place("Arnor Governorate", 35.2, 38.2, "Arnor", 3);

    public static ConflictEvent Event(
        string id,
        AcledSubEventType type = AcledSubEventType.AirDroneStrike,
        EventLocation? at = null,
        string date = "2016-10-05",
        string? end = null,
        ActorRef? actor1 = null,
        ActorRef? actor2 = null,
        int? fatalities = null,
        string doc = "d1",
        string? outlet = null,
        Factuality factuality = Factuality.Asserted,
        TerritoryChange? territory = null,
        string sentence = "",
        string? published = null)
    {
        var start = DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture);
        var stop = end is null ? start : DateOnly.Parse(end, System.Globalization.CultureInfo.InvariantCulture);
        return new ConflictEvent
        {
            Id = new EventId(id),
            EventDate = start,
            TimePrecision = stop == start ? TimePrecision.Day : TimePrecision.Month,
            DateInterval = new DateInterval(start, stop),
            SubEventType = type,
            Plover = new PloverCode("ASSAULT", null),
            Cameo = "195",
            Actor1 = actor1,
            Actor2 = actor2,
            Location = at ?? Arnor,
            Fatalities = fatalities,
            Factuality = factuality,
            Territory = territory,
            Sources = [new EventSource(new DocumentId(doc), outlet, "https://example.org/" + doc, published is null ? start : DateOnly.Parse(published, System.Globalization.CultureInfo.InvariantCulture), sentence, new TextSpan(0, sentence.Length))],
            Confidence = 0.6,
        };
    }
}
