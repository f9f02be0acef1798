using System.Text.RegularExpressions;

namespace QaShopper.Tests.Cli;

/// <summary><c>qashopper bench webhooks</c> runs its load from a second process and accounts for every request; the timing target is the benchmark's, not this test's.</summary>
public sealed class BenchWebhooksTests
{
    [Test]
    public async Task BenchWebhooks_ShortLoad_EveryRequestAnsweredAndJournaledOnce()
    {
        var run = await CliRunner.RunAsync("bench", "webhooks", "--rate", "50", "--seconds", "1");

        Assert.That(run.ExitCode, Is.EqualTo(0), run.ToString());
        Assert.That(run.Out, Does.Match(@"p50 [\d.]+ ms, p90 [\d.]+ ms, p99 [\d.]+ ms"));
        Assert.That(run.Out, Does.Contain("(50 measured, 0 failed)"));
        var journal = Regex.Match(run.Out, @"journal: (\d+) events stored of (\d+) sent");
        Assert.That(journal.Success, Is.True, run.Out);
        Assert.That(journal.Groups[1].Value, Is.EqualTo(journal.Groups[2].Value).And.EqualTo("150"));
        Assert.That(run.Out, Does.Contain("machine: "));
    }

    [Test]
    public async Task BenchWebhooks_RateOutOfRange_ExitsTwoNamingTheOption()
    {
        var run = await CliRunner.RunAsync("bench", "webhooks", "--rate", "0");

        Assert.That(run.ExitCode, Is.EqualTo(2), run.ToString());
        Assert.That(run.Error, Does.Contain("--rate"));
    }
}
