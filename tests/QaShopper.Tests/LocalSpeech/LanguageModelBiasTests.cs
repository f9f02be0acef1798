using System.Globalization;
using QaShopper.Core.Ports;
using QaShopper.Core.Scenarios;
using QaShopper.Core.Transcripts;
using QaShopper.LocalSpeech.Pocketsphinx;
using QaShopper.Tests.Support;

namespace QaShopper.Tests.LocalSpeech;

/// <summary>The per-call domain language model: its ARPA text, its loading into sphinxbase, and what biasing does.</summary>
public sealed class LanguageModelBiasTests
{
    [Test]
    public void Write_Sentences_GivesArpaWithCountsAndNormalisedBigrams()
    {
        var arpa = ArpaWriter.Write([["thank", "you"], ["thank", "you", "for", "calling"], ["hello"]]);
        var lines = arpa.Split('\n');

        Assert.Multiple(() =>
        {
            Assert.That(lines[0], Is.EqualTo("\\data\\"));
            Assert.That(lines, Does.Contain("ngram 1=7"));
            Assert.That(lines, Does.Contain("ngram 2=8"));
            Assert.That(lines, Does.Contain("ngram 3=6"));
            Assert.That(arpa.TrimEnd(), Does.EndWith("\\end\\"));

            // "thank you" was seen twice out of two "thank" bigrams: (2 - 0.5) / 2.
            Assert.That(lines, Has.Some.StartsWith(Log(0.75) + " thank you"));
        });

        // Every history's probabilities, seen plus backed-off, sum to one.
        var unigrams = lines.SkipWhile(l => l != "\\1-grams:").Skip(1).TakeWhile(l => l.Length > 0).Select(l => l.Split(' ')).ToList();
        var bigrams = lines.SkipWhile(l => l != "\\2-grams:").Skip(1).TakeWhile(l => l.Length > 0).Select(l => l.Split(' ')).ToList();
        var p = unigrams.Where(u => u[1] != "<s>").ToDictionary(u => u[1], u => Math.Pow(10, double.Parse(u[0], CultureInfo.InvariantCulture)));
        foreach (var history in unigrams.Where(u => u.Length == 3))
        {
            var seen = bigrams.Where(b => b[1] == history[1]).ToList();
            var backoff = Math.Pow(10, double.Parse(history[2], CultureInfo.InvariantCulture));
            var total = seen.Sum(b => Math.Pow(10, double.Parse(b[0], CultureInfo.InvariantCulture)))
                + (backoff * p.Where(w => seen.All(b => b[2] != w.Key)).Sum(w => w.Value));
            Assert.That(total, Is.EqualTo(1.0).Within(1e-3), history[1]);
        }
    }

    private static string Log(double p) => Math.Log10(p).ToString("0.######", CultureInfo.InvariantCulture);

    [Test]
    public void Write_NoWords_Throws()
    {
        Assert.That(() => ArpaWriter.Write([[]]), Throws.ArgumentException);
    }

    [Test]
    public void Sentences_NeverOmitExpectedPhrases_SpellNumbers()
    {
        var sentences = DomainCorpus.Sentences(["It costs 2 pounds a day"]).Select(s => string.Join(' ', s)).ToList();

        Assert.That(sentences, Does.Contain("it costs two pounds a day"));
        Assert.That(sentences, Has.None.Contains("don't know"));
    }

    [Test]
    public void Sentences_WithEvenNumbers_GiveEveryOtherNumberTheExpectedOnesWeight()
    {
        var sentences = DomainCorpus.Sentences(["5 to 7 working days"], evenNumbers: true).Select(s => string.Join(' ', s)).ToList();

        Assert.Multiple(() =>
        {
            Assert.That(sentences.Count(s => s == "five to seven working days"), Is.EqualTo(2));
            Assert.That(sentences.Count(s => s == "ten to seven working days"), Is.EqualTo(2), "the first number varied");
            Assert.That(sentences.Count(s => s == "five to fourteen working days"), Is.EqualTo(2), "the second number varied");
            Assert.That(sentences, Has.None.EqualTo("ten to fourteen working days"), "one number at a time, not every combination");
        });
    }

