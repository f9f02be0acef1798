namespace QaShopper.LiteDb.Documents;

/// <summary>One reviewer's calibration scoring of one call; the id joins call and reviewer, so scoring again replaces it.</summary>
internal sealed class CalibrationReviewDocument
{
    public string Id { get; set; } = "";

    public string CallId { get; set; } = "";

    public string Reviewer { get; set; } = "";

    public long AtTicks { get; set; }

    public int AtOffset { get; set; }

    public List<OutcomePair> Items { get; set; } = [];

    // A control character cannot occur in a call id or a user name, so the pair is unambiguous; a call's scorings share
    // the prefix, so the primary key finds them without an index of their own (see Prefix).
    public static string Key(string callId, string reviewer) => Prefix(callId) + reviewer;

    public static string Prefix(string callId) => callId + "\u0001";
}

/// <summary>
/// One alert sent (or tried) about a call. The id is the call id, the time sent and a unique tail: a call's alerts
/// share a prefix and sort by time on the primary key, so they need no index of their own.
/// </summary>
internal sealed class AlertDocument
{
    public string Id { get; set; } = "";

    public string CallId { get; set; } = "";

    public string Reason { get; set; } = "";

    public string Channel { get; set; } = "";

    public long SentTicks { get; set; }

    public int SentOffset { get; set; }

    public bool Delivered { get; set; }

    public string? Error { get; set; }

    public static string Key(string callId, long sentTicks) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{Prefix(callId)}{sentTicks:D19}\u0001{Guid.NewGuid():N}");

    public static string Prefix(string callId) => callId + "\u0001";
}
