namespace QaShopper.Audio;

/// <summary>DTMF (touch-tone) signals for the caller's <c>press</c> steps.</summary>
public static class Dtmf
{
    /// <summary>How long each tone lasts; carriers accept 40 ms and more, 100 ms is a typical phone.</summary>
    public static readonly TimeSpan ToneLength = TimeSpan.FromMilliseconds(100);

    /// <summary>The quiet between two tones.</summary>
    public static readonly TimeSpan GapLength = TimeSpan.FromMilliseconds(100);

    /// <summary>What <c>w</c> waits.</summary>
    public static readonly TimeSpan WaitLength = TimeSpan.FromMilliseconds(500);

    private static readonly int[] RowHz = [697, 770, 852, 941];
    private static readonly int[] ColumnHz = [1209, 1336, 1477, 1633];
    private const string Keypad = "123A456B789C*0#D";

    /// <summary>The two frequencies of <paramref name="digit"/>, or an error naming it.</summary>
    public static (int Low, int High) Frequencies(char digit)
    {
        var index = Keypad.IndexOf(char.ToUpperInvariant(digit), StringComparison.Ordinal);
        if (index < 0)
        {
            throw new ArgumentException($"'{digit}' is not a DTMF digit; use 0-9, *, #, A-D or w (half-second wait)", nameof(digit));
        }

        return (RowHz[index / 4], ColumnHz[index % 4]);
    }

    /// <summary>
    /// The tones for <paramref name="digits"/> (0-9, *, #, A-D; <c>w</c> waits half a second) at
    /// <paramref name="sampleRate"/>, each tone followed by a short gap.
    /// </summary>
    public static AudioClip Tones(string digits, int sampleRate = TelephoneLine.SampleRate, double amplitude = 0.25)
    {
        ArgumentNullException.ThrowIfNull(digits);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(sampleRate);
        var output = new List<float>();
        var tone = (int)Math.Round(ToneLength.TotalSeconds * sampleRate);
        var gap = (int)Math.Round(GapLength.TotalSeconds * sampleRate);
        var wait = (int)Math.Round(WaitLength.TotalSeconds * sampleRate);
        foreach (var digit in digits)
        {
            if (digit is 'w' or 'W')
            {
                output.AddRange(new float[wait]);
                continue;
            }

            var (low, high) = Frequencies(digit);
            for (var i = 0; i < tone; i++)
            {
                var t = (double)i / sampleRate;
                output.Add((float)(amplitude * (Math.Sin(2 * Math.PI * low * t) + Math.Sin(2 * Math.PI * high * t)) / 2));
            }

            output.AddRange(new float[gap]);
        }

        return new AudioClip(sampleRate, [.. output]);
    }
}
