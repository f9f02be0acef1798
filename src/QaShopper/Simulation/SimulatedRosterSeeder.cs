using Microsoft.Extensions.Hosting;
using QaShopper.Core.Ports;

namespace QaShopper.Simulation;

/// <summary>
/// Puts the simulated call centre's agents into the store when a host that places simulated calls starts. The QA team
/// knows its roster: names are recognition context, and a name heard that is not on it is a mishearing, not a new agent.
/// </summary>
internal sealed class SimulatedRosterSeeder(SimulatedCallCentre centre, IResultStore store) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        foreach (var agent in centre.Agents)
        {
            await store.SaveAgentAsync(agent, cancellationToken).ConfigureAwait(false);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
