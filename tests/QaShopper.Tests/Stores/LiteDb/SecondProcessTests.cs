using System.Diagnostics;
using QaShopper.Core.Results;
using QaShopper.LiteDb;
using QaShopper.Tests.Support;

namespace QaShopper.Tests.Stores.LiteDb;

/// <summary>
/// Two QaShopper processes on one file: on Linux LiteDB's Direct mode takes no exclusive lock, and both would write
/// and lose each other's writes. The lock file refuses the second process instead. Real processes, not threads:
/// the lock is per process.
/// </summary>
public sealed class SecondProcessTests
{
    private const int Prefilled = 100;
    private const int FirstProcessWrites = 1000;

    [Test]
    [CancelAfter(120_000)]
    public async Task SecondProcess_WhileTheFirstWrites_IsRefusedNamingTheFileAndNothingIsLost(CancellationToken cancellationToken)
    {
        using var database = new TempDatabase();
        using (var file = LiteDbFile.Open(database.Path, new TestClock()))
        {
            var store = new LiteDbResultStore(file, new TestClock());
            for (var i = 0; i < Prefilled; i++)
            {
                await store.SaveCallAsync(SampleCalls.Call($"before-{i:D3}", placedAt: SampleCalls.Monday.AddMinutes(i)), SampleCalls.Score(), cancellationToken);
            }
        }

        using var first = StartProbe(database.Path, "first", FirstProcessWrites);
        Assert.That(await first.StandardOutput.ReadLineAsync(cancellationToken), Is.EqualTo("open"), await ErrorsOf(first));

        // The second process starts while the first is writing its calls.
        using var second = StartProbe(database.Path, "second", FirstProcessWrites);
        var secondErrors = await second.StandardError.ReadToEndAsync(cancellationToken);
        await second.WaitForExitAsync(cancellationToken);

        Assert.That(await first.StandardOutput.ReadLineAsync(cancellationToken), Is.EqualTo($"written {FirstProcessWrites}"));
        first.StandardInput.Close();
        await first.WaitForExitAsync(cancellationToken);

        TestContext.Out.WriteLine($"second process: exit {second.ExitCode}: {secondErrors.Trim()}");
        Assert.That(second.ExitCode, Is.EqualTo(3), "the second process is refused");
        Assert.That(secondErrors, Does.Contain(Path.GetFullPath(database.Path)).And.Contain("is in use by another QaShopper process"));
        Assert.That(first.ExitCode, Is.Zero, await ErrorsOf(first));

        using var reopened = LiteDbFile.Open(database.Path, new TestClock());
        var calls = await new LiteDbResultStore(reopened, new TestClock()).GetCallsAsync(new CallQuery(), cancellationToken);
        TestContext.Out.WriteLine($"stored afterwards: {calls.Count} calls ({Prefilled} before, {FirstProcessWrites} acknowledged by the first process)");
        Assert.That(calls.Count(c => c.Call.CallId.StartsWith("before-", StringComparison.Ordinal)), Is.EqualTo(Prefilled));
        Assert.That(calls.Count(c => c.Call.CallId.StartsWith("first-", StringComparison.Ordinal)), Is.EqualTo(FirstProcessWrites));
        Assert.That(calls.Count(c => c.Call.CallId.StartsWith("second-", StringComparison.Ordinal)), Is.Zero);
    }

    private static async Task<string> ErrorsOf(Process process) =>
        process.HasExited ? await process.StandardError.ReadToEndAsync() : "";

    private static Process StartProbe(string databasePath, string prefix, int count)
    {
        // The test runs from bin/<Configuration>/<framework>; the probe is built into the same layout.
        var output = new DirectoryInfo(TestContext.CurrentContext.TestDirectory);
        var probe = RepoPaths.Combine("tests", "QaShopper.StoreProbe", "bin", output.Parent!.Name, output.Name, "QaShopper.StoreProbe.dll");
        Assert.That(File.Exists(probe), Is.True, $"the probe is built with the tests: {probe}");
        var info = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "exec", probe, databasePath, prefix, count.ToString(System.Globalization.CultureInfo.InvariantCulture) })
        {
            info.ArgumentList.Add(argument);
        }

        return Process.Start(info) ?? throw new InvalidOperationException("the probe did not start");
    }
}
