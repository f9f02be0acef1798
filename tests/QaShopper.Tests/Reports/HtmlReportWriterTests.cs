using QaShopper.Core.Reports;
using QaShopper.Core.Results;
using QaShopper.Core.Scenarios;
using QaShopper.Reports;

namespace QaShopper.Tests.Reports;

public sealed class HtmlReportWriterTests
{
    private static readonly DateTimeOffset Monday = new(2026, 11, 16, 9, 0, 0, TimeSpan.Zero);

    [Test]
    public void Render_TwoAgents_ShowsScoresGradesAndItemPassRates()
    {
        var reports = AgentReportBuilder.Build(
        [
            Call("c1", "sarah", 95, Grade.Excellent, ("greeting", ItemOutcome.Passed), ("closing", ItemOutcome.Failed)),
            Call("c2", "sarah", 85, Grade.Good, ("greeting", ItemOutcome.Passed), ("closing", ItemOutcome.Passed)),
            Call("c3", "tom", 40, Grade.Fail, ("greeting", ItemOutcome.Failed), ("closing", ItemOutcome.Failed)),
        ]);

        var html = HtmlReportWriter.Render(reports, [new AgentRecord("sarah", "Sarah Lee", "S-101", "London")], Monday, "demo");

        Assert.That(html, Does.StartWith("<!DOCTYPE html>"));
        Assert.That(html, Does.Contain("Sarah Lee (sarah)").And.Contain("London"));
        Assert.That(html, Does.Contain(">90.0<"), "sarah's average");
        Assert.That(html, Does.Contain(">50%<"), "sarah's closing pass rate");
        Assert.That(html, Does.Contain("title=\"0 passed, 1 failed, 0 uncertain\""), "tom's greeting cell");
        Assert.That(html, Does.Contain("<b>3</b>scored calls"));
    }

    [Test]
    public void Render_AgentNameWithMarkup_IsEscaped()
    {
        var reports = AgentReportBuilder.Build([Call("c1", "x", 60, Grade.Pass)]);

        var html = HtmlReportWriter.Render(reports, [new AgentRecord("x", "<script>alert(1)</script>", null, null)], Monday, null);

        Assert.That(html, Does.Not.Contain("<script>"));
    }

    [Test]
    public void Render_HostileAgentNameAndItemId_AreHtmlEncodedEverywhere()
    {
        const string agent = "<script>alert(1)</script>";
        const string item = "say \"hi\" & <b>smile</b>";
        var reports = AgentReportBuilder.Build([Call("c1", "x", 60, Grade.Pass, (item, ItemOutcome.Failed))]);

        var html = HtmlReportWriter.Render(reports, [new AgentRecord("x", agent, "S-1", "A & B \"site\"")], Monday, "<i>q3</i>");

        Assert.Multiple(() =>
        {
            Assert.That(html, Does.Not.Contain("<script>").And.Not.Contain("<b>smile").And.Not.Contain("<i>q3"));
            Assert.That(html, Does.Contain("&lt;script&gt;alert(1)&lt;/script&gt; (x)"), "agent name");
            Assert.That(html, Does.Contain("say &quot;hi&quot; &amp; &lt;b&gt;smile&lt;/b&gt;"), "item id, in headings and weakest items");
            Assert.That(html, Does.Contain("A &amp; B &quot;site&quot;"), "site");
            Assert.That(html, Does.Contain("&lt;i&gt;q3&lt;/i&gt;"), "subtitle");
            Assert.That(html, Does.Contain("<td class=\"r1\" title=\"0 passed, 1 failed, 0 uncertain\">0%</td>"), "the template's own markup is not encoded");
        });
    }

    [Test]
    public void Write_CreatesTheFolderAndFile()
    {
        using var dir = new Support.TempDirectory();
        var path = Path.Combine(dir.Path, "reports", "index.html");

        HtmlReportWriter.Write(path, AgentReportBuilder.Build([Call("c1", "x", 60, Grade.Pass)]), [], Monday);

        Assert.That(File.ReadAllText(path), Does.Contain("Test calls per agent"));
    }

    private static StoredCall Call(string id, string agent, double score, Grade grade, params (string Id, ItemOutcome Outcome)[] items)
    {
        var results = items.Select(i => new ItemResult(i.Id, i.Outcome, 10, false, Evidence.Because("test"))).ToList();
        var callScore = new CallScore("s", "hash", agent, score, grade, false, results);
        var record = new CallRecord(id, "s", "hash", agent, "simulated", Monday, CallStatus.Completed, 5, 60, null, null, new Dictionary<string, string>());
        return new StoredCall(record, callScore, Monday);
    }
}
