using System.Globalization;
using System.Reflection;
using Microsoft.Data.Sqlite;

namespace Sitrep.Storage.Sqlite;

/// <summary>
/// Applies the schema migrations embedded in this assembly (<c>Migrations/NNNN_name.sql</c>) in order of
/// NNNN, each in its own transaction, recording each in <c>schema_version</c>. Already applied versions are
/// skipped, so it is safe to run on every start.
/// </summary>
public static class SqliteMigrator
{
    /// <summary>A migration: its version number, file name and SQL.</summary>
    public sealed record Migration(int Version, string Name, string Sql);

    /// <summary>The embedded migrations in version order; throws when two share a version (a build mistake).</summary>
    public static IReadOnlyList<Migration> Embedded()
    {
        var assembly = typeof(SqliteMigrator).Assembly;
        var list = new List<Migration>();
        foreach (var name in assembly.GetManifestResourceNames())
        {
            if (!name.StartsWith("Migrations/", StringComparison.Ordinal) || !name.EndsWith(".sql", StringComparison.Ordinal))
            {
                continue;
            }

            var file = name["Migrations/".Length..];
            var underscore = file.IndexOf('_', StringComparison.Ordinal);
            if (underscore <= 0 || !int.TryParse(file[..underscore], NumberStyles.None, CultureInfo.InvariantCulture, out var version))
            {
                throw new InvalidOperationException($"Migration file '{file}' is not named NNNN_name.sql.");
            }

            using var stream = assembly.GetManifestResourceStream(name)!;
            using var reader = new StreamReader(stream);
            list.Add(new Migration(version, file, reader.ReadToEnd()));
        }

        list.Sort((a, b) => a.Version.CompareTo(b.Version));
        for (var i = 1; i < list.Count; i++)
        {
            if (list[i].Version == list[i - 1].Version)
            {
                throw new InvalidOperationException($"Migrations '{list[i - 1].Name}' and '{list[i].Name}' share version {list[i].Version}.");
            }
        }

        return list;
    }

    /// <summary>Applies the migrations not yet recorded; returns the versions applied now.</summary>
    public static IReadOnlyList<int> Apply(SqliteConnection connection, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(time);
        using (var create = connection.CreateCommand())
        {
            create.CommandText = """
                CREATE TABLE IF NOT EXISTS schema_version (
                    version    INTEGER PRIMARY KEY,
                    name       TEXT NOT NULL,
                    applied_at TEXT NOT NULL
                )
                """;
            create.ExecuteNonQuery();
        }

        var applied = new List<int>();
        foreach (var m in Embedded())
        {
            // BEGIN IMMEDIATE: two processes starting at once apply each migration once.
            using var tx = connection.BeginTransaction(deferred: false);
            using (var check = connection.CreateCommand())
            {
                check.Transaction = tx;
                check.CommandText = "SELECT 1 FROM schema_version WHERE version = $v";
                check.Parameters.AddWithValue("$v", m.Version);
                if (check.ExecuteScalar() is not null)
                {
                    continue;
                }
            }

            using (var run = connection.CreateCommand())
            {
                run.Transaction = tx;
                run.CommandText = m.Sql;
                run.ExecuteNonQuery();
            }

            using (var record = connection.CreateCommand())
            {
                record.Transaction = tx;
                record.CommandText = "INSERT INTO schema_version (version, name, applied_at) VALUES ($v, $n, $t)";
                record.Parameters.AddWithValue("$v", m.Version);
                record.Parameters.AddWithValue("$n", m.Name);
                record.Parameters.AddWithValue("$t", time.GetUtcNow().ToString("O", CultureInfo.InvariantCulture));
                record.ExecuteNonQuery();
            }

            tx.Commit();
            applied.Add(m.Version);
        }

        return applied;
    }
}
