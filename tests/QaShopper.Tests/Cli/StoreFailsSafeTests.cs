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
