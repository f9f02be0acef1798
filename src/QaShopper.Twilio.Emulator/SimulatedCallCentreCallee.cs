using QaShopper.Audio;
using QaShopper.Core.Ports;
using QaShopper.Core.Scenarios;
using QaShopper.Core.Templates;
using QaShopper.Simulation;

namespace QaShopper.Twilio.Emulator;

/// <summary>What the simulated agents need to know about a call: the scenario they are playing and the call's seed.</summary>
/// <param name="Scenario">The rendered scenario the caller follows; the agents speak the call-centre file's lines for it.</param>
/// <param name="Seed">Seeds the call's draws exactly as <see cref="SimulatedCallSeeds"/> seeds the simulated carrier's.</param>
public sealed record CalleeBrief(RenderedScenario Scenario, int Seed);

/// <summary>
/// The simulated call centre (<c>call-centre.yaml</c>) answering emulated Twilio calls: the same draws as the simulated
/// carrier (a <see cref="Random"/> from the brief's seed picks the agent at the site of <c>To</c>, then
/// <c>CallDraw</c>), so busy, no answer, ring time, hold length and every line follow the seed; the agent speaks each
/// turn's lines in its voice through the telephone line.
/// </summary>
/// <remarks>
/// <para>A call without a brief (or to a number the centre does not answer, or a scenario it has no lines for) fails
/// with the reason in the call's errors: silent agents would make a rehearsal look like a run of mute call centres.</para>
/// <para>A scenario that starts with a menu (steps before the caller first speaks that include a <c>press</c>) is answered
/// at once by an IVR (<see cref="IvrRingTime"/>) which plays a menu prompt for each of the menu's <c>listen</c> steps; once
/// the caller has sent as many digit strings as the menu has presses, the person answers after the drawn ring time with
/// turn 1 (the greeting). A busy or no-answer draw then means nobody comes on the line.</para>
/// </remarks>
public sealed class SimulatedCallCentreCallee : IEmulatedCallee
{
    /// <summary>How long the line rings before an IVR picks up.</summary>
    public static readonly TimeSpan IvrRingTime = TimeSpan.FromSeconds(1);

    private readonly CallCentre centre;
    private readonly ISpeechSynthesizer synthesizer;
    private readonly Func<EmulatedCallInfo, CalleeBrief?> briefing;

    /// <summary>Loads the call centre from <paramref name="callCentreFile"/>.</summary>
    /// <param name="callCentreFile">The call-centre file, as for the simulated carrier.</param>
    /// <param name="synthesizer">Speaks the agents' lines (flite in real use).</param>
    /// <param name="briefing">Tells the agents which scenario a call plays, and its seed; null for an unknown call.</param>
    /// <exception cref="CallCentreException">The file has problems.</exception>
    public SimulatedCallCentreCallee(string callCentreFile, ISpeechSynthesizer synthesizer, Func<EmulatedCallInfo, CalleeBrief?> briefing)
        : this(CallCentreLoader.Load(callCentreFile), synthesizer, briefing)
    {
    }

    internal SimulatedCallCentreCallee(CallCentre centre, ISpeechSynthesizer synthesizer, Func<EmulatedCallInfo, CalleeBrief?> briefing)
    {
        ArgumentNullException.ThrowIfNull(centre);
        ArgumentNullException.ThrowIfNull(synthesizer);
        ArgumentNullException.ThrowIfNull(briefing);
        this.centre = centre;
        this.synthesizer = synthesizer;
        this.briefing = briefing;
    }

    /// <inheritdoc />
    public Task<EmulatedAnswer> AnswerAsync(EmulatedCallInfo callInfo, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(callInfo);
        return Task.FromResult(Answer(callInfo));
    }

    private EmulatedAnswer Answer(EmulatedCallInfo callInfo)
    {
        if (briefing(callInfo) is not { } brief)
        {
            return EmulatedAnswer.Failed($"the simulated call centre has no brief for call {callInfo.CallSid} to {callInfo.To}");
        }

        var scenario = brief.Scenario;
        if (centre.SiteFor(callInfo.To) is not { } site)
        {
            return EmulatedAnswer.Failed($"{callInfo.To} is not a line of the simulated call centre");
        }

        if (synthesizer.VoicesFor(scenario.Scenario.Locale).Count == 0)
        {
            return EmulatedAnswer.Failed($"no local voice for {scenario.Scenario.Locale}");
        }

        if (CallCentreCoverage.Check(centre, scenario) is { Count: > 0 } problems)
        {
            return EmulatedAnswer.Failed(string.Join("; ", problems));
        }

        // The simulated carrier's draw order: agent, then CallDraw; the agents' gaps come after from the same source.
        var lines = centre.Scenarios[scenario.Scenario.Id];
        var random = new Random(brief.Seed);
        var staff = centre.AgentsAt(site);
        var agent = staff[random.Next(staff.Count)];
        var draw = CallDraw.Draw(random, site, centre.Profiles[agent.Profile], lines, scenario.Checklist);
        var speaker = new SimulatedAgent(synthesizer, scenario, lines, draw, LineTemplate.Values(scenario, lines, agent, site), agent.Voice, random);
        if (speaker.HasMenu)
        {
            return EmulatedAnswer.Answered(IvrRingTime, speaker);
        }

        return draw.NoAnswer ? EmulatedAnswer.NoAnswer
            : draw.Busy ? EmulatedAnswer.Busy
            : EmulatedAnswer.Answered(draw.RingTime, speaker);
    }

