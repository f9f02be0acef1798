using System.Collections.Concurrent;

namespace QaShopper.Audio;

/// <summary>
/// Band-limited sample-rate conversion with a Kaiser-windowed sinc kernel, tabulated once per rate pair.
/// Good enough for speech between 8, 16, 22.05 and 48 kHz; written by hand because no DSP package is in the mirror.
/// </summary>
public static class Resampler
{
    /// <summary>Filter half-length in samples at the lower of the two rates.</summary>
    private const int HalfTaps = 16;

    /// <summary>Kernel table resolution: entries per input sample; linear interpolation between them.</summary>
    private const int TableResolution = 512;

    private const double KaiserBeta = 8.6;

    private static readonly ConcurrentDictionary<(int From, int To), Kernel> Kernels = new();

    public static float[] Resample(ReadOnlySpan<float> input, int fromRate, int toRate)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(fromRate);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(toRate);
        if (fromRate == toRate)
        {
            return input.ToArray();
        }

        var kernel = Kernels.GetOrAdd((fromRate, toRate), static key => new Kernel((double)key.To / key.From));
        var ratio = (double)toRate / fromRate;
        var output = new float[(int)Math.Floor(input.Length * ratio)];
        var table = kernel.Table;
        for (var n = 0; n < output.Length; n++)
        {
            var centre = n / ratio;
            var first = Math.Max(0, (int)Math.Ceiling(centre - kernel.HalfWidth));
            var last = Math.Min(input.Length - 1, (int)Math.Floor(centre + kernel.HalfWidth));
            double sum = 0;
            for (var k = first; k <= last; k++)
            {
                var position = Math.Abs(k - centre) * TableResolution;
                var index = (int)position;
                if (index >= table.Length - 1)
                {
                    continue;
                }

                var fraction = position - index;
                sum += input[k] * (table[index] + ((table[index + 1] - table[index]) * fraction));
            }

            output[n] = (float)sum;
        }

        return output;
    }

    private sealed class Kernel
    {
        public Kernel(double ratio)
        {
            // Downsampling lowers the cut-off to the new Nyquist frequency so nothing aliases into the speech band.
            var cutoff = Math.Min(1.0, ratio) * 0.95;
            HalfWidth = HalfTaps / Math.Min(1.0, ratio);
            Table = new double[(int)Math.Ceiling(HalfWidth * TableResolution) + 2];
            for (var i = 0; i < Table.Length; i++)
            {
                var x = (double)i / TableResolution;
                var t = x / HalfWidth;
                Table[i] = cutoff * KaiserSinc.Sinc(cutoff * x) * KaiserSinc.Window(t, KaiserBeta);
            }
        }

        public double HalfWidth { get; }

        public double[] Table { get; }
    }
}
