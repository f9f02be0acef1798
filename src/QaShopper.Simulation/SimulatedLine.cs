using QaShopper.Audio;

namespace QaShopper.Simulation;

/// <summary>
/// The phone line of the simulated call centre, one side at a time: its line noise (with mains hum on the agent's
/// side, whose headsets pick it up), then the telephone band and mu-law. Shared by the calls the simulator composes
/// and by <c>qashopper model adapt</c>, which must hear agents exactly as calls carry them.
/// </summary>
public static class SimulatedLine
{
    /// <summary>The mains hum on the agent's side.</summary>
    private const double AgentHumHz = 50;

    /// <summary>The agent's side of the line; <paramref name="samples"/> (at the line's rate) get the noise in place.</summary>
    public static AudioClip Agent(float[] samples, Random random)
    {
        LineNoise.AddTo(samples, TelephoneLine.SampleRate, random, humHz: AgentHumHz);
        return TelephoneLine.Apply(new AudioClip(TelephoneLine.SampleRate, samples));
    }

    /// <summary>The caller's side of the line; <paramref name="samples"/> (at the line's rate) get the noise in place.</summary>
    public static AudioClip Caller(float[] samples, Random random)
    {
        LineNoise.AddTo(samples, TelephoneLine.SampleRate, random);
        return TelephoneLine.Apply(new AudioClip(TelephoneLine.SampleRate, samples));
    }
}
