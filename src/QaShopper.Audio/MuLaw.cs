namespace QaShopper.Audio;

/// <summary>G.711 mu-law companding, as telephone networks carry speech.</summary>
public static class MuLaw
{
    private const int Bias = 0x84;
    private const int Clip = 32635;

    private static readonly short[] DecodeTable = BuildDecodeTable();

    public static byte Encode(short sample)
    {
        var pcm = (int)sample;
        var sign = (pcm >> 8) & 0x80;
        if (sign != 0)
        {
            pcm = -pcm;
        }

        pcm = Math.Min(pcm, Clip) + Bias;
        var exponent = 7;
        for (var mask = 0x4000; (pcm & mask) == 0 && exponent > 0; mask >>= 1)
        {
            exponent--;
        }

        var mantissa = (pcm >> (exponent + 3)) & 0x0F;
        return (byte)~(sign | (exponent << 4) | mantissa);
    }

    public static short Decode(byte value) => DecodeTable[value];

    /// <summary>Encodes and decodes every sample: the quantisation a phone line adds.</summary>
    public static float[] RoundTrip(ReadOnlySpan<float> samples)
    {
        var output = new float[samples.Length];
        for (var i = 0; i < samples.Length; i++)
        {
            output[i] = Decode(Encode(Pcm.ToShort(samples[i]))) / 32768f;
        }

        return output;
    }

    private static short[] BuildDecodeTable()
    {
        var table = new short[256];
        for (var i = 0; i < 256; i++)
        {
            var value = ~i & 0xFF;
            var sign = value & 0x80;
            var exponent = (value >> 4) & 0x07;
            var mantissa = value & 0x0F;
            var magnitude = (((mantissa << 3) + Bias) << exponent) - Bias;
            table[i] = (short)(sign != 0 ? -magnitude : magnitude);
        }

        return table;
    }
}

/// <summary>Conversions between float samples (-1..1) and 16-bit PCM.</summary>
public static class Pcm
{
    public static short ToShort(float sample) => (short)Math.Clamp(MathF.Round(sample * 32767f), short.MinValue, short.MaxValue);
}
