using System.Globalization;

namespace QaShopper.Tests.Fuzzing;

/// <summary>
/// The seeded fuzz run: generated bad scenarios, campaigns, transcripts, WAV headers and weights through the same entry
/// points the commands use. None may crash, hang or give a problem without a position.
/// </summary>
[NonParallelizable]
public sealed class FuzzTests
{
    /// <summary>Inputs in the bounded run of the suite; about 10,000 fit well under a minute on two shared cores.</summary>
    private const int BoundedInputs = 10_000;

    private const int Seed = 16;

    [Test]
    public void SeededRun_TenThousandBadInputs_NoCrashHangOrUnpositionedProblem()
    {
        var report = FuzzRunner.Run(FuzzCorpus.Load(), Seed, BoundedInputs);
        TestContext.Out.WriteLine(report.Summary());

        Assert.Multiple(() =>
        {
            Assert.That(report.Count(FuzzVerdict.Crash), Is.Zero, report.Summary);
            Assert.That(report.Count(FuzzVerdict.Hang), Is.Zero, report.Summary);
            Assert.That(report.Count(FuzzVerdict.Unpositioned), Is.Zero, report.Summary);
        });
    }

    /// <summary>
    /// The long run behind the figures in the README: many more inputs from another seed, with peak memory. Run it with
    /// <c>--filter "FullyQualifiedName~LongRun"</c>; <c>QASHOPPER_FUZZ_INPUTS</c> and <c>QASHOPPER_FUZZ_SEED</c> change its size and seed.
    /// </summary>
    [Test]
    [Explicit("a measurement of several minutes, not part of the suite")]
    [Category("FuzzLong")]
    public void LongRun_ManyBadInputs_NoCrashHangOrUnpositionedProblem()
    {
        var inputs = int.TryParse(Environment.GetEnvironmentVariable("QASHOPPER_FUZZ_INPUTS"), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 200_000;
        var seed = int.TryParse(Environment.GetEnvironmentVariable("QASHOPPER_FUZZ_SEED"), NumberStyles.None, CultureInfo.InvariantCulture, out var s) ? s : 1616;
        var report = FuzzRunner.Run(FuzzCorpus.Load(), seed, inputs);
        TestContext.Out.WriteLine(report.Summary());

        Assert.Multiple(() =>
        {
            Assert.That(report.Count(FuzzVerdict.Crash), Is.Zero, report.Summary);
            Assert.That(report.Count(FuzzVerdict.Hang), Is.Zero, report.Summary);
            Assert.That(report.Count(FuzzVerdict.Unpositioned), Is.Zero, report.Summary);
        });
    }
}
