using Dapper;
using Microsoft.Data.Sqlite;

namespace QaShopper.Tests.Sqlite;

/// <summary>A database file in its own temporary directory, removed (with its WAL files) on dispose.</summary>
internal sealed class TempDatabase : IDisposable
{
    public TempDatabase()
    {
        Directory = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "qashopper-tests", Guid.NewGuid().ToString("N"));
        Path = System.IO.Path.Combine(Directory, "store", "qashopper.db");
    }

    public string Directory { get; }

    public string Path { get; }

    /// <summary>A raw connection for inspecting or tampering with the file behind the store's back.</summary>
    public SqliteConnection OpenRaw()
    {
        var connection = new SqliteConnection($"Data Source={Path};Pooling=false");
        connection.Open();
        return connection;
    }

    public T Scalar<T>(string sql, object? parameters = null)
    {
        using var connection = OpenRaw();
        return connection.ExecuteScalar<T>(sql, parameters)!;
    }

    public void Dispose()
    {
        // Pooled connections keep the file (and its -wal/-shm companions) open.
        SqliteConnection.ClearAllPools();
        if (System.IO.Directory.Exists(Directory))
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
    }
}
