using System.Collections.Concurrent;
using QaShopper.Simulation;
using QaShopper.Twilio.Emulator;

namespace QaShopper.Rehearsal;

/// <summary>
/// What the simulated agents behind the Twilio emulator are told about each call: the scenario they play. A real agent
/// understands the caller; ours follow the call-centre file's lines for a scenario, so they must be told which one.
/// This is the only channel between the product and the far end, and it exists only in a rehearsal.
/// </summary>
internal sealed class RehearsalBriefings(SimulatedCallSeeds seeds)
{
    private readonly ConcurrentDictionary<string, CalleeBrief> briefs = new(StringComparer.Ordinal);

    public void Brief(Core.Ports.CallRequest request) =>
        briefs[request.CallId] = new CalleeBrief(request.Scenario, seeds.For(request.CallId));

    /// <summary>The brief of the call whose webhook URL names it (the carrier puts the call id in the URL's path).</summary>
    public CalleeBrief? For(EmulatedCallInfo call)
    {
        ArgumentNullException.ThrowIfNull(call);
        foreach (var segment in call.Url.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            if (briefs.TryGetValue(Uri.UnescapeDataString(segment), out var brief))
            {
                return brief;
            }
        }

        return null;
    }
}
