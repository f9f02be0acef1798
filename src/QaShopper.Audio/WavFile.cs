using System.Buffers.Binary;
using System.Globalization;
using System.Text;

namespace QaShopper.Audio;

/// <summary>How samples are stored in a WAV file.</summary>
public enum WavEncoding
{
    /// <summary>16-bit signed little-endian PCM.</summary>
    Pcm16,

    /// <summary>8-bit G.711 mu-law.</summary>
    MuLaw,
}

/// <summary>The contents of a WAV file: one sample array per channel.</summary>
public sealed record WavAudio(int SampleRate, WavEncoding Encoding, IReadOnlyList<float[]> Channels)
{
    public TimeSpan Duration => Channels.Count == 0 ? TimeSpan.Zero : TimeSpan.FromSeconds((double)Channels[0].Length / SampleRate);

    /// <summary>This audio as a two-channel recording, or a clear error naming the file when it has another channel count.</summary>
    public TwoChannelAudio ToTwoChannel(string fileName) => Channels.Count == 2
        ? new TwoChannelAudio(SampleRate, Channels[0], Channels[1])
        : throw new WavFormatException($"{fileName}: a call recording needs 2 channels (one per side), this file has {Channels.Count}");
}

/// <summary>A WAV file that cannot be read: the message names the file and what is wrong.</summary>
public sealed class WavFormatException(string message) : Exception(message);

/// <summary>Reads and writes RIFF/WAVE files with 16-bit PCM or mu-law samples, mono or stereo.</summary>
public static class WavFile
{
    private const ushort FormatPcm = 1;
    private const ushort FormatMuLaw = 7;
    private const ushort FormatExtensible = 0xFFFE;

    /// <summary>The lowest sample rate read: below telephone quality nothing a recogniser can use is left.</summary>
    public const int MinSampleRate = 4000;

    /// <summary>The highest sample rate read: studio rates, far above what a call carries.</summary>
    public const int MaxSampleRate = 192000;

    /// <summary>The longest recording read; a test call lasts minutes, and a longer file is a mistake or an attack.</summary>
    public static readonly TimeSpan MaxDuration = TimeSpan.FromHours(4);

    /// <summary>
    /// The largest file read: what one array holds, just under 2 GiB. Four hours of two-channel 16-bit audio at 8 kHz
    /// is 460 MB, so a bigger file is not a call; without this it would fail in .NET's reader with no reason given.
    /// </summary>
    public const long MaxFileBytes = 0x7FFFFFC7;

    public static WavAudio Read(string path)
    {
        byte[] bytes;
        try
        {
            // Measured before reading: a file over the limit is refused by its length (and its header's declared
            // size), without reading gigabytes to find out.
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.SequentialScan);
            if (stream.Length > MaxFileBytes)
            {
                Span<byte> header = stackalloc byte[12];
                var declared = stream.Read(header) == 12 && header[..4].SequenceEqual("RIFF"u8)
                    ? $" (its header declares {System.Buffers.Binary.BinaryPrimitives.ReadUInt32LittleEndian(header[4..]) + 8L} bytes)"
                    : string.Empty;
                throw new WavFormatException(string.Create(CultureInfo.InvariantCulture,
                    $"{path}: too large: the file has {stream.Length} bytes{declared}; a recording read here is at most {MaxFileBytes} bytes (2 GiB), and {MaxDuration.TotalHours:0} hours of two-channel 8 kHz audio is far less"));
            }

            bytes = new byte[stream.Length];
            stream.ReadExactly(bytes);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new WavFormatException($"{path}: cannot read: {ex.Message}");
        }

