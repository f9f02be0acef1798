using QaShopper.Audio;
using QaShopper.LocalSpeech.Pocketsphinx;
using QaShopper.Tests.Audio;

namespace QaShopper.Tests.LocalSpeech;

public sealed class PocketsphinxPartsTests
{
    [TestCase("for(3)", "for")]
    [TestCase("the(2)", "the")]
    [TestCase("hello", "hello")]
    [TestCase("don't", "don't")]
    [TestCase("<s>", null)]
    [TestCase("</s>", null)]
    [TestCase("<sil>", null)]
    [TestCase("[NOISE]", null)]
    [TestCase("++BREATH++", null)]
    public void Clean_RawWord_StripsMarkersAndFillers(string raw, string? expected)
    {
        Assert.That(WordCleaner.Clean(raw), Is.EqualTo(expected));
    }

    [TestCase("Thank you for calling Acme!", "thank you for calling acme")]
    [TestCase("I don't know", "i don't know")]
    [TestCase("open 24/7", "open twenty four seven")]
    [TestCase("on the 15th", "on the fifteenth")]
    [TestCase("room 48", "room forty eight")]
    [TestCase("9am to 1pm", "nine am to one pm")]
    [TestCase("the 21st", "the twenty first")]
    [TestCase("1200 dollars", "one thousand two hundred dollars")]
    public void Prepare_Phrase_GivesSpottableWords(string phrase, string expected)
    {
        var (words, reason) = SpottablePhrases.Prepare(phrase);

        Assert.That(reason, Is.Null);
        Assert.That(string.Join(' ', words!), Is.EqualTo(expected));
    }

    [TestCase("добрый день")]
    [TestCase("您好")]
    [TestCase("!!!")]
    public void Prepare_UnspottablePhrase_GivesReason(string phrase)
    {
        var (words, reason) = SpottablePhrases.Prepare(phrase);

        Assert.That(words, Is.Null);
        Assert.That(reason, Is.Not.Empty);
    }

    [TestCase("pau ae k m iy pau \n", "AE K M IY")]
    [TestCase("pau ax b aw t pau", "AH B AW T")]
    [TestCase("pau b ah t axr pau", "B AH T ER")]
    public void ToDictionaryPhones_FliteOutput_MapsToDictionaryPhoneSet(string flite, string expected)
    {
        Assert.That(PronunciationGuesser.ToDictionaryPhones(flite), Is.EqualTo(expected));
    }

    [Test]
    public void Merge_SpottedPhraseMissingFromHypothesis_ReplacesOverlappedWords()
    {
        RecognizedWord[] words = [W("hello", 0.0, 0.4), W("well", 0.5, 0.8), W("come", 0.8, 1.0), W("to", 1.0, 1.1), W("bright", 1.1, 1.4), W("mart", 1.4, 1.7), W("sir", 1.8, 2.0)];
        RecognizedWord[] spotted = [new("welcome to brightmart", 0.5, 1.7, 0.85)];

        var merged = HintMerger.Merge(words, spotted);

        Assert.That(merged.Select(w => w.Text), Is.EqualTo(new[] { "hello", "welcome", "to", "brightmart", "sir" }));
        Assert.That(merged.Where(w => w.Spotted).Select(w => w.Confidence), Is.All.EqualTo(0.85));
        Assert.That(merged.Select(w => w.Start), Is.Ordered);
    }

    [Test]
    public void Merge_SpottedSingleWordMissingFromHypothesis_InsertsNothing()
    {
        RecognizedWord[] words = [W("will", 0.0, 0.3), W("arrive", 0.3, 0.7), W("in", 0.7, 0.8), W("five", 0.8, 1.1)];

        var merged = HintMerger.Merge(words, [new("goodbye", 0.65, 0.85, 0.9)]);

        Assert.That(merged.Select(w => w.Text), Is.EqualTo(new[] { "will", "arrive", "in", "five" }));
        Assert.That(merged.Any(w => w.Spotted), Is.False);
    }

    [Test]
    public void Merge_SpottedSingleWordInHypothesis_ConfirmsIt()
    {
        RecognizedWord[] words = [W("thanks", 0.0, 0.3), W("goodbye", 0.3, 0.8)];

        var merged = HintMerger.Merge(words, [new("goodbye", 0.3, 0.8, 0.9)]);

        Assert.That(merged[1], Is.EqualTo(new RecognizedWord("goodbye", 0.3, 0.8, 0.9, Spotted: true)));
    }

    [Test]
    public void SpottedForms_LongExpectedPhrase_AlsoSpottedByItsLastFourWords()
    {
        var forms = PocketsphinxTranscriber.SpottedForms(["thank", "you", "for", "calling", "acme", "bank"], expected: true);

        Assert.That(forms, Is.EqualTo(new[] { "thank you for calling acme bank", "for calling acme bank" }));
    }

    [TestCase(true, "your card is blocked")]
    [TestCase(false, "that is not our business")]
    public void SpottedForms_ShortOrForbiddenPhrase_SpottedWhole(bool expected, string phrase)
    {
        var forms = PocketsphinxTranscriber.SpottedForms(phrase.Split(' '), expected);

        Assert.That(forms, Is.EqualTo(new[] { phrase }), "a partial forbidden phrase must never fail a call");
    }

