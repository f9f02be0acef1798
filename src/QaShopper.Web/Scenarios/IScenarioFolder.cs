using QaShopper.Core.Scenarios;

namespace QaShopper.Web.Scenarios;

/// <summary>
/// The scenario folder (<c>Scenarios:Directory</c>) as the web app sees it: the host that knows how scenario files are
/// found on disk (the CLI's rules: recursive, campaign and call-centre files skipped) reads and writes them.
/// </summary>
public interface IScenarioFolder
{
    /// <summary>Every scenario file in the folder, parsed, in path order; a file that cannot be read carries that problem.</summary>
    IReadOnlyList<ScenarioFile> ReadAll();

    /// <summary>
    /// Writes <paramref name="text"/> to <paramref name="relativePath"/> in the folder without ever leaving a half-written
    /// file: the text goes to a temporary file beside it, which then replaces the file in one move.
    /// </summary>
    void Write(string relativePath, string text);
}

/// <summary>One scenario file as read from the folder.</summary>
/// <param name="RelativePath">Its path under the folder, with '/' separators: what pages show and diagnostics name.</param>
/// <param name="Text">Its text (empty when it could not be read).</param>
/// <param name="Result">What the parser made of it, its diagnostics naming <paramref name="RelativePath"/>.</param>
/// <param name="LastChanged">When the file was last written.</param>
public sealed record ScenarioFile(string RelativePath, string Text, ScenarioLoadResult Result, DateTimeOffset LastChanged);
