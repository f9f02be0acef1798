using QaShopper.Core.Campaigns;

namespace QaShopper.Tests.Campaigns;

public sealed class CampaignPlannerTests
{
    private static readonly int[] Seeds = [.. Enumerable.Range(1, 30)];

    private static readonly object[] CampaignsAndSeeds =
    [
        .. Seeds.Select(seed => new TestCaseData("demo", seed).SetArgDisplayNames("demo", seed.ToString(System.Globalization.CultureInfo.InvariantCulture))),
        .. Seeds.Take(5).Select(seed => new TestCaseData("large", seed).SetArgDisplayNames("large", seed.ToString(System.Globalization.CultureInfo.InvariantCulture))),
    ];

    private static readonly Dictionary<string, Campaign> Campaigns = new(StringComparer.Ordinal)
    {
        ["demo"] = TestCampaigns.DemoWeek(),
        ["large"] = TestCampaigns.Large(agents: 240, sites: 5),
    };

    private static readonly Dictionary<(string, int), CampaignPlan> PlanCache = [];

    private static CampaignPlan PlanOf(string name, int seed)
    {
        lock (PlanCache)
        {
            if (!PlanCache.TryGetValue((name, seed), out var plan))
            {
                var campaign = Campaigns[name];
                plan = CampaignPlanner.Plan(campaign, new PlanRequest(campaign.From, campaign.From.AddDays(6), seed));
                PlanCache[(name, seed)] = plan;
            }

            return plan;
        }
    }

    [TestCaseSource(nameof(CampaignsAndSeeds))]
    public void Plan_AnySeed_IsFeasibleAsWritten(string name, int seed)
    {
        var plan = PlanOf(name, seed);

        Assert.That(plan.Problems, Is.Empty);
        Assert.That(plan.IsFeasible, Is.True);
    }

    [TestCaseSource(nameof(CampaignsAndSeeds))]
    public void Plan_AnySeed_EveryCallInsideAnOpenPeriodOfItsSite(string name, int seed)
    {
        var plan = PlanOf(name, seed);

        Assert.That(plan.Calls, Is.Not.Empty);
        PlanAssert.EveryCallInsideAnOpenPeriod(plan);
    }

    [TestCaseSource(nameof(CampaignsAndSeeds))]
    public void Plan_AnySeed_MeetsEveryAgentsShareAndEveryPeriodMinimum(string name, int seed)
    {
        var plan = PlanOf(name, seed);
        var campaign = plan.Campaign;
        var perLine = plan.Calls.GroupBy(c => c.Line).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var linesPerAgent = campaign.Lines.SelectMany(l => l.Agents.Select(a => (Agent: a, l.Number)))
            .GroupBy(x => x.Agent, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(x => x.Number).ToList(), StringComparer.Ordinal);

        Assert.Multiple(() =>
        {
            foreach (var line in campaign.Lines)
            {
                var shares = line.Agents.Sum(a => 3.0 / linesPerAgent[a].Count);
                Assert.That(perLine.GetValueOrDefault(line.Number), Is.GreaterThanOrEqualTo((int)Math.Ceiling(shares - 1e-9)), line.Number);

                var site = campaign.Site(line.SiteId);
                foreach (var period in site.Periods)
                {
                    var open = Enumerable.Range(0, 7).Any(d => ServiceCalendar.Occurrence(site, period, plan.From.AddDays(d)) is not null);
                    var calls = plan.Calls.Count(c => c.Line == line.Number && c.Period == period.Name);
                    Assert.That(calls, Is.GreaterThanOrEqualTo(open ? campaign.Quotas.PerLinePerPeriod : 0), $"{line.Number} {period.Name}");
                }
            }

            // Whatever lines an agent answers, those lines together get at least the agent's three calls.
            foreach (var (agent, numbers) in linesPerAgent)
            {
                Assert.That(numbers.Sum(n => perLine.GetValueOrDefault(n)), Is.GreaterThanOrEqualTo(3), agent);
            }
        });
    }

    [TestCaseSource(nameof(CampaignsAndSeeds))]
    public void Plan_AnySeed_NeverExceedsMaxPerPeriodPerDayAtASite(string name, int seed)
    {
        var plan = PlanOf(name, seed);
        var cap = plan.Campaign.Quotas.MaxPerPeriodPerDay!.Value;

        var busiest = plan.Calls.GroupBy(c => (c.SiteId, c.Period, c.LocalDate)).Max(g => g.Count());

        Assert.That(busiest, Is.LessThanOrEqualTo(cap));
    }

