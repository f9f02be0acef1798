using Microsoft.Extensions.Options;

namespace QaShopper.Simulation;

/// <summary>Checks that the call-centre file exists and loads, so a typo is reported at start-up with the setting's name.</summary>
internal sealed class SimulationOptionsValidator : IValidateOptions<SimulationOptions>
{
    public ValidateOptionsResult Validate(string? name, SimulationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (string.IsNullOrWhiteSpace(options.CallCentreFile))
        {
            return ValidateOptionsResult.Skip; // the data annotation reports it
        }

        if (!File.Exists(options.CallCentreFile))
        {
            return ValidateOptionsResult.Fail($"{SimulationOptions.SectionName}:CallCentreFile '{options.CallCentreFile}' does not exist; set it to the call-centre description, for example 'scenarios/call-centre.yaml'.");
        }

        try
        {
            CallCentreLoader.Load(options.CallCentreFile);
        }
        catch (CallCentreException ex)
        {
            return ValidateOptionsResult.Fail($"{SimulationOptions.SectionName}:CallCentreFile '{options.CallCentreFile}' has problems: {string.Join("; ", ex.Errors)}");
        }

        return ValidateOptionsResult.Success;
    }
}
