using System.Collections.Concurrent;
using System.Diagnostics;

namespace QaShopper.Tests.Cli;

/// <summary>
/// The real qashopper executable in a child process, as a user or a service manager runs it: what signals and
/// <c>kill -9</c> do can only be seen from outside the process.
/// </summary>
internal sealed class CliProcess : IDisposable
{
    private readonly Process process;
    private readonly ConcurrentQueue<string> errorLines = new();
    private readonly ConcurrentQueue<string> outputLines = new();

    private CliProcess(Process process)
    {
        this.process = process;
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                errorLines.Enqueue(e.Data);
            }
        };
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                outputLines.Enqueue(e.Data);
            }
        };
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();
    }

    public IReadOnlyList<string> ErrorLines => [.. errorLines];

    public string Output => string.Join('\n', outputLines);

    public string Error => string.Join('\n', errorLines);

    public int ExitCode => process.ExitCode;

    /// <summary>Starts <c>dotnet QaShopper.dll ARGS</c> (the build beside the tests) in <paramref name="workingDirectory"/>.</summary>
    public static CliProcess Start(string workingDirectory, params string[] args) => Start(workingDirectory, new Dictionary<string, string>(), args);

    /// <summary>As <see cref="Start(string, string[])"/>, with <paramref name="environment"/> added to the child's environment.</summary>
    public static CliProcess Start(string workingDirectory, IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        // A test run started in the background (a CI script's `&`, `nohup`) ignores SIGINT, and an ignored signal is
        // inherited: the child would never see the Ctrl+C the stop tests send. coreutils' env puts it back to its
        // default before running dotnet (same process), as in a terminal where a user presses Ctrl+C.
        var start = new ProcessStartInfo(OperatingSystem.IsLinux() ? "env" : "dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        if (OperatingSystem.IsLinux())
        {
            start.ArgumentList.Add("--default-signal=INT");
            start.ArgumentList.Add("dotnet");
        }

        start.ArgumentList.Add(Path.Combine(TestContext.CurrentContext.TestDirectory, "QaShopper.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        return new CliProcess(Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start"));
    }

    /// <summary>Waits until a line of stderr matches; fails the test with what was printed when it does not come in time.</summary>
    public async Task WaitForErrorLineAsync(Func<string, bool> match, TimeSpan timeout, string what)
    {
        var deadline = Stopwatch.GetTimestamp() + (long)(timeout.TotalSeconds * Stopwatch.Frequency);
        while (!errorLines.Any(match))
        {
            if (process.HasExited || Stopwatch.GetTimestamp() > deadline)
            {
                Assert.Fail($"no {what} (exited: {process.HasExited})\n--- stderr\n{Error}\n--- stdout\n{Output}");
            }

            await Task.Delay(100);
        }
    }

    /// <summary>Sends a POSIX signal by name (TERM, INT, HUP, KILL) with the system's kill command.</summary>
    public void Signal(string name)
    {
        using var kill = Process.Start("kill", ["-" + name, process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        kill.WaitForExit();
    }

    public async Task<bool> WaitForExitAsync(TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cts.Token);
            process.WaitForExit(); // drains the redirected streams
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    public void Dispose()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
        }

        process.Dispose();
    }
}