        return Parse(bytes, path);
    }

    public static WavAudio Parse(ReadOnlySpan<byte> bytes, string fileName)
    {
        if (bytes.Length < 12 || !bytes[..4].SequenceEqual("RIFF"u8) || !bytes[8..12].SequenceEqual("WAVE"u8))
        {
            throw new WavFormatException($"{fileName}: not a WAV file (no RIFF/WAVE header)");
        }

        (ushort Format, int Channels, uint Rate, int Bits)? fmt = null;

        // Offsets are longs: a chunk may declare up to 4 GiB, and int arithmetic would wrap past the end of the file.
        long offset = 12;
        while (offset + 8 <= bytes.Length)
        {
            var at = (int)offset;
            var id = Encoding.ASCII.GetString(bytes.Slice(at, 4));
            long size = BinaryPrimitives.ReadUInt32LittleEndian(bytes.Slice(at + 4, 4));
            var body = at + 8;

            if (id == "fmt ")
            {
                if (size < 16 || body + 16 > bytes.Length)
                {
                    throw new WavFormatException($"{fileName}: truncated 'fmt ' chunk");
                }

                var format = BinaryPrimitives.ReadUInt16LittleEndian(bytes.Slice(body, 2));
                if (format == FormatExtensible && size >= 40 && body + 26 <= bytes.Length)
                {
                    // WAVE_FORMAT_EXTENSIBLE keeps the real format in the first two bytes of the sub-format GUID.
                    format = BinaryPrimitives.ReadUInt16LittleEndian(bytes.Slice(body + 24, 2));
                }

                fmt = (format,
                    BinaryPrimitives.ReadUInt16LittleEndian(bytes.Slice(body + 2, 2)),
                    BinaryPrimitives.ReadUInt32LittleEndian(bytes.Slice(body + 4, 4)),
                    BinaryPrimitives.ReadUInt16LittleEndian(bytes.Slice(body + 14, 2)));
            }
            else if (id == "data")
            {
                if (fmt is not { } f)
                {
                    throw new WavFormatException($"{fileName}: 'data' chunk before the 'fmt ' chunk");
                }

                if (body + size > bytes.Length)
                {
                    throw new WavFormatException($"{fileName}: truncated: the data chunk declares {size} bytes but only {bytes.Length - body} follow");
                }

                return Decode(bytes.Slice(body, (int)size), f, fileName);
            }

            offset = body + size + (size & 1);
        }

        throw new WavFormatException(fmt is null ? $"{fileName}: no 'fmt ' chunk" : $"{fileName}: no 'data' chunk (truncated file?)");
    }

    public static void Write(string path, int sampleRate, IReadOnlyList<float[]> channels, WavEncoding encoding = WavEncoding.Pcm16)
    {
        ArgumentNullException.ThrowIfNull(channels);
        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (directory is not null)
        {
            Directory.CreateDirectory(directory);
        }

        // Write to a temporary name first so a crash never leaves a half-written recording under the real name.
        var temporary = path + ".tmp";
        File.WriteAllBytes(temporary, Encode(sampleRate, channels, encoding));
        File.Move(temporary, path, overwrite: true);
    }

    public static void Write(string path, TwoChannelAudio audio, WavEncoding encoding = WavEncoding.Pcm16)
    {
        ArgumentNullException.ThrowIfNull(audio);
        Write(path, audio.SampleRate, [audio.Channel1, audio.Channel2], encoding);
    }

    public static void Write(string path, AudioClip clip, WavEncoding encoding = WavEncoding.Pcm16)
    {
        ArgumentNullException.ThrowIfNull(clip);
        Write(path, clip.SampleRate, [clip.Samples], encoding);
    }

    public static byte[] Encode(int sampleRate, IReadOnlyList<float[]> channels, WavEncoding encoding)
    {
        ArgumentNullException.ThrowIfNull(channels);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(sampleRate);
        if (channels.Count is < 1 or > 2)
        {
            throw new ArgumentException($"WAV files here have 1 or 2 channels, not {channels.Count}", nameof(channels));
        }

        var frames = channels[0].Length;
        if (channels.Any(c => c.Length != frames))
        {
            throw new ArgumentException("channels differ in length", nameof(channels));
        }

        var bytesPerSample = encoding == WavEncoding.Pcm16 ? 2 : 1;
        var dataSize = frames * channels.Count * bytesPerSample;
        var buffer = new byte[44 + dataSize];
        var span = buffer.AsSpan();
        "RIFF"u8.CopyTo(span);
        BinaryPrimitives.WriteInt32LittleEndian(span[4..], 36 + dataSize);
        "WAVEfmt "u8.CopyTo(span[8..]);
        BinaryPrimitives.WriteInt32LittleEndian(span[16..], 16);
        BinaryPrimitives.WriteUInt16LittleEndian(span[20..], encoding == WavEncoding.Pcm16 ? FormatPcm : FormatMuLaw);
        BinaryPrimitives.WriteUInt16LittleEndian(span[22..], (ushort)channels.Count);
        BinaryPrimitives.WriteInt32LittleEndian(span[24..], sampleRate);
        BinaryPrimitives.WriteInt32LittleEndian(span[28..], sampleRate * channels.Count * bytesPerSample);
        BinaryPrimitives.WriteUInt16LittleEndian(span[32..], (ushort)(channels.Count * bytesPerSample));
        BinaryPrimitives.WriteUInt16LittleEndian(span[34..], (ushort)(bytesPerSample * 8));
        "data"u8.CopyTo(span[36..]);
        BinaryPrimitives.WriteInt32LittleEndian(span[40..], dataSize);

        var position = 44;
        for (var i = 0; i < frames; i++)
        {
            foreach (var channel in channels)
            {
                var sample = Pcm.ToShort(channel[i]);
                if (encoding == WavEncoding.Pcm16)
                {
                    BinaryPrimitives.WriteInt16LittleEndian(span[position..], sample);
                    position += 2;
                }
                else
                {
                    buffer[position++] = MuLaw.Encode(sample);
                }
            }
        }

        return buffer;
    }

    private static WavAudio Decode(ReadOnlySpan<byte> data, (ushort Format, int Channels, uint Rate, int Bits) fmt, string fileName)
    {
        var encoding = fmt switch
        {
            { Format: FormatPcm, Bits: 16 } => WavEncoding.Pcm16,
            { Format: FormatMuLaw, Bits: 8 } => WavEncoding.MuLaw,
            { Format: FormatPcm } => throw new WavFormatException($"{fileName}: {fmt.Bits}-bit PCM is not supported; use 16-bit PCM or 8-bit mu-law"),
            _ => throw new WavFormatException($"{fileName}: unsupported WAV encoding (format code {fmt.Format}); use 16-bit PCM (1) or mu-law (7)"),
        };
        if (fmt.Channels < 1)
        {
            throw new WavFormatException($"{fileName}: the header declares {fmt.Channels} channels");
        }

        // Checked before any sample is decoded: a rate of 1 or 7 Hz makes resampling to the recogniser's 16 kHz
        // allocate thousands of times the file's size, and a rate over int.MaxValue is no rate at all.
        if (fmt.Rate is < MinSampleRate or > MaxSampleRate)
        {
            throw new WavFormatException($"{fileName}: the header declares a sample rate of {fmt.Rate} Hz; recordings here are {MinSampleRate} to {MaxSampleRate} Hz");
        }

        var bytesPerSample = encoding == WavEncoding.Pcm16 ? 2 : 1;
        var frames = data.Length / (bytesPerSample * fmt.Channels);
        if (frames == 0)
        {
            throw new WavFormatException($"{fileName}: no audio: the data chunk holds {data.Length} bytes, not one whole sample for each of {fmt.Channels} channel(s)");
        }

        var seconds = (double)frames / fmt.Rate;
        if (seconds > MaxDuration.TotalSeconds)
        {
            throw new WavFormatException($"{fileName}: {TimeSpan.FromSeconds(seconds):c} of audio; a recording lasts at most {MaxDuration:c}");
        }
        var channels = new float[fmt.Channels][];
        for (var c = 0; c < fmt.Channels; c++)
        {
            channels[c] = new float[frames];
        }

        var position = 0;
        for (var i = 0; i < frames; i++)
        {
            for (var c = 0; c < fmt.Channels; c++)
            {
                short sample = encoding == WavEncoding.Pcm16
                    ? BinaryPrimitives.ReadInt16LittleEndian(data.Slice(position, 2))
                    : MuLaw.Decode(data[position]);
                position += bytesPerSample;
                channels[c][i] = sample / 32768f;
            }
        }

        return new WavAudio((int)fmt.Rate, encoding, channels);
    }
}
