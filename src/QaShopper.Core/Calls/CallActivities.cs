using System.Diagnostics;

namespace QaShopper.Core.Calls;

/// <summary>
/// Traces of the call path (<see cref="ActivitySource"/> <c>QaShopper.Calls</c>): one activity per stage of a call, tagged
/// with the call id, so an operator's tracing and <c>qashopper bench</c> time exactly what users run.
/// </summary>
public static class CallActivities
{
    /// <summary>The source's name, for listeners and OpenTelemetry.</summary>
    public const string SourceName = "QaShopper.Calls";

    /// <summary>Placing the call through the carrier, dialling to the last event.</summary>
    public const string Place = "call.place";

    /// <summary>Transcribing the recording.</summary>
    public const string Transcribe = "call.transcribe";

    /// <summary>Scoring the transcript.</summary>
    public const string Score = "call.score";

    /// <summary>Storing the call, transcript and score.</summary>
    public const string Store = "call.store";

    /// <summary>The tag that carries the call id.</summary>
    public const string CallIdTag = "qashopper.call_id";

    internal static readonly ActivitySource Source = new(SourceName);

    internal static Activity? Start(string stage, string callId) =>
        Source.StartActivity(stage)?.SetTag(CallIdTag, callId);
}
