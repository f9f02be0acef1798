namespace QaShopper.Core.Configuration;

/// <summary>
/// The scenario folder, configured once for every command and host (<c>Scenarios:Directory</c>, default
/// <c>scenarios</c>): validation, campaigns, the demo and the evaluation all read the same folder.
/// </summary>
public sealed class ScenarioFolderOptions
{
    /// <summary>The configuration section these options are bound from.</summary>
    public const string SectionName = "Scenarios";

    /// <summary>The folder of scenario files.</summary>
    public string Directory { get; set; } = "scenarios";
}

/// <summary>
/// Where call recordings are kept, configured once for every carrier (<c>Recordings:Directory</c>, default
/// <c>data/recordings</c>).
/// </summary>
public sealed class RecordingFolderOptions
{
    /// <summary>The configuration section these options are bound from.</summary>
    public const string SectionName = "Recordings";

    /// <summary>The folder recordings are written to.</summary>
    public string Directory { get; set; } = "data/recordings";
}
