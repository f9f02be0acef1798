namespace QaShopper.Simulation;

/// <summary>Who speaks a placed utterance.</summary>
internal enum Side
{
    Caller,
    Agent,
}

/// <summary>
/// One thing placed on the call's timeline (times from the answer). <see cref="Item"/> and <see cref="Passes"/>
/// say which checklist item the line was chosen for and whether it was its passing version.
/// </summary>
internal sealed record Utterance(Side Side, string Text, TimeSpan Start, TimeSpan End, string? Item, bool Passes);

/// <summary>A composed call: what was said when, when each script step ended, the hold and the end of the call.</summary>
internal sealed record ComposedCall(
    IReadOnlyList<Utterance> Utterances,
    IReadOnlyList<(int Step, TimeSpan At)> Steps,
    TimeSpan? HoldStart,
    TimeSpan HoldLength,
    TimeSpan End,
    float[] CallerChannel,
    float[] AgentChannel);
