namespace Sitrep.Tests.Ingest;

/// <summary>A temporary folder for one test, deleted afterwards; plus the repo root and ../shared.</summary>
sealed class IngestTestFiles : IDisposable
{
    public IngestTestFiles()
    {
        Root = Path.Combine(Path.GetTempPath(), "sitrep-ingest-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Root);
    }

    public string Root { get; }

    public string Write(string name, string content)
    {
        var path = Path.Combine(Root, name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
        return path;
    }

    public string Write(string name, byte[] content)
    {
        var path = Path.Combine(Root, name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, content);
        return path;
    }

    public static string Fixture(string name) => Path.Combine(AppContext.BaseDirectory, "Fixtures", "ingest", name);

    /// <summary>../shared beside the repository, or null when absent.</summary>
    public static string? Shared()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Sitrep.slnx")))
        {
            dir = dir.Parent;
        }

        if (dir is null)
        {
            return null;
        }

        var shared = Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared"));
        return Directory.Exists(shared) ? shared : null;
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}

/// <summary>A clock that stands still (Microsoft.Extensions.TimeProvider.Testing is not available).</summary>
sealed class FixedTimeProvider(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}
