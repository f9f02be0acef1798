using System.Globalization;
using QaShopper.Core.Ports;
using QaShopper.Core.Results;
using QaShopper.LiteDb;

// Usage: QaShopper.StoreProbe <db path> <call id prefix> <count>
// Opens the store as a QaShopper process would, prints "open", saves <count> calls (one transaction each), prints
// "written <count>", then keeps the store open until its standard input closes, so a test can try a second process
// against the same file meanwhile. Exit 0 on success; exit 3 with the message on stderr when the store is unavailable.
if (args.Length != 3)
{
    await Console.Error.WriteLineAsync("usage: QaShopper.StoreProbe <db path> <call id prefix> <count>");
    return 2;
}

var count = int.Parse(args[2], CultureInfo.InvariantCulture);
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
