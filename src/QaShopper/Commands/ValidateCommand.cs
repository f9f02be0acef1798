using System.CommandLine;
using QaShopper.Cli;
using QaShopper.Core.Scenarios;
using QaShopper.Scenarios;

namespace QaShopper.Commands;

/// <summary><c>qashopper validate PATH…</c>: checks scenario files and prints every problem as file:line:column.</summary>
internal static class ValidateCommand
{
    public static Command Create(CliConsole console)
    {
        var paths = new Argument<string[]>("PATH")
        {
            Description = "Scenario files or folders (searched recursively)",
            Arity = ArgumentArity.OneOrMore,
        };
        var command = new Command("validate", "Check scenario files; exit 0 when all are valid, 1 when any has problems, 2 when input cannot be read")
        {
            paths,
        };
        command.SetAction(parse => Run(parse.GetRequiredValue(paths), console));
        return command;
    }

    internal static int Run(IReadOnlyList<string> paths, CliConsole console)
    {
        var files = ScenarioFiles.Expand(paths);
        if (files.Count == 0)
        {
            throw new CliException($"no scenario files (*.yaml, *.yml) under {string.Join(", ", paths)}");
        }

        var results = files.Select(f => ScenarioFiles.Load(f).Result).ToList();
        var diagnostics = results
            .SelectMany(r => r.Diagnostics)
            .Concat(ScenarioSetValidator.Validate(results))
            .ToList();

        foreach (var diagnostic in diagnostics)
        {
            console.Out.WriteLine(diagnostic.ToString());
        }

        var invalidFiles = diagnostics.Select(d => d.File).Distinct(StringComparer.Ordinal).Count();
        console.Error.WriteLine(diagnostics.Count == 0
            ? $"{files.Count} scenario file(s) valid"
            : $"{diagnostics.Count} problem(s) in {invalidFiles} of {files.Count} file(s)");
        return diagnostics.Count == 0 ? ExitCodes.Ok : ExitCodes.Invalid;
    }
}
