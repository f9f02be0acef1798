using QaShopper.Audio;
using QaShopper.Twilio;

namespace QaShopper.Tests.Twilio;

public sealed class RecordingAudioTests
{
    internal static TwoChannelAudio Conversation(bool callerFirst, TimeSpan length, params string[] lines)
    {
        var frames = (int)(length.TotalSeconds * TelephoneLine.SampleRate);
        var caller = new float[frames];
        var agent = new float[frames];
        var at = TelephoneLine.SampleRate; // 1 s in
        var turn = 0;
        foreach (var line in lines)
        {
            // The agent speaks (other bursts), then the caller's clip plays.
            var agentTurn = ToneSynthesizer.Bursts(1000 + turn++, TimeSpan.FromSeconds(2)).Samples;
            agentTurn.AsSpan().CopyTo(agent.AsSpan(at));
            at += agentTurn.Length + (TelephoneLine.SampleRate / 2);
            var clip = ToneSynthesizer.Clip(line).Samples;
            clip.AsSpan().CopyTo(caller.AsSpan(at));
            at += clip.Length + (TelephoneLine.SampleRate / 2);
        }

        return callerFirst
            ? new TwoChannelAudio(TelephoneLine.SampleRate, caller, agent)
            : new TwoChannelAudio(TelephoneLine.SampleRate, agent, caller);
    }

    private static readonly string[] Lines = ["Hi, when do you open on Saturday?", "Great, thank you."];

    [TestCase(true, 1)]
    [TestCase(false, 2)]
    public void Find_ClipsOnOneChannel_NamesThatChannelAsTheCaller(bool callerFirst, int expected)
    {
        var recording = Conversation(callerFirst, TimeSpan.FromSeconds(12), Lines);

        var caller = CallerChannelFinder.Find(recording, [.. Lines.Select(ToneSynthesizer.Clip)]);

        Assert.That(caller, Is.EqualTo(expected));
    }

    [Test]
    public void Find_NoClips_CannotTell()
    {
        Assert.That(CallerChannelFinder.Find(Conversation(true, TimeSpan.FromSeconds(12), Lines), []), Is.Null);
    }

    [Test]
    public void Verify_TwoChannelsOfTheCallsLength_ReturnsTheAudio()
    {
        var wav = WavFile.Encode(8000, [new float[8000 * 30], new float[8000 * 30]], WavEncoding.Pcm16);

        var audio = RecordingVerifier.Verify(wav, TimeSpan.FromSeconds(31), "r.wav");

        Assert.That(audio.Duration, Is.EqualTo(TimeSpan.FromSeconds(30)));
    }

    [Test]
    public void Verify_Mono_IsRejected()
    {
        var wav = WavFile.Encode(8000, [new float[8000 * 30]], WavEncoding.Pcm16);

        Assert.That(() => RecordingVerifier.Verify(wav, TimeSpan.FromSeconds(30), "r.wav"),
            Throws.TypeOf<RecordingRejectedException>().With.Message.Contains("1 channel"));
    }

    [Test]
    public void Verify_TruncatedDownload_IsRejected()
    {
        var wav = WavFile.Encode(8000, [new float[8000 * 30], new float[8000 * 30]], WavEncoding.Pcm16);

        Assert.That(() => RecordingVerifier.Verify(wav.AsSpan(0, wav.Length / 2), TimeSpan.FromSeconds(30), "r.wav"),
            Throws.TypeOf<RecordingRejectedException>().With.Message.Contains("truncated"));
    }

    [Test]
    public void Verify_ShorterThanTheCall_IsRejected()
    {
        var wav = WavFile.Encode(8000, [new float[8000 * 10], new float[8000 * 10]], WavEncoding.Pcm16);

        Assert.That(() => RecordingVerifier.Verify(wav, TimeSpan.FromSeconds(30), "r.wav"),
            Throws.TypeOf<RecordingRejectedException>().With.Message.Contains("the call lasted 30.0 s"));
    }

    [Test]
    public void Verify_NotAWav_IsRejected()
    {
        Assert.That(() => RecordingVerifier.Verify("<html>error</html>"u8, null, "r.wav"), Throws.TypeOf<RecordingRejectedException>());
    }
}
