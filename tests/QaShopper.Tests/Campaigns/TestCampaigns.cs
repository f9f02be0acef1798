using System.Globalization;
using QaShopper.Core.Campaigns;

namespace QaShopper.Tests.Campaigns;

/// <summary>
/// Campaigns built in code for the planner's tests and benchmark (this file is linked into bench/, so no NUnit here):
/// the demo week, one-site campaigns around daylight-saving changes, and a large generated call centre.
/// </summary>
public static class TestCampaigns
{
    public static readonly DateOnly Monday = new(2026, 11, 23);

    public static readonly IReadOnlySet<DayOfWeek> Weekdays = new HashSet<DayOfWeek>
    {
        DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday,
    };

    public static readonly IReadOnlySet<DayOfWeek> Daily = new HashSet<DayOfWeek>(Enum.GetValues<DayOfWeek>());

    public static readonly IReadOnlySet<DayOfWeek> Saturday = new HashSet<DayOfWeek> { DayOfWeek.Saturday };

    public static readonly IReadOnlySet<DayOfWeek> MondayToSaturday = new HashSet<DayOfWeek>(Weekdays) { DayOfWeek.Saturday };

    public static readonly IReadOnlySet<DayOfWeek> Weekend = new HashSet<DayOfWeek> { DayOfWeek.Saturday, DayOfWeek.Sunday };

    // Zones on five continents, with and without daylight saving, one with a half-hour offset.
    private static readonly string[] Zones =
    [
        "Europe/London", "America/Chicago", "Asia/Manila", "Australia/Sydney", "Africa/Johannesburg",
        "America/Sao_Paulo", "Asia/Kolkata", "Europe/Berlin", "America/New_York", "Asia/Tokyo",
    ];

    public static TimeZoneInfo Zone(string id) => TimeZoneInfo.FindSystemTimeZoneById(id);

    /// <summary>A local window from "HH:mm" texts.</summary>
    public static DailyWindow Window(string from, string to) => new(Time(from), Time(to));

    public static ServicePeriod Period(string name, IReadOnlySet<DayOfWeek> days, string from, string to) => new(name, days, Window(from, to));

