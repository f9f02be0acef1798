using System.Collections.Concurrent;
using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace QaShopper.Simulation;

/// <summary>
/// The seed of each simulated call's behaviour (which agent answers, what they get right). A simulator concern, so it
/// is not part of the carrier's request: commands that need exact reproducibility (the evaluation, the benchmark)
/// assign a seed to a call id before placing it; any other call gets a seed derived from its id, so the same call id
/// always behaves the same.
/// </summary>
public sealed class SimulatedCallSeeds
{
    private readonly ConcurrentDictionary<string, int> assigned = new(StringComparer.Ordinal);

    /// <summary>Fixes the seed of <paramref name="callId"/>.</summary>
    public void Assign(string callId, int seed)
    {
        ArgumentNullException.ThrowIfNull(callId);
        assigned[callId] = seed;
    }

    /// <summary>The assigned seed, or one derived from the call id.</summary>
    public int For(string callId)
    {
        ArgumentNullException.ThrowIfNull(callId);
        return assigned.TryGetValue(callId, out var seed) ? seed : Derived(callId);
    }

    // string.GetHashCode is randomised per process; a call must behave the same after a restart.
    private static int Derived(string callId) =>
        BinaryPrimitives.ReadInt32LittleEndian(SHA256.HashData(Encoding.UTF8.GetBytes(callId))) & int.MaxValue;
}
