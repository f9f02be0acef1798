namespace QaShopper.Core.Scenarios;

/// <summary>One step of the caller's script.</summary>
public abstract record ScriptStep(SourcePosition Position);

/// <summary>The caller speaks <paramref name="Text"/> (a template) through speech synthesis.</summary>
public sealed record SayStep(string Text, SourcePosition Position) : ScriptStep(Position);

/// <summary>
/// The caller waits while the agent speaks. Ends after <paramref name="Silence"/> of quiet once the agent
/// has spoken, when the agent says one of <paramref name="Until"/>, or at <paramref name="Max"/>.
/// </summary>
public sealed record ListenStep(TimeSpan Max, TimeSpan Silence, IReadOnlyList<string> Until, SourcePosition Position) : ScriptStep(Position)
{
    public static readonly TimeSpan DefaultSilence = TimeSpan.FromSeconds(2);
}

/// <summary>The caller sends DTMF tones; <c>w</c> is a half-second wait.</summary>
public sealed record PressStep(string Digits, SourcePosition Position) : ScriptStep(Position);

/// <summary>The caller stays silent.</summary>
public sealed record PauseStep(TimeSpan Duration, SourcePosition Position) : ScriptStep(Position);

/// <summary>The caller ends the call (implied after the last step).</summary>
public sealed record HangupStep(SourcePosition Position) : ScriptStep(Position);
