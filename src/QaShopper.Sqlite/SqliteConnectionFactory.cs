using Dapper;
using Microsoft.Data.Sqlite;

namespace QaShopper.Sqlite;

/// <summary>Opens pooled connections to one database file, each with the store's pragmas applied.</summary>
internal sealed class SqliteConnectionFactory
{
    // WAL lets reports read while the pipeline writes; foreign keys are per connection in SQLite, so they are
    // switched on every time; busy_timeout rides out a second process briefly holding the write lock;
    // synchronous=NORMAL is durable across application crashes in WAL mode and much faster than FULL.
    private const string Pragmas =
        "PRAGMA journal_mode=WAL; PRAGMA foreign_keys=ON; PRAGMA busy_timeout=5000; PRAGMA synchronous=NORMAL;";

    private readonly string connectionString;

    /// <summary>Resolves <paramref name="path"/> against the current directory and creates its directory when missing.</summary>
    public SqliteConnectionFactory(string path)
    {
        FullPath = Path.GetFullPath(path);
        var directory = Path.GetDirectoryName(FullPath);
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }

        connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = FullPath,
            Pooling = true,
        }.ToString();
    }

    /// <summary>The absolute path of the database file.</summary>
    public string FullPath { get; }

    public async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            await connection.ExecuteAsync(new CommandDefinition(Pragmas, cancellationToken: cancellationToken));
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }
}
