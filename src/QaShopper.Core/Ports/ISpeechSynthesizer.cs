using QaShopper.Audio;

namespace QaShopper.Core.Ports;

/// <summary>Turns text into speech for the caller's (or, in the simulated call centre, the agent's) lines.</summary>
public interface ISpeechSynthesizer
{
    /// <summary>The engine's name, for logs and reports (<c>flite</c>, <c>azure</c>).</summary>
    string Engine { get; }

    /// <summary>The voices this engine has for a locale; empty when it cannot speak that locale.</summary>
    IReadOnlyList<string> VoicesFor(string locale);

    /// <summary>Speaks <see cref="SpeechRequest.Text"/>; the clip is at the engine's native sample rate.</summary>
    Task<AudioClip> SynthesizeAsync(SpeechRequest request, CancellationToken cancellationToken = default);
}

/// <summary>What to say, in which language, with which voice (null: the engine's default for the locale).</summary>
public sealed record SpeechRequest(string Text, string Locale, string? Voice);

/// <summary>The engine cannot do what was asked: a missing package, model or voice, or a language it lacks. The message says which.</summary>
public sealed class SpeechEngineException(string message, Exception? inner = null) : Exception(message, inner);
