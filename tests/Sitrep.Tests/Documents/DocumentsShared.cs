namespace Sitrep.Tests.Documents;

/// <summary>Locates ../shared (beside the repo root) for tests that read the shared seeds and benchmarks.</summary>
internal static class DocumentsShared
{
    /// <summary>The shared folder, or null when it is absent (tests then skip).</summary>
    public static string? Dir()
    {
        for (var d = new DirectoryInfo(AppContext.BaseDirectory); d is not null; d = d.Parent)
        {
            if (File.Exists(Path.Combine(d.FullName, "Sitrep.slnx")))
            {
                var shared = Path.GetFullPath(Path.Combine(d.FullName, "..", "shared"));
                return Directory.Exists(shared) ? shared : null;
            }
        }

        return null;
    }

    /// <summary>A folder under ../shared, or a skip with a one-line reason.</summary>
    public static string Require(params string[] parts)
    {
        var shared = Dir();
        if (shared is null)
        {
            Assert.Skip("../shared is absent");
        }

        var path = Path.Combine([shared, .. parts]);
        if (!Directory.Exists(path) && !File.Exists(path))
        {
            Assert.Skip($"{Path.Combine(parts)} is absent from ../shared");
        }

        return path;
    }

    public static string Fixture(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "documents", name));
}
