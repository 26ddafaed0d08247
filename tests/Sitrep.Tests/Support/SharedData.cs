namespace Sitrep.Tests.Support;

/// <summary>Locates the repository root and ../shared (absent on a fresh clone: tests then skip).</summary>
internal static class SharedData
{
    public static string RepoRoot { get; } = FindRepoRoot();

    /// <summary>Path of <paramref name="relative"/> under ../shared, or null when it is absent.</summary>
    public static string? Find(string relative)
    {
        var path = Path.Combine(RepoRoot, "..", "shared", relative);
        return File.Exists(path) || Directory.Exists(path) ? Path.GetFullPath(path) : null;
    }

    static string FindRepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Sitrep.slnx")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? AppContext.BaseDirectory;
    }
}
