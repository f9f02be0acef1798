namespace QaShopper.Tests.Fuzzing;

/// <summary>What one generated input did to its entry point.</summary>
internal enum FuzzVerdict
{
    /// <summary>Accepted: the input was valid and everything downstream of it ran.</summary>
    Ok,

    /// <summary>Refused with the project's own diagnostic or exception, positioned where the input has positions.</summary>
    Problem,

    /// <summary>Refused, but a diagnostic has no usable position (line and column from 1) or names another file.</summary>
    Unpositioned,

    /// <summary>Any other exception, or a score that is not a finite number.</summary>
    Crash,

    /// <summary>Took longer than <see cref="FuzzRunner.HangLimit"/>.</summary>
    Hang,
}

/// <summary>One generated input: which entry point it is for, how it was made (for the report) and its content.</summary>
/// <param name="Kind">The entry point: scenario, campaign, transcript, wav, weights.</param>
/// <param name="Recipe">How it was made, e.g. <c>control-char U+0096 at 311 of acme-bank-lost-card.yaml</c>.</param>
/// <param name="Text">The input as text (YAML, JSON), or null for binary inputs.</param>
/// <param name="Bytes">The input as bytes (WAV), or null for text inputs.</param>
internal sealed record FuzzInput(string Kind, string Recipe, string? Text, byte[]? Bytes = null)
{
    public int Size => Text?.Length ?? Bytes?.Length ?? 0;
}

/// <summary>The verdict on one input, with the exception or message that decided it.</summary>
internal sealed record FuzzResult(FuzzInput Input, FuzzVerdict Verdict, string Detail, TimeSpan Elapsed);
