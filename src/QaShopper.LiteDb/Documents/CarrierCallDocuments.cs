namespace QaShopper.LiteDb.Documents;

/// <summary>A journaled carrier call; <see cref="Arrivals"/> numbers its events in arrival order.</summary>
internal sealed class CarrierCallDocument
{
    public string Id { get; set; } = "";

    public string Carrier { get; set; } = "";

    public string Plan { get; set; } = "";

    public long OpenedTicks { get; set; }

    public int OpenedOffset { get; set; }

    public long? FinishedTicks { get; set; }

    public int FinishedOffset { get; set; }

    /// <summary>True while the call is in flight: indexed, so listing in-flight calls does not scan finished ones.</summary>
    public bool InFlight { get; set; }

    public long Arrivals { get; set; }
}

/// <summary>One event of a journaled call; the id joins the call id and the dedupe key, so a duplicate cannot be stored.</summary>
internal sealed class CarrierCallEventDocument
{
    public string Id { get; set; } = "";

    public string CallId { get; set; } = "";

    public string Kind { get; set; } = "";

    public string Key { get; set; } = "";

    public long? Sequence { get; set; }

    public long Arrival { get; set; }

    public long ReceivedTicks { get; set; }

    public int ReceivedOffset { get; set; }

    public List<Pair> Data { get; set; } = [];

    // A control character cannot occur in a call id, so the pair is unambiguous.
    public static string IdOf(string callId, string key) => callId + "\u0001" + key;
}
