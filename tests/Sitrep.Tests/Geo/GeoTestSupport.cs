using Sitrep.Geo;

namespace Sitrep.Tests.Geo;

/// <summary>One geoparser for the geo tests; tests skip when the npm gazetteer data is not installed.</summary>
public sealed class GeoparserFixture
{
    private readonly Lazy<Geoparser?> _parser = new(() =>
        Gazetteer.LocateSources([], out _) is null ? null : Geoparser.Create(new GeoparserOptions(), TextWriter.Null));

    /// <summary>The geoparser, or a skip when `npm ci` has not been run.</summary>
    public Geoparser Parser => _parser.Value ?? throw new InvalidOperationException("unreachable");

    public void SkipWithoutData()
    {
        if (_parser.Value is null)
        {
            Assert.Skip("gazetteer data missing: run `npm ci` in the repository root");
        }
    }

    public static string RepoRoot()
    {
        for (var d = new DirectoryInfo(AppContext.BaseDirectory); d is not null; d = d.Parent)
        {
            if (File.Exists(Path.Combine(d.FullName, "Sitrep.slnx")))
            {
                return d.FullName;
            }
        }

        throw new DirectoryNotFoundException("Sitrep.slnx not found above " + AppContext.BaseDirectory);
    }

    public static string Shared() => Path.Combine(RepoRoot(), "..", "shared");
}
