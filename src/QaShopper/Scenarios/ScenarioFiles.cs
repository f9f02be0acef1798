using QaShopper.Cli;
using QaShopper.Core.Scenarios;

namespace QaShopper.Scenarios;

/// <summary>Finds and reads scenario files on disk (the core parser never touches the file system).</summary>
internal static class ScenarioFiles
{
    private static readonly string[] Extensions = [".yaml", ".yml"];

    /// <summary>
    /// Expands files and folders into scenario files. Folders are searched recursively; YAML files that
    /// declare another schema in their yaml-language-server line (campaigns, the simulated call centre) are skipped.
    /// </summary>
    public static IReadOnlyList<string> Expand(IEnumerable<string> paths)
    {
        var files = new List<string>();
        foreach (var path in paths)
        {
            if (File.Exists(path))
            {
                files.Add(path);
            }
            else if (Directory.Exists(path))
            {
                files.AddRange(Directory
                    .EnumerateFiles(path, "*", SearchOption.AllDirectories)
                    .Where(f => Extensions.Contains(Path.GetExtension(f), StringComparer.OrdinalIgnoreCase))
                    .Where(IsScenarioFile)
                    .Order(StringComparer.Ordinal));
            }
            else
            {
                throw new CliException($"{path}: no such file or folder");
            }
        }

        return files;
    }

    /// <summary>Reads and parses one file; an unreadable file is a <see cref="CliException"/> (exit 2).</summary>
    public static (ScenarioLoadResult Result, string Text) Load(string file)
    {
        var text = ReadText(file);
        return (ScenarioParser.Parse(text, file), text);
    }

    /// <summary>Reads a scenario that must be valid, or throws with every problem listed.</summary>
    public static (Scenario Scenario, string Text) LoadValid(string file)
    {
        var (result, text) = Load(file);
        if (!result.IsValid)
        {
            throw new CliException(string.Join(Environment.NewLine, result.Diagnostics), ExitCodes.BadInput);
        }

        return (result.Scenario!, text);
    }

    /// <summary>The valid scenarios in a folder (searched recursively) with their texts; files with problems are left out.</summary>
    public static IReadOnlyList<(Scenario Scenario, string Text)> LoadValidIn(string directory) =>
        [.. Expand([directory])
            .Select(Load)
            .Where(loaded => loaded.Result.IsValid)
            .Select(loaded => (loaded.Result.Scenario!, loaded.Text))];

    /// <summary>
    /// The biggest file read, in bytes: four bytes per character of the parser's own limit, so a file the parser would
    /// refuse with a position is still read, and a multi-gigabyte one is refused before any of it is.
    /// </summary>
    public const long MaxFileBytes = 4L * 1024 * 1024;

    public static string ReadText(string file)
    {
        try
        {
            var length = new FileInfo(file).Length;
            if (length > MaxFileBytes)
            {
                throw new CliException($"{file}: the file is {length} bytes; scenario, campaign and transcript files are at most {MaxFileBytes} bytes");
            }

            return File.ReadAllText(file);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new CliException($"{file}: cannot read: {ex.Message}");
        }
    }

    private static bool IsScenarioFile(string file)
    {
        string first;
        try
        {
            using var reader = new StreamReader(file);
            first = reader.ReadLine() ?? string.Empty;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Kept, so that reading it fails again where every file's problems are reported, instead of here.
            return true;
        }

        const string marker = "$schema=";
        var at = first.IndexOf(marker, StringComparison.Ordinal);
        return at < 0 || first.AsSpan(at + marker.Length).Contains("scenario.schema.json", StringComparison.Ordinal);
    }
}
