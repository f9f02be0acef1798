using Microsoft.Extensions.Logging;

namespace QaShopper.LocalSpeech.Pocketsphinx;

/// <summary>The recogniser's log messages.</summary>
internal static partial class PocketsphinxLog
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Started a pocketsphinx decoder in {Milliseconds} ms ({Count} in the pool)")]
    public static partial void DecoderCreated(this ILogger logger, long milliseconds, int count);

    [LoggerMessage(EventId = 2, Level = LogLevel.Debug, Message = "Hint phrase '{Phrase}' is not spotted: {Reason}")]
    public static partial void HintSkipped(this ILogger logger, string phrase, string reason);

    [LoggerMessage(EventId = 3, Level = LogLevel.Debug, Message = "Added '{Word}' to the dictionary as {Phones} (flite letter-to-sound)")]
    public static partial void WordAdded(this ILogger logger, string word, string phones);

    [LoggerMessage(EventId = 4, Level = LogLevel.Debug, Message = "Transcribed {Channel} channel: {Utterances} utterances, {Seconds:F1} s of speech in {Milliseconds} ms")]
    public static partial void ChannelTranscribed(this ILogger logger, string channel, int utterances, double seconds, long milliseconds);
}