    /// <summary>One agent on one call (behind an IVR when the script has a menu).</summary>
    private sealed class SimulatedAgent : IEmulatedAgent
    {
        private readonly ISpeechSynthesizer synthesizer;
        private readonly RenderedScenario scenario;
        private readonly ScenarioLines lines;
        private readonly CallDraw draw;
        private readonly IReadOnlyDictionary<string, string> values;
        private readonly string voice;
        private readonly Random random;
        private readonly List<ListenStep> menuPrompts;
        private readonly Lock gate = new();
        private int pressesLeft;
        private bool personOnLine;
        private int turn;

        public SimulatedAgent(
            ISpeechSynthesizer synthesizer, RenderedScenario scenario, ScenarioLines lines, CallDraw draw, IReadOnlyDictionary<string, string> values, string voice, Random random)
        {
            this.synthesizer = synthesizer;
            this.scenario = scenario;
            this.lines = lines;
            this.draw = draw;
            this.values = values;
            this.voice = voice;
            this.random = random;
            var menu = scenario.Script.Take(ScriptShape.Of(scenario.Script).MenuSteps).ToList();
            pressesLeft = menu.Count(s => s is PressStep);
            menuPrompts = [.. menu.OfType<ListenStep>()];
            personOnLine = pressesLeft == 0;
        }

        public bool HasMenu => !personOnLine;

        public async Task<IReadOnlyList<AgentUtterance>> TakeTurnAsync(AgentCue cue, CancellationToken cancellationToken)
        {
            ArgumentNullException.ThrowIfNull(cue);
            var said = new List<(TimeSpan, string)>();
            int? conversationTurn = null;
            var start = TimeSpan.Zero;
            lock (gate)
            {
                if (!personOnLine)
                {
                    if (cue.Kind == AgentCueKind.Answered)
                    {
                        said.Add((CallComposer.Gap(random, CallComposer.TurnGap), MenuPrompt(0)));
                    }
                    else if (cue.Kind == AgentCueKind.Digits && --pressesLeft > 0)
                    {
                        said.Add((CallComposer.Gap(random, CallComposer.TurnGap), MenuPrompt(menuPrompts.Count - pressesLeft)));
                    }
                    else if (cue.Kind == AgentCueKind.Digits && !draw.NoAnswer && !draw.Busy)
                    {
                        // The last press puts the caller through: the person picks up after the drawn ring time.
                        personOnLine = true;
                        conversationTurn = turn = 1;
                        start = draw.RingTime;
                    }
                }
                else if (cue.Kind is AgentCueKind.Answered or AgentCueKind.CallerSpoke)
                {
                    conversationTurn = ++turn;
                }
            }

            var utterances = new List<AgentUtterance>();
            foreach (var (offset, text) in said)
            {
                utterances.Add(new AgentUtterance(offset, await SpeakAsync(text, cancellationToken).ConfigureAwait(false), text));
            }

            if (conversationTurn is { } k)
            {
                await AddTurnAsync(utterances, k, start, cancellationToken).ConfigureAwait(false);
            }

            return utterances;
        }

        /// <summary>Turn <paramref name="k"/>'s lines as <c>CallComposer</c> times them: a reply gap, the hold, breaths between lines.</summary>
        private async Task AddTurnAsync(List<AgentUtterance> utterances, int k, TimeSpan start, CancellationToken cancellationToken)
        {
            var words = AgentTurnLines.For(lines, draw, values, k);
            var t = start + Gap(CallComposer.TurnGap);
            async Task SayAsync(string text)
            {
                var clip = await SpeakAsync(text, cancellationToken).ConfigureAwait(false);
                utterances.Add(new AgentUtterance(t, clip, text));
                t += clip.Duration;
            }

            if (words.Hold is (string holdSays, string holdBack))
            {
                await SayAsync(holdSays).ConfigureAwait(false);
                t += draw.HoldLength;
                await SayAsync(holdBack).ConfigureAwait(false);
                t += Gap(CallComposer.LineGap);
            }

            foreach (var line in words.Lines)
            {
                await SayAsync(line.Text).ConfigureAwait(false);
                t += Gap(CallComposer.LineGap);
            }
        }

        private TimeSpan Gap((double Min, double Max) range)
        {
            lock (gate)
            {
                return CallComposer.Gap(random, range);
            }
        }

        private string MenuPrompt(int index)
        {
            var options = index < menuPrompts.Count ? menuPrompts[index].Until : [];
            return options.Count > 0
                ? $"Thank you for calling {lines.Company}. {string.Join(". ", options)}."
                : $"Thank you for calling {lines.Company}. Please choose from the following options.";
        }

        private async Task<AudioClip> SpeakAsync(string text, CancellationToken cancellationToken)
        {
            var clip = await synthesizer.SynthesizeAsync(new SpeechRequest(text, scenario.Scenario.Locale, voice), cancellationToken).ConfigureAwait(false);
            return TelephoneLine.Apply(clip);
        }
    }
}
