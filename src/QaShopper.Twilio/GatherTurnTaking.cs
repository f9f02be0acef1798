using System.Globalization;
using Microsoft.Extensions.Options;
using QaShopper.Core.Ports;
using Twilio.TwiML;
using Twilio.TwiML.Voice;

namespace QaShopper.Twilio;

/// <summary>
/// Runs the script turn by turn with TwiML: the steps up to a listen are played (<c>&lt;Play&gt;</c> for the caller's
/// clips and for DTMF digits, <c>&lt;Pause&gt;</c>), then a listen is a <c>&lt;Gather input="speech"&gt;</c> whose action
/// webhook decides whether the agent's turn is over and returns the next steps.
/// </summary>
/// <remarks>
/// Gather is used because it is plain HTTP: it works with any public URL (no WebSocket endpoint), and an emulator can
/// play Twilio's part. Its costs: a turn ends only when Twilio's speech-end detection says so (<c>speechTimeout</c>, whole
/// seconds), and each turn adds a webhook round trip. Every response is built from the journal alone (no synthesis,
/// no I/O beyond the journal), so it stays far inside Twilio's 15-second limit. Step times are recorded when the
/// response is served: the webhook's arrival (from <see cref="TimeProvider"/>) plus the played steps' known durations,
/// because Twilio reports no time for a <c>&lt;Play&gt;</c>; a listen ends when its last gather reports.
/// </remarks>
public sealed class GatherTurnTaking : ITurnTaking
{
    private readonly ICarrierCallJournal journal;
    private readonly IOptions<TwilioOptions> options;
    private readonly TimeProvider clock;

    /// <summary>Creates the engine.</summary>
    public GatherTurnTaking(ICarrierCallJournal journal, IOptions<TwilioOptions> options, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(journal);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(clock);
        this.journal = journal;
        this.options = options;
        this.clock = clock;
    }

    /// <inheritdoc />
    public async Task<string> AnswerAsync(CarrierCallRecord journaled, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(journaled);
        var call = journaled;
        var plan = TwilioCallPlan.Deserialize(call.Plan);
        var now = clock.GetUtcNow();
        await journal.AppendAsync(call.CallId, new CarrierCallEvent(JournalKinds.Voice, JournalKinds.Voice, null, now, new Dictionary<string, string>()), cancellationToken).ConfigureAwait(false);
        return (await PlayFromAsync(call.CallId, plan, 0, now, cancellationToken).ConfigureAwait(false)).ToString();
    }

    /// <inheritdoc />
    public async Task<string> ContinueAsync(CarrierCallRecord journaled, int stepIndex, int attempt, IReadOnlyDictionary<string, string> parameters, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(journaled);
        var call = journaled;
        ArgumentNullException.ThrowIfNull(parameters);
        var plan = TwilioCallPlan.Deserialize(call.Plan);
        if (stepIndex < 0 || stepIndex >= plan.Steps.Count || plan.Steps[stepIndex].Kind != StepKinds.Listen || attempt < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(stepIndex), stepIndex, $"step {stepIndex} of call '{call.CallId}' is not a listen");
        }

        var now = clock.GetUtcNow();
        var key = GatherKey(stepIndex, attempt);

        // A retried callback finds its decision journaled and gets the same answer.
        var decision = call.Events.FirstOrDefault(e => e.Key == key) is { } earlier
            ? new GatherDecision(Enum.Parse<GatherOutcome>(earlier["Outcome"]!), Ticks(earlier["HoldSinceTicks"]))
            : await DecideAsync(call, plan, stepIndex, attempt, parameters, now, cancellationToken).ConfigureAwait(false);

