using System.Globalization;
using QaShopper.Core.Campaigns;
using Spectre.Console;

namespace QaShopper.Rendering;

/// <summary>Shows where a campaign stands: counts by state, per period and per agent, agents reached but not identified and not tested, every call.</summary>
internal static class CampaignStatusRenderer
{
    private static readonly CampaignCallState[] States = Enum.GetValues<CampaignCallState>();

    public static void Write(CampaignStatus status, ScheduledCampaign scheduled, IAnsiConsole console, bool listCalls)
    {
        var done = status.Calls.Count(c => c.State.IsFinal());
        console.MarkupLine($"[bold]{Markup.Escape(status.Name)}[/] ({Markup.Escape(status.CampaignId)}), scheduled {scheduled.StartedAt:yyyy-MM-dd HH:mm}Z, mode {Markup.Escape(scheduled.Mode)}, seed {scheduled.Seed}");
        console.WriteLine($"{status.Calls.Count} planned calls: {done} done, {status.Calls.Count - done} pending; " +
            string.Join(", ", States.Where(s => status.ByState[s] > 0).Select(s => $"{Name(s)} {status.ByState[s]}")));

        var periods = new Table { Title = new TableTitle("per service period") };
        periods.AddColumn("site");
        periods.AddColumn("period");
        AddStateColumns(periods);
        foreach (var row in status.ByPeriod)
        {
            periods.AddRow([Markup.Escape(row.SiteId), Markup.Escape(row.Period), .. StateCells(row.ByState)]);
        }

        console.Write(periods);

        if (status.ByAgent.Count > 0)
        {
            var agents = new Table { Title = new TableTitle("per agent who answered") };
            agents.AddColumn("agent");
            AddStateColumns(agents);
            foreach (var row in status.ByAgent)
            {
                agents.AddRow([Markup.Escape(row.AgentId), .. StateCells(row.ByState)]);
            }

            console.Write(agents);
        }

        WriteReach(status, console);

        if (listCalls)
        {
            WriteCalls(status, scheduled.Campaign, console);
        }
    }

    /// <summary>
    /// Who was tested this week, keeping "reached but not identified" apart from "not tested": an agent whose line had a
    /// call the recogniser could not put a name to may well have answered it.
    /// </summary>
    private static void WriteReach(CampaignStatus status, IAnsiConsole console)
    {
        var week = $"the week from {status.WeekStart:yyyy-MM-dd}";
        if (status.UntestedAgents.Count == 0)
        {
            console.WriteLine($"Every roster agent has a completed test call in {week}.");
        }

        if (status.UnidentifiedCallsThisWeek.Count > 0)
        {
            console.WriteLine($"Reached but not identified in {week}: {ReachWording.Describe(status.UnidentifiedCallsThisWeek)}.");
        }

        if (status.UntestedAgents.Count > 0)
        {
            var notTested = status.NotTestedAgents;
            console.WriteLine(notTested.Count == 0
                ? $"Not tested in {week}: none (every agent not identified could be among the calls above)."
                : $"Not tested in {week} ({notTested.Count}): {string.Join(", ", notTested)}");
        }
    }

    private static void WriteCalls(CampaignStatus status, Campaign campaign, IAnsiConsole console)
    {
        var table = new Table { Title = new TableTitle("calls (planned site-local time)") };
        foreach (var column in new[] { "call", "planned", "site", "period", "line", "scenario", "state", "tries", "agent", "score", "reason" })
        {
            table.AddColumn(new TableColumn(column).NoWrap());
        }

        foreach (var call in status.Calls)
        {
            var local = TimeZoneInfo.ConvertTime(call.Call.At, campaign.Site(call.Call.SiteId).TimeZone);
            table.AddRow(
                Markup.Escape(call.Call.CallId),
                local.ToString("ddd MM-dd HH:mm", CultureInfo.InvariantCulture),
                Markup.Escape(call.Call.SiteId),
                Markup.Escape(call.Call.Period),
                Markup.Escape(call.Call.Line),
                Markup.Escape(call.Call.ScenarioId),
                Name(call.State),
                call.Attempts.ToString(CultureInfo.InvariantCulture),
                Markup.Escape(call.AgentId ?? ""),
                call.Score?.ToString("0.0", CultureInfo.InvariantCulture) ?? "",
                Markup.Escape(call.Reason ?? ""));
        }

        console.Write(table);
    }

    private static void AddStateColumns(Table table)
    {
        foreach (var state in States)
        {
            table.AddColumn(new TableColumn(Name(state)).RightAligned());
        }
    }

    private static string[] StateCells(IReadOnlyDictionary<CampaignCallState, int> counts) =>
        [.. States.Select(s => counts.TryGetValue(s, out var n) ? n.ToString(CultureInfo.InvariantCulture) : "0")];

    /// <summary>The state as users write it: <c>no-answer</c>, not <c>NoAnswer</c>.</summary>
    public static string Name(CampaignCallState state) => state switch
    {
        CampaignCallState.NoAnswer => "no-answer",
        _ => state.ToString().ToLowerInvariant(),
    };
}
