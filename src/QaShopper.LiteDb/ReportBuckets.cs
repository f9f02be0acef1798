using LiteDB;
using QaShopper.Core.Results;
using QaShopper.Core.Scenarios;
using QaShopper.LiteDb.Documents;

namespace QaShopper.LiteDb;

/// <summary>
/// The report aggregates: per agent, one bucket per UTC day and one per UTC calendar month, each holding what its calls
/// add to an <see cref="Core.Reports.AgentReport"/>. Updated inside the transaction that saves the call.
/// </summary>
internal static class ReportBuckets
{
    public static readonly Grade[] Grades = Enum.GetValues<Grade>();

    /// <summary>Adds (<paramref name="sign"/> +1) or removes (-1) one call's contribution to its day and month buckets.</summary>
    public static void Apply(ILiteCollection<AgentDayDocument> buckets, CallDocument call, int sign)
    {
        var day = Instant.Day(call.PlacedTicks);
        Apply(buckets, AgentDayDocument.DayKey(call.ReportAgent, day), call.ReportAgent, day, call, sign);
        var month = MonthOf(day);
        Apply(buckets, AgentDayDocument.MonthKey(call.ReportAgent, month), call.ReportAgent, -(month + 1), call, sign);
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
                total.Items.Add(new ItemCountDocument { ItemId = item.ItemId, Seen = item.Seen, Passed = item.Passed, Failed = item.Failed, Uncertain = item.Uncertain });
            }
            else
            {
                count.Seen += item.Seen;
                count.Passed += item.Passed;
                count.Failed += item.Failed;
                count.Uncertain += item.Uncertain;
            }
        }
    }
}