        return decision.Outcome == GatherOutcome.Done
            ? (await PlayFromAsync(call.CallId, plan, stepIndex + 1, now, cancellationToken).ConfigureAwait(false)).ToString()
            : GatherResponse(call.CallId, plan, stepIndex, attempt + 1, Remaining(call, plan, stepIndex, decision, now), decision.Outcome == GatherOutcome.Hold).ToString();
    }

    private async Task<GatherDecision> DecideAsync(CarrierCallRecord call, TwilioCallPlan plan, int stepIndex, int attempt, IReadOnlyDictionary<string, string> parameters, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var listen = plan.Steps[stepIndex];
        var start = ListenStart(call, stepIndex) ?? now;
        var previous = attempt == 0 ? null : call.Events.FirstOrDefault(e => e.Key == GatherKey(stepIndex, attempt - 1));
        var holdSince = previous is null ? null : Ticks(previous["HoldSinceTicks"]);
        parameters.TryGetValue("SpeechResult", out var speech);
        var decision = GatherDecider.Decide(listen, speech, start, holdSince, now, options.Value.MaxHold);

        var data = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["Speech"] = speech ?? "",
            ["Outcome"] = decision.Outcome.ToString(),
        };
        if (decision.HoldSince is { } since)
        {
            data["HoldSinceTicks"] = since.UtcTicks.ToString(CultureInfo.InvariantCulture);
        }

        await journal.AppendAsync(call.CallId, new CarrierCallEvent(JournalKinds.Gather, GatherKey(stepIndex, attempt), null, now, data), cancellationToken).ConfigureAwait(false);
        if (decision.Outcome == GatherOutcome.Done)
        {
            await journal.AppendAsync(call.CallId, StepEvent(stepIndex, now, now), cancellationToken).ConfigureAwait(false);
        }

        return decision;
    }

    /// <summary>The steps from <paramref name="first"/> to the next listen (a Gather) or the end (Hangup), journaled as played.</summary>
    private async Task<VoiceResponse> PlayFromAsync(string callId, TwilioCallPlan plan, int first, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var response = new VoiceResponse();
        var at = now;
        for (var i = first; i < plan.Steps.Count; i++)
        {
            var step = plan.Steps[i];
            switch (step.Kind)
            {
                case StepKinds.Say:
                    response.Play(AudioUrl(step.Audio!));
                    break;
                case StepKinds.Press:
                    response.Play(digits: step.Digits);
                    break;
                case StepKinds.Pause:
                    response.Pause(length: (int)(step.DurationMs / 1000));
                    break;
                case StepKinds.Hangup:
                    await journal.AppendAsync(callId, StepEvent(i, at, now), cancellationToken).ConfigureAwait(false);
                    response.Hangup();
                    return response;
                case StepKinds.Listen:
                    await journal.AppendAsync(callId, new CarrierCallEvent(JournalKinds.Listen, $"listen:{i}", null, now,
                        new Dictionary<string, string> { ["StartTicks"] = at.UtcTicks.ToString(CultureInfo.InvariantCulture) }), cancellationToken).ConfigureAwait(false);
                    return GatherResponse(callId, plan, i, 0, TimeSpan.FromMilliseconds(step.MaxMs), hold: false, response);
            }

            at += step.Duration;
            await journal.AppendAsync(callId, StepEvent(i, at, now), cancellationToken).ConfigureAwait(false);
        }

        response.Hangup();
        return response;
    }

    private VoiceResponse GatherResponse(string callId, TwilioCallPlan plan, int stepIndex, int attempt, TimeSpan wait, bool hold, VoiceResponse? response = null)
    {
        response ??= new VoiceResponse();
        var listen = plan.Steps[stepIndex];
        var gather = new Gather(
            input: [Gather.InputEnum.Speech],
            action: new Uri($"{options.Value.PublicBase}/twilio/calls/{Uri.EscapeDataString(callId)}/gather/{stepIndex}/{attempt}"),
            method: global::Twilio.Http.HttpMethod.Post,
            timeout: Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)),
            speechTimeout: Math.Max(1, (int)Math.Round(listen.SilenceMs / 1000.0, MidpointRounding.AwayFromZero)).ToString(CultureInfo.InvariantCulture),
            actionOnEmptyResult: true,
            language: plan.Locale);
        if (hold && options.Value.HoldMusicUrl is { } music)
        {
            gather.Play(music);
        }

        response.Append(gather);
        return response;
    }

    /// <summary>How long the next gather may wait: the rest of the hold when on hold, else the rest of the listen's max.</summary>
    private TimeSpan Remaining(CarrierCallRecord call, TwilioCallPlan plan, int stepIndex, GatherDecision decision, DateTimeOffset now)
    {
        if (decision.Outcome == GatherOutcome.Hold && decision.HoldSince is { } since)
        {
            return options.Value.MaxHold - (now - since);
        }

        var start = ListenStart(call, stepIndex) ?? now;
        return TimeSpan.FromMilliseconds(plan.Steps[stepIndex].MaxMs) - (now - start);
    }

    private Uri AudioUrl(string hash) => new($"{options.Value.PublicBase}/twilio/audio/{hash}.wav");

    internal static string GatherKey(int stepIndex, int attempt) => $"gather:{stepIndex}:{attempt}";

    private static DateTimeOffset? ListenStart(CarrierCallRecord call, int stepIndex) =>
        call.Events.FirstOrDefault(e => e.Key == $"listen:{stepIndex}") is { } listen ? Ticks(listen["StartTicks"]) : null;

    private static CarrierCallEvent StepEvent(int index, DateTimeOffset at, DateTimeOffset now) =>
        new(JournalKinds.Step, $"step:{index}", null, now, new Dictionary<string, string>
        {
            ["Step"] = index.ToString(CultureInfo.InvariantCulture),
            [JournalKinds.AtTicks] = at.UtcTicks.ToString(CultureInfo.InvariantCulture),
        });

    private static DateTimeOffset? Ticks(string? value) =>
        long.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var ticks) ? new DateTimeOffset(ticks, TimeSpan.Zero) : null;
}
