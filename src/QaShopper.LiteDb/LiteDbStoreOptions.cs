namespace QaShopper.LiteDb;

/// <summary>Where the LiteDB store keeps its database; bound from the <c>Store</c> section.</summary>
public sealed class LiteDbStoreOptions
{
    /// <summary>The configuration section these options are bound from.</summary>
    public const string SectionName = "Store";

    /// <summary>The default database file, relative to the current directory.</summary>
    public const string DefaultPath = "data/qashopper.db";

    /// <summary>
    /// The database file (<c>Store:Path</c>). Relative paths resolve against the current directory; a missing directory
    /// is created. A lock file <c>&lt;path&gt;.lock</c> and LiteDB's <c>-log</c> file sit beside it. Default
    /// <c>data/qashopper.db</c>.
    /// </summary>
    public string Path { get; set; } = DefaultPath;
}
