using System.Text;
using QaShopper.Audio;
using QaShopper.Core.Ports;
using QaShopper.Core.Scenarios;
using QaShopper.LocalSpeech.Pocketsphinx;
using QaShopper.LocalSpeech.Pocketsphinx.Adaptation;
using QaShopper.Simulation;
using QaShopper.Tests.Cli;
using QaShopper.Tests.Support;

namespace QaShopper.Tests.LocalSpeech;

/// <summary>The recogniser's adaptation to the phone line: its tools, the shipped transform and <c>qashopper model adapt</c>.</summary>
public sealed class AdaptationTests
{
    private static readonly PocketsphinxOptions Model = new();

    [Test]
    public void Sendump_ExpandsToTheModelsMixtureWeights_NormalisedPerSenoneAndStream()
    {
        using var temp = new TempDirectory();
        var output = temp.File("mixture_weights");

        var (senones, streams, densities) = MixtureWeights.FromSendump(Path.Combine(Model.ModelDirectory, "sendump"), output);

        Assert.That((senones, streams, densities), Is.EqualTo((5126, 3, 128)), "Debian's en-US PTM model");
        var bytes = File.ReadAllBytes(output);
        var header = Encoding.ASCII.GetString(bytes, 0, 64);
        Assert.That(header, Does.StartWith("s3\n").And.Contain("chksum0 yes").And.Contain("endhdr\n"));
        var data = header.IndexOf("endhdr\n", StringComparison.Ordinal) + 7;
        Assert.That(data % 4, Is.Zero, "the binary part starts on a 4-byte boundary");
        Assert.That(BitConverter.ToInt32(bytes, data), Is.EqualTo(0x11223344));
        Assert.That(bytes.Length, Is.EqualTo(data + 4 + 16 + (senones * streams * densities * 4) + 4), "byte order, dimensions, weights, checksum");
        foreach (var row in new[] { 0, 1, 777, (senones * streams) - 1 })
        {
            var sum = Enumerable.Range(0, densities).Sum(d => BitConverter.ToSingle(bytes, data + 20 + (((row * densities) + d) * 4)));
            Assert.That(sum, Is.EqualTo(1.0).Within(1e-4), $"row {row}");
        }
    }

    [Test]
    public void MixtureWeights_FromSomethingElse_IsRefusedWithTheFile()
    {
        using var temp = new TempDirectory();
        var notSendump = temp.File("sendump");
        File.WriteAllBytes(notSendump, [4, 0, 0, 0, (byte)'a', (byte)'b', (byte)'c', 0, 0, 0, 0, 0, 9, 0, 0, 0, 9, 0, 0, 0]);

        var error = Assert.Throws<SpeechEngineException>(() => MixtureWeights.FromSendump(notSendump, temp.File("out")));

        Assert.That(error!.Message, Does.Contain(notSendump).And.Contain("not a pocketsphinx sendump"));
    }

    [Test]
    public void AgentSpeechCorpus_IsEveryPlainAgentLine_InEveryAgentVoice()
    {
        var corpus = AgentSpeechCorpus.Load(RepoPaths.Combine("scenarios", "call-centre.yaml"));

        Assert.That(corpus.Select(c => c.Voice).Distinct(), Is.EquivalentTo(new[] { "awb", "rms" }), "the tuning agents' voices");
        Assert.That(corpus.Count(c => c.Voice == "rms"), Is.EqualTo(corpus.Count(c => c.Voice == "awb")), "the same lines, each voice with its own agent's name");
        Assert.That(corpus, Has.None.Matches<AgentSpeech>(c => c.Text.Contains("{{", StringComparison.Ordinal) || c.Text.Any(char.IsAsciiDigit)));
        Assert.That(corpus.Count, Is.GreaterThan(80));
        Assert.That(corpus, Has.Some.Matches<AgentSpeech>(c => c.Text.Contains("Acme Bank", StringComparison.Ordinal)), "the company filled in");
    }

    [Test]
    public void Options_AnAdaptationFileThatIsMissing_IsRefusedByName()
    {
        var validator = new PocketsphinxOptionsValidator();

        var missing = validator.Validate(null, new PocketsphinxOptions { AdaptationFile = "/nowhere/telephone.mllr" });
        var none = validator.Validate(null, new PocketsphinxOptions { AdaptationFile = "" });
        var shipped = validator.Validate(null, new PocketsphinxOptions { AdaptationFile = PocketsphinxOptions.ShippedAdaptation });

        Assert.That(missing.Failed, Is.True);
        Assert.That(missing.FailureMessage, Does.Contain("LocalSpeech:Pocketsphinx:AdaptationFile '/nowhere/telephone.mllr'").And.Contain("model adapt"));
        Assert.That(none.Succeeded, Is.True, "empty: the model as installed");
        Assert.That(shipped.Succeeded, Is.True, "the shipped transform is copied beside the binaries");
    }

