using QaShopper.Audio;
using QaShopper.Core.Ports;

namespace QaShopper.Tests.Twilio;

/// <summary>A synthesizer whose "speech" is a burst pattern seeded by the text: distinct lines have distinct loudness shapes.</summary>
internal sealed class ToneSynthesizer : ISpeechSynthesizer
{
    public string Engine => "tones";

    public IReadOnlyList<string> VoicesFor(string locale) => ["tone"];

    public Task<AudioClip> SynthesizeAsync(SpeechRequest request, CancellationToken cancellationToken = default) =>
        Task.FromResult(Clip(request.Text));

    public static AudioClip Clip(string text) => Bursts(StableSeed(text), TimeSpan.FromSeconds(2));

    /// <summary>Noise bursts of random lengths and loudness, like syllables.</summary>
    public static AudioClip Bursts(int seed, TimeSpan length)
    {
        var random = new Random(seed);
        var samples = new float[(int)(length.TotalSeconds * TelephoneLine.SampleRate)];
        var i = 0;
        while (i < samples.Length)
        {
            var burst = random.Next(800, 2400);
            var gap = random.Next(400, 2000);
            var level = (float)(0.1 + (random.NextDouble() * 0.4));
            for (var j = 0; j < burst && i < samples.Length; j++, i++)
            {
                samples[i] = level * (float)((random.NextDouble() * 2) - 1);
            }

            i += gap;
        }

        return new AudioClip(TelephoneLine.SampleRate, samples);
    }

    private static int StableSeed(string text) => text.Aggregate(17, (h, c) => unchecked((h * 31) + c));
}
