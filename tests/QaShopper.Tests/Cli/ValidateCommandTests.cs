using QaShopper.Tests.Support;

namespace QaShopper.Tests.Cli;

public sealed class ValidateCommandTests
{
    [Test]
    public async Task Validate_ShippedScenarios_ExitsZero()
    {
        var run = await CliRunner.RunAsync("validate", RepoPaths.Combine("scenarios"));

        Assert.That(run.ExitCode, Is.Zero, run.ToString());
        Assert.That(run.Out, Is.Empty);
    }

    [Test]
    public async Task Validate_BrokenFile_PrintsPositionedProblemsAndExitsOne()
    {
        using var dir = new TempDirectory();
        var file = dir.Write("broken.yaml", """
            id: Broken_Id
            title: Broken
            locale: en-US
            script:
              - say: "Hello {{missing}}"
            checklist:
              - id: greeting
                text: Greets
                weight: -5
                match: { any: ["hello"] }
                within: ten seconds
            """);

        var run = await CliRunner.RunAsync("validate", file);

        Assert.That(run.ExitCode, Is.EqualTo(1), run.ToString());
        var lines = run.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.That(lines, Has.Length.GreaterThanOrEqualTo(4), run.ToString());
        Assert.That(lines, Has.All.Match(@"^.+broken\.yaml:\d+:\d+: .+"));
        Assert.That(lines, Has.Some.StartsWith($"{file}:1:"), "the id problem is on line 1");
        Assert.That(lines, Has.Some.StartsWith($"{file}:5:").And.Contains("missing"), "the unknown variable is on line 5");
        Assert.That(lines, Has.Some.StartsWith($"{file}:9:"), "the negative weight is on line 9");
        Assert.That(lines, Has.Some.StartsWith($"{file}:11:"), "the bad duration is on line 11");
    }

    [Test]
    public async Task Validate_MissingPath_ExitsTwo()
    {
        var run = await CliRunner.RunAsync("validate", "/nonexistent/scenarios");

        Assert.That(run.ExitCode, Is.EqualTo(2));
        Assert.That(run.Error, Does.Contain("/nonexistent/scenarios"));
    }

    [Test]
    public async Task Validate_DuplicateScenarioIdsAcrossFiles_ExitsOne()
    {
        using var dir = new TempDirectory();
        const string Yaml = """
            id: same-id
            title: Twice
            locale: en-US
            script:
              - hangup
            checklist:
              - id: answer
                text: Answers
                weight: 1
                answered_within: 18s
            """;
        dir.Write("a.yaml", Yaml);
        dir.Write("b.yaml", Yaml);

        var run = await CliRunner.RunAsync("validate", dir.Path);

        Assert.That(run.ExitCode, Is.EqualTo(1), run.ToString());
        Assert.That(run.Out, Does.Contain("b.yaml:1:").And.Contain("same-id"));
    }

    [Test]
    public async Task UnknownOption_ExitsTwoWithUsageHint()
    {
        var run = await CliRunner.RunAsync("report", "--no-such-option");

        Assert.That(run.ExitCode, Is.EqualTo(2));
        Assert.That(run.Error, Does.Contain("--help"));
    }

    [TestCase("demo", "--calls", "0")]
    [TestCase("eval", "--concurrency", "0")]
    [TestCase("eval", "--calls", "20000")]
    public async Task CallBatch_OutOfRange_ExitsTwoNamingTheOption(string command, string option, string value)
    {
        var run = await CliRunner.RunAsync(command, option, value);

        Assert.That(run.ExitCode, Is.EqualTo(2));
        Assert.That(run.Error, Does.Contain(option));
    }

    [Test]
    public void CallBatch_Defaults_AreValid()
    {
        var root = QaShopper.Cli.QaShopperCli.BuildRoot(new QaShopper.Cli.CliConsole(TextWriter.Null, TextWriter.Null, false));

        Assert.That(root.Parse(["eval"]).Errors, Is.Empty);
        Assert.That(root.Parse(["demo"]).Errors, Is.Empty);
    }
}
