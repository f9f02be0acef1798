using System.Buffers.Binary;
using System.Diagnostics;
using QaShopper.Audio;
using QaShopper.Cli;
using QaShopper.Core.Campaigns;
using QaShopper.Core.Scenarios;
using QaShopper.Core.Transcripts;
using QaShopper.Tests.Cli;
using QaShopper.Tests.Support;

namespace QaShopper.Tests.Fuzzing;

/// <summary>One test per example of issue 16: bad input the fuzzer found that crashed, hung or scored wrongly.</summary>
public sealed class BadInputRegressionTests
{
    private static string ShippedScenario => File.ReadAllText(RepoPaths.Combine("scenarios", "acme-bank-saturday-hours.yaml"));

    private static string DemoCampaign => File.ReadAllText(RepoPaths.Combine("scenarios", "campaigns", "demo-week.yaml"));

    private static IReadOnlyCollection<string> ScenarioIds => FuzzCorpus.Load().ScenarioIds;

    [Test]
    public void ScenarioParse_ControlCharacterU0096_ReportsItsPosition()
    {
        var yaml = ShippedScenario.Replace("title: Acme Bank", "title: Acme\u0096Bank", StringComparison.Ordinal);

        var result = ScenarioParser.Parse(yaml, "c1.yaml");

        Assert.That(result.Diagnostics.Select(d => d.ToString()), Has.Some.StartWith("c1.yaml:3:12: character U+0096 is not allowed"));
    }

    [Test]
    public void ScenarioParse_LoneSurrogate_ReportsItsPosition()
    {
        var result = ScenarioParser.Parse("id: a\ntitle: x\uD800y\n", "s.yaml");

        Assert.That(result.Diagnostics.Select(d => d.ToString()), Has.Some.StartWith("s.yaml:2:9: character U+D800"));
    }

    [Test]
    public void ScenarioParse_TwentyThousandNestedBraces_ReportsDepthWithoutOverflowingTheStack()
    {
        // One brace a line, so the line-length limit does not catch it first: the depth limit must.
        var yaml = "id: deep\ntitle: " + string.Concat(Enumerable.Repeat("{\n", 20_000));

        var result = ScenarioParser.Parse(yaml, "deep.yaml");

        Assert.That(result.Diagnostics.Select(d => d.ToString()), Has.Some.StartWith("deep.yaml:65:1: mappings and sequences nest more than 64 deep"));
    }

    [Test]
    public void ScenarioParse_TwentyThousandBracesOnOneLine_ReportsALinePosition()
    {
        var result = ScenarioParser.Parse("id: deep\ntitle: " + new string('{', 20_000) + "\n", "deep.yaml");

        Assert.That(result.Diagnostics.Select(d => d.ToString()), Has.Some.Match(@"^deep\.yaml:2:\d+: "));
    }

    [Test]
    public void ScenarioParse_OverOneMebibyte_RefusedBeforeParsing()
    {
        var result = ScenarioParser.Parse("id: big\ndescription: >\n" + string.Concat(Enumerable.Repeat("  words words words\n", 60_000)), "big.yaml");

        Assert.That(result.Diagnostics.Single().ToString(), Does.StartWith("big.yaml:1:1: the file has").And.Contain("at most 1048576"));
    }

    [Test]
    public void ScenarioParse_LineOverSixteenKibibytes_ReportsTheLine()
    {
        var result = ScenarioParser.Parse("id: long\ntitle: " + new string('x', 20_000) + "\n", "long.yaml");

        Assert.That(result.Diagnostics.Single().ToString(), Does.StartWith("long.yaml:2:16385: line 2 has 20007 characters"));
    }

    [TestCase("1" + "00000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000")]
    [TestCase("999999")]
    [TestCase("1000.5")]
    public void ScenarioParse_WeightAboveAThousand_IsAProblemNotANaNScore(string weight)
    {
        var yaml = ShippedScenario.Replace("weight: 10\n", $"weight: {weight}\n", StringComparison.Ordinal);

        var result = ScenarioParser.Parse(yaml, "w.yaml");

        Assert.That(result.Diagnostics.Select(d => d.Message), Has.Some.StartWith("'weight' is at most 1000 points; got"));
    }

