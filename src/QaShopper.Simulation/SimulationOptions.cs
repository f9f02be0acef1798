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
}
