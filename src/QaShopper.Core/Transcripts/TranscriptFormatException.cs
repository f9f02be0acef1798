namespace QaShopper.Core.Transcripts;

/// <summary>A transcript file that is not valid JSON or does not follow the transcript format.</summary>
public sealed class TranscriptFormatException : Exception
{
    /// <summary>Creates the exception; <paramref name="message"/> names the file and the position or field.</summary>
    public TranscriptFormatException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with the parser error that caused it.</summary>
    public TranscriptFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public TranscriptFormatException()
    {
    }
}
