using QaShopper.Audio;
using QaShopper.Core.Ports;
using QaShopper.Core.Scenarios;
using QaShopper.Core.Templates;

namespace QaShopper.Simulation;

/// <summary>
/// Lays a call out on two timelines from the answer: the agent's lines for each caller <c>listen</c> (greeting first),
/// the caller's <c>say</c> lines, pauses, DTMF for <c>press</c>, the hold, realistic gaps; then adds line noise and
/// passes both channels through the telephone line. Every random choice comes from the call's seeded source.
/// </summary>
internal sealed class CallComposer(ISpeechSynthesizer synthesizer)
{
    /// <summary>Gap between one side finishing and the other starting.</summary>
    internal static readonly (double Min, double Max) TurnGap = (0.3, 1.2);

    /// <summary>Breath between two lines of the same turn.</summary>
    internal static readonly (double Min, double Max) LineGap = (0.15, 0.4);

    public async Task<ComposedCall> ComposeAsync(
        RenderedScenario scenario,
        ScenarioLines lines,
        CallDraw draw,
        IReadOnlyDictionary<string, string> values,
        string agentVoice,
        string callerVoice,
        Random random,
        CancellationToken cancellationToken)
    {
        var rate = TelephoneLine.SampleRate;
        var caller = new AudioTimeline(rate);
        var agent = new AudioTimeline(rate);
        var utterances = new List<Utterance>();
        var steps = new List<(int, TimeSpan)>();
        var locale = scenario.Scenario.Locale;
        TimeSpan? holdStart = null;

        async Task<TimeSpan> SpeakAsync(Side side, string text, TimeSpan at, string? item, bool passes)
        {
            var clip = await synthesizer.SynthesizeAsync(new SpeechRequest(text, locale, side == Side.Agent ? agentVoice : callerVoice), cancellationToken).ConfigureAwait(false);
            var end = (side == Side.Agent ? agent : caller).Place(clip, at);
            utterances.Add(new Utterance(side, text, at, end, item, passes));
            return end;
        }

        var shape = ScriptShape.Of(scenario.Script);
        var t = Gap(random, TurnGap);
        var turn = 0;
        for (var i = shape.MenuSteps; i < scenario.Script.Count; i++)
        {
            var step = scenario.Script[i];
            if (step is HangupStep)
            {
                steps.Add((i, t));
                break;
            }

            switch (step)
            {
                case ListenStep listen:
                    turn++;
                    var spoke = false;
                    var words = AgentTurnLines.For(lines, draw, values, turn);
                    if (words.Hold is (string holdSays, string holdBack))
                    {
                        t = await SpeakAsync(Side.Agent, holdSays, t, null, false).ConfigureAwait(false);
                        holdStart = t;
                        t += draw.HoldLength;
                        t = await SpeakAsync(Side.Agent, holdBack, t, null, false).ConfigureAwait(false) + Gap(random, LineGap);
                        spoke = true;
                    }

                    foreach (var line in words.Lines)
                    {
                        t = await SpeakAsync(Side.Agent, line.Text, t, line.Item, line.Passes).ConfigureAwait(false) + Gap(random, LineGap);
                        spoke = true;
                    }

                    // A turn where the agent said nothing ends when the caller gives up waiting.
                    t += spoke ? Gap(random, TurnGap) : listen.Silence;
                    break;
                case SayStep say:
                    t = await SpeakAsync(Side.Caller, say.Text, t, null, false).ConfigureAwait(false) + Gap(random, TurnGap);
                    break;
                case PauseStep pause:
                    t += pause.Duration;
                    break;
                case PressStep press:
                    t = caller.Place(Dtmf.Tones(press.Digits, rate), t) + Gap(random, TurnGap);
                    break;
            }

            steps.Add((i, t));
        }

        var end = t;
        var callerSamples = caller.Render(end);
        var agentSamples = agent.Render(end);
        // The caller's noise is drawn first: the order of the draws is part of what a seed reproduces.
        var callerLine = SimulatedLine.Caller(callerSamples, random);
        var agentLine = SimulatedLine.Agent(agentSamples, random);
        return new ComposedCall(utterances, steps, holdStart, draw.HoldLength, end, callerLine.Samples, agentLine.Samples);
    }

    internal static TimeSpan Gap(Random random, (double Min, double Max) range) =>
        TimeSpan.FromSeconds(Math.Round(range.Min + (random.NextDouble() * (range.Max - range.Min)), 3));
}
