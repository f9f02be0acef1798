using QaShopper.Audio;
using QaShopper.Twilio.Emulator;
using Twilio.Clients;
using Twilio.Http;

namespace QaShopper.Tests.EmulatedTwilio;

/// <summary>Sends what the SDK addresses to https://api.twilio.com to the emulator instead.</summary>
internal sealed class RewritingHandler(Uri target) : DelegatingHandler(new HttpClientHandler())
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var uri = request.RequestUri!;
        if (uri.Host == "api.twilio.com")
        {
            request.RequestUri = new Uri(target, uri.PathAndQuery.TrimStart('/'));
        }

        return base.SendAsync(request, cancellationToken);
    }
}

/// <summary>A callee whose answer and agent the test sets.</summary>
internal sealed class ScriptedCallee(Func<EmulatedCallInfo, EmulatedAnswer> answer) : IEmulatedCallee
{
    public Task<EmulatedAnswer> AnswerAsync(EmulatedCallInfo callInfo, CancellationToken cancellationToken) => Task.FromResult(answer(callInfo));
}

/// <summary>An agent that says fixed utterances per turn and remembers its cues.</summary>
internal sealed class ScriptedAgent(Dictionary<int, AgentUtterance[]> turns) : IEmulatedAgent
{
    public List<AgentCue> Cues { get; } = [];

    public Task<IReadOnlyList<AgentUtterance>> TakeTurnAsync(AgentCue cue, CancellationToken cancellationToken)
    {
        lock (Cues)
        {
            Cues.Add(cue);
        }

        IReadOnlyList<AgentUtterance> said = cue.Kind != AgentCueKind.Digits && turns.TryGetValue(cue.Turn, out var u) ? u : [];
        return Task.FromResult(said);
    }
}

internal static class Tones
{
    /// <summary>A sine at <paramref name="hz"/> for <paramref name="seconds"/>, 8 kHz.</summary>
    public static AudioClip Sine(double hz, double seconds, int rate = 8000)
    {
        var samples = new float[(int)Math.Round(seconds * rate)];
        for (var i = 0; i < samples.Length; i++)
        {
            samples[i] = (float)(0.3 * Math.Sin(2 * Math.PI * hz * i / rate));
        }

        return new AudioClip(rate, samples);
    }

    /// <summary>The RMS level of <paramref name="samples"/> between two times.</summary>
    public static double Rms(float[] samples, double from, double to, int rate = 8000)
    {
        var start = Math.Clamp((int)(from * rate), 0, samples.Length);
        var end = Math.Clamp((int)(to * rate), start, samples.Length);
        if (end == start)
        {
            return 0;
        }

        double sum = 0;
        for (var i = start; i < end; i++)
        {
            sum += samples[i] * samples[i];
        }

        return Math.Sqrt(sum / (end - start));
    }
}

/// <summary>An emulator, the carrier's webhook app and an SDK client pointed at the emulator.</summary>
internal sealed class TwilioEmulatorHarness : IAsyncDisposable
{
    public const string Owned = "+15005550006";
    public const string Callee = "+441134960001";

    private System.Net.Http.HttpClient? sdkHttp;

    public QaShopper.Twilio.Emulator.TwilioEmulator Emulator { get; private set; } = null!;

    public WebhookApp App { get; private set; } = null!;

    public TwilioRestClient Client { get; private set; } = null!;

    public static async Task<TwilioEmulatorHarness> StartAsync(IEmulatedCallee callee, TwilioEmulatorOptions? options = null)
    {
        var harness = new TwilioEmulatorHarness
        {
            App = await WebhookApp.StartAsync(),
        };
        harness.Emulator = await global::QaShopper.Twilio.Emulator.TwilioEmulator.StartAsync(options ?? new TwilioEmulatorOptions { OwnedNumbers = [Owned], Seed = 7 }, callee);
        harness.Client = harness.ClientFor(harness.Emulator.AccountSid, harness.Emulator.AuthToken);
        return harness;
    }

    public TwilioRestClient ClientFor(string user, string password)
    {
        sdkHttp ??= new System.Net.Http.HttpClient(new RewritingHandler(Emulator.BaseAddress));
        return new TwilioRestClient(user, password, accountSid: Emulator.AccountSid, httpClient: new SystemNetHttpClient(sdkHttp));
    }

    public async ValueTask DisposeAsync()
    {
        await Emulator.DisposeAsync();
        await App.DisposeAsync();
        sdkHttp?.Dispose();
    }
}
