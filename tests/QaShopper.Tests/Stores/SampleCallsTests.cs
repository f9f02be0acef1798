using QaShopper.Tests.Support;

namespace QaShopper.Tests.Stores;

public sealed class SampleCallsTests
{
    [Test]
    public void Deep_NestedEvidenceDiffers_IsNotEqual()
    {
        // Guards the round-trip tests: the comparison must see into nested lists, not compare references.
        var score = SampleCalls.Score();
        var changed = score with
        {
            Items = [.. score.Items.Select((item, i) => i == 1
                ? item with { Evidence = item.Evidence with { Matches = [item.Evidence.Matches![0] with { Similarity = 0.99 }, item.Evidence.Matches[1]] } }
                : item)],
        };

        Assert.That(SampleCalls.Deep(changed), Is.Not.EqualTo(SampleCalls.Deep(score)));
        Assert.That(SampleCalls.Deep(SampleCalls.Score()), Is.EqualTo(SampleCalls.Deep(score)));
    }
}
