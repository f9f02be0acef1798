using QaShopper.Cli;
using QaShopper.Commands;
using QaShopper.Core.Reports;
using QaShopper.Core.Results;
using QaShopper.Core.Scenarios;

namespace QaShopper.Tests.Cli;

public sealed class ReportCommandCsvTests
{
    private static readonly DateTimeOffset Monday = new(2026, 11, 16, 9, 0, 0, TimeSpan.Zero);

    [Test]
    public void WriteCsv_FieldsWithCommaQuoteAndNewline_AreQuoted()
    {
        var csv = WriteCsv(Call("c1", "smith, \"jo\"\nline2", 60, Grade.Pass, ("greets, warmly", ItemOutcome.Failed)));

        Assert.That(csv, Does.Contain("\"smith, \"\"jo\"\"\nline2\",1,60.0,"));
        Assert.That(csv, Does.EndWith(",\"greets, warmly\"" + Environment.NewLine).Or.EndWith(",\"greets, warmly\"\r\n"));
    }

    [TestCase("=HYPERLINK(\"http://x\")", "\"'=HYPERLINK(\"\"http://x\"\")\"")]
    [TestCase("+441234", "\"'+441234\"")]
    [TestCase("-2+3", "\"'-2+3\"")]
    [TestCase("@SUM(A1)", "\"'@SUM(A1)\"")]
    public void WriteCsv_AgentIdLikeAFormula_IsEscapedAsText(string agent, string expectedField)
    {
        var csv = WriteCsv(Call("c1", agent, 60, Grade.Pass));

        var row = csv.Split('\n')[1];
        Assert.That(row, Does.StartWith(expectedField + ",1,60.0,"));
    }

    [Test]
    public void WriteCsv_PlainAgentId_IsNotQuoted()
    {
        var csv = WriteCsv(Call("c1", "sarah", 95, Grade.Excellent, ("greeting", ItemOutcome.Failed)));

        Assert.That(csv.Split('\n')[1].TrimEnd('\r'), Is.EqualTo("sarah,1,95.0,1,0,0,0,0,greeting"));
    }

    private static string WriteCsv(params StoredCall[] calls)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        ReportCommand.Write(AgentReportBuilder.Build(calls), "csv", new CliConsole(output, error, interactive: false));
        return output.ToString();
    }

    private static StoredCall Call(string id, string agent, double score, Grade grade, params (string Id, ItemOutcome Outcome)[] items)
    {
        var results = items.Select(i => new ItemResult(i.Id, i.Outcome, 10, false, Evidence.Because("test"))).ToList();
        var callScore = new CallScore("s", "hash", agent, score, grade, false, results);
        var record = new CallRecord(id, "s", "hash", agent, "simulated", Monday, CallStatus.Completed, 5, 60, null, null, new Dictionary<string, string>());
        return new StoredCall(record, callScore, Monday);
    }
}
