using QaShopper.Audio;

namespace QaShopper.Twilio.Emulator;

/// <summary>
/// The answered part of a call as audio: what the caller played and what the far end said, at virtual times (offsets
/// from the call's creation), and the far end's words for speech recognition. Rendered into the recording at the end.
/// </summary>
internal sealed class Conversation(TimeSpan answered, string recordingSid, int callerChannel)
{
    private readonly TimeSpan answeredAt = answered;

    /// <summary>Below this level (about -60 dBFS) a sample counts as silence when trimming.</summary>
    private const float SilenceLevel = 0.001f;

    private readonly AudioTimeline caller = new(TelephoneLine.SampleRate);
    private readonly AudioTimeline callee = new(TelephoneLine.SampleRate);
    private readonly List<(TimeSpan Start, TimeSpan End, string Text)> speech = [];

    public string RecordingSid { get; } = recordingSid;

    /// <summary>When the far end's last scheduled utterance ends (virtual time).</summary>
    public TimeSpan AgentBusyUntil { get; private set; } = answered;

    /// <summary>Places caller audio at <paramref name="at"/>, cut at <paramref name="until"/> if given.</summary>
    public void PlaceCaller(AudioClip clip, TimeSpan at, TimeSpan? until = null)
    {
        var clip8k = clip.ResampleTo(TelephoneLine.SampleRate);
        if (until is { } end && at + clip8k.Duration > end)
        {
            var keep = (int)Math.Round((end - at).TotalSeconds * TelephoneLine.SampleRate);
            if (keep <= 0)
            {
                return;
            }

            clip8k = new AudioClip(TelephoneLine.SampleRate, clip8k.Samples[..Math.Min(keep, clip8k.Samples.Length)]);
        }

        caller.Place(clip8k, at - answeredAt);
    }

    /// <summary>Places one utterance of the far end.</summary>
    public void PlaceAgent(AudioClip clip, TimeSpan at, string text)
    {
        var end = answeredAt + callee.Place(clip, at - answeredAt);
        speech.Add((at, end, text));
        speech.Sort((a, b) => a.Start.CompareTo(b.Start));
        if (end > AgentBusyUntil)
        {
            AgentBusyUntil = end;
        }
    }

    /// <summary>
    /// What a speech recogniser listening from <paramref name="from"/> hears: the first utterance still going or starting
    /// after it, and every one that follows with a silence shorter than <paramref name="silence"/>. Null when nothing comes.
    /// </summary>
    public (TimeSpan Start, TimeSpan End, string Text)? SpeechFrom(TimeSpan from, TimeSpan silence)
    {
        var first = speech.FindIndex(s => s.End > from);
        if (first < 0)
        {
            return null;
        }

        var start = speech[first].Start > from ? speech[first].Start : from;
        var end = speech[first].End;
        var texts = new List<string> { speech[first].Text };
        for (var i = first + 1; i < speech.Count && speech[i].Start - end < silence; i++)
        {
            texts.Add(speech[i].Text);
            end = speech[i].End > end ? speech[i].End : end;
        }

        return (start, end, string.Join(' ', texts.Where(t => !string.IsNullOrWhiteSpace(t))));
    }

    /// <summary>The recording from the answer to <paramref name="end"/>, as the request's channels and trim ask.</summary>
    public EmulatedRecording Finish(EmulatorContext context, CallRun run, TimeSpan end)
    {
        var length = end - answeredAt;
        var callerSamples = caller.Render(length);
        var calleeSamples = callee.Render(length);
        var first = 0;
        var last = callerSamples.Length;
        if (run.Request.TrimSilence)
        {
            // trim-silence: drop leading and trailing silence heard on both channels.
            bool Silent(int i) => Math.Abs(callerSamples[i]) < SilenceLevel && Math.Abs(calleeSamples[i]) < SilenceLevel;
            while (first < last && Silent(first))
            {
                first++;
            }

            while (last > first && Silent(last - 1))
            {
                last--;
            }
        }

        callerSamples = callerSamples[first..last];
        calleeSamples = calleeSamples[first..last];
        float[][] channels;
        if (run.Request.DualChannel)
        {
            channels = callerChannel == 1 ? [callerSamples, calleeSamples] : [calleeSamples, callerSamples];
        }
        else
        {
            var mixed = new float[callerSamples.Length];
            for (var i = 0; i < mixed.Length; i++)
            {
                mixed[i] = Math.Clamp(callerSamples[i] + calleeSamples[i], -1f, 1f);
            }

            channels = [mixed];
        }

        var startTime = run.At(answeredAt) + TimeSpan.FromSeconds((double)first / TelephoneLine.SampleRate);
        var duration = TimeSpan.FromSeconds((double)(last - first) / TelephoneLine.SampleRate);
        return new EmulatedRecording(RecordingSid, run.Sid, run.At(end), startTime, CallRun.Seconds(duration), channels.Length,
            WavFile.Encode(TelephoneLine.SampleRate, channels, WavEncoding.Pcm16), channels);
    }
}
