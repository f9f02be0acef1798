namespace QaShopper.Twilio;

/// <summary>The kinds and fields of the events this carrier journals, in one place so webhooks and the follower agree.</summary>
internal static class JournalKinds
{
    /// <summary>Written just before CreateCall: the time calls are measured from.</summary>
    public const string Dialling = "dialling";

    /// <summary>CreateCall succeeded; field <c>CallSid</c>.</summary>
    public const string Created = "created";

    /// <summary>CreateCall failed; field <c>Error</c>.</summary>
    public const string CreateFailed = "create-failed";

    /// <summary>A status callback, sequenced by SequenceNumber.</summary>
    public const string Status = "status";

    /// <summary>The first voice webhook (the call was answered).</summary>
    public const string Voice = "voice";

    /// <summary>A listen began; field <c>StartTicks</c>.</summary>
    public const string Listen = "listen";

    /// <summary>A gather reported; fields <c>Speech</c>, <c>Outcome</c>, <c>HoldSinceTicks</c>.</summary>
    public const string Gather = "gather";

    /// <summary>A script step finished; fields <c>Step</c>, <c>AtTicks</c>.</summary>
    public const string Step = "step";

    /// <summary>A recording status callback.</summary>
    public const string Recording = "recording";

    /// <summary>The recording was downloaded, verified and stored; fields <c>Path</c>, <c>AgentChannel</c>, <c>AnsweredTicks</c>.</summary>
    public const string Stored = "stored";

    /// <summary>The recording was deleted at Twilio.</summary>
    public const string Deleted = "deleted";

    /// <summary>The follower gave up (no callbacks within CallTimeout); field <c>Detail</c>.</summary>
    public const string TimedOut = "timed-out";

    public const string AtTicks = "AtTicks";
}
