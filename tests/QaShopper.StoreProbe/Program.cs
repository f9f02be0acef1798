using System.Globalization;
using QaShopper.Core.Ports;
using QaShopper.Core.Results;
using QaShopper.LiteDb;

// Usage: QaShopper.StoreProbe <db path> <call id prefix> <count> [unguarded]
//        QaShopper.StoreProbe <db path> report <from yyyy-MM-dd> <to yyyy-MM-dd> [last calls]   (times a cold process's agent reports)
// Opens the store as a QaShopper process would, prints "open", saves <count> calls (one transaction each), prints
// "written <count>", then keeps the store open until its standard input closes, so a test can try a second process
// against the same file meanwhile. Exit 0 on success; exit 3 with the message on stderr when the store is unavailable.
if (args.Length is not (3 or 4 or 5))
{
    await Console.Error.WriteLineAsync("usage: QaShopper.StoreProbe <db path> <call id prefix> <count> [unguarded]");
    return 2;
}

if (args.Length >= 4 && args[1] == "report")
{
    // What a fresh `report` process pays: opening the file, then the first (cold) and a second (warm) report.
    var watch = System.Diagnostics.Stopwatch.StartNew();
    using var file = LiteDbFile.Open(args[0], TimeProvider.System);
    file.Migrate();
    var opened = watch.Elapsed;
    var store = new LiteDbResultStore(file, TimeProvider.System);
    var query = new CallQuery(
        From: DateTimeOffset.Parse(args[2], CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal),
        To: DateTimeOffset.Parse(args[3], CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal));
    var lastCalls = args.Length > 4 ? int.Parse(args[4], CultureInfo.InvariantCulture) : 5;
    var reports = await store.GetAgentReportsAsync(query, lastCalls);
    var first = watch.Elapsed - opened;
    var again = System.Diagnostics.Stopwatch.StartNew();
    _ = await store.GetAgentReportsAsync(query, lastCalls);
    Console.WriteLine(string.Create(
        CultureInfo.InvariantCulture,
        $"open+migrate {opened.TotalMilliseconds:F0} ms; first report ({reports.Count} agents) {first.TotalMilliseconds:F0} ms; second {again.Elapsed.TotalMilliseconds:F0} ms"));
    return 0;
}

var count = int.Parse(args[2], CultureInfo.InvariantCulture);
if (args.Length == 4)
{
    // A measurement of what the lock file prevents, never used by the tests: LiteDB opened directly, as the store
    // would without its lock, inserting one document per transaction.
    using var raw = new LiteDB.LiteDatabase(QaShopper.LiteDb.LiteDbFile.ConnectionStringFor(Path.GetFullPath(args[0])));
    var collection = raw.GetCollection("raw");
    for (var i = 0; i < count; i++)
    {
        collection.Insert(new LiteDB.BsonDocument { ["_id"] = string.Create(CultureInfo.InvariantCulture, $"{args[1]}-{i:D5}") });
    }

    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"acknowledged {count}"));
    return 0;
}

try
{
    using var file = LiteDbFile.Open(args[0], TimeProvider.System);
    file.Migrate();
    Console.WriteLine("open");
    var store = new LiteDbResultStore(file, TimeProvider.System);
    var start = new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);
    for (var i = 0; i < count; i++)
    {
        var id = string.Create(CultureInfo.InvariantCulture, $"{args[1]}-{i:D5}");
        await store.SaveCallAsync(
            new CallRecord(id, "probe", "hash", "probe-agent", "simulated", start.AddSeconds(i), CallStatus.Completed, 1, 60, null, null, new Dictionary<string, string>()),
            null);
    }

    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"written {count}"));
    _ = await Console.In.ReadToEndAsync();
    return 0;
}
catch (StoreUnavailableException ex)
{
    await Console.Error.WriteLineAsync(ex.Message);
    return 3;
}
