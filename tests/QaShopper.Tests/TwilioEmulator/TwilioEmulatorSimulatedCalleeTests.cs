using QaShopper.Core.Templates;
using QaShopper.Simulation;
using QaShopper.Tests.Simulation;
using QaShopper.Twilio.Emulator;
using Twilio.Rest.Api.V2010.Account;
using Twilio.Types;

namespace QaShopper.Tests.EmulatedTwilio;

/// <summary>The simulated call centre answering emulated Twilio calls, driven like a carrier would: play a line, gather the reply.</summary>
public sealed class TwilioEmulatorSimulatedCalleeTests
{
    private const string Leeds = "+441134960001";
    private const int Seed = 5;
    private const string Gather = "<Gather input=\"speech\" speechTimeout=\"auto\" timeout=\"20\" action=\"/heard\"/>";

    private static readonly Dictionary<string, double> Perfect = new(StringComparer.Ordinal)
    {
        ["greets"] = 1, ["gives_name"] = 1, ["follows_procedure"] = 1, ["correct_information"] = 1, ["offers_more_help"] = 1,
        ["closes_politely"] = 1, ["uses_forbidden_phrase"] = 0, ["answers_slowly"] = 0, ["holds_too_long"] = 0, ["no_answer"] = 0, ["busy"] = 0,
    };

    /// <summary>The shipped call centre with every agent on one profile: <see cref="Perfect"/> changed by <paramref name="changes"/>.</summary>
    private static CallCentre Forced(params (string Behaviour, double Probability)[] changes)
    {
        var centre = Shipped.CallCentre();
        var probabilities = new Dictionary<string, double>(Perfect, StringComparer.Ordinal);
        foreach (var (behaviour, probability) in changes)
        {
            probabilities[behaviour] = probability;
        }

        var profile = new BehaviourProfile("forced", probabilities);
        return centre with
        {
            Profiles = centre.Profiles.Keys.ToDictionary(k => k, _ => profile, StringComparer.Ordinal),
            Sites = [.. centre.Sites.Select(s => s with { NoAnswer = null, Busy = null })],
        };
    }

    /// <summary>The simulated carrier's draws for the same seed: what the agent must say.</summary>
    private static (CallDraw Draw, ScenarioLines Lines, IReadOnlyDictionary<string, string> Values) Expected(CallCentre centre, RenderedScenario scenario)
    {
        var site = centre.SiteFor(Leeds)!;
        var random = new Random(Seed);
        var staff = centre.AgentsAt(site);
        var agent = staff[random.Next(staff.Count)];
        var lines = centre.Scenarios[scenario.Scenario.Id];
        var draw = CallDraw.Draw(random, site, centre.Profiles[agent.Profile], lines, scenario.Checklist);
        return (draw, lines, LineTemplate.Values(scenario, lines, agent, site));
    }

    private static async Task<TwilioEmulatorHarness> StartAsync(CallCentre centre, RenderedScenario scenario)
    {
        var callee = new SimulatedCallCentreCallee(centre, new FakeSynthesizer(), _ => new CalleeBrief(scenario, Seed));
        var h = await TwilioEmulatorHarness.StartAsync(callee);
        h.App.Audio("/audio/line.wav", Tones.Sine(440, 1.0));
        return h;
    }

    private static CreateCallOptions Call(TwilioEmulatorHarness h) =>
        new(new PhoneNumber(Leeds), new PhoneNumber(TwilioEmulatorHarness.Owned))
        {
            Url = h.App.Url("/start"),
            Record = true,
            RecordingChannels = "dual",
            Trim = "do-not-trim",
        };

