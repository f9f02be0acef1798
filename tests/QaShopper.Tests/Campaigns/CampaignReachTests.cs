using QaShopper.Cli;
using QaShopper.Core.Campaigns;
using QaShopper.Rendering;
using QaShopper.Web.Api;
using QaShopper.Web.Campaigns;

namespace QaShopper.Tests.Campaigns;

/// <summary>
/// A call the recogniser could not put a name to still reached someone on its line: the campaign status keeps
/// "reached but not identified" apart from "not tested", in the status, the CLI and the API.
/// </summary>
public sealed class CampaignReachTests
{
    private const string Bristol1 = "+441170000001";
    private const string Bristol2 = "+441170000002";
    private const string Bristol3 = "+441170000003";
    private static readonly DateOnly Monday = new(2026, 3, 2);
    private static readonly DateTimeOffset Wednesday = new(2026, 3, 4, 12, 0, 0, TimeSpan.Zero);

    private static readonly Campaign Bristol = CampaignTestKit.Campaign(from: Monday) with
    {
        Lines =
        [
            new TargetLine(Bristol1, "leeds", ["owen", "fiona", "grace"], []),
            new TargetLine(Bristol2, "leeds", ["victor", "sarah"], []),
            new TargetLine(Bristol3, "leeds", ["ursula"], []),
        ],
    };

    [Test]
    public void Build_UnidentifiedCompletedCallOnALine_MakesThatLinesUntestedAgentsPossiblyReachedNotUntested()
    {
        var status = CampaignStatus.Build(Bristol, [Completed("c1", Bristol1, null), Completed("c2", Bristol1, null)], Wednesday);

        Assert.That(status.PossiblyReachedAgents, Is.EqualTo(new[] { "fiona", "grace", "owen" }));
        Assert.That(status.NotTestedAgents, Has.None.AnyOf("fiona", "grace", "owen"));
        var line = status.UnidentifiedCallsThisWeek.Single();
        Assert.That((line.SiteId, line.Line, line.Calls, line.RosterKnown), Is.EqualTo(("leeds", Bristol1, 2, true)));
        Assert.That(line.PossibleAgents, Is.EqualTo(status.PossiblyReachedAgents));
    }

    [Test]
    public void Build_AgentWhoseLinesHadNoCompletedCallThatCouldBeTheirs_IsNotTested()
    {
        var calls = new[]
        {
            Completed("c1", Bristol1, null),
            Completed("c2", Bristol2, null) with { State = CampaignCallState.NoAnswer },
            Completed("c3", Bristol3, null, Monday.AddDays(-7)),
        };

        var status = CampaignStatus.Build(Bristol, calls, Wednesday);

        Assert.That(status.NotTestedAgents, Is.EqualTo(new[] { "sarah", "ursula", "victor" }), "an unanswered call, or last week's, reached no one this week");
        Assert.That(status.UnidentifiedCallsThisWeek.Select(l => l.Line), Is.EqualTo(new[] { Bristol1 }));
    }

    [Test]
    public void Build_AgentIdentifiedInACall_IsTestedAndNotNamedAsAMaybe()
    {
        var status = CampaignStatus.Build(Bristol, [Completed("c1", Bristol1, "grace"), Completed("c2", Bristol1, null)], Wednesday);

        Assert.That(status.UntestedAgents, Does.Not.Contain("grace"));
        Assert.That(status.PossiblyReachedAgents, Is.EqualTo(new[] { "fiona", "owen" }));
        Assert.That(status.NotTestedAgents, Does.Not.Contain("grace"));
    }

    [Test]
    public void Build_UntestedAgents_KeepsListingEveryAgentNotIdentified_PossiblyReachedAndNotTestedTogether()
    {
        var status = CampaignStatus.Build(Bristol, [Completed("c1", Bristol1, null), Completed("c2", Bristol2, "sarah")], Wednesday);

        Assert.That(status.UntestedAgents, Is.EquivalentTo(status.PossiblyReachedAgents.Concat(status.NotTestedAgents)));
        Assert.That(status.NotTestedAgents, Is.EqualTo(new[] { "ursula", "victor" }));
    }

