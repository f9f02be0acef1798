using QaShopper.Cli;

namespace QaShopper.Tests.Cli;

/// <summary>Runs the real command tree in-process with captured output.</summary>
internal static class CliRunner
{
    public static Task<CliRun> RunAsync(params string[] args) => RunWithInputAsync(null, args);

    /// <summary>Runs with <paramref name="input"/> as the command's stdin (a password piped to <c>--password-stdin</c>).</summary>
    public static async Task<CliRun> RunWithInputAsync(string? input, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        using var reader = new StringReader(input ?? "");
        var exit = await QaShopperCli.RunAsync(args, new CliConsole(output, error, interactive: false, reader));
        return new CliRun(exit, output.ToString(), error.ToString());
    }
}

internal sealed record CliRun(int ExitCode, string Out, string Error)
{
    public override string ToString() => $"exit {ExitCode}\n--- stdout\n{Out}\n--- stderr\n{Error}";
}
