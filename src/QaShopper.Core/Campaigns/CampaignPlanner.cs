using System.Globalization;

namespace QaShopper.Core.Campaigns;

/// <summary>
/// Plans a campaign's test calls for a range of dates: enough calls for every agent and every service period
/// (<see cref="CampaignQuotas"/>), each inside an open period occurrence of its line's site, paced
/// (<see cref="CampaignPacing"/>) and disguised (<see cref="CampaignAnonymity"/>). Pure and deterministic: no
/// clock, no I/O, and the same campaign and request always give the same plan. What cannot fit is reported as
/// <see cref="PlanProblem"/>s with the numbers; the plan keeps every call that does fit.
/// </summary>
public static class CampaignPlanner
{
    // Separate random streams per stage, so a change in one stage does not reshuffle the others.
    private const int AllocationStream = 1;
    private const int PlacementStream = 2;
    private const int NumberStream = 3;
    private const int VoiceStream = 4;
    private const int ScenarioStream = 5;
    private const int SeedStream = 6;

    /// <summary>
    /// Plans <paramref name="request"/>'s dates. Quota weeks are 7-day blocks from <see cref="PlanRequest.From"/>; a
    /// shorter last block needs its share of the weekly quotas, rounded up.
    /// </summary>
    /// <exception cref="ArgumentException">The dates are reversed or not within the campaign's dates.</exception>
    public static CampaignPlan Plan(Campaign campaign, PlanRequest request)
    {
        ArgumentNullException.ThrowIfNull(campaign);
        ArgumentNullException.ThrowIfNull(request);
        Validate(campaign, request);

        var pacing = PacingRules.From(campaign);
        var weeks = PlanWeek.Split(request.From, request.To);
        var schedules = campaign.Sites.ToDictionary(
            s => s.Id,
            s => SiteSchedule.Build(s, weeks, request, pacing),
            StringComparer.Ordinal);
        var lines = campaign.Lines
            // campaign.Site throws a clear ArgumentException for a line whose site the campaign lacks.
            .Select((line, i) => new LineState(i, line, schedules[campaign.Site(line.SiteId).Id], weeks.Count))
            .ToList();

        Allocate(campaign, weeks, lines, pacing, Stream(request.Seed, AllocationStream));
        var placed = new CallPlacer(pacing, Stream(request.Seed, PlacementStream)).Place(lines);
        placed.Sort((a, b) => a.Second != b.Second ? a.Second.CompareTo(b.Second) : a.Line.Index.CompareTo(b.Line.Index));

        var problems = ShortfallReporter.Report(campaign, weeks, lines, placed, pacing).ToList();
        var calls = Disguise(campaign, request.Seed, lines, placed, problems);

        // A campaign that places no call tests nobody: that is a problem to report, not a valid plan. With a
        // NotBefore (a resumed start) every call may simply be in the past, which is not.
        if (calls.Count == 0 && problems.Count == 0 && request.NotBefore is null)
        {
            problems.Add(new PlanProblem(campaign.Id, Invariant(
                $"plans no calls from {PlanText.Date(request.From)} to {PlanText.Date(request.To)}: no line has an open period with a quota to meet on those dates; check the dates, the periods' days and the quotas")));
        }

        return new CampaignPlan(campaign, request.From, request.To, calls, problems);
    }

    private static void Validate(Campaign campaign, PlanRequest request)
    {
        if (request.To < request.From)
        {
            throw new ArgumentException(Invariant($"plan dates {PlanText.Date(request.From)}..{PlanText.Date(request.To)} end before they start"), nameof(request));
        }

        if (request.From < campaign.From || request.To > campaign.To)
        {
            throw new ArgumentException(
                Invariant($"plan dates {PlanText.Date(request.From)}..{PlanText.Date(request.To)} are not within campaign {campaign.Id}'s dates {PlanText.Date(campaign.From)}..{PlanText.Date(campaign.To)}"),
                nameof(request));
        }
    }