    [Test]
    public void Transcriber_WithAMissingAdaptationFile_SaysWhichSettingAndHowToMakeOne()
    {
        var options = new PocketsphinxOptions { AdaptationFile = "/nowhere/telephone.mllr" };

        var error = Assert.Throws<SpeechEngineException>(() => ModelFiles.EnsureExist(options));

        Assert.That(error!.Message, Does.Contain("LocalSpeech:Pocketsphinx:AdaptationFile '/nowhere/telephone.mllr'").And.Contain("model adapt"));
    }

    [Test]
    public void Decoder_AppliesTheShippedAdaptation_UnlessTheSettingIsEmptied()
    {
        var adapted = PocketsphinxDecoder.Arguments(new PocketsphinxOptions { AdaptationFile = "/models/x.mllr" });
        var plain = PocketsphinxDecoder.Arguments(new PocketsphinxOptions { AdaptationFile = " " });

        Assert.That(string.Join(' ', adapted), Does.Contain("-mllr /models/x.mllr"));
        Assert.That(plain, Does.Not.Contain("-mllr"));
        Assert.That(string.Join(' ', PocketsphinxDecoder.Arguments(new PocketsphinxOptions())), Does.Contain("-mllr " + PocketsphinxOptions.ShippedAdaptation), "the shipped phone-line transform unless another, or none, is configured");
    }

    [Test]
    [Category("Speech")]
    public async Task Trainer_FromSpokenLines_WritesATransformTheDecoderLoads()
    {
        Assert.That(MllrTrainer.ToolsInstalled, Is.True, "eng/setup.sh installs sphinxtrain and sphinxbase-utils");
        using var temp = new TempDirectory();
        var lines = new[] { "thank you for calling acme bank", "is there anything else i can help you with", "your card is now blocked" };
        var utterances = new List<AdaptationUtterance>();
        foreach (var (line, i) in lines.Select((l, i) => (l, i)))
        {
            var spoken = PhoneCall.Speak(temp, line, "rms");
            utterances.Add(new AdaptationUtterance($"u{i}", PocketsphinxTranscriber.ForModel(TelephoneLine.Apply(spoken), 1.0), line.Split(' ')));
        }

        var output = temp.File("adapted.mllr");
        var result = await new MllrTrainer(Model).TrainAsync(utterances, Directory.CreateDirectory(temp.File("work")).FullName, output);

        Assert.That(result.Utterances, Is.EqualTo(3));
        Assert.That(File.ReadLines(output).Take(3), Is.EqualTo(new[] { "1", "3", "13" }), "one class, three feature streams of 13");
        var recording = temp.File("call.wav");
        PhoneCall.Write(temp, recording, "rms", [(Speaker.Agent, "thank you for calling acme bank")]);
        using var transcriber = new PocketsphinxTranscriber(new PocketsphinxOptions { AdaptationFile = output, MaxDecoders = 1 });
        var transcript = await transcriber.TranscribeAsync(new TranscriptionRequest(recording, 2, 0.5, "en-US", []));
        Assert.That(transcript.Segments.Where(s => s.Speaker == Speaker.Agent).Select(s => s.Text), Has.Some.Contains("calling"));
    }

    [Test]
    public void Trainer_WithoutUtterances_SaysSo()
    {
        using var temp = new TempDirectory();

        var error = Assert.ThrowsAsync<ArgumentException>(() => new MllrTrainer(Model).TrainAsync([], temp.Path, temp.File("x.mllr")));

        Assert.That(error!.Message, Does.Contain("no utterances"));
    }

    [Test]
    [Category("Speech")]
    public async Task ModelAdapt_FromTheCallCentre_WritesTheTransformAndSaysWhatItUsed()
    {
        using var temp = new TempDirectory();
        var output = temp.File("telephone.mllr");
        var callCentre = RepoPaths.Combine("scenarios", "call-centre.yaml");

        var run = await CliRunner.RunAsync("model", "adapt", "--out", output, "--call-centre", callCentre);

        Assert.That(run.ExitCode, Is.Zero, run.ToString());
        Assert.That(File.Exists(output), Is.True);
        Assert.That(run.Out, Does.Match(@"adapted on \d+ lines \(\d+ s of speech; voices awb, rms; from .*call-centre.yaml\); wrote "));
        Assert.That(run.Error, Does.Contain("spoken 25 of"), "progress while the lines are spoken");
    }
}