    [Test]
    public void Sentences_WithEvenNumbers_KeepOrdinalsOrdinal()
    {
        var sentences = DomainCorpus.Sentences(["Friday the 15th"], evenNumbers: true).Select(s => string.Join(' ', s)).ToList();

        Assert.That(sentences, Does.Contain("friday the twentieth").And.Contain("friday the first").And.None.EqualTo("friday the twenty"));
    }

    [Test]
    public void Sentences_WithEvenNumbers_VaryATwoWordNumberByItsFirstWordOnly()
    {
        var sentences = DomainCorpus.Sentences(["within 48 hours"], evenNumbers: true).Select(s => string.Join(' ', s)).ToList();

        Assert.That(sentences, Does.Contain("within seventy two hours").And.Contain("within twenty one hours"));
        Assert.That(sentences.Where(s => s.StartsWith("within forty", StringComparison.Ordinal)), Is.All.EqualTo("within forty eight hours"));
    }

    [Test]
    public void Sentences_WithoutEvenNumbers_KeepThePhrasesNumbersOnly()
    {
        var sentences = DomainCorpus.Sentences(["2 pounds a day"]).Select(s => string.Join(' ', s)).ToList();

        Assert.That(sentences.Where(s => s.EndsWith("pounds a day", StringComparison.Ordinal)), Is.All.EqualTo("two pounds a day"));
    }

    [Test]
    public void Generic_CorpusHasNoForbiddenSoundingPhrases()
    {
        Assert.That(DomainCorpus.Generic, Has.None.Contains("don't know").And.None.Contains("calm down").And.None.Contains("problem is"));
    }

    [Test]
    public void DoubtUnconfirmed_WatchedPhraseFromNgramOnly_IsKeptInDoubt_SpottedIsKeptAsHeard()
    {
        List<RecognizedWord> decoded =
        [
            new("can", 0, 0.2, 0.5), new("i", 0.2, 0.3, 0.5), new("take", 0.3, 0.5, 0.5),
            new("i", 0.5, 0.6, 0.9), new("don't", 0.6, 0.8, 0.9), new("know", 0.8, 1.0, 0.9), new("please", 1.0, 1.3, 0.5),
        ];
        var doubted = HintMerger.DoubtUnconfirmed([.. decoded], [["i", "don't", "know"]]);
        var spotted = HintMerger.DoubtUnconfirmed(HintMerger.Merge(decoded, [new("i don't know", 0.5, 1.0, 0.9, Spotted: true)]), [["i", "don't", "know"]]);

        Assert.Multiple(() =>
        {
            Assert.That(string.Join(' ', doubted.Select(w => w.Text)), Is.EqualTo("can i take i don't know please"), "nothing heard is thrown away");
            Assert.That(doubted.Skip(3).Take(3).Select(w => w.Confidence), Is.All.EqualTo(ConfidenceMap.Unconfirmed), "only the spotter makes a forbidden phrase sure");
            Assert.That(doubted[0].Confidence, Is.EqualTo(0.5), "the words around it keep their confidence");
            Assert.That(doubted.Select(w => w.Unconfirmed), Is.EqualTo(new[] { false, false, false, true, true, true, false }), "the doubted words say why their confidence is low");
            Assert.That(ConfidenceMap.ForSegment(doubted), Is.EqualTo(0.5).Within(1e-9), "the utterance is as well heard as its other words");
            Assert.That(string.Join(' ', spotted.Select(w => w.Text)), Is.EqualTo("can i take i don't know please"));
            Assert.That(spotted.Single(w => w.Text == "don't").Confidence, Is.EqualTo(0.9), "confirmed by the spotter");
            Assert.That(spotted.Any(w => w.Unconfirmed), Is.False);
        });
    }

