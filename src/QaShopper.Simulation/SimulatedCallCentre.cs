using System.Runtime.CompilerServices;
using QaShopper.Audio;
using QaShopper.Core.Ports;
using QaShopper.Core.Results;
using QaShopper.Core.Scenarios;

namespace QaShopper.Simulation;

/// <summary>
/// A carrier with no telephone network: virtual agents of the call centre described in <c>call-centre.yaml</c>
/// answer, speak their lines with local text-to-speech and are recorded, and the true outcome of every checklist
/// item is reported with <see cref="GroundTruthDrawn"/>. The same seed (<see cref="SimulatedCallSeeds"/>) gives a
/// byte-identical recording and the same truth.
/// </summary>
/// <remarks>
/// A menu the script navigates before a person answers (steps up to the last <c>press</c> before the caller first
/// speaks) happens before the answer: it is not recorded, and the answer time is counted from the last press, as the
/// scenario contract counts <c>answered_within</c>. The recording starts at the person's answer.
/// </remarks>
public sealed class SimulatedCallCentre : ICarrier
{
    /// <summary>How long an unanswered line rings before the carrier gives up.</summary>
    public static readonly TimeSpan NoAnswerTimeout = TimeSpan.FromSeconds(60);

    /// <summary>The channel of the recording that holds the agent (the caller is on 1).</summary>
    public const int AgentChannel = 2;

    /// <summary>How long a simulated IVR menu prompt plays before the caller presses.</summary>
    private static readonly TimeSpan MenuPrompt = TimeSpan.FromSeconds(6);

    private readonly CallCentre centre;
    private readonly ISpeechSynthesizer synthesizer;
    private readonly CallComposer composer;
    private readonly string recordingDirectory;
    private readonly SimulatedCallSeeds seeds;

    /// <summary>
    /// Loads the call centre from <paramref name="callCentreFile"/>; speech comes from <paramref name="synthesizer"/>,
    /// recordings go to <paramref name="recordingDirectory"/>, each call's behaviour is seeded by <paramref name="seeds"/>.
    /// </summary>
    /// <exception cref="CallCentreException">The file has problems; the message lists each with its position.</exception>
    public SimulatedCallCentre(string callCentreFile, ISpeechSynthesizer synthesizer, string recordingDirectory, SimulatedCallSeeds seeds)
        : this(CallCentreLoader.Load(callCentreFile), synthesizer, recordingDirectory, seeds)
    {
    }

    internal SimulatedCallCentre(CallCentre centre, ISpeechSynthesizer synthesizer, string recordingDirectory, SimulatedCallSeeds seeds)
    {
        ArgumentNullException.ThrowIfNull(centre);
        ArgumentNullException.ThrowIfNull(synthesizer);
        ArgumentException.ThrowIfNullOrWhiteSpace(recordingDirectory);
        ArgumentNullException.ThrowIfNull(seeds);
        this.centre = centre;
        this.synthesizer = synthesizer;
        this.recordingDirectory = recordingDirectory;
        this.seeds = seeds;
        composer = new CallComposer(synthesizer);
    }

    /// <summary>The seeds of the calls' behaviour.</summary>
    public SimulatedCallSeeds Seeds => seeds;

    /// <inheritdoc />
    public string Name => "simulated";

    /// <summary>The lines (E.164) the call centre answers, for choosing whom to call.</summary>
    public IReadOnlyList<string> Lines => [.. centre.Sites.SelectMany(s => s.Lines)];

    /// <summary>The agents, as the result store keeps them.</summary>
    public IReadOnlyList<AgentRecord> Agents =>
        [.. centre.Agents.Select(a => new AgentRecord(a.Id, a.Name, a.StaffNumber, a.Site))];

    /// <summary>The voice an agent of this call centre speaks in (a flite voice, <c>espeak:…</c>); null for an unknown id.</summary>
    public string? VoiceOf(string agentId) => centre.Agents.FirstOrDefault(a => string.Equals(a.Id, agentId, StringComparison.Ordinal))?.Voice;

    /// <summary>The call-centre file this was loaded from.</summary>
    public string SourcePath => centre.SourcePath;

    /// <summary>Sites and agents, for progress messages.</summary>
    public (int Sites, int Agents) Size => (centre.Sites.Count, centre.Agents.Count);

