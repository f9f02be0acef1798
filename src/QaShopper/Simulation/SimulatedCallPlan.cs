using System.Globalization;
using QaShopper.Core.Ports;
using QaShopper.Core.Scenarios;
using QaShopper.Core.Templates;

namespace QaShopper.Simulation;

/// <summary>
/// A deterministic batch of simulated test calls: scenarios spread evenly, lines drawn across the call centre's sites,
/// a fresh anonymous caller number per call. The same seed gives the same calls (and, with the same call ids, the
/// pipeline recognises calls it has already stored). Each call's behaviour seed is assigned to the simulator's
/// <see cref="SimulatedCallSeeds"/>, so the same seed reproduces the same calls exactly.
/// </summary>
internal static class SimulatedCallPlan
{
    public static IReadOnlyList<CallRequest> Create(
        IReadOnlyList<Scenario> scenarios,
        IReadOnlyList<string> lines,
        int calls,
        int seed,
        SimulatedCallSeeds seeds,
        string callIdPrefix)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(calls);
        if (scenarios.Count == 0)
        {
            throw new ArgumentException("no scenario can be simulated", nameof(scenarios));
        }

        if (lines.Count == 0)
        {
            throw new ArgumentException("the call centre has no lines", nameof(lines));
        }

        var random = new Random(seed);
        var order = scenarios.OrderBy(s => s.Id, StringComparer.Ordinal).ToArray();
        random.Shuffle(order);
        var requests = new List<CallRequest>(calls);
        for (var i = 0; i < calls; i++)
        {
            var scenario = order[i % order.Length];
            var callSeed = random.Next();
            var rendered = ScenarioRenderer.Render(scenario, new Random(callSeed));
            var line = lines[random.Next(lines.Count)];

            // 07700 900xxx is the UK's range reserved for drama: never a real subscriber.
            var from = "+447700900" + random.Next(0, 1000).ToString("D3", CultureInfo.InvariantCulture);
            var id = $"{callIdPrefix}-{seed.ToString(CultureInfo.InvariantCulture)}-{(i + 1).ToString("D3", CultureInfo.InvariantCulture)}";
            seeds.Assign(id, callSeed);
            requests.Add(new CallRequest(id, line, from, rendered, CallerVoice: null));
        }

        return requests;
    }
}
