using Microsoft.Data.Sqlite;

namespace Sitrep.Storage.Sqlite;

/// <summary>
/// One SQLite database file: opens connections in WAL mode with foreign keys on and a busy timeout, and
/// brings the schema up to date (all embedded migrations) on first open. Create one per file and share it;
/// every store of the application (documents, events, …) opens its connections here.
/// </summary>
public sealed class SqliteDatabase
{
    readonly string _connectionString;
    readonly TimeProvider _time;
    readonly Lock _gate = new();
    bool _migrated;

    /// <summary>A database at <paramref name="path"/> (created when missing).</summary>
    public SqliteDatabase(string path, TimeProvider time)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        ArgumentNullException.ThrowIfNull(time);
        Path = path;
        _time = time;
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
            DefaultTimeout = 30,
        }.ToString();
    }

    /// <summary>The database file.</summary>
    public string Path { get; }

    /// <summary>The clock used for timestamps written by the stores.</summary>
    public TimeProvider Time => _time;

    /// <summary>An open connection; the caller disposes it.</summary>
    public async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken = default)
    {
        var connection = new SqliteConnection(_connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            using (var pragmas = connection.CreateCommand())
            {
                pragmas.CommandText = "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 10000;";
                pragmas.ExecuteNonQuery();
            }

            lock (_gate)
            {
                if (!_migrated)
                {
                    SqliteMigrator.Apply(connection, _time);
                    _migrated = true;
                }
            }

            return connection;
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>The schema versions recorded in the database, in order.</summary>
    public async Task<IReadOnlyList<int>> SchemaVersionsAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        using var cmd = connection.CreateCommand();
        cmd.CommandText = "SELECT version FROM schema_version ORDER BY version";
        var versions = new List<int>();
        await using var reader = await cmd.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            versions.Add(reader.GetInt32(0));
        }

        return versions;
    }
}
