using System.Collections.Concurrent;

namespace QaShopper.Twilio.Emulator;

/// <summary>
/// What goes wrong on one call. Combine with <c>with</c>: <c>CallFaults.SlowAnswer(TimeSpan.FromSeconds(30)) with {
/// DuplicateStatusCallbacks = true }</c>. An answer fault (busy, no answer, failed, ring time) overrides the callee's.
/// </summary>
public sealed record CallFaults
{
    /// <summary>The line is busy.</summary>
    public static CallFaults Busy { get; } = new() { Answer = EmulatedAnswer.Busy };

    /// <summary>Nobody answers: the call rings past the request's <c>Timeout</c>.</summary>
    public static CallFaults NoAnswer { get; } = new() { Answer = EmulatedAnswer.NoAnswer };

    /// <summary>The call fails to connect.</summary>
    public static CallFaults Failed { get; } = new() { Answer = EmulatedAnswer.Failed("emulated fault: failed") };

    /// <summary>Every status callback is sent twice (same SequenceNumber).</summary>
    public static CallFaults DuplicatedStatusCallbacks { get; } = new() { DuplicateStatusCallbacks = true };

    /// <summary>The status callbacks are held until the call ends and sent last first (SequenceNumbers still in call order).</summary>
    public static CallFaults ReorderedStatusCallbacks { get; } = new() { ReorderStatusCallbacks = true };

    /// <summary>The recording callback is sent before the <c>completed</c> status callback.</summary>
    public static CallFaults RecordingCallbackFirst { get; } = new() { RecordingCallbackBeforeCompleted = true };

    /// <summary>The callee answers (if it does) only after <paramref name="ringTime"/>.</summary>
    public static CallFaults SlowAnswer(TimeSpan ringTime) => new() { RingTime = ringTime };

    /// <summary>Replaces the callee's answer; null keeps it.</summary>
    public EmulatedAnswer? Answer { get; init; }

    /// <summary>Replaces the ring time of an answered call; null keeps the callee's.</summary>
    public TimeSpan? RingTime { get; init; }

    /// <summary>See <see cref="DuplicatedStatusCallbacks"/>.</summary>
    public bool DuplicateStatusCallbacks { get; init; }

    /// <summary>See <see cref="ReorderedStatusCallbacks"/>.</summary>
    public bool ReorderStatusCallbacks { get; init; }

    /// <summary>See <see cref="RecordingCallbackFirst"/>.</summary>
    public bool RecordingCallbackBeforeCompleted { get; init; }
}

/// <summary>Faults queued for coming calls, chosen by the called number or for the next call placed.</summary>
public sealed class EmulatorFaults
{
    private readonly ConcurrentDictionary<string, CallFaults> byNumber = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<CallFaults> next = new();

    /// <summary>Every call to <paramref name="to"/> gets <paramref name="faults"/> (until <see cref="Clear"/>).</summary>
    public void ForNumber(string to, CallFaults faults)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(to);
        ArgumentNullException.ThrowIfNull(faults);
        byNumber[to] = faults;
    }

    /// <summary>The next call placed (to any number) gets <paramref name="faults"/>; queued calls after it take later entries.</summary>
    public void ForNextCall(CallFaults faults)
    {
        ArgumentNullException.ThrowIfNull(faults);
        next.Enqueue(faults);
    }

    /// <summary>Removes every queued fault.</summary>
    public void Clear()
    {
        byNumber.Clear();
        next.Clear();
    }

    /// <summary>The faults for a call to <paramref name="to"/>: the next-call entry wins over the number's.</summary>
    internal CallFaults Take(string to) =>
        next.TryDequeue(out var faults) ? faults : byNumber.TryGetValue(to, out var forNumber) ? forNumber : new CallFaults();
}