    [Test]
    public void Merge_PhraseAlreadyDecoded_GetsSpottingConfidence()
    {
        List<RecognizedWord> decoded = [new("anything", 0, 0.4, 0.3), new("else", 0.4, 0.7, 0.2), new("okay", 0.7, 1.0, 0.4)];

        var merged = HintMerger.Merge(decoded, [new("anything else", 0, 0.7, 0.85, Spotted: true)]);

        Assert.That(merged.Select(w => w.Confidence), Is.EqualTo(new[] { 0.85, 0.85, 0.4 }));
    }
}

/// <summary>Biased decoding of flite speech on a phone line (a few seconds of CPU).</summary>
[NonParallelizable]
public sealed class LanguageModelBiasDecodeTests
{
    private static readonly (Speaker, string)[] Lines =
    [
        (Speaker.Agent, "Thank you for calling Acme Bank."),
        (Speaker.Agent, "With the EU Travel Pass it costs six pounds a day."),
        (Speaker.Agent, "Can I take your order number, please?"),
    ];

    private static readonly string[] Expected = ["thank you for calling acme bank", "two pounds a day", "can i take your order number"];

    private static readonly string[] Forbidden = ["i don't know", "not my problem", "calm down"];

    private TempDirectory _temp = null!;
    private Transcript _plain = null!;
    private Transcript _biased = null!;
    private IReadOnlyList<SpokenLine> _truth = null!;

    [OneTimeSetUp]
    public async Task TranscribeBothWays()
    {
        Assume.That(PhoneCall.FliteInstalled, "flite is not installed (the setup script installs it)");
        _temp = new TempDirectory();
        var path = _temp.File("call.wav");
        _truth = PhoneCall.Write(_temp, path, "awb", Lines);
        using (var plain = new PocketsphinxTranscriber(new PocketsphinxOptions { MaxDecoders = 1, DomainModelWeight = 0 }))
        {
            _plain = await plain.TranscribeAsync(new TranscriptionRequest(path, 2, 1.0, "en-US", []));
        }

        using var biased = new PocketsphinxTranscriber(new PocketsphinxOptions { MaxDecoders = 1 });
        _biased = await biased.TranscribeAsync(new TranscriptionRequest(path, 2, 1.0, "en-US", Expected) { WatchPhrases = Forbidden });

        // Same scenario again: the decoder reuses its biased search.
        var again = await biased.TranscribeAsync(new TranscriptionRequest(path, 2, 1.0, "en-US", Expected) { WatchPhrases = Forbidden });
        Assert.That(again.Segments.Select(s => s.Text), Is.EqualTo(_biased.Segments.Select(s => s.Text)));
    }

    [OneTimeTearDown]
    public void CleanUp() => _temp?.Dispose();

    [Test]
    public void BiasedDecode_ProperNounGreeting_RecognisedWherePlainDecodeMissesIt()
    {
        Assert.Multiple(() =>
        {
            Assert.That(Text(_plain, 0), Does.Not.Contain("acme bank"), Dump);
            Assert.That(Text(_biased, 0), Does.Contain("for calling acme bank"), Dump);
        });
    }

    [Test]
    public void BiasedDecode_WrongInformation_StaysWrong()
    {
        Assert.That(Text(_biased, 1), Does.Not.Contain("two pounds"), Dump);
    }

    [Test]
    public void BiasedDecode_InventsNoForbiddenPhrase()
    {
        var agent = string.Join(' ', _biased.Segments.Select(s => s.Text));

        Assert.That(Forbidden, Has.None.Matches<string>(f => agent.Contains(f, StringComparison.Ordinal)), Dump);
    }

    private string Text(Transcript transcript, int line) =>
        " " + string.Join(' ', transcript.Segments.Where(s => s.End > _truth[line].Start && s.Start < _truth[line].End).Select(s => s.Text)) + " ";

    private string Dump() =>
        "plain:\n" + string.Join('\n', _plain.Segments.Select(s => s.Text)) + "\nbiased:\n" + string.Join('\n', _biased.Segments.Select(s => s.Text));
}
