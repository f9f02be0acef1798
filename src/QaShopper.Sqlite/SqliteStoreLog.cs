using Microsoft.Extensions.Logging;

namespace QaShopper.Sqlite;

/// <summary>The store's log messages. Paths and stored content stay out of them on purpose.</summary>
internal static partial class SqliteStoreLog
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Applied schema migration {Version} ({Name})")]
    public static partial void MigrationApplied(this ILogger logger, int version, string name);

    [LoggerMessage(EventId = 2, Level = LogLevel.Debug, Message = "Result store schema is at version {Version}")]
    public static partial void SchemaReady(this ILogger logger, int version);
}
