using QaShopper.Tests.Support;

namespace QaShopper.Tests.Cli;

/// <summary>
/// A data file that is damaged or cannot be reached stops the commands that use the store with one line naming it and
/// exit 2; it is never read as an empty store and never written.
/// </summary>
public sealed class StoreFailsSafeTests
{
    public enum Damage
    {
        GarbageInTheMiddle,
        Truncated,
        TruncatedAtAPage,
    }

    private static readonly string[] Commands = ["report", "campaign status", "score --save"];

    private TempDirectory dir = null!;
    private string scenario = null!;
    private string transcript = null!;

    [SetUp]
    public void SetUp()
    {
        dir = new TempDirectory();
        scenario = dir.Write("branch-saturday-hours.yaml", ContractExample.ScenarioYaml);
        transcript = dir.Write("call.json", ContractExample.GoodCallTranscript);
    }

    [TearDown]
    public void TearDown() => dir.Dispose();

    [Test]
    public async Task Command_DamagedDataFile_FailsWithOneLineNamingTheFileAndLeavesItUnchanged(
        [ValueSource(nameof(Commands))] string command,
        [Values] Damage damage)
    {
        var db = dir.File("qa.db");
        var saved = await CliRunner.RunAsync("score", "--scenario", scenario, "--transcript", transcript, "--save", "--db", db);
        Assume.That(saved.ExitCode, Is.Zero, saved.ToString());
        var healthy = await File.ReadAllBytesAsync(db);
        var damaged = Damaged(healthy, damage);
        await File.WriteAllBytesAsync(db, damaged);

        var run = await CliRunner.RunAsync(Args(command, db));

        Assert.That(run.ExitCode, Is.EqualTo(2), run.ToString());
        Assert.That(run.Error.Trim().Split('\n'), Has.Length.EqualTo(1), run.ToString());
        Assert.That(run.Error, Does.Contain(db), "the line names the file");
        Assert.That(run.Out, Is.Empty, "nothing is reported from a store that could not be read");
        Assert.That(await File.ReadAllBytesAsync(db), Is.EqualTo(damaged), "a damaged file is never repaired or overwritten");
    }

    [Test]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public async Task Command_ReadOnlyDataFile_FailsWithOneLineNamingTheFileAndLeavesItUnchanged([ValueSource(nameof(Commands))] string command)
    {
        var db = dir.File("qa.db");
        var saved = await CliRunner.RunAsync("score", "--scenario", scenario, "--transcript", transcript, "--save", "--db", db);
        Assume.That(saved.ExitCode, Is.Zero, saved.ToString());
        var before = await File.ReadAllBytesAsync(db);

        // Only the file is read-only: its folder stays writable, so nothing but the file's own mode stops a write.
        File.Delete(db + ".lock");
        File.SetUnixFileMode(dir.Path, (UnixFileMode)0b111_111_111);
        File.SetUnixFileMode(db, UnixFileMode.UserRead | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
        try
        {
            var (exit, error) = await RunAsUnprivilegedUserAsync(Args(command, db));

            Assert.That(exit, Is.EqualTo(2), error);
            Assert.That(error.Trim().Split('\n'), Has.Length.EqualTo(1), error);
            Assert.That(error, Does.Contain(db));
            Assert.That(await File.ReadAllBytesAsync(db), Is.EqualTo(before), "a read-only data file is never written");
        }
        finally
        {
            File.SetUnixFileMode(db, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
    }

    /// <summary>
    /// Runs the command as a user file permissions bind: in process when the tests are not root; as root (CI is), the
    /// real executable under uid and gid 65534 (nobody) through util-linux's setpriv, since root writes read-only files.
    /// </summary>
    private async Task<(int Exit, string Error)> RunAsUnprivilegedUserAsync(string[] args)
    {
        if (Environment.UserName != "root")
        {
            var run = await CliRunner.RunAsync(args);
            return (run.ExitCode, run.Error);
        }

        var start = new System.Diagnostics.ProcessStartInfo("setpriv")
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
            WorkingDirectory = dir.Path,
        };
        start.Environment["HOME"] = dir.Path;
        start.Environment["DOTNET_CLI_HOME"] = dir.Path;
        foreach (var arg in (string[])["--reuid=65534", "--regid=65534", "--clear-groups", "--", "dotnet", Path.Combine(TestContext.CurrentContext.TestDirectory, "QaShopper.dll"), .. args])
        {
            start.ArgumentList.Add(arg);
        }

        using var process = System.Diagnostics.Process.Start(start) ?? throw new InvalidOperationException("setpriv did not start");
        var error = process.StandardError.ReadToEndAsync();
        _ = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await error);
    }

    [Test]
    public async Task Command_DataFileInAFolderThatCannotBeReached_FailsWithOneLineNamingTheFile([ValueSource(nameof(Commands))] string command)
    {
        // A "folder" that is a regular file: no user, root included, can create or open anything under it.
        var notAFolder = dir.Write("not-a-folder", "x");
        var db = Path.Combine(notAFolder, "qa.db");

        var run = await CliRunner.RunAsync(Args(command, db));

        Assert.That(run.ExitCode, Is.EqualTo(2), run.ToString());
        Assert.That(run.Error.Trim().Split('\n'), Has.Length.EqualTo(1), run.ToString());
        Assert.That(run.Error, Does.Contain(db), "the line names the file");
        Assert.That(await File.ReadAllTextAsync(notAFolder), Is.EqualTo("x"));
    }

    private static byte[] Damaged(byte[] healthy, Damage damage)
    {
        switch (damage)
        {
            case Damage.GarbageInTheMiddle:
                // The whole middle page, from its start. Garbage in a page's free space (bytes no read touches) cannot be
                // told from data and harms nothing, and which bytes are free moves whenever a collection or index is
                // added (schema 2's ReportTicks index moved the old "middle 4 KiB" into free space).
                var garbage = (byte[])healthy.Clone();
                var random = new Random(16);
                var start = healthy.Length / 2 / 8192 * 8192;
                random.NextBytes(garbage.AsSpan(start, 8192));
                return garbage;
            case Damage.Truncated:
                return healthy[..(healthy.Length / 2 + 100)];
            case Damage.TruncatedAtAPage:
                return healthy[..(healthy.Length / 8192 / 2 * 8192)];
            default:
                throw new ArgumentOutOfRangeException(nameof(damage), damage, null);
        }
    }

    private string[] Args(string command, string db) => command switch
    {
        "report" => ["report", "--db", db],
        "campaign status" => ["campaign", "status", "--db", db],
        "score --save" => ["score", "--scenario", scenario, "--transcript", transcript, "--save", "--db", db],
        _ => throw new ArgumentOutOfRangeException(nameof(command), command, null),
    };
}