    [TestCaseSource(nameof(CampaignsAndSeeds))]
    public void Plan_AnySeed_KeepsTheGapAndTheConcurrencyLimitOnEveryLine(string name, int seed)
    {
        PlanAssert.Paced(PlanOf(name, seed));
    }

    [TestCaseSource(nameof(CampaignsAndSeeds))]
    public void Plan_AnySeed_NeverShowsALineTheSameCallerNumberWithinTheReuseDays(string name, int seed)
    {
        var plan = PlanOf(name, seed);
        var reuse = TimeSpan.FromDays(plan.Campaign.Anonymity.NumberReuseDays);

        Assert.Multiple(() =>
        {
            foreach (var group in plan.Calls.GroupBy(c => (c.Line, c.CallerNumber)))
            {
                var times = group.Select(c => c.At).Order().ToList();
                for (var i = 1; i < times.Count; i++)
                {
                    Assert.That(times[i] - times[i - 1], Is.GreaterThanOrEqualTo(reuse), $"{group.Key}");
                }
            }

            Assert.That(plan.Calls.Select(c => c.CallerNumber).Distinct(), Is.SubsetOf(plan.Campaign.Anonymity.CallerNumbers));
        });
    }

    [TestCaseSource(nameof(CampaignsAndSeeds))]
    public void Plan_AnySeed_NeverGivesALineTheSameVoiceTwiceInARow(string name, int seed)
    {
        var plan = PlanOf(name, seed);

        Assert.Multiple(() =>
        {
            foreach (var line in plan.Calls.GroupBy(c => c.Line))
            {
                var voices = line.OrderBy(c => c.At).Select(c => c.CallerVoice).ToList();
                Assert.That(voices, Has.All.Not.Null);
                for (var i = 1; i < voices.Count; i++)
                {
                    Assert.That(voices[i], Is.Not.EqualTo(voices[i - 1]), $"{line.Key} call {i}");
                }
            }
        });
    }

    [TestCaseSource(nameof(CampaignsAndSeeds))]
    public void Plan_AnySeed_PlaysOnlyTheScenariosOfEachLine(string name, int seed)
    {
        var plan = PlanOf(name, seed);
        var all = plan.Campaign.Scenarios.Select(s => s.Id).ToList();

        Assert.Multiple(() =>
        {
            foreach (var line in plan.Campaign.Lines)
            {
                var allowed = line.ScenarioIds.Count == 0 ? all : line.ScenarioIds;
                Assert.That(plan.Calls.Where(c => c.Line == line.Number).Select(c => c.ScenarioId).Distinct(), Is.SubsetOf(allowed), line.Number);
            }
        });
    }

    [TestCaseSource(nameof(CampaignsAndSeeds))]
    public void Plan_AnySeed_NoCallOnAWholeMinuteAndNoneOnAHoliday(string name, int seed)
    {
        var plan = PlanOf(name, seed);

        Assert.Multiple(() =>
        {
            Assert.That(plan.Calls.Where(c => c.At.Second == 0 && c.At.Millisecond == 0), Is.Empty);
            Assert.That(plan.Calls.Where(c => c.At.Ticks % TimeSpan.TicksPerSecond != 0), Is.Empty, "second resolution");
            Assert.That(plan.Calls.Where(c => plan.Campaign.Site(c.SiteId).Holidays.Contains(c.LocalDate)), Is.Empty);
        });
    }

    [TestCaseSource(nameof(CampaignsAndSeeds))]
    public void Plan_AnySeed_SpreadsEachLinesCallsOverItsOpenDays(string name, int seed)
    {
        var plan = PlanOf(name, seed);

        Assert.Multiple(() =>
        {
            foreach (var line in plan.Calls.GroupBy(c => c.Line))
            {
                var site = plan.Campaign.Site(line.First().SiteId);
                var openDays = Enumerable.Range(0, 7).Select(d => plan.From.AddDays(d))
                    .Count(d => site.Periods.Any(p => ServiceCalendar.Occurrence(site, p, d) is not null));
                var fairShare = (int)Math.Ceiling((double)line.Count() / openDays);
                var busiestDay = line.GroupBy(c => c.LocalDate).Max(g => g.Count());

                // One above the share where a short day (Saturday's single period) is already full at the site cap.
                Assert.That(busiestDay, Is.LessThanOrEqualTo(fairShare + 2), line.Key);
            }
        });
    }

