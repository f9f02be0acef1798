using System.Runtime.CompilerServices;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using QaShopper.Core.Configuration;
using QaShopper.Core.Ports;
using QaShopper.Core.Results;
using QaShopper.Core.Scenarios;
using Twilio.Clients;
using Twilio.Exceptions;
using Twilio.Rest.Api.V2010.Account;

namespace QaShopper.Twilio;

/// <summary>
/// Places test calls through Twilio: the caller's lines are synthesised and stored before dialling, the call's plan is
/// journaled, the call is created with status and recording callbacks, and the call is followed from the journal (the
/// webhooks append to it) to its end; the dual-channel recording is then downloaded, verified, stored and only then
/// deleted at Twilio. A call placed by an earlier host is followed again from the journal, never dialled twice.
/// </summary>
/// <remarks>
/// Events are reported once the call has ended, because the answer time of a script that navigates a menu is only
/// known from the recording (the agent's first words after the last press). Times are measured from the moment of
/// dialling; ringing, answer and end come from Twilio's callback timestamps (1-second resolution), step times from
/// the webhook arrivals (see <see cref="GatherTurnTaking"/>).
/// </remarks>
public sealed partial class TwilioCarrier : IResumableCarrier
{
    /// <summary>The carrier's name, stored with each call.</summary>
    public const string CarrierName = "twilio";

    private readonly IOptions<TwilioOptions> options;
    private readonly ITwilioRestClient client;
    private readonly ICarrierCallJournal journal;
    private readonly CallJournalNotifier notifier;
    private readonly ISpeechSynthesizer synthesizer;
    private readonly TwilioAudioStore audio;
    private readonly IHttpClientFactory httpClients;
    private readonly string recordingDirectory;
    private readonly TimeProvider clock;
    private readonly ILogger<TwilioCarrier> logger;

    /// <summary>Creates the carrier.</summary>
    public TwilioCarrier(
        IOptions<TwilioOptions> options,
        ITwilioRestClient client,
        ICarrierCallJournal journal,
        CallJournalNotifier notifier,
        ISpeechSynthesizer synthesizer,
        TwilioAudioStore audio,
        IHttpClientFactory httpClients,
        IOptions<RecordingFolderOptions> recordings,
        TimeProvider clock,
        ILogger<TwilioCarrier> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(recordings);
        this.options = options;
        this.client = client;
        this.journal = journal;
        this.notifier = notifier;
        this.synthesizer = synthesizer;
        this.audio = audio;
        this.httpClients = httpClients;
        recordingDirectory = Path.GetFullPath(recordings.Value.Directory);
        this.clock = clock;
        this.logger = logger;
    }

    /// <inheritdoc />
    public string Name => CarrierName;

    /// <inheritdoc />
    public async IAsyncEnumerable<CallEvent> PlaceCallAsync(CallRequest request, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var id = request.CallId;

        // Placed before (a retried job, a restart between journaling and dialling): follow it, never dial twice.
        if (await journal.GetAsync(id, cancellationToken).ConfigureAwait(false) is null)
        {
            var failure = await DialAsync(request, cancellationToken).ConfigureAwait(false);
            if (failure is not null)
            {
                yield return failure;
                yield break;
            }
        }

        foreach (var callEvent in await FollowAsync(id, cancellationToken).ConfigureAwait(false))
        {
            yield return callEvent;
        }
    }

