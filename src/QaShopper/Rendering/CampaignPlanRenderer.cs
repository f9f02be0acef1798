using System.Globalization;
using QaShopper.Core.Campaigns;
using Spectre.Console;

namespace QaShopper.Rendering;

/// <summary>Shows a plan as a QA manager reads it: per site, a day × period table of call counts, then every call.</summary>
internal static class CampaignPlanRenderer
{
    public static void Write(CampaignPlan plan, IAnsiConsole console, bool listCalls)
    {
        var campaign = plan.Campaign;
        console.MarkupLine($"[bold]{Markup.Escape(campaign.Name)}[/] ({Markup.Escape(campaign.Id)}): {plan.Calls.Count} calls, {plan.From:yyyy-MM-dd} to {plan.To:yyyy-MM-dd}");
        foreach (var site in campaign.Sites)
        {
            WriteSiteTable(plan, site, console);
        }

        if (listCalls && plan.Calls.Count > 0)
        {
            WriteCallList(plan, console);
        }
    }

    private static void WriteSiteTable(CampaignPlan plan, CampaignSite site, IAnsiConsole console)
    {
        var calls = plan.Calls.Where(c => c.SiteId == site.Id).ToList();
        var table = new Table { Title = new TableTitle($"{site.Id} ({site.TimeZone.Id}): {calls.Count} calls, local dates") };
        table.AddColumn("day");
        foreach (var period in site.Periods)
        {
            table.AddColumn(new TableColumn(Markup.Escape(period.Name)).RightAligned());
        }

        table.AddColumn(new TableColumn("total").RightAligned());
        for (var date = plan.From; date <= plan.To; date = date.AddDays(1))
        {
            var row = new List<string> { date.ToString("ddd yyyy-MM-dd", CultureInfo.InvariantCulture) };
            foreach (var period in site.Periods)
            {
                var open = ServiceCalendar.Occurrence(site, period, date) is not null;
                var count = calls.Count(c => c.LocalDate == date && c.Period == period.Name);

                // A dot marks a period that does not open that day, so a zero means "open but not sampled".
                row.Add(open ? count.ToString(CultureInfo.InvariantCulture) : "·");
            }

            row.Add(calls.Count(c => c.LocalDate == date).ToString(CultureInfo.InvariantCulture));
            table.AddRow(row.Select(Markup.Escape).ToArray());
        }

        var totals = new List<string> { "total" };
        totals.AddRange(site.Periods.Select(p => calls.Count(c => c.Period == p.Name).ToString(CultureInfo.InvariantCulture)));
        totals.Add(calls.Count.ToString(CultureInfo.InvariantCulture));
        table.AddRow(totals.ToArray());
        console.Write(table);
    }

    private static void WriteCallList(CampaignPlan plan, IAnsiConsole console)
    {
        var table = new Table { Title = new TableTitle("planned calls (site-local time)") };
        foreach (var column in new[] { "call", "local time", "utc", "site", "period", "line", "scenario", "caller id", "voice" })
        {
            // A wrapped call id or scenario name cannot be copied into the next command.
            table.AddColumn(new TableColumn(column).NoWrap());
        }

        foreach (var call in plan.Calls)
        {
            var site = plan.Campaign.Site(call.SiteId);
            var local = TimeZoneInfo.ConvertTime(call.At, site.TimeZone);
            table.AddRow(
                Markup.Escape(call.CallId),
                local.ToString("ddd yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
                call.At.ToString("HH:mm:ss'Z'", CultureInfo.InvariantCulture),
                Markup.Escape(call.SiteId),
                Markup.Escape(call.Period),
                Markup.Escape(call.Line),
                Markup.Escape(call.ScenarioId),
                Markup.Escape(call.CallerNumber),
                Markup.Escape(call.CallerVoice ?? "-"));
        }

        console.Write(table);
    }
}
