using System.Buffers.Binary;

namespace QaShopper.AzureSpeech;

/// <summary>
/// Mends the RIFF header Azure Speech sometimes streams with zero (or oversized) chunk sizes
/// (microsoft/cognitive-services-speech-sdk-js#513): the sizes are written before the length is known.
/// </summary>
internal static class RiffHeader
{
    /// <summary>A copy of <paramref name="wav"/> whose RIFF size and data chunk size match the bytes that arrived; other input is returned unchanged.</summary>
    public static byte[] Repair(byte[] wav)
    {
        ArgumentNullException.ThrowIfNull(wav);
        if (wav.Length < 12 || !wav.AsSpan(0, 4).SequenceEqual("RIFF"u8) || !wav.AsSpan(8, 4).SequenceEqual("WAVE"u8))
        {
            return wav;
        }

        var repaired = (byte[])wav.Clone();
        var span = repaired.AsSpan();
        BinaryPrimitives.WriteInt32LittleEndian(span[4..], repaired.Length - 8);
        var offset = 12;
        while (offset + 8 <= repaired.Length)
        {
            var size = BinaryPrimitives.ReadUInt32LittleEndian(span[(offset + 4)..]);
            var body = offset + 8;
            if (span.Slice(offset, 4).SequenceEqual("data"u8))
            {
                var available = repaired.Length - body;
                if (size == 0 || size > (uint)available)
                {
                    BinaryPrimitives.WriteInt32LittleEndian(span[(offset + 4)..], available);
                }

                break;
            }

            if (size > (uint)(repaired.Length - body))
            {
                break;
            }

            offset = body + (int)size + (int)(size & 1);
        }

        return repaired;
    }
}
