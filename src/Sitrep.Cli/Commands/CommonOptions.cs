using System.CommandLine;

namespace Sitrep.Cli.Commands;

/// <summary>Options shared by several verbs.</summary>
static class CommonOptions
{
    /// <summary>Path of the SQLite database.</summary>
    public static readonly Option<string> Db = new("--db")
    {
        Description = "SQLite database file",
        DefaultValueFactory = _ => "sitrep.db",
        Recursive = true,
    };
}
