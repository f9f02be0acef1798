using QaShopper.LocalSpeech.Pocketsphinx;

namespace QaShopper.Tests.LocalSpeech;

public sealed class CompoundWordsTests
{
    private static readonly HashSet<string> Dictionary = ["post", "code", "your", "can", "take", "at", "tack", "bright", "mart"];

    [Test]
    public void Parts_UnknownWordMadeOfTwoKnownOnes_SplitsIt()
    {
        Assert.That(CompoundWords.Parts("postcode", Dictionary), Is.EqualTo(new[] { "post", "code" }));
    }

    [Test]
    public void Parts_KnownWord_StaysWhole()
    {
        Assert.That(CompoundWords.Parts("post", Dictionary), Is.Null);
    }

    [Test]
    public void Parts_PartShorterThanThreeLetters_DoesNotCount()
    {
        Assert.That(CompoundWords.Parts("attack", Dictionary), Is.Null, "'at' + 'tack' would split a word nobody wrote as two");
    }

    [Test]
    public void Split_Phrases_SplitsOnlyTheCompounds()
    {
        var split = CompoundWords.Split(["Can I take your postcode?", "Welcome to Brightmart", "zorblax"], Dictionary, new Dictionary<string, string>());

        Assert.That(split, Is.EqualTo(new[] { "can i take your post code", "welcome to bright mart", "zorblax" }));
    }

    [Test]
    public void Join_DecodedParts_BecomeTheCompoundAgain()
    {
        var compounds = new Dictionary<string, string>();
        CompoundWords.Split(["your postcode"], Dictionary, compounds);
        List<RecognizedWord> words = [new("your", 0.0, 0.2, 0.9), new("post", 0.2, 0.5, 0.8), new("code", 0.5, 0.8, 0.6), new("code", 0.8, 1.0, 0.7)];

        var joined = CompoundWords.Join(words, compounds);

        Assert.That(joined, Is.EqualTo(new RecognizedWord[] { new("your", 0.0, 0.2, 0.9), new("postcode", 0.2, 0.8, 0.6), new("code", 0.8, 1.0, 0.7) }));
    }
}
