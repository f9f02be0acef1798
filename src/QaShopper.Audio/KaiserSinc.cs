namespace QaShopper.Audio;

/// <summary>The pieces of a Kaiser-windowed sinc filter, shared by the resampler and the band extension.</summary>
internal static class KaiserSinc
{
    /// <summary>The normalised sinc, sin(πx)/(πx).</summary>
    public static double Sinc(double x) => Math.Abs(x) < 1e-12 ? 1.0 : Math.Sin(Math.PI * x) / (Math.PI * x);

    /// <summary>The Kaiser window at <paramref name="t"/> (-1..1 across the filter, 0 at its centre); 0 outside.</summary>
    public static double Window(double t, double beta) =>
        Math.Abs(t) >= 1 ? 0 : BesselI0(beta * Math.Sqrt(1 - (t * t))) / BesselI0(beta);

    private static double BesselI0(double x)
    {
        double sum = 1, term = 1, half = x / 2;
        for (var k = 1; k < 40; k++)
        {
            term *= half / k;
            sum += term * term;
        }

        return sum;
    }
}
