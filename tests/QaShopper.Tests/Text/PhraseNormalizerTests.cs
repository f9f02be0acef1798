using QaShopper.Core.Text;

namespace QaShopper.Tests.Text;

public sealed class PhraseNormalizerTests
{
    [TestCase("forty eight", "48")]
    [TestCase("forty-eight", "48")]
    [TestCase("48", "48")]
    [TestCase("nine", "9")]
    [TestCase("one hundred and fifty", "150")]
    [TestCase("one hundred fifty", "150")]
    [TestCase("150", "150")]
    [TestCase("two thousand twenty four", "2024")]
    [TestCase("twenty twenty four", "2024")]
    [TestCase("2024", "2024")]
    [TestCase("nine thirty", "930")]
    [TestCase("9 30", "930")]
    [TestCase("9:30", "930")]
    [TestCase("four five two one", "4521")]
    [TestCase("4 5 2 1", "4521")]
    [TestCase("4,521", "4521")]
    [TestCase("9:00", "9")]
    [TestCase("nine o'clock", "9")]
    [TestCase("nine oclock", "9")]
    [TestCase("nine o clock", "9")]
    [TestCase("nine oh five", "905")]
    [TestCase("9:05", "905")]
    [TestCase("15th", "15th")]
    [TestCase("fifteenth", "15th")]
    [TestCase("1st", "1th")]
    [TestCase("first", "1th")]
    [TestCase("twenty first", "21th")]
    [TestCase("21st", "21th")]
    [TestCase("3rd", "3th")]
    [TestCase("third", "3th")]
    [TestCase("4.5", "4 point 5")]
    [TestCase("four point five", "4 point 5")]
    [TestCase("15%", "15 percent")]
    [TestCase("fifteen percent", "15 percent")]
    [TestCase("$5", "5 dollars")]
    [TestCase("five dollars", "5 dollars")]
    [TestCase("£20", "20 pounds")]
    [TestCase("€3.50", "3 point 50 euros")]
    [TestCase("9am", "9 am")]
    [TestCase("9 a.m.", "9 am")]
    [TestCase("nine AM", "9 am")]
    [TestCase("9 a.m. to 1 p.m.", "9 am to 1 pm")]
    [TestCase("nine am to one pm", "9 am to 1 pm")]
    [TestCase("Oh, no", "oh no")]
    public void Canonical_NumberForms_AreWrittenAsDigits(string text, string expected) =>
        Assert.That(PhraseNormalizer.Canonical(text, characterMatching: false), Is.EqualTo(expected));

    [TestCase("Don't", "dont")]
    [TestCase("I don’t know.", "i dont know")]
    [TestCase("Hello,   World!", "hello world")]
    [TestCase("well-known", "well known")]
    [TestCase("  THANK you\tfor calling ", "thank you for calling")]
    [TestCase("", "")]
    [TestCase("?!", "")]
    public void Canonical_PunctuationAndCase_AreIgnored(string text, string expected) =>
        Assert.That(PhraseNormalizer.Canonical(text, characterMatching: false), Is.EqualTo(expected));

    [TestCase("一零二四", "1024")]
    [TestCase("幺三八", "138")]
    [TestCase("十五", "15")]
    [TestCase("二十", "20")]
    [TestCase("一百零五", "105")]
    [TestCase("两千", "2000")]
    [TestCase("三万五千", "35000")]
    [TestCase("三点半", "3点半")]
    [TestCase("１２３", "123")]
    [TestCase("你好，世界！", "你好世界")]
    [TestCase("ABC 你好", "abc你好")]
    [TestCase("“请问”（您好）《书》…、：；‘a’", "请问您好书a")]
    public void Canonical_CharacterMatching_RemovesSpacesAndConvertsNumerals(string text, string expected) =>
        Assert.That(PhraseNormalizer.Canonical(text, characterMatching: true), Is.EqualTo(expected));

    [Test]
    public void Normalize_MapsCanonicalSpanBackToOriginalWording()
    {
        const string text = "We open at nine-thirty, OK?";
        var canonical = PhraseNormalizer.Normalize(text, characterMatching: false);
        var at = canonical.Text.IndexOf("930", StringComparison.Ordinal);

        var (start, end) = canonical.ToSource(at, at + 3);

        Assert.That(text[start..end], Is.EqualTo("nine-thirty"));
    }

    [Test]
    public void Normalize_Chinese_MapsNumeralBackToOriginal()
    {
        const string text = "营业时间是九点到五点。";
        var canonical = PhraseNormalizer.Normalize(text, characterMatching: true);
        var at = canonical.Text.IndexOf("9点到5点", StringComparison.Ordinal);

        var (start, end) = canonical.ToSource(at, at + 5);

        Assert.That(text[start..end], Is.EqualTo("九点到五点"));
    }
}
