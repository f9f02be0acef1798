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

    // A control character cannot occur in a call id or a user name, so the pair is unambiguous.
    public static string Key(string callId, string reviewer) => callId + "\u0001" + reviewer;
}

/// <summary>One alert sent (or tried) about a call; the id is assigned in insertion order.</summary>
internal sealed class AlertDocument
{
    public int Id { get; set; }

    public string CallId { get; set; } = "";

    public string Reason { get; set; } = "";

    public string Channel { get; set; } = "";

    public long SentTicks { get; set; }

    public int SentOffset { get; set; }

    public bool Delivered { get; set; }

    public string? Error { get; set; }
}
