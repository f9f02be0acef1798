using QaShopper.Cli;
using QaShopper.Twilio.Emulator;

namespace QaShopper.Rehearsal;

/// <summary>
/// The faults a rehearsal asks the Twilio emulator for (<c>--fault KIND[:NUMBER]</c>): how the campaign's retry rules
/// and the carrier cope with a busy line, no answer, a slow answer, callbacks sent twice or out of order.
/// </summary>
internal static class RehearsalFaults
{
    /// <summary>The ring time of <c>slow-answer</c>: past the usual 18 s answer limit, inside Twilio:RingTimeout's default.</summary>
    public static readonly TimeSpan SlowRing = TimeSpan.FromSeconds(25);

    private static readonly Dictionary<string, CallFaults> Kinds = new(StringComparer.Ordinal)
    {
        ["busy"] = CallFaults.Busy,
        ["no-answer"] = CallFaults.NoAnswer,
        ["failed"] = CallFaults.Failed,
        ["slow-answer"] = CallFaults.SlowAnswer(SlowRing),
        ["duplicate-callbacks"] = CallFaults.DuplicatedStatusCallbacks,
        ["reorder-callbacks"] = CallFaults.ReorderedStatusCallbacks,
        ["recording-first"] = CallFaults.RecordingCallbackFirst,
    };

    public static string Help => $"{string.Join(", ", Kinds.Keys)}; add :+NUMBER for one line only (default every line)";

    /// <summary>The faults by called number.</summary>
    /// <exception cref="CliException">A kind that does not exist, or a number that is not a line of the campaign.</exception>
    public static IReadOnlyDictionary<string, CallFaults> Parse(IEnumerable<string> specs, IReadOnlyCollection<string> lines)
    {
        var byNumber = new Dictionary<string, CallFaults>(StringComparer.Ordinal);
        foreach (var spec in specs)
        {
            var separator = spec.IndexOf(':', StringComparison.Ordinal);
            var kind = (separator < 0 ? spec : spec[..separator]).Trim();
            var number = separator < 0 ? null : spec[(separator + 1)..].Trim();
            if (!Kinds.TryGetValue(kind, out var fault))
            {
                throw new CliException($"--fault '{spec}': unknown kind '{kind}'; kinds are {Help}", ExitCodes.BadInput);
            }

            if (number is not null && !lines.Contains(number, StringComparer.Ordinal))
            {
                throw new CliException($"--fault '{spec}': {number} is not a line of the campaign; its lines are {string.Join(", ", lines)}", ExitCodes.BadInput);
            }

            foreach (var line in number is null ? lines : [number])
            {
                byNumber[line] = byNumber.TryGetValue(line, out var earlier) ? Combine(earlier, fault) : fault;
            }
        }

        return byNumber;
    }

    private static CallFaults Combine(CallFaults a, CallFaults b) => new()
    {
        Answer = b.Answer ?? a.Answer,
        RingTime = b.RingTime ?? a.RingTime,
        DuplicateStatusCallbacks = a.DuplicateStatusCallbacks || b.DuplicateStatusCallbacks,
        ReorderStatusCallbacks = a.ReorderStatusCallbacks || b.ReorderStatusCallbacks,
        RecordingCallbackBeforeCompleted = a.RecordingCallbackBeforeCompleted || b.RecordingCallbackBeforeCompleted,
    };
}
