using System.Numerics;

namespace QaShopper.Audio;

/// <summary>
/// Puts sound back above 4 kHz in phone-line audio upsampled to 16 kHz for a wideband recogniser. A phone line keeps
/// nothing above 4 kHz, where a model trained on wideband speech (pocketsphinx en-US: filters up to 6.8 kHz) expects
/// the hiss of s, z and sh and the bursts of k and t. The top of the phone band is mirrored about 4 kHz into the empty
/// band (spectral folding, the oldest form of bandwidth extension): the sounds loud at the top of the phone band,
/// which are those same consonants, get a high band again, while vowels, loud lower down, gain little.
/// </summary>
public static class TelephoneBandExtension
{
    /// <summary>The rate the extension works at: twice the phone line's, where mirroring about 4 kHz is a sign flip of every other sample.</summary>
    public const int SampleRate = 2 * TelephoneLine.SampleRate;

    /// <summary>
    /// The lowest frequency mirrored: 2.8-3.8 kHz lands at 4.2-5.2 kHz. Measured on the simulated agents' 54 lines in
    /// four flite voices over a phone line, decoded with the general language model only (sox filters and
    /// pocketsphinx_batch): mirroring from 2.8 kHz cut word errors most; from 2.0 or 2.4 kHz, or the whole band, made
    /// the awb voice worse.
    /// </summary>
    public const double MirroredFromHz = 2800;

    /// <summary>Half-length of the high-pass filter in samples (257 taps: a transition about 350 Hz wide).</summary>
    private const int HalfTaps = 128;

    private const double KaiserBeta = 8.6;

    private static readonly float[] HighPass = DesignHighPass(MirroredFromHz / SampleRate);

    /// <summary>
    /// The clip with its top phone band mirrored above 4 kHz at <paramref name="gain"/> times its own level
    /// (0 returns the clip unchanged). The clip must be 16 kHz audio that came from an 8 kHz line.
    /// </summary>
    public static AudioClip Apply(AudioClip upsampled, double gain)
    {
        ArgumentNullException.ThrowIfNull(upsampled);
        ArgumentOutOfRangeException.ThrowIfNegative(gain);
        if (upsampled.SampleRate != SampleRate)
        {
            throw new ArgumentException($"band extension works on {SampleRate} Hz audio upsampled from a phone line, not {upsampled.SampleRate} Hz", nameof(upsampled));
        }

        if (gain == 0)
        {
            return upsampled;
        }

        var input = upsampled.Samples;
        var output = new float[input.Length];
        for (var n = 0; n < input.Length; n++)
        {
            var top = n >= HalfTaps && n + HalfTaps < input.Length
                ? Dot(input.AsSpan(n - HalfTaps, HighPass.Length), HighPass)
                : DotAtEdge(input, n);

            // Multiplying by (-1)^n moves every frequency f to 8 kHz - f: the top band lands just above 4 kHz.
            var mirrored = (n & 1) == 0 ? top : -top;
            output[n] = (float)Math.Clamp(input[n] + (gain * mirrored), -1.0, 1.0);
        }

        return new AudioClip(SampleRate, output);
    }

    /// <summary>The filter's output at <paramref name="n"/> where its taps reach past either end of the clip.</summary>
    private static double DotAtEdge(float[] input, int n)
    {
        double sum = 0;
        for (var k = Math.Max(0, n - HalfTaps); k <= Math.Min(input.Length - 1, n + HalfTaps); k++)
        {
            sum += input[k] * HighPass[k - n + HalfTaps];
        }

        return sum;
    }

    /// <summary>Σ a[i]·b[i], a vector register at a time: 257 taps per sample over a whole call is most of this step's cost.</summary>
    private static double Dot(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        var width = Vector<float>.Count;
        var sums = Vector<float>.Zero;
        var i = 0;
        for (; i <= a.Length - width; i += width)
        {
            sums += new Vector<float>(a[i..]) * new Vector<float>(b[i..]);
        }

        double sum = Vector.Sum(sums);
        for (; i < a.Length; i++)
        {
            sum += a[i] * b[i];
        }

        return sum;
    }

    /// <summary>A windowed-sinc high-pass (a unit impulse minus a low-pass) with its cut-off at <paramref name="cutoff"/> of the sample rate.</summary>
    private static float[] DesignHighPass(double cutoff)
    {
        var taps = new float[(2 * HalfTaps) + 1];
        for (var k = -HalfTaps; k <= HalfTaps; k++)
        {
            var lowPass = 2 * cutoff * KaiserSinc.Sinc(2 * cutoff * k) * KaiserSinc.Window((double)k / (HalfTaps + 1), KaiserBeta);
            taps[k + HalfTaps] = (float)((k == 0 ? 1 : 0) - lowPass);
        }

        return taps;
    }
}
