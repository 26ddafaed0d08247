namespace Sitrep.Geo;

/// <summary>A gazetteer entry: GeoNames ("gn:170063") or the project's supplement ("sup:al-waleed-crossing").</summary>
public sealed record Place(
    string Id,
    string Name,
    double Latitude,
    double Longitude,
    string CountryCode,
    string? Admin1,
    string? Admin2,
    PlaceKind Kind,
    long Population);