    [Test]
    public void ConfirmOnly_ForbiddenPhraseDecodedAndWeaklySpottedAtTheSameTime_IsKept()
    {
        var words = new List<RecognizedWord> { W("i", 0.0, 0.1), W("don't", 0.1, 0.4), W("know", 0.4, 0.7), W("maybe", 0.8, 1.1) };

        var confirmed = HintMerger.ConfirmOnly(words, [new("i don't know", 0.0, 0.7, 0.6)]);
        var kept = HintMerger.DoubtUnconfirmed(confirmed, [["i", "don't", "know"]]);

        Assert.That(kept.Select(w => w.Text), Is.EqualTo(new[] { "i", "don't", "know", "maybe" }));
        Assert.That(kept.Take(3).Select(w => w.Confidence), Has.None.EqualTo(ConfidenceMap.Unconfirmed), "confirmed: heard as it was");
    }

    [Test]
    public void ConfirmOnly_SpottedElsewhereInTime_DoesNotConfirmAndInsertsNothing()
    {
        var words = new List<RecognizedWord> { W("i", 0.0, 0.1), W("don't", 0.1, 0.4), W("know", 0.4, 0.7), W("maybe", 0.8, 1.1) };

        var confirmed = HintMerger.ConfirmOnly(words, [new("i don't know", 2.0, 2.7, 0.6)]);
        var kept = HintMerger.DoubtUnconfirmed(confirmed, [["i", "don't", "know"]]);

        Assert.That(kept.Take(3).Select(w => w.Confidence), Is.All.EqualTo(ConfidenceMap.Unconfirmed), "a forbidden phrase nobody confirmed is kept in doubt, not dropped");
    }

    [Test]
    public void Merge_PhraseAlreadyInHypothesis_KeepsWordsWithSpottingConfidence()
    {
        RecognizedWord[] words = [W("my", 0.0, 0.2), W("name", 0.2, 0.5), W("is", 0.5, 0.6), W("tom", 0.6, 0.9)];

        var merged = HintMerger.Merge(words, [new("my name is", 0.0, 0.6, 0.9)]);

        Assert.That(merged.Select(w => (w.Text, w.Start, w.End)), Is.EqualTo(words.Select(w => (w.Text, w.Start, w.End))));
        Assert.That(merged.Select(w => w.Confidence), Is.EqualTo(new[] { 0.9, 0.9, 0.9, words[3].Confidence }));
    }

    [Test]
    public void Validate_BadSettings_NameTheSetting()
    {
        var errors = PocketsphinxOptionsValidator.Check(new PocketsphinxOptions { Dictionary = " ", KeyphraseThreshold = 2, MaxDecoders = 0, PhoneBandMirrorGain = -1 });

        Assert.That(errors, Has.Some.Contains("LocalSpeech:Pocketsphinx:Dictionary"));
        Assert.That(errors, Has.Some.Contains("LocalSpeech:Pocketsphinx:KeyphraseThreshold"));
        Assert.That(errors, Has.Some.Contains("LocalSpeech:Pocketsphinx:MaxDecoders"));
        Assert.That(errors, Has.Some.Contains("LocalSpeech:Pocketsphinx:PhoneBandMirrorGain"));
    }

    [TestCase(0, 20, "MaxActiveHmms")]
    [TestCase(499, 20, "MaxActiveHmms")]
    [TestCase(10000, 0, "MaxWordsPerFrame")]
    [TestCase(10000, -2, "MaxWordsPerFrame")]
    public void Validate_SearchLimitOutOfRange_NamesTheSetting(int maxActiveHmms, int maxWordsPerFrame, string setting)
    {
        var errors = PocketsphinxOptionsValidator.Check(new PocketsphinxOptions { MaxActiveHmms = maxActiveHmms, MaxWordsPerFrame = maxWordsPerFrame });

        Assert.That(errors, Has.Exactly(1).Contains("LocalSpeech:Pocketsphinx:" + setting));
    }

    [Test]
    public void Validate_SearchLimitsMinusOne_MeanNoLimitAndAreValid()
    {
        Assert.That(PocketsphinxOptionsValidator.Check(new PocketsphinxOptions { MaxActiveHmms = -1, MaxWordsPerFrame = -1 }), Is.Empty);
    }

    [Test]
    public void DecoderArguments_CarryTheSearchLimits()
    {
        var argv = PocketsphinxDecoder.Arguments(new PocketsphinxOptions { MaxActiveHmms = 12345, MaxWordsPerFrame = 7 });

        Assert.That(string.Join(' ', argv), Does.Contain("-maxhmmpf 12345").And.Contain("-maxwpf 7"));
    }

    [Test]
    public void ForModel_PhoneLineChannel_IsUpsampledWithItsTopBandMirrored()
    {
        var phone = new AudioClip(8000, ResamplerTests.Sine(3500, 8000, 0.5));

        var mirrored = PocketsphinxTranscriber.ForModel(phone, mirrorGain: 1);
        var plain = PocketsphinxTranscriber.ForModel(phone, mirrorGain: 0);

        Assert.That(mirrored.SampleRate, Is.EqualTo(16000));
        Assert.That(mirrored.Samples, Is.Not.EqualTo(plain.Samples));
        Assert.That(plain.Samples, Is.EqualTo(phone.ResampleTo(16000).Samples));
    }

    [Test]
    public void ForModel_WidebandChannel_IsOnlyResampled()
    {
        var wide = new AudioClip(22050, ResamplerTests.Sine(3500, 22050, 0.5));

        Assert.That(PocketsphinxTranscriber.ForModel(wide, mirrorGain: 1).Samples, Is.EqualTo(wide.ResampleTo(16000).Samples));
    }

    [Test]
    public void Validate_Defaults_AreValid()
    {
        Assert.That(PocketsphinxOptionsValidator.Check(new PocketsphinxOptions()), Is.Empty);
    }

    private static RecognizedWord W(string text, double start, double end) => new(text, start, end, 0.5);
}
