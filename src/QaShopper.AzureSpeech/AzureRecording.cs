using System.Buffers.Binary;
using System.Globalization;
using QaShopper.Audio;
using QaShopper.Core.Ports;

namespace QaShopper.AzureSpeech;

/// <summary>
/// A recording as the transcribers see it before anything is sent: its size, its length, and its bytes when it is small
/// enough for fast transcription (bigger ones are never held in memory: they are uploaded block by block).
/// </summary>
/// <param name="Path">The WAV file.</param>
/// <param name="Size">Its size in bytes.</param>
/// <param name="Duration">Its length.</param>
/// <param name="Bytes">The whole file, or null when it is over the fast API's size limit.</param>
internal sealed record AzureRecording(string Path, long Size, TimeSpan Duration, byte[]? Bytes)
{
    /// <summary>How much of a big file is read to find its header: far more than any WAV header needs.</summary>
    private const int HeaderBytes = 64 * 1024;

    /// <summary>True when fast transcription accepts it: at most 200 MB and <see cref="AzureSpeechOptions.FastTranscriptionMaxDuration"/>.</summary>
    public bool FitsFastTranscription(AzureSpeechOptions options) =>
        Bytes is not null && Size <= AzureSpeechOptions.FastTranscriptionMaxBytes && Duration <= options.FastTranscriptionMaxDuration;

    /// <summary>Why it does not fit fast transcription, for the message that says batch transcription is needed.</summary>
    public string OverFastLimits(AzureSpeechOptions options) => Size > AzureSpeechOptions.FastTranscriptionMaxBytes
        ? string.Create(CultureInfo.InvariantCulture, $"is {Size / (1024.0 * 1024.0):0.#} MB, over the fast transcription limit of {AzureSpeechOptions.FastTranscriptionMaxBytes / (1024 * 1024)} MB")
        : string.Create(CultureInfo.InvariantCulture,
            $"lasts {Duration.TotalMinutes:0.#} min, over the fast transcription limit of {options.FastTranscriptionMaxDuration.TotalMinutes:0.#} min ({AzureSpeechOptions.SectionName}:FastTranscriptionMaxDuration)");

    /// <summary>Reads and checks a two-channel WAV recording.</summary>
    /// <exception cref="SpeechEngineException">The file cannot be read or is not a two-channel WAV recording.</exception>
    public static async Task<AzureRecording> ReadAsync(string path, CancellationToken cancellationToken)
    {
        long size;
        try
        {
            size = new FileInfo(path).Length;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new SpeechEngineException($"{path}: cannot read the recording: {ex.Message}", ex);
        }

        try
        {
            if (size > AzureSpeechOptions.FastTranscriptionMaxBytes)
            {
                // Decoding hundreds of megabytes into samples would take gigabytes of memory; the header says enough.
                return new AzureRecording(path, size, await DurationFromHeaderAsync(path, size, cancellationToken).ConfigureAwait(false), null);
            }

            var bytes = await File.ReadAllBytesAsync(path, cancellationToken).ConfigureAwait(false);
            var wav = WavFile.Parse(bytes, path);
            wav.ToTwoChannel(path);
            return new AzureRecording(path, size, wav.Duration, bytes);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or WavFormatException)
        {
            throw new SpeechEngineException($"{path}: not a readable two-channel WAV recording: {ex.Message}", ex);
        }
    }

    /// <summary>The length of a big WAV file from its <c>fmt </c> chunk and the size of its data.</summary>
    private static async Task<TimeSpan> DurationFromHeaderAsync(string path, long size, CancellationToken cancellationToken)
    {
        var header = new byte[HeaderBytes];
        int read;
        var file = File.OpenRead(path);
        await using (file.ConfigureAwait(false))
        {
            read = await file.ReadAtLeastAsync(header, header.Length, throwOnEndOfStream: false, cancellationToken).ConfigureAwait(false);
        }

        var bytes = header.AsSpan(0, read);
        if (bytes.Length < 12 || !bytes[..4].SequenceEqual("RIFF"u8) || !bytes[8..12].SequenceEqual("WAVE"u8))
        {
            throw new WavFormatException($"{path}: not a WAV file (no RIFF/WAVE header)");
        }

        (int Channels, int ByteRate)? fmt = null;
        var offset = 12;
        while (offset + 8 <= bytes.Length)
        {
            var id = bytes.Slice(offset, 4);
            var chunk = BinaryPrimitives.ReadUInt32LittleEndian(bytes.Slice(offset + 4, 4));
            var body = offset + 8;
            if (id.SequenceEqual("fmt "u8) && body + 16 <= bytes.Length)
            {
                fmt = (BinaryPrimitives.ReadUInt16LittleEndian(bytes.Slice(body + 2, 2)), BinaryPrimitives.ReadInt32LittleEndian(bytes.Slice(body + 8, 4)));
            }
            else if (id.SequenceEqual("data"u8))
            {
                if (fmt is not { } f || f.ByteRate <= 0)
                {
                    throw new WavFormatException($"{path}: no usable 'fmt ' chunk before the 'data' chunk");
                }

                if (f.Channels != 2)
                {
                    throw new WavFormatException($"{path}: a call recording needs 2 channels (one per side), this file has {f.Channels}");
                }

                // A streamed file can declare a zero or oversized data chunk; what is on disk is what counts.
                var data = chunk == 0 || body + (long)chunk > size ? size - body : chunk;
                return TimeSpan.FromSeconds((double)data / f.ByteRate);
            }

            var next = body + (long)chunk + (chunk & 1);
            offset = next > bytes.Length ? bytes.Length : (int)next;
        }

        throw new WavFormatException($"{path}: no 'data' chunk in the first {HeaderBytes / 1024} KB");
    }
}

/// <summary>The checks both transcribers make before reading a recording.</summary>
internal static class AzureTranscriptionChecks
{
    /// <summary>Refuses a request no Azure transcription could serve: a wrong agent channel or an unconfigured locale.</summary>
    public static void Validate(TranscriptionRequest request, AzureSpeechOptions options)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.AgentChannel is not (1 or 2))
        {
            throw new ArgumentOutOfRangeException(nameof(request), request.AgentChannel, "AgentChannel must be 1 or 2");
        }

        if (!Supports(options, request.Locale))
        {
            throw new SpeechEngineException(
                $"Azure transcription is not configured for locale '{request.Locale}'; add it to {AzureSpeechOptions.SectionName}:TranscriptionLocales ({string.Join(", ", options.TranscriptionLocales)})");
        }
    }

    /// <summary>The locales in <see cref="AzureSpeechOptions.TranscriptionLocales"/>.</summary>
    public static bool Supports(AzureSpeechOptions options, string? locale) =>
        locale is not null && options.TranscriptionLocales.Contains(locale, StringComparer.OrdinalIgnoreCase);

    /// <summary>The error for a recording over the fast limits when batch transcription cannot take it: names the setting to set.</summary>
    public static SpeechEngineException NeedsBatch(AzureRecording recording, AzureSpeechOptions options) =>
        new($"{recording.Path} {recording.OverFastLimits(options)}: it needs Azure batch transcription, which needs a storage container for the audio; set {AzureSpeechOptions.SectionName}:BatchContainerUrl to a container SAS URL that allows create, write, read and delete. Nothing was sent");
}
