namespace QaShopper.Sqlite;

/// <summary>Where the SQLite result store keeps its database; bound from the <c>Store</c> section.</summary>
public sealed class SqliteStoreOptions
{
    /// <summary>The configuration section these options are bound from.</summary>
    public const string SectionName = "Store";

    /// <summary>The default database file, relative to the current directory.</summary>
    public const string DefaultPath = "data/qashopper.db";

    /// <summary>
    /// The database file (<c>Store:Path</c>). Relative paths resolve against the current directory;
    /// a missing directory is created. Default <c>data/qashopper.db</c>.
    /// </summary>
    public string Path { get; set; } = DefaultPath;
}