    /// <summary>True when the call-centre file says what agents say in <paramref name="scenarioId"/>.</summary>
    public bool HasLinesFor(string scenarioId) => centre.Scenarios.ContainsKey(scenarioId);

    /// <inheritdoc />
    public async IAsyncEnumerable<CallEvent> PlaceCallAsync(CallRequest request, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var id = request.CallId;
        var scenario = request.Scenario;
        var locale = scenario.Scenario.Locale;

        var voices = synthesizer.VoicesFor(locale);
        if (voices.Count == 0)
        {
            yield return new CallCompleted(id, TimeSpan.Zero, CallStatus.Failed, null, $"no local voice for {locale}");
            yield break;
        }

        if (centre.SiteFor(request.To) is not { } site)
        {
            yield return new CallCompleted(id, TimeSpan.Zero, CallStatus.Failed, null,
                $"{request.To} is not a line of the simulated call centre; lines are {string.Join(", ", Lines)}");
            yield break;
        }

        var problems = CallCentreCoverage.Check(centre, scenario);
        if (problems.Count > 0)
        {
            yield return new CallCompleted(id, TimeSpan.Zero, CallStatus.Failed, null, string.Join("; ", problems));
            yield break;
        }

        var lines = centre.Scenarios[scenario.Scenario.Id];
        var random = new Random(seeds.For(id));
        var staff = centre.AgentsAt(site);
        var agent = staff[random.Next(staff.Count)];
        var draw = CallDraw.Draw(random, site, centre.Profiles[agent.Profile], lines, scenario.Checklist);
        var callerVoice = request.CallerVoice is { } asked && voices.Contains(asked, StringComparer.Ordinal)
            ? asked
            : centre.CallerVoices[random.Next(centre.CallerVoices.Count)];

        yield return new CallRinging(id, TimeSpan.Zero);

        // The menu, if any, is navigated before a person answers; its steps end at simulated times.
        var shape = ScriptShape.Of(scenario.Script);
        var dialled = TimeSpan.Zero;
        for (var i = 0; i < shape.MenuSteps; i++)
        {
            dialled += scenario.Script[i] switch
            {
                ListenStep => MenuPrompt,
                PressStep press => Dtmf.Tones(press.Digits).Duration,
                PauseStep pause => pause.Duration,
                _ => TimeSpan.Zero,
            };
            yield return new StepPlayed(id, dialled, i);
        }

        if (draw.NoAnswer || draw.Busy)
        {
            var end = dialled + (draw.Busy ? TimeSpan.FromSeconds(1) : NoAnswerTimeout);
            yield return new GroundTruthDrawn(id, end, GroundTruthBuilder.Unanswered(id, scenario, draw));
            yield return new CallCompleted(id, end, draw.Busy ? CallStatus.Busy : CallStatus.NoAnswer, null);
            yield break;
        }

        var answeredAt = dialled + draw.RingTime;
        yield return new CallAnswered(id, answeredAt);

        var values = LineTemplate.Values(scenario, lines, agent, site);
        ComposedCall? call = null;
        string? failure = null;
        try
        {
            call = await composer.ComposeAsync(scenario, lines, draw, values, agent.Voice, callerVoice, random, cancellationToken).ConfigureAwait(false);
        }
        catch (SpeechEngineException ex)
        {
            failure = ex.Message;
        }

        if (call is null)
        {
            yield return new CallCompleted(id, answeredAt, CallStatus.Failed, null, failure);
            yield break;
        }

        foreach (var (step, at) in call.Steps)
        {
            yield return new StepPlayed(id, answeredAt + at, step);
        }

        var path = Path.Combine(recordingDirectory, $"{id}.wav");
        WavFile.Write(path, new TwoChannelAudio(TelephoneLine.SampleRate, call.CallerChannel, call.AgentChannel));

        var ended = answeredAt + call.End;
        yield return new GroundTruthDrawn(id, ended, GroundTruthBuilder.Answered(id, scenario, agent, draw, call));
        yield return new CallCompleted(id, ended, CallStatus.Completed, Math.Round(call.End.TotalSeconds, 3));
        yield return new RecordingReady(id, ended, path, AgentChannel);
    }
}
