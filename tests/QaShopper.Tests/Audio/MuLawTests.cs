using QaShopper.Audio;

namespace QaShopper.Tests.Audio;

public sealed class MuLawTests
{
    [TestCase((short)0, (byte)0xFF)]
    [TestCase((short)-1, (byte)0x7F)]
    [TestCase(short.MaxValue, (byte)0x80)]
    [TestCase(short.MinValue, (byte)0x00)]
    public void Encode_KnownValues(short sample, byte expected) =>
        Assert.That(MuLaw.Encode(sample), Is.EqualTo(expected));

    [TestCase((byte)0xFF, (short)0)]
    [TestCase((byte)0x80, (short)32124)]
    [TestCase((byte)0x00, (short)-32124)]
    public void Decode_KnownValues(byte value, short expected) =>
        Assert.That(MuLaw.Decode(value), Is.EqualTo(expected));

    [Test]
    public void RoundTrip_ErrorStaysWithinHalfAStepOfTheSegment()
    {
        for (var sample = -32000; sample <= 32000; sample += 37)
        {
            var decoded = MuLaw.Decode(MuLaw.Encode((short)sample));

            // The step doubles in each of the 8 segments: at most 1/16 of the magnitude plus the smallest step.
            Assert.That(Math.Abs(decoded - sample), Is.LessThanOrEqualTo((Math.Abs(sample) / 16) + 8), $"sample {sample}");
        }
    }

    [Test]
    public void RoundTrip_Floats_KeepsSignAndSize()
    {
        var output = MuLaw.RoundTrip([0.5f, -0.25f, 0f]);
        Assert.That(output, Is.EqualTo(new[] { 0.5f, -0.25f, 0f }).Within(0.02));
    }
}
