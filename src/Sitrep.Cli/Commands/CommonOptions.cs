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

    /// <summary><c>--map</c>: which input column or JSON property holds each document field.</summary>
    public static Option<string?> FieldMap() => new("--map")
    {
        Description = "Input columns/properties per field, e.g. id=unit_id,title=article_title,text=article_content,published=date,outlet=source",
    };

    /// <summary><c>--outlet</c>: one outlet name imposed on every document.</summary>
    public static Option<string?> Outlet() => new("--outlet") { Description = "Outlet name for every document (overrides the input's)" };

    /// <summary>The text of <paramref name="path"/> ("-" = standard input), or null after printing why it cannot be read.</summary>
    public static string? ReadTextOrStdin(string path)
    {
        try
        {
            return path == "-" ? Console.In.ReadToEnd() : File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine($"sitrep: {e.Message}");
            return null;
        }
    }
}
