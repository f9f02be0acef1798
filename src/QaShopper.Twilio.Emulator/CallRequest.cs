namespace QaShopper.Twilio.Emulator;

/// <summary>A validated <c>POST …/Calls.json</c>: what the call was asked to do.</summary>
internal sealed record CallRequest(
    string To,
    string From,
    Uri? Url,
    string Method,
    string? Twiml,
    Uri? StatusCallback,
    string StatusCallbackMethod,
    IReadOnlySet<string> StatusCallbackEvents,
    bool Record,
    bool DualChannel,
    Uri? RecordingStatusCallback,
    string RecordingStatusCallbackMethod,
    IReadOnlySet<string> RecordingStatusCallbackEvents,
    bool TrimSilence,
    TimeSpan Timeout,
    TimeSpan TimeLimit);

/// <summary>A finished recording.</summary>
internal sealed record EmulatedRecording(
    string Sid,
    string CallSid,
    DateTimeOffset Created,
    DateTimeOffset StartTime,
    int DurationSeconds,
    int Channels,
    byte[] Wav,
    float[][] Samples)
{
    public bool Deleted { get; set; }
}
