using System.Collections.Concurrent;

namespace QaShopper.Scheduling;

/// <summary>
/// Holds calls to one line to the campaign's <c>max_concurrent_per_line</c>. In-process: the limit holds per host,
/// which is all there is while one host runs a campaign database (Quartz is not clustered here).
/// </summary>
internal sealed class LineLimiter
{
    private readonly ConcurrentDictionary<string, SemaphoreSlim> lines = new(StringComparer.Ordinal);

    /// <summary>Waits for a free slot on <paramref name="line"/>; dispose the result to free it.</summary>
    /// <param name="line">The number called.</param>
    /// <param name="limit">Calls allowed at once; the first caller for a line sets it.</param>
    /// <param name="cancellationToken">Stops waiting.</param>
    public async Task<IDisposable> AcquireAsync(string line, int limit, CancellationToken cancellationToken)
    {
        var gate = lines.GetOrAdd(line, _ => new SemaphoreSlim(Math.Max(1, limit)));
        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        return new Slot(gate);
    }

    private sealed class Slot(SemaphoreSlim gate) : IDisposable
    {
        private int released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref released, 1) == 0)
            {
                gate.Release();
            }
        }
    }
}
