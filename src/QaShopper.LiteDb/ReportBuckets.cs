using LiteDB;
using QaShopper.Core.Results;
using QaShopper.Core.Scenarios;
using QaShopper.LiteDb.Documents;

namespace QaShopper.LiteDb;

/// <summary>
/// The report aggregates: per agent, one bucket per UTC day and one per UTC calendar month of the calls' report time
/// (<see cref="CallDocument.ReportTicks"/>), each holding what its calls add to an <see cref="Core.Reports.AgentReport"/>;
/// and the same for the whole team under <see cref="Team"/>, so a team trend reads a year as 365 documents rather than
/// every agent's. Updated inside the transaction that saves the call.
/// </summary>
internal static class ReportBuckets
{
    public static readonly Grade[] Grades = Enum.GetValues<Grade>();

    /// <summary>The agent name of the team's buckets; no agent id can hold a control character.</summary>
    public const string Team = "\u0002team";

    /// <summary>Adds (<paramref name="sign"/> +1) or removes (-1) one call's contribution to its day and month buckets.</summary>
    public static void Apply(ILiteCollection<AgentDayDocument> buckets, CallDocument call, int sign)
    {
        foreach (var (id, agent, day) in KeysOf(call))
        {
            Apply(buckets, id, agent, day, call, sign);
        }
    }

    /// <summary>The buckets one call counts in: its agent's day and month, and the team's day and month.</summary>
    public static IEnumerable<(string Id, string Agent, int Day)> KeysOf(CallDocument call)
    {
        var day = Instant.Day(call.ReportedTicks());
        var month = MonthOf(day);
        foreach (var agent in new[] { call.ReportAgent, Team })
        {
            yield return (AgentDayDocument.DayKey(agent, day), agent, day);
            yield return (AgentDayDocument.MonthKey(agent, month), agent, -(month + 1));
        }
    }

    /// <summary>
    /// Rebuilds every bucket from the calls, filling in each call's report time on the way (schema version 2 keys the
    /// buckets by it and adds the team's buckets and the points lost). In batches, so a large file never holds one huge
    /// transaction; run again from the start if interrupted, since it clears the buckets first.
    /// </summary>
    public static void RefileAll(LiteDatabase db)
    {
        var calls = db.GetCollection<CallDocument>(Collections.Calls);
        var days = db.GetCollection<AgentDayDocument>(Collections.AgentDays);
        days.DeleteAll();
        var totals = new Dictionary<string, AgentDayDocument>(StringComparer.Ordinal);
        var ids = calls.Query().Select(x => x.Id).ToList();
        foreach (var batch in ids.Chunk(5_000))
        {
            db.BeginTrans();
            foreach (var id in batch)
            {
                var call = calls.FindById(id);
                call.ReportTicks = call.ReportedTicks();
                call.AgentTimeKey = CallDocument.Key(call.ReportAgent, call.ReportTicks, call.Id);
                calls.Update(call);
                foreach (var (key, agent, day) in KeysOf(call))
                {
                    if (!totals.TryGetValue(key, out var bucket))
                    {
                        bucket = new AgentDayDocument { Id = key, Agent = agent, Day = day, Grades = [.. Grades.Select(_ => 0)] };
                        totals[key] = bucket;
                    }

                    Add(bucket, call, +1);
                }
            }

            db.Commit();
        }

        days.InsertBulk(totals.Values.Where(b => b.Calls != 0));
    }

    /// <summary>The month number (year × 12 + month − 1) of a day number.</summary>
    public static int MonthOf(int day)
    {
        var date = DateOnly.FromDayNumber(day);
        return (date.Year * 12) + date.Month - 1;
    }

    /// <summary>The day number of the first day of a month number.</summary>
    public static int FirstDayOf(int month) => new DateOnly(month / 12, (month % 12) + 1, 1).DayNumber;

    private static void Apply(ILiteCollection<AgentDayDocument> buckets, string id, string agent, int day, CallDocument call, int sign)
    {
        var bucket = buckets.Query().Where(x => x.Id == id).ForUpdate().FirstOrDefault()
            ?? new AgentDayDocument { Id = id, Agent = agent, Day = day, Grades = [.. Grades.Select(_ => 0)] };
        Add(bucket, call, sign);
        if (bucket.Calls == 0)
        {
            buckets.Delete(id);
        }
        else
        {
            buckets.Upsert(bucket);
        }
    }

    /// <summary>Adds one call's contribution to a bucket (or to a report being summed).</summary>
    public static void Add(AgentDayDocument bucket, CallDocument call, int sign)
    {
        bucket.Calls += sign;
        if (call.Score is not { } score)
        {
            return;
        }

        bucket.Scored += sign;
        bucket.ScoreSum += sign * (decimal)score.Score;
        bucket.NeedsReview += score.NeedsReview ? sign : 0;
        bucket.Grades[Array.IndexOf(Grades, score.Grade)] += sign;
        foreach (var item in score.Items)
        {
            var count = bucket.Items.Find(i => string.Equals(i.ItemId, item.Id, StringComparison.Ordinal));
            if (count is null)
            {
                count = new ItemCountDocument { ItemId = item.Id };
                bucket.Items.Add(count);
            }

            count.Seen += sign;
            count.Passed += item.Outcome == ItemOutcome.Passed ? sign : 0;
            count.Failed += item.Outcome == ItemOutcome.Failed ? sign : 0;
            count.Uncertain += item.Outcome == ItemOutcome.Uncertain ? sign : 0;
            count.Critical |= item.Critical;
        }

        foreach (var (itemId, points) in Core.Reports.ItemPassRate.PointsLostBy(score.Items, i => i.Id, i => i.Outcome, i => i.Weight))
        {
            bucket.Items.First(i => string.Equals(i.ItemId, itemId, StringComparison.Ordinal)).PointsLost += sign * points;
        }

        // An item stays in the report while any scored call lists it, even when it never applied.
        bucket.Items.RemoveAll(i => i.Seen == 0);
    }

    /// <summary>Adds a whole bucket to a report being summed.</summary>
    public static void Add(AgentDayDocument total, AgentDayDocument bucket)
    {
        total.Calls += bucket.Calls;
        total.Scored += bucket.Scored;
        total.ScoreSum += bucket.ScoreSum;
        total.NeedsReview += bucket.NeedsReview;
        for (var g = 0; g < total.Grades.Count && g < bucket.Grades.Count; g++)
        {
            total.Grades[g] += bucket.Grades[g];
        }

        foreach (var item in bucket.Items)
        {
            var count = total.Items.Find(i => string.Equals(i.ItemId, item.ItemId, StringComparison.Ordinal));
            if (count is null)
            {
                total.Items.Add(new ItemCountDocument
                {
                    ItemId = item.ItemId, Seen = item.Seen, Passed = item.Passed, Failed = item.Failed, Uncertain = item.Uncertain,
                    PointsLost = item.PointsLost, Critical = item.Critical,
                });
            }
            else
            {
                count.Seen += item.Seen;
                count.Passed += item.Passed;
                count.Failed += item.Failed;
                count.Uncertain += item.Uncertain;
                count.PointsLost += item.PointsLost;
                count.Critical |= item.Critical;
            }
        }
    }
}
