using System.Globalization;
using QaShopper.Core.Ports;

namespace QaShopper.Twilio;

/// <summary>A journaled Twilio call read for the follower: its plan, status callbacks and the times that matter.</summary>
internal sealed class JournaledCall
{
    public JournaledCall(CarrierCallRecord record)
    {
        Record = record;
        Plan = TwilioCallPlan.Deserialize(record.Plan);
        Statuses = [.. record.Events.Where(e => e.Kind == JournalKinds.Status)];
        DialledAt = Find(JournalKinds.Dialling)?.ReceivedAt ?? record.OpenedAt;
        CallSid = Find(JournalKinds.Created)?["CallSid"] ?? Statuses.Select(s => s["CallSid"]).FirstOrDefault(s => s is not null);
        RingingAt = Statuses.FirstOrDefault(s => s["CallStatus"] == "ringing") is { } ringing ? TimeOf(ringing) : null;

        // Twilio's "answered" event reports CallStatus in-progress; the voice webhook is the fallback when it is missing.
        AnsweredAt = Statuses.FirstOrDefault(s => s["CallStatus"] is "in-progress" or "answered") is { } answered
            ? TimeOf(answered)
            : Find(JournalKinds.Voice)?.ReceivedAt;
        Steps = [.. record.Events
            .Where(e => e.Kind == JournalKinds.Step)
            .Select(e => (Index: int.Parse(e["Step"]!, CultureInfo.InvariantCulture), At: new DateTimeOffset(long.Parse(e[JournalKinds.AtTicks]!, CultureInfo.InvariantCulture), TimeSpan.Zero)))
            .OrderBy(s => s.Index)];
    }

    public CarrierCallRecord Record { get; }

    public TwilioCallPlan Plan { get; }

    public IReadOnlyList<CarrierCallEvent> Statuses { get; }

    public IEnumerable<CarrierCallEvent> Events => Record.Events;

    public DateTimeOffset DialledAt { get; }

    public string? CallSid { get; }

    public DateTimeOffset? RingingAt { get; }

    public DateTimeOffset? AnsweredAt { get; }

    public IReadOnlyList<(int Index, DateTimeOffset At)> Steps { get; }

    public CarrierCallEvent? Find(string key) => Record.Events.FirstOrDefault(e => e.Key == key);

    public DateTimeOffset? StepTime(int index) => Steps.Where(s => s.Index == index).Select(s => (DateTimeOffset?)s.At).FirstOrDefault();

    /// <summary>Time since dialling, never negative (Twilio's timestamps have 1-second resolution and another clock).</summary>
    public TimeSpan Since(DateTimeOffset at) => at > DialledAt ? at - DialledAt : TimeSpan.Zero;

    /// <summary>A status callback's Timestamp (RFC 2822), or its arrival when absent or unreadable.</summary>
    public static DateTimeOffset TimeOf(CarrierCallEvent status) =>
        status["Timestamp"] is { } text && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at)
            ? at
            : status.ReceivedAt;
}
