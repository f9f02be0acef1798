using QaShopper.Cli;

namespace QaShopper.Tests.Cli;

/// <summary>Runs the real command tree in-process with captured output.</summary>
internal static class CliRunner
{
    public static async Task<CliRun> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await QaShopperCli.RunAsync(args, new CliConsole(output, error, interactive: false));
        return new CliRun(exit, output.ToString(), error.ToString());
    }
}

internal sealed record CliRun(int ExitCode, string Out, string Error)
{
    public override string ToString() => $"exit {ExitCode}\n--- stdout\n{Out}\n--- stderr\n{Error}";
}
