using System.Globalization;
using LiteDB;
using QaShopper.Core.Ports;
using QaShopper.LiteDb.Documents;

namespace QaShopper.LiteDb;

/// <summary>
/// The one open LiteDB database of a file in this process, shared by the result, ground-truth and campaign stores.
/// Holds an exclusive lock file beside the data file for as long as it is open: on Linux LiteDB's Direct mode takes no
/// exclusive lock, and two processes writing one file silently lose writes.
/// </summary>
public sealed class LiteDbFile : IDisposable
{
    /// <summary>The schema version this build writes: collections and indexes as <see cref="Migrate"/> makes them.</summary>
    public const int SchemaVersion = 2;

    private const string MetaId = "schema";

    private readonly FileStream lockFile;
    private readonly LiteDatabase database;
    private readonly TimeProvider timeProvider;
    private readonly Lazy<int> migration;
    private bool disposed;

    // Set when a read found the file damaged: closing it then must not checkpoint, which would write into it.
    private volatile bool damaged;

    /// <summary>Opens (creating when missing) the database named by <paramref name="options"/>.</summary>
    /// <exception cref="ArgumentException"><see cref="LiteDbStoreOptions.Path"/> is empty or a directory.</exception>
    /// <exception cref="StoreUnavailableException">Another process has the file open, or it was created with another collation.</exception>
    public LiteDbFile(LiteDbStoreOptions options, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(timeProvider);
        var error = LiteDbStoreOptionsValidator.Check(options.Path);
        if (error is not null)
        {
            throw new ArgumentException(error, nameof(options));
        }

        this.timeProvider = timeProvider;
        FullPath = System.IO.Path.GetFullPath(options.Path);
        var directory = System.IO.Path.GetDirectoryName(FullPath);
        try
        {
            if (!string.IsNullOrEmpty(directory))
            {
                Directory.CreateDirectory(directory);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // A parent that is a file, a folder without permission or a missing drive: the OS's message names the
            // folder, not the store, so the store's path leads the line.
            throw Unreachable(FullPath, ex);
        }

        lockFile = TakeLock(FullPath);
        try
        {
            Mapper = StoreMapper.Create();
            database = OpenDatabase(FullPath, Mapper);
            CheckCollation(database.Collation);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            database?.Dispose();
            lockFile.Dispose();
            throw Unreachable(FullPath, ex);
        }
        catch
        {
            database?.Dispose();
            lockFile.Dispose();
            throw;
        }

        migration = new Lazy<int>(RunMigration, LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>The absolute path of the data file.</summary>
    public string FullPath { get; }

    /// <summary>The mapper every collection of this file uses (never the global one).</summary>
    internal BsonMapper Mapper { get; }

    /// <summary>The database, migrated on first use if the host has not done it already.</summary>
    internal LiteDatabase Database
    {
        get
        {
            ObjectDisposedException.ThrowIf(disposed, this);
            _ = migration.Value;
            return database;
        }
    }

    /// <summary>Opens <paramref name="path"/>, for example from a <c>--db</c> option that overrides configuration.</summary>
    public static LiteDbFile Open(string path, TimeProvider timeProvider) => new(new LiteDbStoreOptions { Path = path }, timeProvider);

    /// <summary>
    /// The connection string: Direct mode (one engine per process; the lock file keeps other processes out), ordinal
    /// collation so ids differing only in case stay apart, no password (LiteDB's is AES-ECB without integrity, not a
    /// security feature) and no auto-rebuild (Rebuild fails on healthy files with secondary indexes, #2827).
    /// </summary>
    internal static ConnectionString ConnectionStringFor(string fullPath) => new()
    {
        Filename = fullPath,
        Connection = ConnectionType.Direct,
        Collation = new Collation("en-US/Ordinal"),
        AutoRebuild = false,
        Upgrade = false,
    };

    /// <summary>
    /// Checks the schema version and ensures every index the queries need; once per process (the host's start-up
    /// service calls it). A file written by a newer build is refused and left unchanged.
    /// </summary>
    /// <returns>The schema version of the file afterwards.</returns>
    /// <exception cref="StoreUnavailableException">The file's schema is newer than this build.</exception>
    public int Migrate()
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        return migration.Value;
    }

    /// <summary>
    /// Runs <paramref name="work"/> in one transaction on the calling thread. LiteDB's transactions belong to a thread,
    /// so the work must be synchronous: a Commit after an await runs on another thread, returns false and leaves the
    /// write lock held (#2822). Any exception rolls the whole transaction back.
    /// </summary>
    internal T InTransaction<T>(Func<LiteDatabase, T> work)
    {
        var db = Database;
        if (!db.BeginTrans())
        {
            throw new InvalidOperationException("A LiteDB transaction is already open on this thread; store writes must not nest.");
        }

        try
        {
            var result = work(db);
            if (!db.Commit())
            {
                throw new InvalidOperationException($"The store '{FullPath}' did not commit a transaction.");
            }

            return result;
        }
        catch
        {
            db.Rollback();
            throw;
        }
    }

    /// <summary>Checkpoints the log into the data file, closes it and releases the lock.</summary>
    public void Dispose()
    {
        if (disposed)
        {
            return;
        }

        disposed = true;
        try
        {
            // Commits are appended to the log without fsync; a checkpoint on the way out makes them part of the data file.
            if (!damaged)
            {
                database.Checkpoint();
            }
        }
        finally
        {
            database.Dispose();
            lockFile.Dispose();
        }
    }

    private static FileStream TakeLock(string fullPath)
    {
        var lockPath = fullPath + ".lock";
        try
        {
            // FileShare.None is an exclusive advisory lock (flock) on Unix and a sharing lock on Windows; the OS drops it
            // when the process dies, so a crash never leaves the file locked.
            return new FileStream(lockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (UnauthorizedAccessException ex)
        {
            throw Unreachable(fullPath, ex);
        }
        catch (IOException ex) when (File.Exists(lockPath))
        {
            throw new StoreUnavailableException(
                $"The store '{fullPath}' is in use by another QaShopper process (it holds '{lockPath}'). " +
                "Stop that process, or point Store:Path (--db) at another file; one process at a time may open a store.",
                ex)
            {
                InUseByAnotherProcess = true,
            };
        }
        catch (IOException ex)
        {
            // No lock file and none could be made: a read-only file system or an unusable folder, not another process.
            throw Unreachable(fullPath, ex);
        }
    }

    private static LiteDatabase OpenDatabase(string fullPath, BsonMapper mapper)
    {
        // LiteDB "repairs" a file it cannot read by cutting it to whole pages (measured: a 20,000-byte file of another
        // kind came back 16,384 bytes long), so a file that is not ours is refused before LiteDB opens it.
        if (!LooksLikeLiteDb(fullPath))
        {
            throw new StoreUnavailableException(NotLiteDbMessage(fullPath, "no LiteDB header"));
        }

        Verify(fullPath);
        try
        {
            return new LiteDatabase(ConnectionStringFor(fullPath), mapper);
        }
        catch (LiteException ex) when (ex.Message.Contains("collation", StringComparison.OrdinalIgnoreCase))
        {
            // LiteDB 5.0.21 refuses a file whose collation differs from the one asked for, and suggests a Rebuild,
            // which is ruled out here (#2827).
            throw CollationError(fullPath, ex.Message, ex);
        }
        catch (LiteException ex)
        {
            throw new StoreUnavailableException(NotLiteDbMessage(fullPath, ex.Message), ex);
        }
    }

    /// <summary>
    /// Reads every document of an existing file through a read-only engine before the writable one opens it. LiteDB
    /// marks a file it finds damaged as invalid in its header and cuts a short file to whole pages, both writes; read-only,
    /// it can do neither, so a damaged file is refused with its path and left byte for byte as it was. One pass over
    /// the file per process, for files up to <see cref="FullVerifyLimitBytes"/>: a damaged page found later would fail a
    /// command half done.
    /// </summary>
    /// <summary>Files up to this size are read through once at open to find damage (see <see cref="Verify"/>).</summary>
    internal const long FullVerifyLimitBytes = 64L * 1024 * 1024;

    private static void Verify(string fullPath)
    {
        var info = new FileInfo(fullPath);
        if (!info.Exists || info.Length == 0)
        {
            return;
        }

        // LiteDB writes whole 8 KiB pages; any other length is a file cut short (or grown by something else), which the
        // engine would "repair" by cutting it further, so it is refused before LiteDB sees it.
        const int pageSize = 8192;
        if (info.Length % pageSize != 0)
        {
            throw new StoreUnavailableException(
                $"The store '{fullPath}' is damaged: its length ({info.Length} bytes) is not a whole number of {pageSize}-byte " +
                "pages, as when a copy or a disk was cut short. It was not changed; restore it from a backup, or point " +
                "Store:Path (--db) at a new file.");
        }

        // Reading every document costs about a pass over the file on every command; beyond this size (a store of many
        // thousands of calls) the report's start-up target matters more, and only the header and length are checked.
        if (info.Length > FullVerifyLimitBytes)
        {
            return;
        }

        try
        {
            var readOnly = ConnectionStringFor(fullPath);
            readOnly.ReadOnly = true;
            using var probe = new LiteDatabase(readOnly);
            foreach (var name in probe.GetCollectionNames())
            {
                foreach (var document in probe.GetCollection(name).FindAll())
                {
                    _ = document.Count;
                }
            }
        }
        catch (LiteException ex) when (ex.Message.Contains("collation", StringComparison.OrdinalIgnoreCase))
        {
            throw CollationError(fullPath, ex.Message, ex);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw Unreachable(fullPath, ex);
        }
#pragma warning disable CA1031 // Garbage in a page surfaces as whatever LiteDB's reader trips on (LiteException, casts, ranges).
        catch (Exception ex) when (ex is not OutOfMemoryException)
#pragma warning restore CA1031
        {
            throw Damaged(fullPath, ex);
        }
    }

    private static StoreUnavailableException Damaged(string fullPath, Exception inner) => new(
        $"The store '{fullPath}' is damaged and cannot be read ({inner.Message.Split('\n', 2)[0].Trim()}). It was not changed; " +
        "restore it from a backup, or point Store:Path (--db) at a new file.",
        inner);

    /// <summary>True for a file LiteDB 5 wrote (its header page says so) and for a new or empty file.</summary>
    internal static bool LooksLikeLiteDb(string fullPath)
    {
        const string marker = "** This is a LiteDB file **";
        const int markerOffset = 32;
        const int versionOffset = markerOffset + 27;
        const byte fileVersion = 8;
        if (!File.Exists(fullPath))
        {
            return true;
        }

        var header = new byte[versionOffset + 1];
        int read;
        using (var file = new FileStream(fullPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite))
        {
            if (file.Length == 0)
            {
                return true;
            }

            read = file.ReadAtLeast(header, header.Length, throwOnEndOfStream: false);
        }

        return read == header.Length
            && System.Text.Encoding.ASCII.GetString(header, markerOffset, marker.Length) == marker
            && header[versionOffset] == fileVersion;
    }

    /// <summary>
    /// What to say about a file LiteDB cannot read. An earlier QaShopper kept its data in SQLite at the same default
    /// path, so that case gets its own advice; the file is never changed.
    /// </summary>
    internal static string NotLiteDbMessage(string fullPath, string detail)
    {
        const string sqliteHeader = "SQLite format 3";
        var header = new byte[sqliteHeader.Length];
        int read;
        using (var file = new FileStream(fullPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite))
        {
            read = file.ReadAtLeast(header, header.Length, throwOnEndOfStream: false);
        }

        var isSqlite = read == header.Length && System.Text.Encoding.ASCII.GetString(header) == sqliteHeader;
        return isSqlite
            ? $"The store '{fullPath}' is a SQLite database from an earlier QaShopper; this version keeps its data in a LiteDB file. " +
              "Move that file aside (it was not changed) or point Store:Path (--db) at a new file."
            : $"The store '{fullPath}' is not a QaShopper data file ({detail}). It was not changed; point Store:Path (--db) at " +
              "the right file, or at a new one.";
    }

    private void CheckCollation(Collation collation)
    {
        // The collation is fixed when the file is created; a file made with LiteDB's default (case-insensitive) one
        // would silently merge ids such as "A1" and "a1". LiteDB checks this itself on open; this is the backstop.
        if (collation.SortOptions != CompareOptions.Ordinal)
        {
            throw CollationError(FullPath, $"it has collation '{collation}'", null);
        }
    }

    private static StoreUnavailableException CollationError(string fullPath, string detail, Exception? inner)
    {
        var message = $"The store '{fullPath}' was created with another collation than the 'en-US/Ordinal' QaShopper needs " +
            $"(ids are case-sensitive): {detail} Point Store:Path (--db) at a new file; this one was not changed.";
        return inner is null ? new StoreUnavailableException(message) : new StoreUnavailableException(message, inner);
    }

    /// <summary>The line for a store whose file or folder the OS refuses (permissions, read-only, not a folder).</summary>
    private static StoreUnavailableException Unreachable(string fullPath, Exception inner) => new(
        $"The store '{fullPath}' cannot be opened: {inner.Message} Check that the folder exists and the file can be read " +
        "and written, or point Store:Path (--db) at another file; nothing was changed.",
        inner);

    /// <summary>
    /// Runs the migration; a file LiteDB cannot read (garbage in a page, cut short) is refused here, at open, with its
    /// path, and is left as it was: no rebuild, no checkpoint, never read as an empty store.
    /// </summary>
    private int RunMigration()
    {
        try
        {
            return MigrateOnce();
        }
        catch (Exception ex) when (ex is LiteException or IOException or UnauthorizedAccessException)
        {
            damaged = true;
            throw Damaged(FullPath, ex);
        }
    }

    private int MigrateOnce()
    {
        var meta = database.GetCollection<MetaDocument>(Collections.Meta);
        var current = meta.FindById(MetaId);
        if (current is not null && current.SchemaVersion > SchemaVersion)
        {
            throw new StoreUnavailableException(
                $"The store '{FullPath}' is at schema version {current.SchemaVersion}, but this build of QaShopper only knows " +
                $"versions up to {SchemaVersion}. Upgrade QaShopper or point Store:Path (--db) at another file; the store was not changed.");
        }

        var calls = database.GetCollection<CallDocument>(Collections.Calls);
        calls.EnsureIndex(x => x.PlacedTicks);
        calls.EnsureIndex(x => x.ReportTicks);
        calls.EnsureIndex(x => x.AgentTimeKey);
        calls.EnsureIndex(x => x.ScenarioId);
        calls.EnsureIndex(x => x.ReassignedFrom);
        database.GetCollection<OverrideDocument>(Collections.Overrides).EnsureIndex(x => x.CallId);
        database.GetCollection<AgentDayDocument>(Collections.AgentDays).EnsureIndex(x => x.Day);
        var campaignCalls = database.GetCollection<CampaignCallDocument>(Collections.CampaignCalls);
        campaignCalls.EnsureIndex(x => x.CampaignId);
        campaignCalls.EnsureIndex(x => x.State);
        database.GetCollection<CampaignEventDocument>(Collections.CampaignEvents).EnsureIndex(x => x.CallId);

        // The carrier call journal (added within schema version 1: new collections and indexes are invisible to older
        // builds, which neither read nor write them, so no version bump is needed to keep older files readable).
        database.GetCollection<CarrierCallDocument>(Collections.CarrierCalls).EnsureIndex(x => x.InFlight);
        database.GetCollection<CarrierCallEventDocument>(Collections.CarrierCallEvents).EnsureIndex(x => x.CallId);

        // The web app's accounts and API tokens (also within schema version 1, for the same reason).
        var tokens = database.GetCollection<ApiTokenDocument>(Collections.ApiTokens);
        tokens.EnsureIndex(x => x.TokenHash, unique: true);
        tokens.EnsureIndex(x => x.UserName);

        // Version 2 files calls under their planned time (report time) and keeps team buckets and points lost: a version 1
        // file gets its report times filled in and its buckets rebuilt from its calls, once.
        if (current is not null && current.SchemaVersion < 2)
        {
            ReportBuckets.RefileAll(database);
        }

        if (current is null || current.SchemaVersion < SchemaVersion)
        {
            meta.Upsert(new MetaDocument { Id = MetaId, SchemaVersion = SchemaVersion, UpdatedTicks = timeProvider.GetUtcNow().UtcTicks });
        }

        return SchemaVersion;
    }
}