    [Test]
    public void Build_UnidentifiedCallOnALineWhoseAgentsWereAllIdentified_IsCountedWithNoOneToName()
    {
        var status = CampaignStatus.Build(Bristol, [Completed("c1", Bristol3, "ursula"), Completed("c2", Bristol3, null)], Wednesday);

        var line = status.UnidentifiedCallsThisWeek.Single();
        Assert.That((line.Calls, line.PossibleAgents.Count), Is.EqualTo((1, 0)));
        Assert.That(ReachWording.Describe(line), Is.EqualTo($"1 call on leeds line {Bristol3} (every agent of the line was identified in another call)"));
    }

    [Test]
    public void Describe_SeveralCalls_NamesTheLineAndWhoCouldBeAmongThem()
    {
        var line = new UnidentifiedLineCalls("bristol", Bristol1, 2, ["fiona", "grace", "owen"], RosterKnown: true);

        Assert.That(ReachWording.Describe(line), Is.EqualTo($"2 calls on bristol line {Bristol1} (fiona, grace, owen could be among them)"));
    }

    [Test]
    public void StatusText_ShowsReachedButNotIdentifiedApartFromNotTested()
    {
        var status = CampaignStatus.Build(Bristol, [Completed("c1", Bristol1, null), Completed("c2", Bristol1, null), Completed("c3", Bristol2, "sarah")], Wednesday);
        using var output = new StringWriter();

        CampaignStatusRenderer.Write(status, Scheduled(), new CliConsole(output, TextWriter.Null, interactive: false).Rich, listCalls: false);

        var lines = output.ToString().Split('\n').Select(l => l.TrimEnd()).ToList();
        Assert.That(lines, Does.Contain($"Reached but not identified in the week from 2026-03-02: 2 calls on leeds line {Bristol1} (fiona, grace, owen could be among them)."));
        Assert.That(lines, Does.Contain("Not tested in the week from 2026-03-02 (2): ursula, victor"));
    }

    [Test]
    public void StatusApi_AddsNotTestedPossiblyReachedAndUnidentifiedCalls_AndKeepsAgentsNotReached()
    {
        var status = CampaignStatus.Build(Bristol, [Completed("c1", Bristol1, null), Completed("c2", Bristol2, "sarah")], Wednesday);

        var response = CampaignApi.Status(new CampaignSummary(Scheduled(), status));

        Assert.That(response.AgentsNotReached, Is.EqualTo(status.UntestedAgents));
        Assert.That(response.AgentsNotTested, Is.EqualTo(new[] { "ursula", "victor" }));
        Assert.That(response.AgentsPossiblyReached, Is.EqualTo(new[] { "fiona", "grace", "owen" }));
        var line = response.UnidentifiedCallsThisWeek.Single();
        Assert.That((line.Line, line.Calls, line.Text), Is.EqualTo((Bristol1, 1, ReachWording.Describe(status.UnidentifiedCallsThisWeek[0]))));
        var fiona = response.Agents.Single(a => a.AgentId == "fiona");
        var victor = response.Agents.Single(a => a.AgentId == "victor");
        Assert.That((fiona.PossiblyReached, fiona.NotTested, fiona.ReachNote), Is.EqualTo((true, false, "maybe reached, not identified")));
        Assert.That((victor.PossiblyReached, victor.NotTested, victor.ReachNote), Is.EqualTo((false, true, "not tested yet")));
    }

    private static ScheduledCampaign Scheduled() => new(Bristol, "campaign: acme", 42, Wednesday, "now", new Dictionary<string, string>());

    private static CampaignCall Completed(string callId, string line, string? agentId, DateOnly? date = null)
    {
        var day = date ?? Monday.AddDays(1);
        var at = new DateTimeOffset(day.ToDateTime(new TimeOnly(10, 0)), TimeSpan.Zero);
        var planned = CampaignTestKit.Call(callId, at, at.AddHours(1)) with { Line = line };
        return new CampaignCall(planned, CampaignCallState.Completed, 1, callId, at, null, agentId);
    }
}
