using QaShopper.Core.Scoring;
using QaShopper.Core.Text;

namespace QaShopper.Tests.Scoring;

public sealed class PhraseMatcherTests
{
    private static PhraseMatch? Find(string phrase, string text, bool characters = false, double threshold = 0.85)
    {
        var matcher = new PhraseMatcher(threshold);
        var hits = new List<PhraseMatch>();
        matcher.FindAll(new CompiledPhrase(phrase, characters), PhraseNormalizer.Canonical(text, characters), hits);
        return hits.Count == 0 ? null : hits[0];
    }

    [Test]
    public void FindAll_ExactOnTokenBoundaries_SimilarityOne()
    {
        var match = Find("thank you for calling acme", "Thank you for calling Acme Bank, my name is Sarah.");

        Assert.That(match?.Similarity, Is.EqualTo(1.0));
    }

    [TestCase("nine am to one pm", "We open 9 a.m. to 1 p.m. on Saturdays")]
    [TestCase("forty eight", "it takes 48 hours")]
    [TestCase("anything else", "Is there anything else?")]
    public void FindAll_SpokenAndWrittenForms_MatchExactly(string phrase, string text) =>
        Assert.That(Find(phrase, text)?.Similarity, Is.EqualTo(1.0));

    [Test]
    public void FindAll_RecognitionError_MatchesFuzzily()
    {
        var match = Find("thank you for calling acme bank", "uh thank you for colling acme bank hello");

        Assert.That(match, Is.Not.Null);
        Assert.That(match!.Value.Similarity, Is.GreaterThanOrEqualTo(0.85).And.LessThan(1.0));
    }

    [TestCase("thank you for calling acme", "thanks for nothing")]
    [TestCase("have a nice day", "i have no idea")]
    [TestCase("acme", "acmes")]
    public void FindAll_DifferentWording_DoesNotMatch(string phrase, string text) =>
        Assert.That(Find(phrase, text), Is.Null);

    [TestCase("not my problem", "well that is not a problem")]
    [TestCase("nine to one", "we are open nine to five")]
    [TestCase("9 to 1", "we are open 9 to 5")]
    [TestCase("room 48", "room 49 please")]
    public void FindAll_MeaningCarryingShortTokenDiffers_DoesNotMatch(string phrase, string text) =>
        Assert.That(Find(phrase, text, threshold: 0.5), Is.Null);

    [Test]
    public void FindAll_Chinese_ComparesCharacters()
    {
        var exact = Find("感谢您的来电", "您好，感谢您的来电，我是小王。", characters: true);
        var fuzzy = Find("感谢您致电工商银行", "你好感谢你致电工商银行", characters: true);

        Assert.That(exact?.Similarity, Is.EqualTo(1.0));
        Assert.That(fuzzy?.Similarity, Is.GreaterThanOrEqualTo(0.85).And.LessThan(1.0));
    }

    [Test]
    public void FindAll_ChineseNegationMissing_DoesNotMatch() =>
        Assert.That(Find("这个问题不是我负责的", "这个问题是我负责的", characters: true, threshold: 0.8), Is.Null);

    [Test]
    public void FindAll_ChineseNumbers_SpokenAndWrittenAlike() =>
        Assert.That(Find("九点到五点", "我们9点到5点营业", characters: true)?.Similarity, Is.EqualTo(1.0));

    [Test]
    public void FindAll_PhraseLongerThan64Characters_UsesFallbackSearch()
    {
        const string phrase = "please be advised that this call may be recorded for quality and training purposes today";
        var text = "hello " + phrase.Replace("quality", "qualty", StringComparison.Ordinal) + " thanks";

        var match = Find(phrase, text);

        Assert.That(phrase, Has.Length.GreaterThan(64));
        Assert.That(match?.Similarity, Is.GreaterThan(0.95).And.LessThan(1.0));
    }

    [Test]
    public void FindAll_SeveralOccurrences_ReturnsAllInOrder()
    {
        var hits = new List<PhraseMatch>();
        var text = PhraseNormalizer.Canonical("thank you, and thank you again", false);

        new PhraseMatcher(0.85).FindAll(new CompiledPhrase("thank you", false), text, hits);

        Assert.That(hits.Select(h => h.Start), Is.EqualTo(new[] { 0, 14 }));
    }

    [Test]
    public void BestCandidate_NearMiss_ReportsSimilarity()
    {
        var best = new PhraseMatcher(0.85).BestCandidate(new CompiledPhrase("have a nice day", false), "have a nice week", 0.5);

        Assert.That(best?.Similarity, Is.GreaterThan(0.5).And.LessThan(0.85));
    }
}