    [Test]
    public async Task Validate_FolderWithHopelessAndBrokenFiles_ReportsEveryFile()
    {
        using var dir = new TempDirectory();
        dir.Write("a-deep.yaml", "id: deep\ntitle: " + new string('{', 20_000) + "\n");
        var dangling = dir.File("b-gone.yaml");
        File.CreateSymbolicLink(dangling, dir.File("nowhere.yaml"));
        dir.Write("c-broken.yaml", ShippedScenario.Replace("weight: 10\n", "weight: -1\n", StringComparison.Ordinal));

        var run = await CliRunner.RunAsync("validate", dir.Path);

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.BadInput), run.ToString());
        Assert.That(run.Out, Does.Contain("a-deep.yaml:2:").And.Contain("b-gone.yaml:1:1:").And.Contain("c-broken.yaml:"), run.ToString());
    }

    [TestCase("Europe")]
    [TestCase("../../etc/passwd")]
    [TestCase("Europe/London/Extra")]
    public void CampaignParse_TimeZoneThatIsNoZone_ReportsUnknownTimeZoneAtItsLine(string zone)
    {
        var yaml = DemoCampaign.Replace("time_zone: Europe/London", $"time_zone: {zone}", StringComparison.Ordinal);

        var result = CampaignParser.Parse(yaml, "tz.yaml", ScenarioIds);

        Assert.That(result.Diagnostics.Select(d => d.ToString()), Has.Some.Match(@"^tz\.yaml:\d+:\d+: unknown time zone"));
    }

    [Test]
    public void CampaignParse_HundredKilobyteTimeZone_RefusedWithinASecond()
    {
        var yaml = DemoCampaign.Replace("time_zone: Europe/London", $"time_zone: Europe/{new string('L', 100_000)}", StringComparison.Ordinal)
            .Replace("time_zone: America/Chicago", $"time_zone: America/{new string('C', 15_000)}", StringComparison.Ordinal);
        var timer = Stopwatch.StartNew();

        var result = CampaignParser.Parse(yaml, "tz.yaml", ScenarioIds);

        Assert.That(timer.Elapsed, Is.LessThan(TimeSpan.FromSeconds(1)));
        Assert.That(result.IsValid, Is.False);
    }

    [TestCase("{ from: 9999-12-01, to: 9999-12-31 }")]
    [TestCase("{ from: 0001-01-01, to: 0001-01-07 }")]
    public void CampaignParse_DatesAtTheEndsOfTheCalendar_ReportedOutOfRange(string dates)
    {
        var yaml = DemoCampaign.Replace("dates: { from: 2026-11-23, to: 2026-11-29 }", $"dates: {dates}", StringComparison.Ordinal);

        var result = CampaignParser.Parse(yaml, "d.yaml", ScenarioIds);

        Assert.That(result.Diagnostics.Select(d => d.ToString()), Has.Some.Match(@"^d\.yaml:9:\d+: 'from' .* is out of range; dates run from 2000-01-01 to 2199-12-31"));
    }

    [Test]
    public void CampaignPlan_SmallExampleOfTheDocs_PlansItsCalls()
    {
        var result = CampaignParser.Parse(FuzzCorpus.SmallCampaignOfTheDocs(), "small.yaml", ScenarioIds);
        Assert.That(result.IsValid, Is.True, string.Join("\n", result.Diagnostics));
        var campaign = result.Campaign!;

        var plan = CampaignPlanner.Plan(campaign, new PlanRequest(campaign.From, campaign.To, Seed: 1));

        Assert.That(plan.Problems, Is.Empty, string.Join("\n", plan.Problems));
        Assert.That(plan.Calls, Has.Count.EqualTo(9));
    }

    [Test]
    public void CampaignPlan_NoCallOnItsDates_IsAProblemNotValid()
    {
        // A valid campaign asked for its weekend only (campaign plan --from/--to), when the Leeds site has no period open:
        // nothing opens, nothing is planned, and that is a problem, not a valid plan.
        var result = CampaignParser.Parse(FuzzCorpus.SmallCampaignOfTheDocs(), "none.yaml", ScenarioIds);
        var campaign = result.Campaign;
        Assert.That(campaign, Is.Not.Null, string.Join("\n", result.Diagnostics));

        var plan = CampaignPlanner.Plan(campaign!, new PlanRequest(new DateOnly(2026, 11, 28), new DateOnly(2026, 11, 29), Seed: 1));

        Assert.That(plan.Calls, Is.Empty);
        Assert.That(plan.Problems, Is.Not.Empty, "a plan with no call is never reported as valid");
    }

    [Test]
    public void TranscriptParse_EscapedLoneSurrogate_NamesTheField()
    {
        const string json = """{ "duration": 5, "segments": [ { "speaker": "agent", "start": 0, "end": 1, "text": "hi \ud800" } ] }""";

        var ex = Assert.Throws<TranscriptFormatException>(() => TranscriptJson.Parse(json, "t.json"));

        Assert.That(ex!.Message, Does.StartWith("t.json: segments[0].text: the text holds an unpaired surrogate"));
    }

    [TestCase("{ \"duration\": 5,\n  \"segments\": [ { \"spea\\ud800ker\": \"agent\", \"start\": 0, \"end\": 1, \"text\": \"hi\" } ] }", "2:24")]
    [TestCase("{ \"duration\": 5,\n  \"\\ud800segments\": [ ] }", "2:4")]
    public void TranscriptParse_LoneSurrogateInAFieldName_NamesLineAndColumn(string json, string position)
    {
        var ex = Assert.Throws<TranscriptFormatException>(() => TranscriptJson.Parse(json, "t.json"));

        Assert.That(ex!.Message, Does.StartWith($"t.json:{position}: malformed text: an unpaired surrogate escape"));
    }

    [Test]
    public void TranscriptParse_RawLoneSurrogate_NamesLineAndColumn()
    {
        var json = "{ \"duration\": 5,\n  \"segments\": [ { \"speaker\": \"agent\", \"start\": 0, \"end\": 1, \"text\": \"hi \uD800\" } ] }";

        var ex = Assert.Throws<TranscriptFormatException>(() => TranscriptJson.Parse(json, "t.json"));

        Assert.That(ex!.Message, Does.StartWith("t.json:2:73: malformed text: U+D800"));
    }

    [Test]
    public void TranscriptParse_AnsweredAfterTheEnd_RefusedWithTheReason()
    {
        const string json = """{ "answeredAfter": 120, "duration": 60, "segments": [ { "speaker": "agent", "start": 0, "end": 50, "text": "hello" } ] }""";

        var ex = Assert.Throws<TranscriptFormatException>(() => TranscriptJson.Parse(json, "t.json"));

        Assert.That(ex!.Message, Is.EqualTo("t.json: answeredAfter: the call is answered at 120 s, after it ends at 60 s"));
    }

    [Test]
    public void TranscriptParse_WordOutsideItsSegment_RefusedWithTheReason()
    {
        const string json = """{ "duration": 60, "segments": [ { "speaker": "agent", "start": 10, "end": 12, "text": "hello", "words": [ { "text": "hello", "start": 30, "end": 31 } ] } ] }""";

        var ex = Assert.Throws<TranscriptFormatException>(() => TranscriptJson.Parse(json, "t.json"));

        Assert.That(ex!.Message, Does.StartWith("t.json: segments[0].words[0]: the word at 30–31 s lies outside its segment (10–12 s)"));
    }

    [Test]
    public void TranscriptParse_SegmentAfterTheDuration_RefusedWithTheReason()
    {
        const string json = """{ "duration": 60, "segments": [ { "speaker": "agent", "start": 10, "end": 75, "text": "hello" } ] }""";

        var ex = Assert.Throws<TranscriptFormatException>(() => TranscriptJson.Parse(json, "t.json"));

        Assert.That(ex!.Message, Does.StartWith("t.json: segments[0].end: the segment ends at 75 s, after the call's duration of 60 s"));
    }

    [TestCase(1u)]
    [TestCase(7u)]
    [TestCase(3999u)]
    [TestCase(384000u)]
    [TestCase(4294967295u)]
    public void WavParse_SampleRateOutOfRange_RefusedWithTheRateAsWritten(uint rate)
    {
        var bytes = TwoChannelWav(frames: 800);
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(24), rate);
        var timer = Stopwatch.StartNew();

        var ex = Assert.Throws<WavFormatException>(() => WavFile.Parse(bytes, "r.wav"));

        Assert.That(ex!.Message, Is.EqualTo($"r.wav: the header declares a sample rate of {rate} Hz; recordings here are 4000 to 192000 Hz"));
        Assert.That(timer.Elapsed, Is.LessThan(TimeSpan.FromSeconds(1)));
    }

    [Test]
    public void WavParse_NoAudio_RefusedInsteadOfScored()
    {
        var ex = Assert.Throws<WavFormatException>(() => WavFile.Parse(TwoChannelWav(frames: 0), "empty.wav"));

        Assert.That(ex!.Message, Does.StartWith("empty.wav: no audio"));
    }

    [Test]
    public void WavParse_ChunkSizeNearFourGibibytes_RefusedAsTruncated()
    {
        var bytes = TwoChannelWav(frames: 10);
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(40), 0xFFFFFFF0);

        var ex = Assert.Throws<WavFormatException>(() => WavFile.Parse(bytes, "huge.wav"));

        Assert.That(ex!.Message, Does.StartWith("huge.wav: truncated: the data chunk declares 4294967280 bytes"));
    }

    [Test]
    public void WavRead_FileOverTwoGibibytes_RefusedByItsLengthBeforeReading()
    {
        using var dir = new TempDirectory();
        var path = dir.File("huge.wav");
        using (var file = new FileStream(path, FileMode.CreateNew))
        {
            // A real header, then a sparse 3 GB: the length is set, no gigabytes are written.
            file.Write(TwoChannelWav(frames: 10));
            file.SetLength(3L * 1024 * 1024 * 1024);
        }

        var timer = Stopwatch.StartNew();

        var ex = Assert.Throws<WavFormatException>(() => WavFile.Read(path));

        Assert.That(ex!.Message, Does.StartWith($"{path}: too large: the file has 3221225472 bytes (its header declares 84 bytes); a recording read here is at most 2147483591 bytes"));
        Assert.That(timer.Elapsed, Is.LessThan(TimeSpan.FromSeconds(1)), "refused without reading the file");
    }

    [Test]
    public async Task UnexpectedException_AtTheTopLevel_IsOneLineWithoutStackTrace()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var thrown = CaptureThrown(new InvalidOperationException("the sky fell\nsecond line"));

        await QaShopperCli.ReportUnexpectedAsync(thrown, "campaign plan", verbose: false, new CliConsole(output, error, interactive: false));

        Assert.That(error.ToString(), Is.EqualTo("qashopper: campaign plan failed: the sky fell (InvalidOperationException); run with --verbose for the details" + Environment.NewLine));
    }

    [Test]
    public async Task UnexpectedException_WithVerbose_AddsTheStackTrace()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var thrown = CaptureThrown(new InvalidOperationException("the sky fell"));

        await QaShopperCli.ReportUnexpectedAsync(thrown, "score", verbose: true, new CliConsole(output, error, interactive: false));

        Assert.That(error.ToString(), Does.StartWith("qashopper: score failed: the sky fell (InvalidOperationException)").And.Contain(nameof(CaptureThrown)));
    }

    private static InvalidOperationException CaptureThrown(InvalidOperationException exception)
    {
        try
        {
            throw exception;
        }
        catch (InvalidOperationException ex)
        {
            return ex;
        }
    }

    private static byte[] TwoChannelWav(int frames) => WavFile.Encode(8000, [new float[frames], new float[frames]], WavEncoding.Pcm16);
}