    [TestCaseSource(nameof(CampaignsAndSeeds))]
    public void Plan_AnySeed_NumbersCallIdsInTimeOrderWithTheSiteLocalDate(string name, int seed)
    {
        var plan = PlanOf(name, seed);

        Assert.Multiple(() =>
        {
            Assert.That(plan.Calls.Select(c => c.At), Is.Ordered);
            for (var i = 0; i < plan.Calls.Count; i++)
            {
                var call = plan.Calls[i];
                Assert.That(call.CallId, Is.EqualTo(FormattableString.Invariant($"{plan.Campaign.Id}-{call.LocalDate:yyyyMMdd}-{i + 1:D4}")));
                Assert.That(call.CampaignId, Is.EqualTo(plan.Campaign.Id));
            }

            Assert.That(plan.Calls.Select(c => c.CallId), Is.Unique);
        });
    }

    [Test]
    public void Plan_LargeCampaign_PlaysScenariosInProportionToTheirWeights()
    {
        var campaign = TestCampaigns.Large(agents: 600, sites: 6);
        var plan = CampaignPlanner.Plan(campaign, new PlanRequest(campaign.From, campaign.To, Seed: 5));

        // Lines playing all scenarios: their calls should split 3:2:1:1:2:1.
        var openLines = campaign.Lines.Where(l => l.ScenarioIds.Count == 0).Select(l => l.Number).ToHashSet(StringComparer.Ordinal);
        var calls = plan.Calls.Where(c => openLines.Contains(c.Line)).ToList();
        var totalWeight = campaign.Scenarios.Sum(s => s.Weight);

        Assert.That(calls, Has.Count.GreaterThan(1000));
        Assert.Multiple(() =>
        {
            foreach (var scenario in campaign.Scenarios)
            {
                var share = calls.Count(c => c.ScenarioId == scenario.Id) / (double)calls.Count;
                Assert.That(share, Is.EqualTo(scenario.Weight / totalWeight).Within(0.02), scenario.Id);
            }
        });
    }

    [Test]
    public void Plan_TwoThousandAgentsOnTwentySites_IsFeasibleAndGivesEveryAgentThreeCalls()
    {
        // The benchmark's campaign: it must plan without problems for the figure to mean anything.
        var campaign = TestCampaigns.Large(agents: 2000, sites: 20);

        var plan = CampaignPlanner.Plan(campaign, new PlanRequest(campaign.From, campaign.From.AddDays(6), Seed: 2026));

        Assert.That(plan.Problems, Is.Empty);
        Assert.That(plan.Calls, Has.Count.GreaterThanOrEqualTo(2000 * 3));
        Assert.That(campaign.Sites.Select(s => s.TimeZone.Id).Distinct().Count(), Is.EqualTo(10));
        PlanAssert.Paced(plan);
    }

    [TestCase("Europe/London", 2026, 3, 29)]
    [TestCase("Europe/London", 2026, 10, 25)]
    [TestCase("America/Chicago", 2026, 3, 8)]
    [TestCase("America/Chicago", 2026, 11, 1)]
    public void Plan_ClocksChangeInsideANightPeriod_EveryCallStaysInsideThePeriodAndPaced(string zone, int year, int month, int day)
    {
        var change = new DateOnly(year, month, day);
        var campaign = TestCampaigns.NightShift(zone, change.AddDays(-3));

        foreach (var seed in Seeds)
        {
            var plan = CampaignPlanner.Plan(campaign, new PlanRequest(campaign.From, campaign.To, seed));

            Assert.That(plan.Problems, Is.Empty, $"seed {seed}");
            PlanAssert.EveryCallInsideAnOpenPeriod(plan);
            PlanAssert.Paced(plan);
            Assert.That(plan.Calls.Count(c => c.LocalDate == change && c.Period == "night"), Is.LessThanOrEqualTo(3), $"seed {seed}");
        }
    }

    [Test]
    public void Plan_ClocksChange_TheChangeNightStillGetsCallsAcrossSeeds()
    {
        var change = new DateOnly(2026, 10, 25);
        var campaign = TestCampaigns.NightShift("Europe/London", change.AddDays(-3));
        var zone = campaign.Sites[0].TimeZone;

        var onChangeNight = Seeds
            .SelectMany(seed => CampaignPlanner.Plan(campaign, new PlanRequest(campaign.From, campaign.To, seed)).Calls)
            .Where(c => c.LocalDate == change && c.Period == "night")
            .ToList();

        // Calls land in both passes of the repeated hour 01:00-02:00 (BST, then GMT).
        Assert.That(onChangeNight, Is.Not.Empty);
        Assert.That(onChangeNight.Select(c => zone.GetUtcOffset(c.At)).Distinct().Count(), Is.EqualTo(2));
    }