    private static void Allocate(Campaign campaign, IReadOnlyList<PlanWeek> weeks, IReadOnlyList<LineState> lines, PacingRules pacing, Random random)
    {
        var linesPerAgent = DemandCalculator.LinesPerAgent(campaign.Lines);
        foreach (var site in lines.Select(l => l.Schedule).Distinct())
        {
            var siteLines = lines.Where(l => l.Schedule == site).ToList();
            foreach (var week in weeks)
            {
                if (site.WeekOver[week.Index])
                {
                    continue;
                }

                var slots = site.SlotsByWeek[week.Index];
                foreach (var line in siteLines)
                {
                    line.Demands[week.Index] = DemandCalculator.Demand(line.Line, campaign.Quotas, linesPerAgent, week, slots);
                }

                var counts = SlotAllocator.Allocate(slots, siteLines.Select(l => l.Demands[week.Index]!).ToList(), site.Site.Periods.Count, pacing, random);
                for (var l = 0; l < siteLines.Count; l++)
                {
                    for (var s = 0; s < slots.Count; s++)
                    {
                        if (counts[l][s] > 0)
                        {
                            siteLines[l].Allocations.Add((slots[s], counts[l][s]));
                        }
                    }
                }
            }
        }
    }

    /// <summary>Caller numbers, voices and scenarios in time order; then ids and seeds over the calls that keep a number.</summary>
    private static List<PlannedCall> Disguise(Campaign campaign, int seed, List<LineState> lines, List<PlacedCall> placed, List<PlanProblem> problems)
    {
        var numbers = new CallerNumberPool(campaign.Anonymity, Stream(seed, NumberStream));
        var voices = new VoiceRotation(campaign.Anonymity.CallerVoices, Stream(seed, VoiceStream));
        var scenarioRandom = Stream(seed, ScenarioStream);
        var rotations = lines.Select(l => ScenarioRotation.For(l.Line, campaign) is { Count: > 0 } scenarios ? new ScenarioRotation(scenarios, scenarioRandom) : null).ToList();
        var seeds = Stream(seed, SeedStream);

        var calls = new List<PlannedCall>(placed.Count);
        var unnumbered = new SortedSet<int>();
        var unscripted = new Dictionary<int, int>();
        foreach (var call in placed)
        {
            var line = call.Line;
            if (rotations[line.Index] is not { } rotation)
            {
                unscripted[line.Index] = unscripted.GetValueOrDefault(line.Index) + 1;
                continue;
            }

            if (numbers.Take(line.Index, call.Second) is not { } number)
            {
                unnumbered.Add(line.Index);
                continue;
            }

            var at = DateTimeOffset.FromUnixTimeSeconds(call.Second);
            var occurrence = call.Slot.Occurrence;
            calls.Add(new PlannedCall(
                Invariant($"{campaign.Id}-{occurrence.LocalDate:yyyyMMdd}-{calls.Count + 1:D4}"),
                campaign.Id,
                occurrence.SiteId,
                line.Line.Number,
                occurrence.Period,
                occurrence.LocalDate,
                at,
                call.Slot.WindowEnd(at),
                rotation.Next(),
                number,
                voices.Take(line.Index),
                seeds.Next()));
        }

        foreach (var (line, dropped) in unscripted.OrderBy(u => u.Key))
        {
            problems.Add(new PlanProblem("scenarios", Invariant($"line {lines[line].Line.Number} has no scenario with a weight to play: {PlanText.Calls(dropped)} left out")));
        }

        foreach (var line in unnumbered)
        {
            problems.Add(new PlanProblem("caller_numbers", NumberShortfall(campaign.Anonymity, lines[line], placed)));
        }

        return calls;
    }

    private static string NumberShortfall(CampaignAnonymity anonymity, LineState line, List<PlacedCall> placed)
    {
        var pool = anonymity.CallerNumbers.Distinct(StringComparer.Ordinal).Count();
        var starts = placed.Where(c => c.Line == line).Select(c => c.Second).ToList();
        var days = Math.Max(0, anonymity.NumberReuseDays);
        var window = days * 86_400L;

        // The most calls the line gets within any `days`-day span: the pool must have at least that many numbers.
        var most = 0;
        for (int first = 0, last = 0; last < starts.Count; last++)
        {
            while (starts[last] - starts[first] >= window && first < last)
            {
                first++;
            }

            most = Math.Max(most, last - first + 1);
        }

        return pool == 0
            ? Invariant($"line {line.Line.Number} needs {PlanText.Calls(starts.Count)} but the pool has no numbers")
            : Invariant($"line {line.Line.Number} needs {PlanText.Calls(most)} within {days} days but the pool has {pool} numbers");
    }

    private static Random Stream(int seed, int stream) => new(unchecked((seed * 7919) + stream));

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
