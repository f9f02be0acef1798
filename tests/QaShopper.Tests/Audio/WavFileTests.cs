using System.Buffers.Binary;
using QaShopper.Audio;

namespace QaShopper.Tests.Audio;

public sealed class WavFileTests
{
    private static float[] Ramp(int length, float scale) =>
        [.. Enumerable.Range(0, length).Select(i => scale * MathF.Sin(i * 0.05f))];

    [Test]
    public void Parse_Pcm16Mono_RoundTripsWithinTwoSteps()
    {
        var samples = Ramp(800, 0.5f);
        var wav = WavFile.Parse(WavFile.Encode(8000, [samples], WavEncoding.Pcm16), "mono.wav");

        Assert.That(wav.SampleRate, Is.EqualTo(8000));
        Assert.That(wav.Encoding, Is.EqualTo(WavEncoding.Pcm16));
        Assert.That(wav.Channels, Has.Count.EqualTo(1));
        Assert.That(wav.Channels[0], Is.EqualTo(samples).Within(1.0 / 16384));
    }

    [Test]
    public void Parse_Pcm16Stereo_KeepsChannelsApart()
    {
        var left = Ramp(400, 0.3f);
        var right = Ramp(400, -0.7f);
        var wav = WavFile.Parse(WavFile.Encode(16000, [left, right], WavEncoding.Pcm16), "stereo.wav");

        Assert.That(wav.Channels, Has.Count.EqualTo(2));
        Assert.That(wav.Channels[0], Is.EqualTo(left).Within(1.0 / 16384));
        Assert.That(wav.Channels[1], Is.EqualTo(right).Within(1.0 / 16384));
        Assert.That(wav.ToTwoChannel("stereo.wav").SampleRate, Is.EqualTo(16000));
    }

    [TestCase(1)]
    [TestCase(2)]
    public void Parse_MuLaw_RoundTripsWithinCompandingError(int channelCount)
    {
        var channels = Enumerable.Range(0, channelCount).Select(c => Ramp(400, 0.4f + (0.2f * c))).ToList();
        var wav = WavFile.Parse(WavFile.Encode(8000, channels, WavEncoding.MuLaw), "mulaw.wav");

        Assert.That(wav.Encoding, Is.EqualTo(WavEncoding.MuLaw));
        Assert.That(wav.Channels, Has.Count.EqualTo(channelCount));
        for (var c = 0; c < channelCount; c++)
        {
            for (var i = 0; i < channels[c].Length; i++)
            {
                // Mu-law keeps about 3% relative precision, plus a small absolute floor near zero.
                Assert.That(wav.Channels[c][i], Is.EqualTo(channels[c][i]).Within((Math.Abs(channels[c][i]) * 0.04) + 0.001));
            }
        }
    }

    [Test]
    public void Write_ThenRead_RoundTripsThroughTheFileSystem()
    {
        using var temp = new Support.TempDirectory();
        var path = temp.File("call.wav");
        WavFile.Write(path, new TwoChannelAudio(8000, Ramp(100, 0.2f), Ramp(100, 0.6f)));

        var wav = WavFile.Read(path);

        Assert.That(wav.Channels, Has.Count.EqualTo(2));
        Assert.That(wav.Duration.TotalSeconds, Is.EqualTo(100.0 / 8000).Within(1e-9));
        Assert.That(File.Exists(path + ".tmp"), Is.False);
    }

    [Test]
    public void Parse_NotRiff_NamesTheFile()
    {
        var ex = Assert.Throws<WavFormatException>(() => WavFile.Parse("hello world, not a wav"u8.ToArray(), "text.wav"));
        Assert.That(ex!.Message, Does.StartWith("text.wav:").And.Contain("not a WAV file"));
    }

    [Test]
    public void Parse_24BitPcm_IsRejectedWithTheBitDepth()
    {
        var bytes = WavFile.Encode(8000, [new float[10]], WavEncoding.Pcm16);
        BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(34), 24);

        var ex = Assert.Throws<WavFormatException>(() => WavFile.Parse(bytes, "deep.wav"));
        Assert.That(ex!.Message, Does.Contain("24-bit PCM is not supported"));
    }

    [Test]
    public void Parse_FloatFormat_IsRejectedWithTheFormatCode()
    {
        var bytes = WavFile.Encode(8000, [new float[10]], WavEncoding.Pcm16);
        BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(20), 3);

        var ex = Assert.Throws<WavFormatException>(() => WavFile.Parse(bytes, "float.wav"));
        Assert.That(ex!.Message, Does.Contain("format code 3"));
    }

    [Test]
    public void Parse_TruncatedDataChunk_SaysHowMuchIsMissing()
    {
        var bytes = WavFile.Encode(8000, [new float[100]], WavEncoding.Pcm16);

        var ex = Assert.Throws<WavFormatException>(() => WavFile.Parse(bytes.AsSpan(0, bytes.Length - 50), "cut.wav"));
        Assert.That(ex!.Message, Does.Contain("truncated").And.Contain("200 bytes"));
    }

    [Test]
    public void Parse_NoDataChunk_SaysSo()
    {
        var bytes = WavFile.Encode(8000, [new float[10]], WavEncoding.Pcm16);

        var ex = Assert.Throws<WavFormatException>(() => WavFile.Parse(bytes.AsSpan(0, 36), "nodata.wav"));
        Assert.That(ex!.Message, Does.Contain("no 'data' chunk"));
    }

    [Test]
    public void ToTwoChannel_Mono_NamesTheFileAndChannelCount()
    {
        var wav = WavFile.Parse(WavFile.Encode(8000, [new float[10]], WavEncoding.Pcm16), "mono.wav");

        var ex = Assert.Throws<WavFormatException>(() => wav.ToTwoChannel("mono.wav"));
        Assert.That(ex!.Message, Does.Contain("mono.wav").And.Contain("needs 2 channels").And.Contain("has 1"));
    }
}
