using System.Collections.Immutable;
using System.Globalization;

namespace Sitrep.Geo;

/// <summary>One row of a place supplement file (data/geo/supplement.tsv or a user's <c>--places</c> file).</summary>
/// <param name="Id">Stable id without prefix ("al-waleed-crossing"); exposed as "sup:al-waleed-crossing".</param>
/// <param name="Name">Preferred English name.</param>
/// <param name="Kind">Feature kind.</param>
/// <param name="Latitude">WGS84 latitude.</param>
/// <param name="Longitude">WGS84 longitude.</param>
/// <param name="CountryCode">ISO 3166-1 alpha-2 code.</param>
/// <param name="Admin1">GeoNames admin1 code ("07") or name ("Deir ez-Zor"), or empty.</param>
/// <param name="Aliases">Other spellings.</param>
/// <param name="Source">Where the coordinates come from.</param>
public sealed record SupplementPlace(
    string Id,
    string Name,
    PlaceKind Kind,
    double Latitude,
    double Longitude,
    string CountryCode,
    string Admin1,
    ImmutableArray<string> Aliases,
    string Source);

/// <summary>A row that could not be read, with its file and line.</summary>
public sealed record SupplementError(string File, int Line, string Message);

/// <summary>
/// Reads place supplement files: UTF-8 TSV with a header line
/// <c>id name kind lat lon country admin1 aliases source</c>; aliases separated by <c>|</c>; lines starting
/// with <c>#</c> and blank lines are ignored.
/// </summary>
public static class SupplementReader
{
    /// <summary>The columns, in order.</summary>
    public static readonly ImmutableArray<string> Columns = ["id", "name", "kind", "lat", "lon", "country", "admin1", "aliases", "source"];

    /// <summary>Reads <paramref name="path"/>; bad rows are returned as errors, good rows as places.</summary>
    public static (ImmutableArray<SupplementPlace> Places, ImmutableArray<SupplementError> Errors) Read(string path)
    {
        var places = ImmutableArray.CreateBuilder<SupplementPlace>();
        var errors = ImmutableArray.CreateBuilder<SupplementError>();
        var lineNo = 0;
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var raw in File.ReadLines(path))
        {
            lineNo++;
            var line = raw.TrimEnd('\r');
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            var f = line.Split('\t');
            if (f.Length > 0 && f[0] == "id")
            {
                continue;
            }

            if (f.Length < 7)
            {
                errors.Add(new(path, lineNo, $"expected {Columns.Length} tab-separated columns, found {f.Length}"));
                continue;
            }

            if (!Enum.TryParse<PlaceKind>(f[2].Trim(), ignoreCase: true, out var kind))
            {
                errors.Add(new(path, lineNo, $"unknown kind '{f[2]}'"));
                continue;
            }

            if (!double.TryParse(f[3], NumberStyles.Float, CultureInfo.InvariantCulture, out var lat) || lat is < -90 or > 90
                || !double.TryParse(f[4], NumberStyles.Float, CultureInfo.InvariantCulture, out var lon) || lon is < -180 or > 180)
            {
                errors.Add(new(path, lineNo, "bad latitude/longitude"));
                continue;
            }

            var id = f[0].Trim();
            if (id.Length == 0 || !ids.Add(id))
            {
                errors.Add(new(path, lineNo, $"missing or duplicate id '{id}'"));
                continue;
            }

            var aliases = f.Length > 7
                ? f[7].Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToImmutableArray()
                : [];
            places.Add(new(id, f[1].Trim(), kind, lat, lon, f[5].Trim().ToUpperInvariant(), f[6].Trim(), aliases, f.Length > 8 ? f[8].Trim() : ""));
        }

        return (places.ToImmutable(), errors.ToImmutable());
    }
}