    /// <summary>The demo week (scenarios/campaigns/demo-week.yaml) as objects.</summary>
    public static Campaign DemoWeek()
    {
        var leeds = new CampaignSite(
            "leeds",
            Zone("Europe/London"),
            [new WeeklyWindow(Weekdays, Window("08:00", "20:00")), new WeeklyWindow(Saturday, Window("09:00", "17:00"))],
            [new DateOnly(2026, 12, 25), new DateOnly(2026, 12, 26)],
            [new Closure(new DateTime(2026, 11, 25, 12, 0, 0), new DateTime(2026, 11, 25, 13, 0, 0), "monthly team briefing")],
            [
                Period("shift-start", Weekdays, "08:00", "08:45"),
                Period("peak", Weekdays, "09:00", "11:00"),
                Period("before-lunch", Weekdays, "11:30", "12:30"),
                Period("after-lunch", Weekdays, "13:30", "14:30"),
                Period("shift-handover", Weekdays, "14:45", "15:15"),
                Period("quiet", MondayToSaturday, "15:30", "16:45"),
                Period("shift-end", Weekdays, "19:15", "20:00"),
            ]);
        var chicago = new CampaignSite(
            "chicago",
            Zone("America/Chicago"),
            [new WeeklyWindow(Weekdays, Window("07:00", "19:00"))],
            [new DateOnly(2026, 11, 26)],
            [],
            [
                Period("shift-start", Weekdays, "07:00", "07:45"),
                Period("peak", Weekdays, "10:00", "12:00"),
                Period("after-lunch", Weekdays, "13:00", "14:00"),
                Period("shift-end", Weekdays, "18:15", "19:00"),
            ]);
        var manila = new CampaignSite(
            "manila",
            Zone("Asia/Manila"),
            [new WeeklyWindow(Daily, Window("06:00", "22:00"))],
            [],
            [],
            [
                Period("shift-start", Daily, "06:00", "06:45"),
                Period("peak", Weekdays, "09:00", "11:30"),
                Period("shift-handover", Daily, "13:45", "14:15"),
                Period("quiet", Weekend, "15:00", "17:00"),
                Period("shift-end", Daily, "21:15", "22:00"),
            ]);

        string[] leedsAgents = ["sarah", "james", "helen", "peter", "laura"];
        string[] chicagoAgents = ["david", "maria", "daniel", "rachel"];
        string[] manilaAgents = ["michael", "anna", "thomas", "karen", "robert"];
        string[] bank = ["acme-bank-saturday-hours", "acme-bank-lost-card"];
        string[] telecom = ["nova-telecom-roaming-charges", "nova-telecom-broadband-fault"];
        return new Campaign(
            "demo-week",
            "Demo week, all three sites",
            Monday,
            Monday.AddDays(6),
            [leeds, chicago, manila],
            [
                new TargetLine("+441134960001", "leeds", leedsAgents, bank),
                new TargetLine("+441134960002", "leeds", leedsAgents, bank),
                new TargetLine("+13125550101", "chicago", chicagoAgents, telecom),
                new TargetLine("+13125550102", "chicago", chicagoAgents, telecom),
                new TargetLine("+6328000101", "manila", manilaAgents, ["brightmart-order-delivery"]),
                new TargetLine("+6328000102", "manila", manilaAgents, []),
            ],
            [
                new WeightedScenario("acme-bank-saturday-hours", 2),
                new WeightedScenario("acme-bank-lost-card", 1),
                new WeightedScenario("nova-telecom-roaming-charges", 1),
                new WeightedScenario("nova-telecom-broadband-fault", 1),
                new WeightedScenario("brightmart-order-delivery", 1),
            ],
            new CampaignQuotas(PerAgentPerWeek: 3, PerLinePerPeriod: 1, MaxPerPeriodPerDay: 2),
            new CampaignPacing(MaxConcurrentPerLine: 1, MinGapSameLine: TimeSpan.FromMinutes(20), ExpectedCallLength: TimeSpan.FromMinutes(6)),
            new CampaignAnonymity(CallerNumbers(8), NumberReuseDays: 7, CallerVoices: ["slt", "kal"], Jitter: true),
            new CampaignRetries(new RetryRule(2, TimeSpan.FromMinutes(10)), new RetryRule(2, TimeSpan.FromMinutes(15)), new RetryRule(1, TimeSpan.FromMinutes(5))));
    }

    /// <summary>
    /// One site open around the clock with a night period 00:30–03:30 local every day (so daylight-saving changes fall
    /// inside it) and a day period, two lines; planned from <paramref name="from"/> for <paramref name="days"/> days.
    /// </summary>
    public static Campaign NightShift(string zone, DateOnly from, int days = 7)
    {
        var site = new CampaignSite(
            "night",
            Zone(zone),
            [],
            [],
            [],
            [Period("night", Daily, "00:30", "03:30"), Period("day", Daily, "10:00", "12:00")]);
        return new Campaign(
            "night-" + zone.Replace('/', '-').ToLowerInvariant(),
            "Night shift across a clock change",
            from,
            from.AddDays(days - 1),
            [site],
            [
                new TargetLine("+15550000001", "night", ["ann", "bob", "cat", "dan"], []),
                new TargetLine("+15550000002", "night", ["eve", "fay", "gus"], []),
            ],
            [new WeightedScenario("lost-card", 1), new WeightedScenario("opening-hours", 1)],
            new CampaignQuotas(PerAgentPerWeek: 3, PerLinePerPeriod: 2, MaxPerPeriodPerDay: 3),
            new CampaignPacing(MaxConcurrentPerLine: 1, MinGapSameLine: TimeSpan.FromMinutes(15), ExpectedCallLength: TimeSpan.FromMinutes(5)),
            new CampaignAnonymity(CallerNumbers(20), NumberReuseDays: 7, CallerVoices: ["slt", "kal", "rms"], Jitter: true),
            CampaignRetries.None);
    }

