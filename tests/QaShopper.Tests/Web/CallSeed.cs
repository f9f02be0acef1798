using Microsoft.Extensions.DependencyInjection;
using QaShopper.Audio;
using QaShopper.Core.Ports;
using QaShopper.Core.Results;
using QaShopper.Core.Scenarios;
using QaShopper.Tests.Support;

namespace QaShopper.Tests.Web;

/// <summary>
/// Calls for the web tests: <c>call-1</c> (agent li, site leeds, good, needs review, a 70-second two-channel recording in
/// the host's recordings folder, item all-details failed) and <c>call-2</c> (agent amy, site york, a day later, fail).
/// </summary>
internal static class CallSeed
{
    public const int RecordingSeconds = 70;

    public static async Task SeedAsync(WebAppHost host)
    {
        var store = host.Services.GetRequiredService<IResultStore>();
        var recordings = Path.Combine(host.DataFolder, "recordings");
        Directory.CreateDirectory(recordings);
        var wav = Path.Combine(recordings, "call-1.wav");
        WavFile.Write(wav, 8000, [Tone(8000, 440), Tone(8000, 660)]);

        // The version SampleCalls' score names (hash abc123), so the pages have each item's wording.
        var scenario = ScenarioParser.Parse(ScenarioYaml, "booking-change.yaml").Scenario! with { ContentHash = "abc123" };
        await store.SaveScenarioAsync(scenario, ScenarioYaml);
        await store.SaveAgentAsync(new AgentRecord("li", "Li", "1001", "leeds"));
        await store.SaveAgentAsync(new AgentRecord("amy", "Amy", "1002", "york"));
        await store.SaveCallAsync(SampleCalls.Call() with { RecordingPath = wav }, SampleCalls.Score());
        var failed = SampleCalls.Score(agent: "amy", score: 40) with
        {
            Grade = Grade.Fail,
            NeedsReview = false,
            AgentMatch = new QaShopper.Core.Attribution.AgentMatch("amie", QaShopper.Core.Attribution.AgentMatchKind.SoundsAlike, 0.8),
        };
        await store.SaveCallAsync(SampleCalls.Call("call-2", "amy", SampleCalls.Monday.AddDays(1)) with { RecordingPath = "/etc/passwd" }, failed);
    }

    private const string ScenarioYaml = """
        id: booking-change
        title: Booking change
        locale: en-US
        script:
          - say: "I'd like to change my booking, please."
          - listen: { max: 30s }
        checklist:
          - id: greeting
            text: Greets the caller with the airline's name
            weight: 2
            critical: true
            match: { any: ["welcome to star airlines"] }
          - id: all-details
            text: Asks for the booking reference and the caller's name
            weight: 3
            match: { all: ["reference", "your name"] }
          - id: answer-time
            text: Answers within three rings
            weight: 1
            answered_within: 15s
          - id: silence
            text: No hold longer than 30 seconds
            weight: 1
            max_silence: 30s
          - id: upsell
            text: Offers seat selection
            weight: 1
            match: { any: ["choose your seat"] }
        """;

    private static float[] Tone(int rate, double hertz) =>
        [.. Enumerable.Range(0, rate * RecordingSeconds).Select(i => (float)(0.2 * Math.Sin(2 * Math.PI * hertz * i / rate)))];
}