    [Test]
    public void Plan_SameCampaignAndSeed_GivesTheSamePlan()
    {
        var campaign = TestCampaigns.DemoWeek();
        var request = new PlanRequest(campaign.From, campaign.To, Seed: 42);

        var first = CampaignPlanner.Plan(campaign, request);
        var second = CampaignPlanner.Plan(campaign, request);

        Assert.That(second.Calls, Is.EqualTo(first.Calls));
        Assert.That(second.Problems, Is.EqualTo(first.Problems));
    }

    [Test]
    public void Plan_DifferentSeeds_GiveDifferentTimesNumbersAndSeeds()
    {
        var campaign = TestCampaigns.DemoWeek();

        var first = CampaignPlanner.Plan(campaign, new PlanRequest(campaign.From, campaign.To, Seed: 1));
        var second = CampaignPlanner.Plan(campaign, new PlanRequest(campaign.From, campaign.To, Seed: 2));

        Assert.That(second.Calls.Select(c => c.At), Is.Not.EqualTo(first.Calls.Select(c => c.At)));
        Assert.That(second.Calls.Select(c => c.Seed), Is.Not.EqualTo(first.Calls.Select(c => c.Seed)));
    }

    [Test]
    public void Plan_WithoutJitter_SpreadsCallsEvenlyAndTheSameForEverySeed()
    {
        var demo = TestCampaigns.DemoWeek();
        var campaign = demo with { Anonymity = demo.Anonymity with { Jitter = false } };

        var first = CampaignPlanner.Plan(campaign, new PlanRequest(campaign.From, campaign.To, Seed: 1));
        var again = CampaignPlanner.Plan(campaign, new PlanRequest(campaign.From, campaign.To, Seed: 1));

        Assert.That(first.Problems, Is.Empty);
        Assert.That(again.Calls, Is.EqualTo(first.Calls));
        PlanAssert.EveryCallInsideAnOpenPeriod(first);
        PlanAssert.Paced(first);

        // A lone call in an occurrence sits in the middle of its start times.
        var peak = first.Calls
            .GroupBy(c => (c.Line, c.Period, c.LocalDate))
            .Where(g => g.Count() == 1 && g.Key.Line == "+13125550101" && g.Key.Period == "peak")
            .Select(g => g.Single())
            .First();
        var occurrence = ServiceCalendar.Occurrence(campaign.Site("chicago"), campaign.Site("chicago").Period("peak"), peak.LocalDate)!;
        var middle = occurrence.Start + ((occurrence.End - TimeSpan.FromMinutes(6) - occurrence.Start) / 2);
        Assert.That(peak.At - middle, Is.LessThan(TimeSpan.FromSeconds(2)).And.GreaterThan(TimeSpan.FromSeconds(-2)));
    }

    [Test]
    public void Plan_NotBefore_PlansNoCallBeforeItAndStillMeetsTheWeek()
    {
        var campaign = TestCampaigns.DemoWeek();
        var notBefore = new DateTimeOffset(2026, 11, 23, 10, 17, 23, TimeSpan.Zero);

        foreach (var seed in Seeds.Take(10))
        {
            var plan = CampaignPlanner.Plan(campaign, new PlanRequest(campaign.From, campaign.To, seed, notBefore));

            Assert.That(plan.Calls.Select(c => c.At), Has.All.GreaterThanOrEqualTo(notBefore), $"seed {seed}");
            Assert.That(plan.Problems, Is.Empty, $"seed {seed}");
            PlanAssert.EveryCallInsideAnOpenPeriod(plan);
        }
    }

    [Test]
    public void Plan_NotBeforeAfterTheFirstWeek_PlansOnlyTheWeeksLeft()
    {
        var demo = TestCampaigns.DemoWeek();
        var campaign = demo with { To = demo.From.AddDays(13) };
        var notBefore = new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero);

        var plan = CampaignPlanner.Plan(campaign, new PlanRequest(campaign.From, campaign.To, Seed: 3, notBefore));