    /// <summary>
    /// A generated call centre: teams of ten agents answering one line each (every third team shares its roster
    /// over two lines), teams spread over <paramref name="sites"/> sites in time zones on five continents, each site
    /// with opening hours, 5–7 service periods across the day, a weekday holiday in the first week and some scenario
    /// subsets. Campaign dates: four weeks from Monday 2026-11-23.
    /// </summary>
    public static Campaign Large(int agents, int sites)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(agents, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(sites, 1);
        var campaignSites = Enumerable.Range(0, sites).Select(LargeSite).ToList();

        string[] scenarioIds = ["card-lost", "opening-hours", "mortgage-rate", "complaint", "address-change", "fraud-alert"];
        var lines = new List<TargetLine>();
        const int TeamSize = 10;
        var teams = (agents + TeamSize - 1) / TeamSize;
        for (var team = 0; team < teams; team++)
        {
            var roster = Enumerable.Range(team * TeamSize, Math.Min(TeamSize, agents - (team * TeamSize)))
                .Select(a => string.Create(CultureInfo.InvariantCulture, $"agent-{a:D5}"))
                .ToList();
            var site = campaignSites[team % sites].Id;
            var lineCount = team % 3 == 2 ? 2 : 1;
            for (var l = 0; l < lineCount; l++)
            {
                var n = lines.Count;
                IReadOnlyList<string> subset = (n % 4) switch
                {
                    0 => [],
                    1 => [scenarioIds[0], scenarioIds[1], scenarioIds[3]],
                    2 => [scenarioIds[2], scenarioIds[4]],
                    _ => [scenarioIds[1], scenarioIds[3], scenarioIds[5]],
                };
                lines.Add(new TargetLine(string.Create(CultureInfo.InvariantCulture, $"+4420790{n:D5}"), site, roster, subset));
            }
        }

        var agentsPerSite = (agents + sites - 1) / sites;
        return new Campaign(
            "large",
            "Generated call centre",
            Monday,
            Monday.AddDays(27),
            campaignSites,
            lines,
            [
                new WeightedScenario(scenarioIds[0], 3),
                new WeightedScenario(scenarioIds[1], 2),
                new WeightedScenario(scenarioIds[2], 1),
                new WeightedScenario(scenarioIds[3], 1),
                new WeightedScenario(scenarioIds[4], 2),
                new WeightedScenario(scenarioIds[5], 1),
            ],
            // The cap grows with the site so ~10 teams still fit in ~25 occurrences a week.
            new CampaignQuotas(PerAgentPerWeek: 3, PerLinePerPeriod: 1, MaxPerPeriodPerDay: Math.Max(4, agentsPerSite / 5)),
            new CampaignPacing(MaxConcurrentPerLine: 1, MinGapSameLine: TimeSpan.FromMinutes(20), ExpectedCallLength: TimeSpan.FromMinutes(6)),
            new CampaignAnonymity(CallerNumbers(40), NumberReuseDays: 7, CallerVoices: ["slt", "kal", "rms", "awb"], Jitter: true),
            CampaignRetries.None);
    }

    public static IReadOnlyList<string> CallerNumbers(int count) =>
        Enumerable.Range(0, count).Select(i => string.Create(CultureInfo.InvariantCulture, $"+447700900{100 + i:D3}")).ToList();

    private static CampaignSite LargeSite(int index)
    {
        ServicePeriod[] template =
        [
            Period("shift-start", Weekdays, "07:00", "07:45"),
            Period("peak", Weekdays, "09:00", "11:00"),
            Period("before-lunch", Weekdays, "11:30", "12:30"),
            Period("after-lunch", Weekdays, "13:30", "14:30"),
            Period("shift-handover", Weekdays, "14:45", "15:15"),
            Period("quiet", MondayToSaturday, "15:30", "16:45"),
            Period("shift-end", Weekdays, "20:15", "21:00"),
        ];
        var count = 5 + (index % 3);
        var periods = template.Take(count - 1).Append(template[^1]).ToList();
        var holiday = Monday.AddDays(index % 5);
        IReadOnlyList<Closure> closures = index % 2 == 0
            ? [new Closure(Monday.AddDays(2).ToDateTime(new TimeOnly(9, 30)), Monday.AddDays(2).ToDateTime(new TimeOnly(10, 0)), "fire drill")]
            : [];
        return new CampaignSite(
            string.Create(CultureInfo.InvariantCulture, $"site-{index:D2}"),
            Zone(Zones[index % Zones.Length]),
            [new WeeklyWindow(Weekdays, Window("07:00", "21:00")), new WeeklyWindow(Saturday, Window("09:00", "17:00"))],
            [holiday],
            closures,
            periods);
    }

    private static TimeSpan Time(string text) => TimeSpan.ParseExact(text, @"hh\:mm", CultureInfo.InvariantCulture);
}
