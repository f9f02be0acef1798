using QaShopper.Core.Scoring;

namespace QaShopper.Tests.Scoring;

/// <summary>Which other numbers may be the expected ones misheard, and which are other information.</summary>
public sealed class MisheardNumbersTests
{
    [TestCase("2", "62", TestName = "A word lost: 'two' for 'sixty two'")]
    [TestCase("30", "830", TestName = "A word lost: 'thirty' for 'eight thirty'")]
    [TestCase("52", "62", TestName = "One word of two swapped: 'fifty two' for 'sixty two'")]
    [TestCase("15", "50", TestName = "A '-teen' for its '-ty': 'fifteen' for 'fifty'")]
    [TestCase("40", "14", TestName = "A '-ty' for its '-teen': 'forty' for 'fourteen'")]
    [TestCase("21th", "23th", TestName = "Ordinals: 'twenty first' for 'twenty third'")]
    public void MayBeMisheard_TheRightNumberWithAWordLostOrSwapped(string heard, string expected) =>
        Assert.That(MisheardNumbers.MayBeMisheard([heard], [expected]), Is.True);

    [TestCase("6", "2", TestName = "Another number: 'six pounds' for 'two pounds'")]
    [TestCase("80", "62", TestName = "Another number: 'eighty' for 'sixty two'")]
    [TestCase("62", "2", TestName = "A word more: 'six two' for 'two'")]
    [TestCase("16", "50", TestName = "Not its '-teen': 'sixteen' for 'fifty'")]
    public void MayNotBeMisheard_AnotherNumberAltogether(string heard, string expected) =>
        Assert.That(MisheardNumbers.MayBeMisheard([heard], [expected]), Is.False);

    [Test]
    public void EveryStatedNumberMustBeAMishearing_ForTheWholeToBeOne()
    {
        Assert.That(MisheardNumbers.MayBeMisheard(["10", "14"], ["5", "7"]), Is.False, "'ten to fourteen' for 'five to seven'");
        Assert.That(MisheardNumbers.MayBeMisheard(["5", "70"], ["5", "7"]), Is.False, "'seventy' is not 'seven' misheard by these rules");
        Assert.That(MisheardNumbers.MayBeMisheard(["52", "7"], ["62", "7"]), Is.True);
    }

    [Test]
    public void SpokenWords_LeaveOutTheScaleWords() =>
        Assert.That(MisheardNumbers.SpokenWords("250"), Is.EqualTo(new[] { "two", "fifty" }), "'two hundred and fifty': 'hundred' is in every such number");
}
