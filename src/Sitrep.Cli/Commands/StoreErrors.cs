using Microsoft.Data.Sqlite;

namespace Sitrep.Cli.Commands;

/// <summary>Turns a database that cannot be opened or written into a one-line message and exit code 1.</summary>
static class StoreErrors
{
    public static async Task<int> Guard(string verb, string db, Func<Task<int>> action)
    {
        try
        {
            return await action();
        }
        catch (SqliteException ex)
        {
            await Console.Error.WriteLineAsync($"sitrep {verb}: database {db}: {ex.Message}");
            return 1;
        }
    }
}
