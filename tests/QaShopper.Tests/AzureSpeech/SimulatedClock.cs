namespace QaShopper.Tests.AzureSpeech;

/// <summary>
/// A clock whose timers fire at once and move time forward by their due time: a retry's wait costs no real time, and
/// <see cref="Waited"/> says how much simulated time the waits took. <see cref="Advance"/> moves time by hand.
/// </summary>
internal sealed class SimulatedClock : TimeProvider
{
    private readonly Lock gate = new();
    private DateTimeOffset now = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    public TimeSpan Waited { get; private set; }

    public override DateTimeOffset GetUtcNow()
    {
        lock (gate)
        {
            return now;
        }
    }

    public void Advance(TimeSpan by)
    {
        lock (gate)
        {
            now += by;
        }
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        if (dueTime != Timeout.InfiniteTimeSpan)
        {
            lock (gate)
            {
                now += dueTime;
                Waited += dueTime;
            }

            // On the thread pool, not inline: Task.Delay has not stored the timer yet while CreateTimer runs.
            ThreadPool.QueueUserWorkItem(_ => callback(state));
        }

        return new NoTimer();
    }

    private sealed class NoTimer : ITimer
    {
        public bool Change(TimeSpan dueTime, TimeSpan period) => false;

        public void Dispose()
        {
        }

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
