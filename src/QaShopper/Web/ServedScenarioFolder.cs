using QaShopper.Cli;
using QaShopper.Core.Scenarios;
using QaShopper.Scenarios;
using QaShopper.Web.Scenarios;

namespace QaShopper.Web;

/// <summary>
/// The scenario folder for the web app, read with the CLI's own rules (<see cref="ScenarioFiles"/>: recursive, files of
/// another schema skipped, size limits), so the pages see exactly the files <c>qashopper validate</c> checks.
/// </summary>
internal sealed class ServedScenarioFolder(string directory) : IScenarioFolder
{
    private static readonly string[] Extensions = [".yaml", ".yml"];

    private readonly string root = Path.GetFullPath(directory);

    public IReadOnlyList<ScenarioFile> ReadAll() => [.. ScenarioFiles.Expand([root]).Select(Read)];

    public void Write(string relativePath, string text)
    {
        var target = Resolve(relativePath);
        var temporary = Path.Combine(Path.GetDirectoryName(target)!, $".{Path.GetFileName(target)}.{Guid.NewGuid():N}.tmp");
        try
        {
            File.WriteAllText(temporary, text);

            // A rename within one folder replaces the file at once: a reader sees the old text or the new, never half.
            File.Move(temporary, target, overwrite: true);
        }
        finally
        {
            if (File.Exists(temporary))
            {
                File.Delete(temporary);
            }
        }
    }

    private ScenarioFile Read(string file)
    {
        var name = Path.GetRelativePath(root, file).Replace(Path.DirectorySeparatorChar, '/');
        var changed = new DateTimeOffset(File.GetLastWriteTimeUtc(file), TimeSpan.Zero);
        try
        {
            var text = ScenarioFiles.ReadText(file);
            return new ScenarioFile(name, text, ScenarioParser.Parse(text, name), changed);
        }
        catch (CliException ex)
        {
            var message = ex.Message.StartsWith(file + ": ", StringComparison.Ordinal) ? ex.Message[(file.Length + 2)..] : ex.Message;
            return new ScenarioFile(name, "", new ScenarioLoadResult(null, [new ScenarioDiagnostic(name, new SourcePosition(1, 1), message)]), changed);
        }
    }

    /// <summary>A path inside the folder, with a scenario file's extension; anything else is refused.</summary>
    private string Resolve(string relativePath)
    {
        var target = Path.GetFullPath(Path.Combine(root, relativePath));
        if (!target.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal)
            || !Extensions.Contains(Path.GetExtension(target), StringComparer.OrdinalIgnoreCase))
        {
            throw new ArgumentException($"'{relativePath}' is not a scenario file name inside the scenario folder", nameof(relativePath));
        }

        return target;
    }
}
