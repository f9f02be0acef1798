using QaShopper.Commands;

namespace QaShopper.Tests.Cli;

public sealed class SpeedRatioTests
{
    [Test]
    public void Of_PipelineOverPlain_OnTheSameAudio()
    {
        var plain = new PlainRun(DecodingSeconds: 270, CallSeconds: 450, StartUpSeconds: 1.5);

        Assert.That(plain.RealTimeFactor, Is.EqualTo(0.6).Within(1e-9), "both channels decoded, per second of call");
        Assert.That(SpeedRatio.Of(0.27, plain.RealTimeFactor), Is.EqualTo(0.45).Within(1e-9));
    }

    [Test]
    public void Meets_AtMostHalfOfPlain()
    {
        Assert.That(SpeedRatio.Meets(0.5), Is.True);
        Assert.That(SpeedRatio.Meets(0.51), Is.False);
    }

    [Test]
    public void Of_PlainNotMeasured_IsNotANumber() =>
        Assert.That(SpeedRatio.Of(0.3, 0), Is.NaN);
    [Test]
    public void Plus_AddsCallsDecodedOneByOne_IntoOneRealTimeFactor()
    {
        var first = new PlainRun(DecodingSeconds: 30, CallSeconds: 100, StartUpSeconds: 0.3);
        var second = new PlainRun(DecodingSeconds: 10, CallSeconds: 50, StartUpSeconds: 0.3);

        var both = first.Plus(second);

        Assert.That(both.RealTimeFactor, Is.EqualTo(40.0 / 150).Within(1e-9), "weighted by call length, not the mean of 0.3 and 0.2 per call");
        Assert.That(both.StartUpSeconds, Is.EqualTo(0.3));
    }
}
