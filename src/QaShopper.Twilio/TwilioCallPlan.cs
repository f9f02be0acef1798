using System.Text.Json;
using System.Text.Json.Serialization;
using QaShopper.Audio;
using QaShopper.Core.Scenarios;

namespace QaShopper.Twilio;

/// <summary>
/// What a call will do, written to the journal before dialling: the webhooks build each TwiML response from it alone
/// (no synthesis, no scenario files), and a restarted host follows the call from it.
/// </summary>
internal sealed record TwilioCallPlan
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public required string CallId { get; init; }

    public required string To { get; init; }

    public required string From { get; init; }

    public required string Locale { get; init; }

    public required IReadOnlyList<PlannedStep> Steps { get; init; }

    /// <summary>The number of leading steps that navigate a menu before a person answers (up to the last press before the first say).</summary>
    public int MenuSteps { get; init; }

    public string? CallSid { get; init; }

    public string Serialize() => JsonSerializer.Serialize(this, Json);

    public static TwilioCallPlan Deserialize(string json) =>
        JsonSerializer.Deserialize<TwilioCallPlan>(json, Json) ?? throw new JsonException("empty call plan");

    /// <summary>Leading steps up to the last press before the caller first speaks: a menu navigated before a person answers.</summary>
    public static int MenuStepsOf(IReadOnlyList<ScriptStep> script)
    {
        ArgumentNullException.ThrowIfNull(script);
        var firstSay = script.Select((s, i) => (s, i)).FirstOrDefault(x => x.s is SayStep, (null!, script.Count)).Item2;
        var lastPress = -1;
        for (var i = 0; i < firstSay; i++)
        {
            if (script[i] is PressStep)
            {
                lastPress = i;
            }
        }

        return lastPress + 1;
    }
}

/// <summary>The kinds of planned steps, as the scenario names them.</summary>
internal static class StepKinds
{
    public const string Say = "say";
    public const string Press = "press";
    public const string Pause = "pause";
    public const string Listen = "listen";
    public const string Hangup = "hangup";
}

/// <summary>One step of a call's plan, with what TwiML needs to play it and how long it lasts.</summary>
internal sealed record PlannedStep
{
    public required string Kind { get; init; }

    /// <summary>say: the SHA-256 of the clip's WAV bytes, its name under /twilio/audio/.</summary>
    public string? Audio { get; init; }

    /// <summary>say: the text, for logs and reports.</summary>
    public string? Text { get; init; }

    /// <summary>press: the digits (<c>w</c> waits half a second, as in Twilio's <c>Play digits</c>).</summary>
    public string? Digits { get; init; }

    /// <summary>How long playing the step takes (say, press, pause), in milliseconds.</summary>
    public long DurationMs { get; init; }

    /// <summary>listen: the longest it waits, in milliseconds.</summary>
    public long MaxMs { get; init; }

    /// <summary>listen: the silence that ends the agent's turn, in milliseconds.</summary>
    public long SilenceMs { get; init; }

    /// <summary>listen: phrases that end it; empty ends it on any speech.</summary>
    public IReadOnlyList<string>? Until { get; init; }

    public TimeSpan Duration => TimeSpan.FromMilliseconds(DurationMs);

    public static PlannedStep Press(string digits) => new() { Kind = StepKinds.Press, Digits = digits, DurationMs = (long)Dtmf.Tones(digits).Duration.TotalMilliseconds };

    public static PlannedStep Pause(TimeSpan length) => new() { Kind = StepKinds.Pause, DurationMs = (long)PauseSeconds(length) * 1000 };

    public static PlannedStep Listen(ListenStep listen) => new()
    {
        Kind = StepKinds.Listen,
        MaxMs = (long)listen.Max.TotalMilliseconds,
        SilenceMs = (long)listen.Silence.TotalMilliseconds,
        Until = [.. listen.Until],
    };

    /// <summary>TwiML's <c>Pause length</c> is whole seconds, at least 1.</summary>
    public static int PauseSeconds(TimeSpan length) => Math.Max(1, (int)Math.Round(length.TotalSeconds, MidpointRounding.AwayFromZero));
}
