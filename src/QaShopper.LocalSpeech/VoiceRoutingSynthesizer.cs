using QaShopper.Audio;
using QaShopper.Core.Ports;

namespace QaShopper.LocalSpeech;

/// <summary>
/// The local engines behind one <see cref="ISpeechSynthesizer"/>: a voice named <c>espeak:…</c> is spoken by espeak-ng,
/// anything else (a flite voice, a cloud voice name, no voice) by flite exactly as before, so audio that never names an
/// espeak voice is unchanged. espeak-ng stays optional: without it only an espeak voice's request fails.
/// </summary>
public sealed class VoiceRoutingSynthesizer : ISpeechSynthesizer
{
    private readonly ISpeechSynthesizer flite;
    private readonly ISpeechSynthesizer espeak;

    /// <summary>Routes <c>espeak:…</c> voices to <paramref name="espeak"/> and every other request to <paramref name="flite"/>.</summary>
    public VoiceRoutingSynthesizer(ISpeechSynthesizer flite, ISpeechSynthesizer espeak)
    {
        ArgumentNullException.ThrowIfNull(flite);
        ArgumentNullException.ThrowIfNull(espeak);
        this.flite = flite;
        this.espeak = espeak;
    }

    /// <inheritdoc />
    public string Engine => $"{flite.Engine}+{espeak.Engine}";

    /// <inheritdoc />
    /// <remarks>flite's voices first: they are the defaults and the ones messages list first.</remarks>
    public IReadOnlyList<string> VoicesFor(string locale) => [.. flite.VoicesFor(locale), .. espeak.VoicesFor(locale)];

    /// <inheritdoc />
    public Task<AudioClip> SynthesizeAsync(SpeechRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        return (EspeakSynthesizer.IsEspeakVoice(request.Voice) ? espeak : flite).SynthesizeAsync(request, cancellationToken);
    }
}
