using System.Collections.Concurrent;

namespace QaShopper.Twilio;

/// <summary>
/// Wakes the follower of a call when a webhook has journaled something for it, so the follower waits on a task
/// instead of polling the store. In-process only: the journal stays the source of truth, the signal only says "look".
/// </summary>
public sealed class CallJournalNotifier
{
    private readonly ConcurrentDictionary<string, TaskCompletionSource> signals = new(StringComparer.Ordinal);

    /// <summary>
    /// A task completed by the next <see cref="Notify"/> of <paramref name="callId"/>. Take it BEFORE reading the
    /// journal: a write between the read and the wait then still wakes the waiter.
    /// </summary>
    public Task Watch(string callId) =>
        signals.GetOrAdd(callId, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).Task;

    /// <summary>Wakes every watcher of <paramref name="callId"/>.</summary>
    public void Notify(string callId)
    {
        if (signals.TryRemove(callId, out var signal))
        {
            signal.TrySetResult();
        }
    }
}
