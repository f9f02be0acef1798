using System.ComponentModel.DataAnnotations;

namespace QaShopper.Simulation;

/// <summary>Where the simulated call centre is described and records; bound from the <c>Simulation</c> section.</summary>
public sealed class SimulationOptions
{
    /// <summary>The configuration section these options are bound from.</summary>
    public const string SectionName = "Simulation";

    /// <summary>The call-centre description (<c>Simulation:CallCentreFile</c>). Default <c>scenarios/call-centre.yaml</c>.</summary>
    [Required(AllowEmptyStrings = false, ErrorMessage = "Simulation:CallCentreFile is empty; set it to the call-centre description, for example 'scenarios/call-centre.yaml'.")]
    public string CallCentreFile { get; set; } = "scenarios/call-centre.yaml";

    /// <summary>Where recordings are written (<c>Simulation:RecordingDirectory</c>). Default <c>data/recordings</c>.</summary>
    [Required(AllowEmptyStrings = false, ErrorMessage = "Simulation:RecordingDirectory is empty; set it to a folder for recordings, for example 'data/recordings'.")]
    public string RecordingDirectory { get; set; } = "data/recordings";

    /// <summary>The scenarios the demo and evaluation place calls for (<c>Simulation:ScenarioDirectory</c>). Default <c>scenarios</c>.</summary>
    [Required(AllowEmptyStrings = false, ErrorMessage = "Simulation:ScenarioDirectory is empty; set it to the folder of scenario files, for example 'scenarios'.")]
    public string ScenarioDirectory { get; set; } = "scenarios";
}
