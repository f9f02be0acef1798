using QaShopper.Audio;

namespace QaShopper.LocalSpeech.Pocketsphinx.Adaptation;

/// <summary>One utterance to adapt on: speech as the decoder hears it (16 kHz, after the phone line) and the words said.</summary>
/// <param name="Id">A file-name-safe id, unique in the set.</param>
/// <param name="Speech">The audio, at <see cref="PocketsphinxTranscriber.ModelSampleRate"/>.</param>
/// <param name="Words">Lower-case words as the dictionary spells them.</param>
public sealed record AdaptationUtterance(string Id, AudioClip Speech, IReadOnlyList<string> Words);
