namespace QaShopper.Sqlite;

/// <summary>
/// The database was written by a newer QaShopper than this one. It is left untouched: an older build
/// cannot know what the newer schema means, so it neither migrates nor writes.
/// </summary>
public sealed class SchemaTooNewException : InvalidOperationException
{
    public SchemaTooNewException()
    {
    }

    public SchemaTooNewException(string message)
        : base(message)
    {
    }

    public SchemaTooNewException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception for a database at <paramref name="databaseVersion"/>.</summary>
    public SchemaTooNewException(int databaseVersion, int supportedVersion)
        : base(
            $"The database schema is at version {databaseVersion}, but this build of QaShopper only knows versions up to {supportedVersion}. " +
            "Upgrade QaShopper or point Store:Path (--db) at another file; the database was not changed.")
    {
        DatabaseVersion = databaseVersion;
        SupportedVersion = supportedVersion;
    }

    /// <summary>The schema version found in the database.</summary>
    public int DatabaseVersion { get; }

    /// <summary>The newest schema version this build knows.</summary>
    public int SupportedVersion { get; }
}