        Assert.That(plan.Problems, Is.Empty);
        Assert.That(plan.Calls, Is.Not.Empty);
        Assert.That(plan.Calls.Select(c => c.At), Has.All.GreaterThanOrEqualTo(notBefore));
    }

    [Test]
    public void Plan_ShortLastWeek_NeedsItsShareOfTheWeeklyQuota()
    {
        var demo = TestCampaigns.DemoWeek();
        // A pool big enough for the calls either side of the block boundary (8 numbers cannot cover 7 days of them).
        var campaign = demo with { To = demo.From.AddDays(9), Anonymity = demo.Anonymity with { CallerNumbers = TestCampaigns.CallerNumbers(20) } };

        var plan = CampaignPlanner.Plan(campaign, new PlanRequest(campaign.From, campaign.To, Seed: 9));
        var lastBlock = plan.Calls.Where(c => c.LocalDate >= campaign.From.AddDays(7)).ToList();

        // Leeds lines: 5 agents × 3 calls shared over 2 lines = 7.5 a week; 3 days of 7 need 3.21..., so 4.
        Assert.That(plan.Problems, Is.Empty);
        Assert.That(lastBlock.Count(c => c.Line == "+441134960001"), Is.GreaterThanOrEqualTo(4));
        Assert.That(lastBlock.Count(c => c.Line == "+441134960001"), Is.LessThan(plan.Calls.Count(c => c.Line == "+441134960001" && c.LocalDate < campaign.From.AddDays(7))));
    }

    [Test]
    public void Plan_QuotaBeyondWhatThePeriodsAllow_ReportsTheNumbersAndKeepsWhatFits()
    {
        var demo = TestCampaigns.DemoWeek();
        var campaign = demo with { Quotas = demo.Quotas with { PerAgentPerWeek = 40 } };

        var plan = CampaignPlanner.Plan(campaign, new PlanRequest(campaign.From, campaign.To, Seed: 4));

        var leeds = plan.Problems.Single(p => p.Subject == "+441134960001");
        Assert.That(leeds.Message, Does.StartWith("needs 100 calls in the week from 2026-11-23 but its open periods allow at most "));
        Assert.That(leeds.Message, Does.EndWith(" with min_gap_same_line 20m and max_per_period_per_day 2"));
        Assert.That(plan.IsFeasible, Is.False);
        Assert.That(plan.Calls, Is.Not.Empty);
        PlanAssert.Paced(plan);
        Assert.That(plan.Calls.GroupBy(c => (c.SiteId, c.Period, c.LocalDate)).Max(g => g.Count()), Is.LessThanOrEqualTo(2));
    }

    [Test]
    public void Plan_QuotaBeyondWhatThePeriodsAllow_TheBoundIsWhatTheLineActuallyGets()
    {
        var demo = TestCampaigns.DemoWeek();
        var campaign = demo with
        {
            Quotas = demo.Quotas with { PerAgentPerWeek = 40 },
            Lines = [demo.Lines[2]],
            Anonymity = demo.Anonymity with { CallerNumbers = TestCampaigns.CallerNumbers(40) },
        };

        var plan = CampaignPlanner.Plan(campaign, new PlanRequest(campaign.From, campaign.To, Seed: 4));

        // Chicago: 4 open weekdays × (shift-start 2 + peak 2 + after-lunch 2 + shift-end 2) under the cap of 2.
        Assert.That(plan.Problems.Single().Message, Does.Contain("needs 160 calls").And.Contain("at most 32 with"));
        Assert.That(plan.Calls, Has.Count.EqualTo(32));
    }

    [Test]
    public void Plan_PeriodMinimumBeyondItsOccurrences_ReportsTheSiteAndPeriod()
    {
        var demo = TestCampaigns.DemoWeek();
        var campaign = demo with { Quotas = demo.Quotas with { PerLinePerPeriod = 3 }, Anonymity = demo.Anonymity with { CallerNumbers = TestCampaigns.CallerNumbers(60) } };

        var plan = CampaignPlanner.Plan(campaign, new PlanRequest(campaign.From, campaign.To, Seed: 4));

        // Manila's weekend quiet period has 2 occurrences: room for 4 calls under the cap, for the 6 its two lines need.
        var quiet = plan.Problems.Where(p => p.Subject == "site manila, period quiet").ToList();
        Assert.That(quiet, Is.Not.Empty);
        Assert.That(quiet[0].Message, Does.Match("^line \\+6328000\\d+ needs 3 calls in the week from 2026-11-23 but got \\d: the site's 2 lines need 6 and max_per_period_per_day 2 over its 2 open occurrences allows at most 4$"));
        Assert.That(plan.Calls.Count(c => c.SiteId == "manila" && c.Period == "quiet"), Is.EqualTo(4));
    }

    [Test]
    public void Plan_PeriodTooShortForItsMinimum_ReportsWhatTheLineAloneCouldGet()
    {
        var demo = TestCampaigns.DemoWeek();
        var campaign = demo with
        {
            Quotas = demo.Quotas with { PerLinePerPeriod = 11, MaxPerPeriodPerDay = null },
            Anonymity = demo.Anonymity with { CallerNumbers = TestCampaigns.CallerNumbers(100) },
        };

        var plan = CampaignPlanner.Plan(campaign, new PlanRequest(campaign.From, campaign.To, Seed: 4));

        // Leeds' shift-handover is 30 minutes on five weekdays: starts up to 24 minutes in, two of them 20 minutes apart.
        var handover = plan.Problems.Single(p => p.Subject == "site leeds, period shift-handover" && p.Message.Contains("+441134960001", StringComparison.Ordinal));
        Assert.That(handover.Message, Is.EqualTo("line +441134960001 needs 11 calls in the week from 2026-11-23 but got 10: its 5 open occurrences allow at most 10 with min_gap_same_line 20m"));
        Assert.That(plan.Calls.Count(c => c.Line == "+441134960001" && c.Period == "shift-handover"), Is.EqualTo(10));
    }

    [Test]
    public void Plan_CallerPoolTooSmall_ReportsTheLineTheCountAndThePoolSize()
    {
        var demo = TestCampaigns.DemoWeek();
        var campaign = demo with { Anonymity = demo.Anonymity with { CallerNumbers = TestCampaigns.CallerNumbers(5) } };

        var plan = CampaignPlanner.Plan(campaign, new PlanRequest(campaign.From, campaign.To, Seed: 4));

        var problems = plan.Problems.Where(p => p.Subject == "caller_numbers").ToList();
        Assert.That(problems, Is.Not.Empty);
        Assert.That(problems[0].Message, Does.Match("^line \\+\\d+ needs \\d+ calls within 7 days but the pool has 5 numbers$"));
        Assert.That(plan.Calls.GroupBy(c => c.Line).Max(g => g.Count()), Is.LessThanOrEqualTo(5));
    }

    [Test]
    public void Plan_NoVoices_LeavesTheVoiceToTheSynthesizer()
    {
        var demo = TestCampaigns.DemoWeek();
        var campaign = demo with { Anonymity = demo.Anonymity with { CallerVoices = [] } };

        var plan = CampaignPlanner.Plan(campaign, new PlanRequest(campaign.From, campaign.To, Seed: 4));

        Assert.That(plan.Calls.Select(c => c.CallerVoice), Has.All.Null);
    }

    [Test]
    public void Plan_TwoConcurrentCallsAllowed_OverlapsAtMostTwo()
    {
        var demo = TestCampaigns.DemoWeek();
        var campaign = demo with
        {
            Pacing = new CampaignPacing(MaxConcurrentPerLine: 2, MinGapSameLine: TimeSpan.FromMinutes(2), ExpectedCallLength: TimeSpan.FromMinutes(10)),
            Quotas = demo.Quotas with { PerAgentPerWeek = 12, MaxPerPeriodPerDay = null },
            Anonymity = demo.Anonymity with { CallerNumbers = TestCampaigns.CallerNumbers(60) },
        };

        var plan = CampaignPlanner.Plan(campaign, new PlanRequest(campaign.From, campaign.To, Seed: 8));

        Assert.That(plan.Problems, Is.Empty);
        PlanAssert.Paced(plan);
    }

    [TestCase(2026, 11, 20, 2026, 11, 29)]
    [TestCase(2026, 11, 23, 2026, 11, 30)]
    [TestCase(2026, 11, 26, 2026, 11, 25)]
    public void Plan_DatesNotWithinTheCampaign_ThrowsNamingTheDates(int fromYear, int fromMonth, int fromDay, int toYear, int toMonth, int toDay)
    {
        var campaign = TestCampaigns.DemoWeek();
        var request = new PlanRequest(new DateOnly(fromYear, fromMonth, fromDay), new DateOnly(toYear, toMonth, toDay), Seed: 1);

        Assert.That(() => CampaignPlanner.Plan(campaign, request), Throws.ArgumentException.With.Message.Contains("plan dates"));
    }
}
