using System.CommandLine;
using QaShopper.Cli;
using Microsoft.Extensions.DependencyInjection;
using QaShopper.Core.Ports;
using QaShopper.Core.Scenarios;
using QaShopper.Hosting;
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
        command.SetAction((parse, cancellationToken) => RunAsync(parse, parse.GetRequiredValue(paths), console, cancellationToken));
        return command;
    }

    internal static int Run(IReadOnlyList<string> paths, CliConsole console)
    {
        var diagnostics = Load(paths, out var files, out var results);
        return Report(diagnostics, files, Unreadable(results), console);
    }

    /// <summary>
    /// Checks the files and, when a cloud speech service is configured (<c>Speech:Kind</c> <c>azure</c>), that every
    /// caller voice is one it offers. Local engines are never asked: validation stays offline by default.
    /// </summary>
    private static async Task<int> RunAsync(ParseResult parse, IReadOnlyList<string> paths, CliConsole console, CancellationToken cancellationToken)
    {
        var diagnostics = Load(paths, out var files, out var results);
        if (Composition.Kind(AppHost.Settings(parse), "Speech:Kind") == "azure")
        {
            using var host = await AppHost.StartAsync(parse, HostFeatures.Speech, cancellationToken).ConfigureAwait(false);
            var valid = results.Where(r => r.Result.IsValid).Select(r => (r.Result.Scenario!, r.Text));
            try
            {
                diagnostics = [.. diagnostics, .. ScenarioVoiceCheck.Check(valid, host.Services.GetRequiredService<ISpeechSynthesizer>())];
            }
            catch (SpeechEngineException ex)
            {
                throw new CliException($"the voices could not be checked: {ex.Message}");
            }
            finally
            {
                await host.StopAsync(CancellationToken.None).ConfigureAwait(false);
            }
        }

        return Report(diagnostics, files, Unreadable(results), console);
    }

    private static List<ScenarioDiagnostic> Load(IReadOnlyList<string> paths, out IReadOnlyList<string> files, out List<(ScenarioLoadResult Result, string Text)> results)
    {
        files = ScenarioFiles.Expand(paths);
        if (files.Count == 0)
        {
            throw new CliException($"no scenario files (*.yaml, *.yml) under {string.Join(", ", paths)}");
        }

        results = [.. files.Select(LoadOrReport)];
        var loaded = results.Select(r => r.Result).ToList();
        return [.. loaded.SelectMany(r => r.Diagnostics).Concat(ScenarioSetValidator.Validate(loaded))];
    }

    // A file that cannot be read is reported in its place and the others are still checked: one hopeless file in a
    // folder must not hide the problems of the rest.
    private static (ScenarioLoadResult Result, string Text) LoadOrReport(string file)
    {
        try
        {
            return ScenarioFiles.Load(file);
        }
        catch (CliException ex)
        {
            var message = ex.Message.StartsWith(file + ": ", StringComparison.Ordinal) ? ex.Message[(file.Length + 2)..] : ex.Message;
            return (new ScenarioLoadResult(null, [new ScenarioDiagnostic(file, new SourcePosition(1, 1), message)]), UnreadableMarker);
        }
    }

    private const string UnreadableMarker = "\0unreadable";

    private static bool Unreadable(List<(ScenarioLoadResult Result, string Text)> results) =>
        results.Any(r => ReferenceEquals(r.Text, UnreadableMarker));

    private static int Report(List<ScenarioDiagnostic> diagnostics, IReadOnlyList<string> files, bool unreadable, CliConsole console)
    {
        foreach (var diagnostic in diagnostics)
        {
            console.Out.WriteLine(diagnostic.ToString());
        }

        var invalidFiles = diagnostics.Select(d => d.File).Distinct(StringComparer.Ordinal).Count();
        console.Error.WriteLine(diagnostics.Count == 0
            ? $"{files.Count} scenario file(s) valid"
            : $"{diagnostics.Count} problem(s) in {invalidFiles} of {files.Count} file(s)");
        return unreadable ? ExitCodes.BadInput : diagnostics.Count == 0 ? ExitCodes.Ok : ExitCodes.Invalid;
    }
}
