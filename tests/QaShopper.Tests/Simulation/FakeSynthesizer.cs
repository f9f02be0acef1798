using System.Collections.Concurrent;
using QaShopper.Audio;
using QaShopper.Core.Ports;

namespace QaShopper.Tests.Simulation;

/// <summary>Speaks a tone whose length follows the text (60 ms a character): fast and deterministic. Remembers what it was asked.</summary>
internal sealed class FakeSynthesizer : ISpeechSynthesizer
{
    public ConcurrentQueue<SpeechRequest> Requests { get; } = new();

    public string Engine => "fake";

    public IReadOnlyList<string> VoicesFor(string locale) =>
        locale.StartsWith("en", StringComparison.OrdinalIgnoreCase) ? ["kal", "kal16", "awb", "rms", "slt"] : [];

    public Task<AudioClip> SynthesizeAsync(SpeechRequest request, CancellationToken cancellationToken = default)
    {
        Requests.Enqueue(request);
        var length = (int)(16000 * 0.06 * request.Text.Length);
        var hz = 200 + (Math.Abs(request.Text.GetHashCode(StringComparison.Ordinal)) % 300);
        var samples = new float[length];
        for (var i = 0; i < length; i++)
        {
            samples[i] = (float)(0.3 * Math.Sin(2 * Math.PI * hz * i / 16000));
        }

        return Task.FromResult(new AudioClip(16000, samples));
    }
}
