using System.CommandLine;

namespace QaShopper.Cli;

/// <summary>Options every command understands.</summary>
internal static class GlobalOptions
{
    public static Option<string?> Database { get; } = new("--db")
    {
        Description = "Data file of the store (overrides Store:Path; default data/qashopper.db)",
        HelpName = "PATH",
        Recursive = true,
    };

    public static Option<string?> Scenarios { get; } = new("--scenarios")
    {
        Description = "Folder of scenario files (overrides Scenarios:Directory; default scenarios)",
        HelpName = "DIR",
        Recursive = true,
    };

    public static Option<string?> Config { get; } = new("--config")
    {
        Description = "Settings file to read after appsettings.json (JSON, same shape as appsettings.example.json)",
        HelpName = "FILE",
        Recursive = true,
    };

    public static Option<bool> Verbose { get; } = new("--verbose", "-v")
    {
        Description = "Log more to stderr",
        Recursive = true,
    };
}