    [Test]
    public async Task Brief_ConversationDrivenTurnByTurn_AgentLinesArriveAsSpeechResultsInOrder()
    {
        var centre = Forced();
        var scenario = Shipped.Rendered("acme-bank-lost-card", 3);
        var (draw, lines, values) = Expected(centre, scenario);
        var expected = new List<string>();
        string? holdLine = null;
        for (var turn = 1; turn <= lines.Turns.Count; turn++)
        {
            var words = AgentTurnLines.For(lines, draw, values, turn);
            var said = words.Lines.Select(l => l.Text).ToList();
            if (words.Hold is (string holdSays, string back))
            {
                holdLine = holdSays;
                expected.Add(holdSays);
                said.Insert(0, back);
            }

            expected.Add(string.Join(' ', said));
        }

        Assert.That(holdLine, Is.Not.Null, "the scenario has a hold");
        var says = scenario.Script.Count(s => s is Core.Scenarios.SayStep);
        await using var h = await StartAsync(centre, scenario);
        var plays = 0;
        h.App.Twiml("/start", $"<Response>{Gather}</Response>");
        h.App.Twiml("/heard", r =>
        {
            // On hold: keep listening without speaking, as a caller waits.
            if (r.Form.GetValueOrDefault("SpeechResult") == holdLine)
            {
                return $"<Response>{Gather}</Response>";
            }

            return plays++ < says ? $"<Response><Play>/audio/line.wav</Play>{Gather}</Response>" : "<Response><Hangup/></Response>";
        });

        await CallResource.CreateAsync(Call(h), h.Client);
        await h.Emulator.WhenIdleAsync(CancellationToken.None);

        var heard = h.App.At("/heard").Select(r => r.Form.GetValueOrDefault("SpeechResult")).ToList();
        Assert.That(h.Emulator.Calls.Single().Errors, Is.Empty);
        Assert.That(heard, Is.EqualTo(expected));

        // Answered after the drawn ring time (plus a second of dialling).
        var call = h.Emulator.Calls.Single();
        Assert.That((call.AnsweredAt!.Value - call.StartTime!.Value).TotalSeconds, Is.EqualTo(1 + draw.RingTime.TotalSeconds).Within(0.001));

        // The hold is the longest silence on the agent's channel, of the drawn length.
        var agentChannel = h.Emulator.RecordingSamples(call.RecordingSid!)![1];
        Assert.That(LongestSilence(agentChannel), Is.EqualTo(draw.HoldLength.TotalSeconds).Within(0.01));
    }

    [Test]
    public async Task Brief_BusyDraw_CallEndsBusyWithoutTwiml()
    {
        var centre = Forced(("busy", 1));
        var scenario = Shipped.Rendered("acme-bank-lost-card", 3);
        await using var h = await StartAsync(centre, scenario);
        h.App.Twiml("/start", $"<Response>{Gather}</Response>");

        await CallResource.CreateAsync(Call(h), h.Client);
        await h.Emulator.WhenIdleAsync(CancellationToken.None);

        Assert.That(h.Emulator.Calls.Single().Status, Is.EqualTo("busy"));
        Assert.That(h.App.At("/start"), Is.Empty);
    }

    [Test]
    public async Task Brief_ScenarioWithMenu_IvrAnswersAtOncePersonGreetsAfterDigits()
    {
        var centre = Forced();
        var scenario = Shipped.Rendered("nova-telecom-broadband-fault", 3);
        var (draw, lines, values) = Expected(centre, scenario);
        await using var h = await StartAsync(centre, scenario);
        var gathered = 0;
        h.App.Twiml("/start", $"<Response>{Gather}</Response>");
        h.App.Twiml("/heard", _ => gathered++ == 0 ? $"<Response><Play digits=\"2\"/>{Gather}</Response>" : "<Response><Hangup/></Response>");

        await CallResource.CreateAsync(Call(h), h.Client);
        await h.Emulator.WhenIdleAsync(CancellationToken.None);

        var heard = h.App.At("/heard").Select(r => r.Form.GetValueOrDefault("SpeechResult")).ToList();
        var call = h.Emulator.Calls.Single();
        Assert.That(call.AnsweredAt - call.StartTime, Is.EqualTo(TimeSpan.FromSeconds(1) + SimulatedCallCentreCallee.IvrRingTime));
        Assert.That(heard, Has.Count.EqualTo(2));
        Assert.That(heard[0], Does.StartWith("Thank you for calling"));
        Assert.That(heard[1], Is.EqualTo(string.Join(' ', AgentTurnLines.For(lines, draw, values, 1).Lines.Select(l => l.Text))));
    }

    [Test]
    public async Task NoBrief_CallFailsWithReason()
    {
        var callee = new SimulatedCallCentreCallee(Forced(), new FakeSynthesizer(), _ => null);
        await using var h = await TwilioEmulatorHarness.StartAsync(callee);

        await CallResource.CreateAsync(Call(h), h.Client);
        await h.Emulator.WhenIdleAsync(CancellationToken.None);

        var call = h.Emulator.Calls.Single();
        Assert.That(call.Status, Is.EqualTo("failed"));
        Assert.That(call.Errors, Has.One.Contains("no brief"));
    }

    private static double LongestSilence(float[] samples)
    {
        int longest = 0, run = 0;
        foreach (var s in samples)
        {
            run = Math.Abs(s) < 0.001f ? run + 1 : 0;
            longest = Math.Max(longest, run);
        }

        return longest / 8000.0;
    }
}