    /// <inheritdoc />
    public async Task<bool> IsInFlightAsync(string callId, CancellationToken cancellationToken = default)
    {
        var call = await journal.GetAsync(callId, cancellationToken).ConfigureAwait(false);
        return call is { FinishedAt: null, Carrier: CarrierName };
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<CallEvent> ResumeCallAsync(CallRequest request, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (await journal.GetAsync(request.CallId, cancellationToken).ConfigureAwait(false) is null)
        {
            yield return new CallCompleted(request.CallId, TimeSpan.Zero, CallStatus.Failed, null, "the call was never placed through Twilio by this host's journal; nothing to resume");
            yield break;
        }

        TwilioLog.Resuming(logger, request.CallId);
        await CatchUpAsync(request.CallId, cancellationToken).ConfigureAwait(false);
        foreach (var callEvent in await FollowAsync(request.CallId, cancellationToken).ConfigureAwait(false))
        {
            yield return callEvent;
        }
    }

    /// <summary>Synthesises, journals the plan, creates the call; a failure event when any of it fails, null when dialled.</summary>
    private async Task<CallCompleted?> DialAsync(CallRequest request, CancellationToken cancellationToken)
    {
        var id = request.CallId;
        var o = options.Value;
        var script = request.Scenario.Script;
        var locale = request.Scenario.Scenario.Locale;
        var steps = new List<PlannedStep>(script.Count);
        try
        {
            foreach (var step in script)
            {
                steps.Add(step switch
                {
                    SayStep say => await SayAsync(say.Text, locale, request.CallerVoice, cancellationToken).ConfigureAwait(false),
                    PressStep press => PlannedStep.Press(press.Digits),
                    PauseStep pause => PlannedStep.Pause(pause.Duration),
                    ListenStep listen => PlannedStep.Listen(listen),
                    HangupStep => new PlannedStep { Kind = StepKinds.Hangup },
                    _ => throw new NotSupportedException($"unknown script step {step.GetType().Name}"),
                });
            }
        }
        catch (SpeechEngineException ex)
        {
            return new CallCompleted(id, TimeSpan.Zero, CallStatus.Failed, null, $"the caller's lines could not be synthesised before dialling: {ex.Message}");
        }

        var plan = new TwilioCallPlan
        {
            CallId = id,
            To = request.To,
            From = request.From,
            Locale = locale,
            Steps = steps,
            MenuSteps = TwilioCallPlan.MenuStepsOf(script),
        };
        var now = clock.GetUtcNow();
        await journal.OpenAsync(id, CarrierName, plan.Serialize(), now, cancellationToken).ConfigureAwait(false);
        await journal.AppendAsync(id, Event(JournalKinds.Dialling, now), cancellationToken).ConfigureAwait(false);

        var callbacks = $"{o.PublicBase}/twilio/calls/{Uri.EscapeDataString(id)}";
        var create = new CreateCallOptions(new global::Twilio.Types.PhoneNumber(request.To), new global::Twilio.Types.PhoneNumber(request.From))
        {
            Url = new Uri($"{callbacks}/voice"),
            Method = global::Twilio.Http.HttpMethod.Post,
            StatusCallback = new Uri($"{callbacks}/status"),
            StatusCallbackMethod = global::Twilio.Http.HttpMethod.Post,
            StatusCallbackEvent = ["initiated", "ringing", "answered", "completed"],
            Record = true,
            RecordingChannels = "dual",
            Trim = "do-not-trim",
            RecordingStatusCallback = $"{callbacks}/recording",
            RecordingStatusCallbackMethod = global::Twilio.Http.HttpMethod.Post,
            RecordingStatusCallbackEvent = ["completed"],
            Timeout = (int)o.RingTimeout.TotalSeconds,
            TimeLimit = (int)o.TimeLimit.TotalSeconds,
        };

        try
        {
            var created = await CallResource.CreateAsync(create, client).WaitAsync(o.HttpTimeout, cancellationToken).ConfigureAwait(false);
            await journal.AppendAsync(id, Event(JournalKinds.Created, clock.GetUtcNow(), ("CallSid", created.Sid)), cancellationToken).ConfigureAwait(false);
            TwilioLog.CallCreated(logger, id, created.Sid);
            return null;
        }
        catch (Exception ex) when (ex is ApiException or ApiConnectionException or TimeoutException or HttpRequestException)
        {
            var detail = CreateFailure(ex);
            TwilioLog.CallCreateFailed(logger, id, detail);
            await journal.AppendAsync(id, Event(JournalKinds.CreateFailed, clock.GetUtcNow(), ("Error", detail)), CancellationToken.None).ConfigureAwait(false);
            await journal.FinishAsync(id, clock.GetUtcNow(), CancellationToken.None).ConfigureAwait(false);
            return new CallCompleted(id, TimeSpan.Zero, CallStatus.Failed, null, detail);
        }
    }

    private async Task<PlannedStep> SayAsync(string text, string locale, string? voice, CancellationToken cancellationToken)
    {
        var clip = await synthesizer.SynthesizeAsync(new SpeechRequest(text, locale, voice), cancellationToken).ConfigureAwait(false);
        var hash = audio.Save(clip);
        return new PlannedStep { Kind = StepKinds.Say, Audio = hash, Text = text, DurationMs = (long)clip.Duration.TotalMilliseconds };
    }

    /// <summary>Why CreateCall failed, in words that name the fix and never carry a secret (the SDK's messages do not).</summary>
    private static string CreateFailure(Exception ex) => ex switch
    {
        ApiException { Status: 401 } => "Twilio refused the credentials (401): check Twilio:AccountSid and Twilio:AuthToken (or Twilio:ApiKeySid/ApiKeySecret)",
        ApiException api => $"Twilio refused the call ({api.Status}, error {api.Code}): {api.Message}",
        TimeoutException => "Twilio did not answer the create-call request in time (Twilio:HttpTimeout)",
        _ => $"Twilio could not be reached: {ex.Message}",
    };

    private static CarrierCallEvent Event(string kind, DateTimeOffset at, params (string Key, string Value)[] data) =>
        new(kind, kind, null, at, data.ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal));
}
