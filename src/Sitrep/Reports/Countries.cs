using System.Collections.Frozen;
using System.Globalization;

namespace Sitrep.Reports;

/// <summary>One country: ISO codes, common name and ACLED region.</summary>
public sealed record Country(string Alpha2, string Alpha3, int Numeric, string Name, string Region);

/// <summary>The country table shipped in <c>data/reports/countries.tsv</c>, looked up by any code or name.</summary>
public sealed class Countries
{
    readonly FrozenDictionary<string, Country> _byKey;

    /// <summary>Builds the lookup from rows.</summary>
    public Countries(IEnumerable<Country> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var map = new Dictionary<string, Country>(StringComparer.OrdinalIgnoreCase);
        foreach (var c in rows)
        {
            map.TryAdd(c.Alpha2, c);
            map.TryAdd(c.Alpha3, c);
            map.TryAdd(c.Numeric.ToString("000", CultureInfo.InvariantCulture), c);
            map.TryAdd(c.Name, c);
        }

        _byKey = map.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
    }

    static readonly Lazy<Countries> LazyDefault = new(() => Load(Path.Combine(AppContext.BaseDirectory, "data", "reports", "countries.tsv")));

    /// <summary>The shipped table.</summary>
    public static Countries Default => LazyDefault.Value;

    /// <summary>Reads a table: alpha2, alpha3, numeric, name, region (TAB-separated, # comments).</summary>
    public static Countries Load(string path)
    {
        var rows = new List<Country>();
        foreach (var line in File.ReadLines(path))
        {
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            var p = line.Split('\t');
            if (p.Length < 5)
            {
                throw new FormatException($"{path}: expected 5 TAB-separated columns in '{line}'");
            }

            rows.Add(new Country(p[0], p[1], int.Parse(p[2], CultureInfo.InvariantCulture), p[3], p[4]));
        }

        return new Countries(rows);
    }

    /// <summary>The country with this alpha-2, alpha-3, numeric code or name; null when unknown.</summary>
    public Country? Find(string? key) => key is not null && _byKey.TryGetValue(key.Trim(), out var c) ? c : null;
}
