using QaShopper.Core.Campaigns;
using QaShopper.Tests.Support;

namespace QaShopper.Tests.Campaigns;

public sealed class CampaignParserDiagnosticsTests
{
    /// <summary>A small valid campaign; each case changes one part of it.</summary>
    internal const string Minimal = """
        id: t
        name: T
        dates: { from: 2026-11-23, to: 2026-11-29 }
        sites:
          - id: leeds
            time_zone: Europe/London
            opening_hours:
              - { days: mon-fri, from: "08:00", to: "20:00" }
            holidays: [2026-12-25]
            closures:
              - { from: "2026-11-25T12:00", to: "2026-11-25T13:00" }
            periods:
              - { name: peak, days: mon-fri, from: "09:00", to: "11:00" }
        lines:
          - { number: "+441134960001", site: leeds, agents: [sarah, james], scenarios: [a-one] }
        scenarios:
          - { id: a-one, weight: 2 }
          - { id: b-two }
        quotas: { per_agent_per_week: 3, per_line_per_period: 1 }
        anonymity: { caller_numbers: ["+447700900101"] }

        """;

    private static IEnumerable<TestCaseData> Cases()
    {
        TestCaseData Case(string name, string old, string replacement, int line, int column, string message) =>
            new TestCaseData(With(old, replacement), line, column, message).SetName($"Parse_{name}_ReportsPosition");

        yield return Case("UnknownTopLevelField", "quotas:", "pacin: { max_concurrent_per_line: 1 }\nquotas:", 19, 1, "unknown field 'pacin' in the campaign; did you mean 'pacing'?");
        yield return Case("MissingName", "name: T\n", "", 1, 1, "the campaign is missing required field 'name', e.g. name: Demo week");
        yield return Case("MissingAnonymity", "anonymity: { caller_numbers: [\"+447700900101\"] }\n", "", 1, 1, "the campaign is missing required field 'anonymity', e.g. anonymity: { caller_numbers: [\"+447700900101\"] }");
        yield return Case("BadCampaignId", "id: t\n", "id: Demo_Week\n", 1, 5, "invalid campaign id 'Demo_Week'; expected lower-case letters, digits and '-', e.g. id: demo-week");
        yield return Case("DatesNotMapping", "dates: { from: 2026-11-23, to: 2026-11-29 }", "dates: 2026-11-23", 3, 8, "'dates' must be a mapping, e.g. dates: { from: 2026-11-23, to: 2026-11-29 }; got '2026-11-23'");
        yield return Case("MissingTo", "dates: { from: 2026-11-23, to: 2026-11-29 }", "dates: { from: 2026-11-23 }", 3, 8, "'dates' is missing required field 'to', e.g. to: 2026-11-29");
        yield return Case("BadMonth", "from: 2026-11-23", "from: 2026-13-01", 3, 16, "invalid date '2026-13-01' for 'from'; expected YYYY-MM-DD, e.g. 2026-11-23");
        yield return Case("DateWithSlashes", "to: 2026-11-29", "to: 29/11/2026", 3, 32, "invalid date '29/11/2026' for 'to'; expected YYYY-MM-DD");
        yield return Case("ToBeforeFrom", "to: 2026-11-29", "to: 2026-11-01", 3, 32, "'to' (2026-11-01) must not be before 'from' (2026-11-23)");
        yield return Case("MoreThan366Days", "to: 2026-11-29", "to: 2027-11-24", 3, 32, "a campaign lasts at most 366 days; 2026-11-23 to 2027-11-24 is 367 days");
        yield return Case("UnknownSiteField", "    time_zone: Europe/London\n", "    time_zone: Europe/London\n    timezone: Europe/London\n", 7, 5, "unknown field 'timezone' in a site; did you mean 'time_zone'?");
        yield return Case("MissingTimeZone", "    time_zone: Europe/London\n", "", 5, 5, "site 'leeds' is missing required field 'time_zone', e.g. time_zone: Europe/London");
        yield return Case("BadSiteId", "  - id: leeds\n", "  - id: Leeds\n", 5, 9, "invalid site id 'Leeds'; expected lower-case letters, digits and '-', e.g. id: leeds");
        yield return Case("MisspeltTimeZone", "Europe/London", "Europe/Londn", 6, 16, "unknown time zone 'Europe/Londn'; did you mean 'Europe/London'?");
        yield return Case("UnknownTimeZone", "Europe/London", "Mars/Olympus_Mons", 6, 16, "unknown time zone 'Mars/Olympus_Mons'; expected an IANA time zone id such as Europe/London, America/Chicago or Asia/Manila");
        yield return Case("WindowsTimeZone", "Europe/London", "GMT Standard Time", 6, 16, "time zone 'GMT Standard Time' is a Windows id; write the IANA id instead, e.g. time_zone: Europe/London");
        yield return Case("TimeWithoutLeadingZero", "from: \"09:00\"", "from: \"9:00\"", 13, 44, "invalid time '9:00' for 'from'; expected HH:MM on the 24-hour clock, e.g. from: \"09:00\"");
        yield return Case("HourOutOfRange", "to: \"20:00\"", "to: \"25:00\"", 8, 45, "invalid time '25:00' for 'to'; expected HH:MM on the 24-hour clock (24:00 for the end of the day)");
        yield return Case("StartAt2400", "from: \"09:00\"", "from: \"24:00\"", 13, 44, "'from' cannot be 24:00; only a window's end may be 24:00");
        yield return Case("WindowAcrossMidnight", "from: \"09:00\", to: \"11:00\"", "from: \"22:00\", to: \"06:00\"", 13, 57, "'to' (06:00) must be after 'from' (22:00); a window across midnight is written as two windows, e.g. { days: fri, from: \"22:00\", to: \"24:00\" } and { days: sat, from: \"00:00\", to: \"06:00\" }");
        yield return Case("EmptyWindow", "from: \"09:00\", to: \"11:00\"", "from: \"09:00\", to: \"09:00\"", 13, 57, "'to' (09:00) must be after 'from' (09:00); the window is empty");
        yield return Case("MisspeltDay", "{ name: peak, days: mon-fri", "{ name: peak, days: mon-fir", 13, 29, "unknown day 'fir' in 'days'; did you mean 'fri'?");
        yield return Case("FullDayName", "{ name: peak, days: mon-fri", "{ name: peak, days: monday", 13, 29, "unknown day 'monday' in 'days'; did you mean 'mon'?");
        yield return Case("DayInCommaList", "{ name: peak, days: mon-fri", "{ name: peak, days: \"mon,wed,fro\"", 13, 29, "unknown day 'fro' in 'days'; did you mean 'fri'?");
        yield return Case("DayInYamlList", "{ name: peak, days: mon-fri", "{ name: peak, days: [mon, tu]", 13, 35, "unknown day 'tu' in 'days'; did you mean 'tue'?");
        yield return Case("NoDays", "{ name: peak, days: mon-fri", "{ name: peak, days: []", 13, 29, "'days' must name at least one day, e.g. days: mon-fri");
        yield return Case("PeriodMissingName", "{ name: peak, days: mon-fri", "{ days: mon-fri", 13, 9, "a service period of site 'leeds' is missing required field 'name', e.g. name: peak");
        yield return Case("BadPeriodName", "name: peak", "name: Peak Hour", 13, 17, "invalid service period name 'Peak Hour'; expected lower-case letters, digits and '-', e.g. name: shift-start");
        yield return Case("DuplicatePeriodName", "      - { name: peak, days: mon-fri, from: \"09:00\", to: \"11:00\" }\n", "      - { name: peak, days: mon-fri, from: \"09:00\", to: \"11:00\" }\n      - { name: peak, days: mon-fri, from: \"14:00\", to: \"15:00\" }\n", 14, 17, "duplicate service period name 'peak' in site 'leeds'; first given at line 13");
        yield return Case("DuplicateSiteId", "lines:\n", "  - id: leeds\n    time_zone: Europe/Paris\n    periods: [{ name: peak, days: daily, from: \"09:00\", to: \"11:00\" }]\nlines:\n", 14, 9, "duplicate site id 'leeds'; first given at line 5");
        yield return Case("PeriodsEmpty", "    periods:\n      - { name: peak, days: mon-fri, from: \"09:00\", to: \"11:00\" }\n", "    periods: []\n", 12, 14, "'periods' must list at least one item, e.g. periods: [{ name: peak, days: mon-fri, from: \"09:00\", to: \"11:00\" }]");
        yield return Case("OpeningHoursMissingDays", "{ days: mon-fri, from: \"08:00\"", "{ from: \"08:00\"", 8, 9, "an opening_hours window of site 'leeds' is missing required field 'days', e.g. days: mon-fri");
        yield return Case("BadHoliday", "holidays: [2026-12-25]", "holidays: [2026-02-30]", 9, 16, "invalid date '2026-02-30' for 'holidays'; expected YYYY-MM-DD");
        yield return Case("DuplicateHoliday", "holidays: [2026-12-25]", "holidays: [2026-12-25, 2026-12-25]", 9, 28, "duplicate holiday '2026-12-25'; first given at line 9");
        yield return Case("ClosureWithSpace", "\"2026-11-25T12:00\"", "\"2026-11-25 12:00\"", 11, 17, "invalid local date-time '2026-11-25 12:00' for 'from'; expected YYYY-MM-DDTHH:MM, e.g. from: \"2026-11-25T12:00\"");
        yield return Case("ClosureEndsBeforeStart", "\"2026-11-25T13:00\"", "\"2026-11-25T11:00\"", 11, 41, "a closure's 'to' (2026-11-25T11:00) must be after its 'from' (2026-11-25T12:00)");
        yield return Case("ClosureUnknownField", "\"2026-11-25T13:00\" }", "\"2026-11-25T13:00\", why: drill }", 11, 61, "unknown field 'why' in a closure; expected one of: from, to, reason");
        yield return Case("LineNumberNotE164", "\"+441134960001\"", "\"01134960001\"", 15, 15, "line number '01134960001' is not in E.164 form; write '+', the country code and the number, 7 to 15 digits with no spaces or punctuation, e.g. \"+441134960001\"");
        yield return Case("LineNumberWithSpaces", "\"+441134960001\"", "\"+44 113 496 0001\"", 15, 15, "line number '+44 113 496 0001' is not in E.164 form");
        yield return Case("LineNumberTooShort", "\"+441134960001\"", "\"+441234\"", 15, 15, "line number '+441234' is not in E.164 form");
        yield return Case("LineNumberTooLong", "\"+441134960001\"", "\"+4411349600011234\"", 15, 15, "line number '+4411349600011234' is not in E.164 form");
        yield return Case("LineMissingSite", "site: leeds, ", "", 15, 5, "line '+441134960001' is missing required field 'site', e.g. site: leeds");
        yield return Case("LineUnknownSite", "site: leeds, ", "site: leds, ", 15, 38, "unknown site 'leds'; did you mean 'leeds'? ('site' names one of the campaign's 'sites' by id, e.g. site: leeds)");
        yield return Case("LineUnknownField", "agents: [sarah", "agent: [sarah", 15, 45, "unknown field 'agent' in a line; did you mean 'agents'?");
        yield return Case("DuplicateLineNumber", "scenarios:\n  - { id: a-one", "  - { number: \"+441134960001\", site: leeds }\nscenarios:\n  - { id: a-one", 16, 15, "duplicate line number '+441134960001'; first given at line 15");
        yield return Case("DuplicateAgent", "agents: [sarah, james]", "agents: [sarah, james, sarah]", 15, 68, "duplicate agent id 'sarah' on line '+441134960001'; first given at line 15");
        yield return Case("BadAgentId", "agents: [sarah, james]", "agents: [sarah, James]", 15, 61, "invalid agent id 'James'; expected lower-case letters, digits and '-', e.g. agents: [sarah]");
        yield return Case("LineScenarioNotListed", "scenarios: [a-one]", "scenarios: [a-onr]", 15, 81, "scenario 'a-onr' on line '+441134960001' is not in the campaign's 'scenarios' list; did you mean 'a-one'? Otherwise add it there, e.g. - { id: a-onr, weight: 1 }");
        yield return Case("LineScenariosNotList", "scenarios: [a-one]", "scenarios: a-one", 15, 80, "'scenarios' must be a list, e.g. scenarios: [acme-bank-lost-card]; got 'a-one'");
        yield return Case("ScenariosEmpty", "scenarios:\n  - { id: a-one, weight: 2 }\n  - { id: b-two }\n", "scenarios: []\n", 16, 12, "'scenarios' must list at least one item");
        yield return Case("WeightZero", "weight: 2", "weight: 0", 17, 26, "'weight' must be a number greater than zero, e.g. weight: 2; got 0");
        yield return Case("WeightNotNumber", "weight: 2", "weight: heavy", 17, 26, "'weight' must be a number, e.g. weight: 2; got 'heavy'");
        yield return Case("DuplicateScenario", "{ id: b-two }", "{ id: a-one }", 18, 11, "duplicate scenario id 'a-one'; first given at line 17");
        yield return Case("ScenarioMissingId", "{ id: b-two }", "{ weight: 1 }", 18, 5, "a scenario entry is missing required field 'id', e.g. id: acme-bank-lost-card");
        yield return Case("QuotaNegative", "per_agent_per_week: 3", "per_agent_per_week: -1", 19, 31, "'per_agent_per_week' must be at least 0; got -1");
        yield return Case("QuotaNotWhole", "per_line_per_period: 1", "per_line_per_period: 1.5", 19, 55, "'per_line_per_period' must be a whole number, e.g. per_line_per_period: 1; got '1.5'");
        yield return Case("QuotaQuoted", "per_agent_per_week: 3", "per_agent_per_week: \"3\"", 19, 31, "'per_agent_per_week' must be a whole number");
        yield return Case("QuotasAskForNothing", "quotas: { per_agent_per_week: 3, per_line_per_period: 1 }", "quotas: { per_agent_per_week: 0 }", 19, 9, "'quotas' asks for no calls: set 'per_agent_per_week' or 'per_line_per_period' above 0");
        yield return Case("MaxPerDayZero", "per_line_per_period: 1 }", "per_line_per_period: 1, max_per_period_per_day: 0 }", 19, 82, "'max_per_period_per_day' must be at least 1; got 0");
        yield return Case("UnknownQuotaField", "per_line_per_period: 1 }", "per_line_per_period: 1, per_agent: 2 }", 19, 58, "unknown field 'per_agent' in 'quotas'; expected one of: per_agent_per_week, per_line_per_period, max_per_period_per_day");
        yield return Case("ConcurrentZero", "quotas:", "pacing: { max_concurrent_per_line: 0 }\nquotas:", 19, 36, "'max_concurrent_per_line' must be at least 1; got 0");
        yield return Case("GapWithoutUnit", "quotas:", "pacing: { min_gap_same_line: 20 }\nquotas:", 19, 30, "duration '20' for 'min_gap_same_line' needs a unit, e.g. 10s");
        yield return Case("CallLengthZero", "quotas:", "pacing: { expected_call_length: 0s }\nquotas:", 19, 33, "'expected_call_length' must be greater than zero; got '0s'");
        yield return Case("UnknownPacingField", "quotas:", "pacing: { min_gap: 20m }\nquotas:", 19, 11, "unknown field 'min_gap' in 'pacing'");
        yield return Case("CallerNumbersEmpty", "caller_numbers: [\"+447700900101\"]", "caller_numbers: []", 20, 30, "'caller_numbers' must list at least one item, e.g. caller_numbers: [\"+447700900101\"]");
        yield return Case("CallerNumbersMissing", "caller_numbers: [\"+447700900101\"]", "jitter: false", 20, 12, "'anonymity' is missing required field 'caller_numbers', e.g. caller_numbers: [\"+447700900101\", \"+447700900102\"]");
        yield return Case("CallerNumberNotE164", "[\"+447700900101\"]", "[\"+447700900101\", \"07700900102\"]", 20, 48, "caller number '07700900102' is not in E.164 form");
        yield return Case("DuplicateCallerNumber", "[\"+447700900101\"]", "[\"+447700900101\", \"+447700900101\"]", 20, 48, "duplicate caller number '+447700900101'; first given at line 20");
        yield return Case("CallerNumberIsALine", "[\"+447700900101\"]", "[\"+441134960001\"]", 20, 31, "caller number '+441134960001' is also one of the campaign's lines");
        yield return Case("ReuseDaysNegative", "[\"+447700900101\"] }", "[\"+447700900101\"], number_reuse_days: -7 }", 20, 68, "'number_reuse_days' must be at least 0; got -7");
        yield return Case("JitterNotBoolean", "[\"+447700900101\"] }", "[\"+447700900101\"], jitter: sometimes }", 20, 57, "'jitter' must be true or false; got 'sometimes'");
        yield return Case("DuplicateVoice", "[\"+447700900101\"] }", "[\"+447700900101\"], caller_voices: [slt, slt] }", 20, 70, "duplicate caller voice 'slt'; first given at line 20");
        yield return Case("RetryWithoutAfter", "quotas:", "retries: { busy: { max: 2 } }\nquotas:", 19, 18, "retry rule 'busy' retries, so it needs 'after', the wait before each retry, e.g. busy: { max: 2, after: 10m }");
        yield return Case("RetryNegative", "quotas:", "retries: { no_answer: { max: -1, after: 5m } }\nquotas:", 19, 30, "'max' must be at least 0; got -1");
        yield return Case("RetryTooMany", "quotas:", "retries: { failed: { max: 11, after: 5m } }\nquotas:", 19, 27, "'max' must be at most 10 retries; got 11");
        yield return Case("RetryMissingMax", "quotas:", "retries: { failed: { after: 5m } }\nquotas:", 19, 20, "retry rule 'failed' is missing required field 'max', e.g. max: 2");
        yield return Case("UnknownRetryOutcome", "quotas:", "retries: { noanswer: { max: 1, after: 5m } }\nquotas:", 19, 12, "unknown field 'noanswer' in 'retries'; did you mean 'no_answer'?");
        yield return Case("RetryAfterZero", "quotas:", "retries: { busy: { max: 1, after: 0s } }\nquotas:", 19, 35, "'after' must be greater than zero; got '0s'");
        yield return Case("SiteNeverOpenInDates", "dates: { from: 2026-11-23, to: 2026-11-29 }", "dates: { from: 2026-11-28, to: 2026-11-29 }", 5, 9, "site 'leeds' has no open service period between 2026-11-28 and 2026-11-29; check its periods' days, holidays and closures against 'dates'");
        yield return new TestCaseData(Minimal + "---\nid: other\n", 22, 1, "a file holds one campaign; found a second YAML document").SetName("Parse_SecondDocument_ReportsPosition");
        yield return new TestCaseData("# only a comment\n", 1, 1, "the file is empty; expected a campaign with id, name, dates, sites, lines, scenarios, quotas and anonymity").SetName("Parse_EmptyFile_ReportsPosition");
        yield return new TestCaseData("", 1, 1, "the file is empty").SetName("Parse_EmptyText_ReportsPosition");
        yield return new TestCaseData("- id: t\n", 1, 1, "a campaign must be a mapping of fields (id, name, dates, sites, lines, scenarios, quotas, anonymity); got a list").SetName("Parse_RootNotMapping_ReportsPosition");
        yield return new TestCaseData(With("name: T", "name: \"T"), 2, 7, "YAML syntax error").SetName("Parse_SyntaxError_ReportsPosition");
        yield return new TestCaseData(With("name: T\n", "name: T\nname: U\n"), 3, 1, "YAML syntax error").SetName("Parse_DuplicateYamlKey_ReportsPosition");
        yield return new TestCaseData(With("sites:\n", "sites: []\nunused:\n"), 4, 8, "'sites' must list at least one item").SetName("Parse_SitesEmpty_ReportsPosition");
    }

    [TestCaseSource(nameof(Cases))]
    public void Parse_BrokenCampaign_ReportsExactPosition(string yaml, int line, int column, string message)
    {
        var result = CampaignParser.Parse(yaml, "broken.yaml");

        Assert.That(result.Campaign, Is.Null);
        Assert.That(result.IsValid, Is.False);
        DiagnosticAssert.ReportsAt(result.Diagnostics, "broken.yaml", line, column, message);
    }

    [Test]
    public void Parse_Minimal_IsValid()
    {
        var result = CampaignParser.Parse(Minimal, "ok.yaml");

        Assert.That(result.Diagnostics, Is.Empty);
        Assert.That(result.IsValid, Is.True);
    }

    internal static string With(string old, string replacement)
    {
        Assert.That(Minimal.Contains(old, StringComparison.Ordinal), Is.True, $"the case must change the minimal campaign; it has no {old}");
        return Minimal.Replace(old, replacement, StringComparison.Ordinal);
    }
}
