using Spectre.Console;

namespace QaShopper.Cli;

/// <summary>
/// Where a command writes: results to <see cref="Out"/>, messages and logs to <see cref="Error"/>.
/// Tests pass string writers; the process passes the real streams.
/// </summary>
internal sealed class CliConsole(TextWriter output, TextWriter error, bool interactive, TextReader? input = null)
{
    public static CliConsole System { get; } = new(Console.Out, Console.Error, !Console.IsOutputRedirected, Console.In);

    /// <summary>Where a command reads what is piped to it (<c>user add --password-stdin</c>); empty unless given.</summary>
    public TextReader In { get; } = input ?? TextReader.Null;

    public TextWriter Out { get; } = output;

    public TextWriter Error { get; } = error;

    /// <summary>A Spectre console over <see cref="Out"/>: colours and live widgets only on a terminal.</summary>
    public IAnsiConsole Rich { get; } = CreateRich(output, interactive);

    public bool IsInteractive { get; } = interactive;

    /// <summary>The width a console that is not a terminal renders at: wide enough that no table wraps.</summary>
    public const int UnwrappedWidth = 4096;

    private static IAnsiConsole CreateRich(TextWriter output, bool interactive)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(output),
            Ansi = interactive ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = interactive ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = interactive ? InteractionSupport.Detect : InteractionSupport.No,
        });

        // Redirected output (a file, a pager, a script) has no width: Spectre would assume 80 columns and wrap every wide
        // table, breaking rows a script reads line by line. Tables take only the width they need, so a width no table
        // reaches keeps each row on one line.
        if (!interactive)
        {
            console.Profile.Width = UnwrappedWidth;
        }

        return console;
    }
}
