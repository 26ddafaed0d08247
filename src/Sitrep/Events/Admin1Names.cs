using System.Collections.Frozen;

namespace Sitrep.Events;

/// <summary>
/// data/geo/admin1-names.tsv: the spellings of first-order divisions that name the same division ("Rif-dimashq",
/// "Rural Damascus") and, for a city that is a division by itself, the division around it.
/// </summary>
internal sealed class Admin1Names
{
    static readonly Lazy<Admin1Names> Shipped = new(() => Load(Path.Combine(TsvFile.DataDir("geo"), "admin1-names.tsv")));

    readonly FrozenDictionary<string, string> _canonical;
    readonly FrozenDictionary<string, string> _surrounding;

    Admin1Names(FrozenDictionary<string, string> canonical, FrozenDictionary<string, string> surrounding)
    {
        _canonical = canonical;
        _surrounding = surrounding;
    }

    /// <summary>The table shipped in data/geo.</summary>
    public static Admin1Names Default => Shipped.Value;

    /// <summary>Reads the table; a malformed row throws <see cref="DataFileException"/>.</summary>
    public static Admin1Names Load(string path)
    {
        var canonical = new Dictionary<string, string>(StringComparer.Ordinal);
        var surrounding = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (line, cell) in TsvFile.Read(path))
        {
            var spelling = Strip(PlaceNames.Key(cell("spelling")));
            var target = Strip(PlaceNames.Key(cell("canonical")));
            if (spelling.Length == 0 || target.Length == 0)
            {
                throw new DataFileException(path, line, "empty spelling or canonical name");
            }

            canonical[spelling] = target;
            if (cell("surrounding") is { Length: > 0 } around)
            {
                surrounding[target] = around;
            }
        }

        return new Admin1Names(canonical.ToFrozenDictionary(StringComparer.Ordinal), surrounding.ToFrozenDictionary(StringComparer.Ordinal));
    }

    /// <summary>The comparison key of a division's name: case, accents, "Governorate/Province" and spelling variants removed.</summary>
    public string Key(string name)
    {
        var t = Strip(PlaceNames.Key(name));
        return _canonical.TryGetValue(t, out var c) ? c : t;
    }

    /// <summary>The division around a city that is a division by itself ("Damascus" → "Rif-dimashq"), else null.</summary>
    public string? Surrounding(string admin1) => _surrounding.GetValueOrDefault(Key(admin1));

    static string Strip(string key)
    {
        foreach (var suffix in (ReadOnlySpan<string>)["governorate", "province", "muhafazah", "region"])
        {
            if (key.EndsWith(suffix, StringComparison.Ordinal) && key.Length > suffix.Length)
            {
                key = key[..^suffix.Length];
            }
        }

        return key;
    }
}
