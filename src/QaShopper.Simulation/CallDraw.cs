using System.Globalization;
using QaShopper.Core.Scenarios;

namespace QaShopper.Simulation;

/// <summary>Everything decided at random for one call before any audio is made; the truth follows from it.</summary>
internal sealed record CallDraw(
    bool NoAnswer,
    bool Busy,
    bool AnswersSlowly,
    TimeSpan RingTime,
    bool HoldsTooLong,
    TimeSpan HoldLength,
    IReadOnlyDictionary<string, bool> ItemBehaviour,
    string? ForbiddenPhrase)
{
    /// <summary>Normal answer: three to twelve seconds, well inside the usual 18 s limit.</summary>
    public static readonly (double Min, double Max) NormalRing = (3, 12);

    /// <summary>Slow answer: 24 to 40 seconds, clearly over 18 s and under the 45 s of a long-silence limit.</summary>
    public static readonly (double Min, double Max) SlowRing = (24, 40);

    /// <summary>A hold that is fine: 5 to 15 seconds.</summary>
    public static readonly (double Min, double Max) NormalHold = (5, 15);

    /// <summary>
    /// Draws in a fixed order from <paramref name="random"/> so a seed always gives the same call. A site's
    /// no-answer and busy rates win over the profile's.
    /// </summary>
    public static CallDraw Draw(Random random, Site site, BehaviourProfile profile, ScenarioLines lines, IReadOnlyList<ChecklistItem> checklist)
    {
        var noAnswer = random.NextDouble() < (site.NoAnswer ?? profile[Behaviours.NoAnswer]);
        var busy = !noAnswer & random.NextDouble() < (site.Busy ?? profile[Behaviours.Busy]);
        var slow = random.NextDouble() < profile[Behaviours.AnswersSlowly];
        var ring = Between(random, slow ? SlowRing : NormalRing);
        var tooLong = random.NextDouble() < profile[Behaviours.HoldsTooLong];

        // Too long means clearly over the scenario's own silence limit (30 s by default): 5 to 25 s beyond it.
        var limit = checklist.Select(i => i.Check).OfType<MaxSilenceCheck>().Select(c => c.Limit.TotalSeconds).DefaultIfEmpty(30).Min();
        var hold = Between(random, tooLong ? (Math.Max(35, limit + 5), Math.Max(55, limit + 25)) : NormalHold);

        // One draw per item, in file order, so every line of an item agrees.
        var items = new Dictionary<string, bool>(StringComparer.Ordinal);
        foreach (var line in lines.Turns.SelectMany(t => t).Where(l => l.Item is not null && l.Behaviour is not null))
        {
            if (!items.ContainsKey(line.Item!))
            {
                items[line.Item!] = random.NextDouble() < Behaviours.ProbabilityOf(profile, line.Behaviour!);
            }
        }

        string? forbidden = null;
        var forbiddenItem = checklist.FirstOrDefault(i => i.Check is NoPhraseCheck && items.TryGetValue(i.Id, out var clean) && !clean);
        if (forbiddenItem?.Check is NoPhraseCheck { Phrases.Count: > 0 } none)
        {
            forbidden = none.Phrases[random.Next(none.Phrases.Count)];
        }

        return new CallDraw(noAnswer, busy, slow, TimeSpan.FromSeconds(ring), tooLong, TimeSpan.FromSeconds(hold), items, forbidden);
    }

    /// <summary>The drawn values by name, for the ground truth and reports.</summary>
    public IReadOnlyDictionary<string, string> Describe()
    {
        var values = new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            [Behaviours.NoAnswer] = Bool(NoAnswer),
            [Behaviours.Busy] = Bool(Busy),
            [Behaviours.AnswersSlowly] = Bool(AnswersSlowly),
            ["ring_seconds"] = Seconds(RingTime),
            [Behaviours.HoldsTooLong] = Bool(HoldsTooLong),
        };
        foreach (var (item, does) in ItemBehaviour)
        {
            values[$"item:{item}"] = does ? "says" : "otherwise";
        }

        if (ForbiddenPhrase is not null)
        {
            values["forbidden_phrase"] = ForbiddenPhrase;
        }

        return values;
    }

    internal static string Bool(bool value) => value ? "true" : "false";

    internal static string Seconds(TimeSpan value) => value.TotalSeconds.ToString("0.00", CultureInfo.InvariantCulture);

    private static double Between(Random random, (double Min, double Max) range) =>
        range.Min + (random.NextDouble() * (range.Max - range.Min));
}
