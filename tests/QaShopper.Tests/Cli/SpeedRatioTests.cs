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
}
