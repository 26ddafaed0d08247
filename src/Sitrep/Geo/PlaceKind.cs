namespace Sitrep.Geo;

/// <summary>What kind of place a gazetteer entry is.</summary>
public enum PlaceKind
{
    /// <summary>A country.</summary>
    Country,
    /// <summary>First-order administrative division (province, governorate).</summary>
    Admin1,
    /// <summary>Second-order administrative division (district).</summary>
    Admin2,
    /// <summary>A populated place: city, town or village.</summary>
    Settlement,
    /// <summary>A district or neighbourhood of a city.</summary>
    District,
    /// <summary>A border crossing.</summary>
    Crossing,
    /// <summary>An air base or airport.</summary>
    Airbase,
    /// <summary>A dam.</summary>
    Dam,
    /// <summary>An oil or gas field.</summary>
    OilField,
    /// <summary>A region without administrative status (a valley, a desert, a countryside).</summary>
    Region,
    /// <summary>A natural feature (river, mountain).</summary>
    Natural,
    /// <summary>Anything else.</summary>
    Other,
}
