using System.Diagnostics;
using QaShopper.LocalSpeech;

namespace QaShopper.Tests.LocalSpeech;

public sealed class SpeechProcessTests
{
    [Test]
    public async Task RunToEnd_ReadsBothRedirectedStreamsAndTheExitCode()
    {
        var run = await SpeechProcess.RunToEndAsync(Shell("echo progress; echo 'FATAL: no model' >&2; exit 3", redirectOutput: true), CancellationToken.None);

        Assert.That(run, Is.EqualTo(new ProcessRun(3, "progress\n", "FATAL: no model\n")));
    }

    [Test]
    public async Task RunToEnd_OutputNotRedirected_IsEmpty_AndTheErrorsStillRead()
    {
        var run = await SpeechProcess.RunToEndAsync(Shell("echo ignored; echo oops >&2", redirectOutput: false), CancellationToken.None);

        Assert.That((run.ExitCode, run.StandardOutput, run.StandardError), Is.EqualTo((0, "", "oops\n")));
    }

    [Test]
    public async Task RunToEnd_OutputLargerThanAPipe_DoesNotStall()
    {
        // 1 MB on each stream: a pipe holds 64 KB, so a program whose streams are not read while it runs never ends.
        var run = await SpeechProcess.RunToEndAsync(Shell("head -c 1048576 /dev/zero | tr '\\0' a; head -c 1048576 /dev/zero | tr '\\0' b >&2", redirectOutput: true), new CancellationTokenSource(TimeSpan.FromSeconds(30)).Token);

        Assert.That((run.StandardOutput.Length, run.StandardError.Length), Is.EqualTo((1048576, 1048576)));
    }

    [Test]
    public void RunToEnd_Cancelled_KillsTheProgram()
    {
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));
        var timer = Stopwatch.StartNew();

        Assert.That(async () => await SpeechProcess.RunToEndAsync(Shell("sleep 30", redirectOutput: true), cancel.Token), Throws.InstanceOf<OperationCanceledException>());
        Assert.That(timer.Elapsed, Is.LessThan(TimeSpan.FromSeconds(20)), "cancelled, not waited out");
    }

    private static ProcessStartInfo Shell(string script, bool redirectOutput)
    {
        var start = new ProcessStartInfo("sh") { UseShellExecute = false, RedirectStandardError = true, RedirectStandardOutput = redirectOutput };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(script);
        return start;
    }
}
