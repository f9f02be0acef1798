using System.CommandLine;
using System.CommandLine.Parsing;
using QaShopper.Commands;

namespace QaShopper.Cli;

/// <summary>Builds the command tree and runs it; the single entry point for the process and for end-to-end tests.</summary>
internal static class QaShopperCli
{
    public static async Task<int> RunAsync(string[] args, CliConsole console, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(console);

        var root = BuildRoot(console);
        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var error in parse.Errors)
            {
                await console.Error.WriteLineAsync($"qashopper: {error.Message}").ConfigureAwait(false);
            }

            await console.Error.WriteLineAsync("Run 'qashopper --help' for usage.").ConfigureAwait(false);
            return ExitCodes.BadInput;
        }

        // SIGINT (Ctrl+C), SIGTERM and SIGHUP (a closed terminal) all ask the command to stop: it stops placing calls at
        // once, lets the calls in progress finish or records them as interrupted, prints what it did and exits non-zero.
        // System.CommandLine's own handler is off: it gives a command two seconds and then lets the process end under
        // it, with calls still running and no summary.
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var signals = StopSignals.Register(stop, console);
        try
        {
            return await parse.InvokeAsync(
                new InvocationConfiguration { Output = console.Out, Error = console.Error, EnableDefaultExceptionHandler = false, ProcessTerminationTimeout = null },
                stop.Token).ConfigureAwait(false);
        }
        catch (CliException ex)
        {
            await console.Error.WriteLineAsync($"qashopper: {ex.Message}").ConfigureAwait(false);
            return ex.ExitCode;
        }
        catch (Core.Ports.StoreUnavailableException ex)
        {
            await console.Error.WriteLineAsync($"qashopper: {ex.Message}").ConfigureAwait(false);
            return ExitCodes.BadInput;
        }
        catch (OperationCanceledException)
        {
            await console.Error.WriteLineAsync("qashopper: cancelled").ConfigureAwait(false);
            return 130;
        }
#pragma warning disable CA1031 // The top level: whatever escaped a command becomes one line and exit 2, never a stack trace.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            await ReportUnexpectedAsync(ex, CommandPath(parse), parse.GetValue(GlobalOptions.Verbose), console).ConfigureAwait(false);
            return ExitCodes.BadInput;
        }
    }

    /// <summary>
    /// Writes an exception no command turned into a message as one line naming the command and what failed; the stack
    /// trace follows only with <c>--verbose</c> (the debug level), for a bug report.
    /// </summary>
    internal static async Task ReportUnexpectedAsync(Exception exception, string command, bool verbose, CliConsole console)
    {
        var reason = exception.Message.Split('\n', 2)[0].Trim();
        await console.Error.WriteLineAsync(
            $"qashopper: {command} failed: {reason} ({exception.GetType().Name}){(verbose ? string.Empty : "; run with --verbose for the details")}").ConfigureAwait(false);
        if (verbose)
        {
            await console.Error.WriteLineAsync(exception.ToString()).ConfigureAwait(false);
        }
    }

    private static string CommandPath(ParseResult parse)
    {
        var names = new List<string>();
        for (SymbolResult? result = parse.CommandResult; result is CommandResult command; result = command.Parent)
        {
            names.Insert(0, command.Command.Name);
        }

        // The root's name is the executable's; "qashopper" already starts the line.
        return names.Count > 1 ? string.Join(' ', names.Skip(1)) : "qashopper";
    }

    internal static RootCommand BuildRoot(CliConsole console)
    {
        var root = new RootCommand("QaShopper: mystery-shopper test calls for call-centre QA teams")
        {
            GlobalOptions.Database,
            GlobalOptions.Scenarios,
            GlobalOptions.Config,
            GlobalOptions.Verbose,
        };
        root.Subcommands.Add(ValidateCommand.Create(console));
        root.Subcommands.Add(ScoreCommand.Create(console));
        root.Subcommands.Add(ReportCommand.Create(console));
        root.Subcommands.Add(DemoCommand.Create(console));
        root.Subcommands.Add(RehearseCommand.Create(console));
        root.Subcommands.Add(EvalCommand.Create(console));
        root.Subcommands.Add(BenchCommand.Create(console));
        root.Subcommands.Add(ModelCommand.Create(console));
        root.Subcommands.Add(CampaignCommand.Create(console));
        root.Subcommands.Add(ServeCommand.Create(console));
        root.Subcommands.Add(TwilioCommand.Create(console));
        root.Subcommands.Add(UserCommand.Create(console));
        return root;
    }
}
