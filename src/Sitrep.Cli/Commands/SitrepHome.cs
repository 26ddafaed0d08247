namespace Sitrep.Cli.Commands;

/// <summary>Where the project lives: <c>SITREP_HOME</c> (set by the <c>./sitrep</c> wrapper), else the folder holding Sitrep.slnx above the binary.</summary>
static class SitrepHome
{
    public static string? Find()
    {
        if (Environment.GetEnvironmentVariable("SITREP_HOME") is { Length: > 0 } home && Directory.Exists(home))
        {
            return home;
        }

        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Sitrep.slnx")))
            {
                return dir.FullName;
            }
        }

        return null;
    }
}
